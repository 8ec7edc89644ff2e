package io.moonkey.server.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the elements of a serialized listpack (the compact encoding of small hashes, sets,
 * sorted sets, list nodes and stream nodes): a 6-byte header (total bytes, element count),
 * elements each followed by their back-length, and the 0xFF terminator. An element is either an
 * integer (7, 13, 16, 24, 32 or 64 bit) or a string (6, 12 or 32-bit length). The header and
 * every element are bounds-checked.
 */
final class ListpackReader {
    private static final int HEADER = 6, EOF = 0xFF;

    private final byte[] lp;
    private int pos = HEADER;
    private boolean isInt;
    private long intValue;
    private int strOff, strLen;

    ListpackReader(byte[] lp) throws RdbFormatException {
        if (lp.length < HEADER + 1) throw new RdbFormatException("listpack too short");
        long total = (lp[0] & 0xFFL) | (lp[1] & 0xFFL) << 8 | (lp[2] & 0xFFL) << 16 | (lp[3] & 0xFFL) << 24;
        if (total != lp.length || (lp[lp.length - 1] & 0xFF) != EOF) throw new RdbFormatException("listpack header or terminator invalid");
        this.lp = lp;
    }

    /** Moves to the next element; false at the terminator. */
    boolean next() throws RdbFormatException {
        if (pos >= lp.length) throw new RdbFormatException("listpack without terminator");
        int b = lp[pos] & 0xFF;
        if (b == EOF) return false;
        int size; // encoding plus data
        isInt = true;
        if ((b & 0x80) == 0) {
            intValue = b;
            size = 1;
        } else if ((b & 0xC0) == 0x80) {
            string(pos + 1, b & 0x3F);
            size = 1 + strLen;
        } else if ((b & 0xE0) == 0xC0) {
            check(2);
            int u = (b & 0x1F) << 8 | (lp[pos + 1] & 0xFF);
            intValue = u >= 1 << 12 ? u - (1 << 13) : u;
            size = 2;
        } else if ((b & 0xF0) == 0xE0) {
            check(2);
            string(pos + 2, (b & 0x0F) << 8 | (lp[pos + 1] & 0xFF));
            size = 2 + strLen;
        } else {
            switch (b) {
                case 0xF1 -> { intValue = (short) little(2); size = 3; }
                case 0xF2 -> { intValue = (little(3) << 40) >> 40; size = 4; }
                case 0xF3 -> { intValue = (int) little(4); size = 5; }
                case 0xF4 -> { intValue = little(8); size = 9; }
                case 0xF0 -> {
                    long n = little(4);
                    if (n > Integer.MAX_VALUE) throw new RdbFormatException("listpack string too long");
                    string(pos + 5, (int) n);
                    size = 5 + strLen;
                }
                default -> throw new RdbFormatException("invalid listpack encoding byte 0x" + Integer.toHexString(b));
            }
        }
        int advance = size + backLengthSize(size);
        check(advance);
        pos += advance;
        return true;
    }

    private void check(long n) throws RdbFormatException {
        if (pos + n > lp.length - 1) throw new RdbFormatException("listpack element beyond its end");
    }

    private long little(int n) throws RdbFormatException {
        check(1 + n);
        long v = 0;
        for (int i = n; i >= 1; i--) v = v << 8 | (lp[pos + i] & 0xFF);
        return v;
    }

    private void string(int off, int len) throws RdbFormatException {
        if ((long) off + len > lp.length - 1) throw new RdbFormatException("listpack string beyond its end");
        isInt = false;
        strOff = off;
        strLen = len;
    }

    /** How many bytes the back-length of an element of {@code size} bytes takes (7 bits per byte). */
    static int backLengthSize(long size) {
        if (size <= 127) return 1;
        if (size < 16383) return 2;
        if (size < 2097151) return 3;
        if (size < 268435455) return 4;
        return 5;
    }

    boolean isInt() {
        return isInt;
    }

    long intValue() {
        return intValue;
    }

    /** The current element as bytes (an integer as its decimal text). */
    byte[] bytes() {
        if (isInt) return Long.toString(intValue).getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOfRange(lp, strOff, strOff + strLen);
    }

    /** The current element as an integer; a string must be one. */
    long asLong() throws RdbFormatException {
        if (isInt) return intValue;
        try {
            return Long.parseLong(new String(lp, strOff, strLen, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new RdbFormatException("listpack element is not an integer");
        }
    }

    /** The current element as a double (sorted-set scores are stored as integers or text). */
    double asDouble() throws RdbFormatException {
        if (isInt) return intValue;
        String t = new String(lp, strOff, strLen, StandardCharsets.US_ASCII);
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d)) throw new RdbFormatException("NaN score in listpack");
            return d;
        } catch (NumberFormatException e) {
            throw new RdbFormatException("listpack element is not a number");
        }
    }
}
