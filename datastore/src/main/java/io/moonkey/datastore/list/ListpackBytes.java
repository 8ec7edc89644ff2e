package io.moonkey.datastore.list;

import io.moonkey.datastore.Numbers;

/**
 * The byte sizes of Valkey's listpack format, which a list tracks for each of its nodes: the
 * encoding rules (list-max-listpack-size, the conversions between listpack and quicklist, where
 * quicklist nodes split and merge) are stated in these bytes, not in how this list stores them.
 * An entry is an encoding byte or bytes, the data, and a back-length of 1 to 5 bytes;
 * integer-looking strings are stored as integers of 1 to 9 bytes.
 */
final class ListpackBytes {
    private ListpackBytes() {}

    /** Header (total bytes and element count) plus the end marker. */
    static final int EMPTY = 7;

    /** Bytes of the entry for the element {@code b[off, off+len)}. */
    static int entry(byte[] b, int off, int len) {
        if (len > 0 && len <= 20) {
            long v = Numbers.parseCanonicalLong(b, off, len);
            if (v != Numbers.NOT_A_LONG || isLongMin(b, off, len)) return integer(v);
        }
        int enc = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
        return enc + backLength(enc);
    }

    static int entry(byte[] e) {
        return entry(e, 0, e.length);
    }

    /** Whether the element would be stored as an integer (what a quicklist pop hands back as a number). */
    static boolean isInteger(byte[] e) {
        if (e.length == 0 || e.length > 20) return false;
        return Numbers.parseCanonicalLong(e, 0, e.length) != Numbers.NOT_A_LONG || Numbers.isLongMinValue(e);
    }

    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes();

    private static boolean isLongMin(byte[] b, int off, int len) {
        return java.util.Arrays.equals(b, off, off + len, LONG_MIN, 0, LONG_MIN.length);
    }

    private static int integer(long v) {
        int enc;
        if (v >= 0 && v <= 127) enc = 1;
        else if (v >= -4096 && v <= 4095) enc = 2;
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) enc = 3;
        else if (v >= -(1 << 23) && v <= (1 << 23) - 1) enc = 4;
        else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) enc = 5;
        else enc = 9;
        return enc + 1;
    }

    private static int backLength(int l) {
        if (l <= 127) return 1;
        if (l < 16383) return 2;
        if (l < 2097151) return 3;
        if (l < 268435455) return 4;
        return 5;
    }
}
