package io.moonkey.server.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the RDB primitives from a byte range held in memory: lengths (6, 14, 32 or 64 bit),
 * strings (plain, integer-encoded or LZF-compressed), millisecond times, doubles. Every read is
 * bounds-checked and a declared size is trusted only as far as the remaining input backs it, so
 * corrupt input ends in an {@link RdbFormatException}, never in a huge allocation.
 */
public final class RdbInput {
    private static final int ENC_INT8 = 0, ENC_INT16 = 1, ENC_INT32 = 2, ENC_LZF = 3;
    /** LZF expands at most ~132 times (a 2-byte back reference copies up to 264 bytes). */
    private static final long LZF_MAX_RATIO = 264;

    private final byte[] buf;
    private final int end;
    private int pos;

    public RdbInput(byte[] buf, int from, int end) {
        this.buf = buf;
        this.pos = from;
        this.end = end;
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= end;
    }

    private void need(long n) throws RdbFormatException {
        if (n < 0 || n > end - pos) throw new RdbFormatException("unexpected end of RDB data at offset " + pos);
    }

    public int u8() throws RdbFormatException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    /** {@code n} raw bytes. */
    public byte[] raw(int n) throws RdbFormatException {
        need(n);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    private long littleEndian(int n) throws RdbFormatException {
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << 8 | (buf[pos + i] & 0xFF);
        pos += n;
        return v;
    }

    private long bigEndian(int n) throws RdbFormatException {
        need(n);
        long v = 0;
        for (int i = 0; i < n; i++) v = v << 8 | (buf[pos + i] & 0xFF);
        pos += n;
        return v;
    }

    /** A 4-byte little-endian unsigned value (the old EXPIRETIME in seconds). */
    public long u32() throws RdbFormatException {
        return littleEndian(4);
    }

    /** A millisecond time: 8 bytes little endian. */
    public long millis() throws RdbFormatException {
        return littleEndian(8);
    }

    /** A 128-bit stream ID written raw (big endian ms, then seq), as PEL records hold them. */
    public long[] rawStreamId() throws RdbFormatException {
        return new long[] {bigEndian(8), bigEndian(8)};
    }

    /** A length; an encoded-string marker here is an error. */
    public long length() throws RdbFormatException {
        int b = u8();
        return switch (b >>> 6) {
            case 0 -> b & 0x3F;
            case 1 -> (b & 0x3F) << 8 | u8();
            case 2 -> lengthWide(b);
            default -> throw new RdbFormatException("unexpected string encoding where a length belongs, at offset " + (pos - 1));
        };
    }

    private long lengthWide(int b) throws RdbFormatException {
        if (b == 0x80) return bigEndian(4);
        if (b == 0x81) return bigEndian(8); // may be "negative": a group's unknown entries-read is saved as -1
        throw new RdbFormatException("unknown length encoding 0x" + Integer.toHexString(b) + " at offset " + (pos - 1));
    }

    /** A length that must fit in an int (an element count of something held in memory). */
    public int count() throws RdbFormatException {
        long n = length();
        if (n < 0 || n > Integer.MAX_VALUE) throw new RdbFormatException("count out of range: " + n);
        return (int) n;
    }

    /** A string: plain, an integer in 1, 2 or 4 bytes (its decimal text), or LZF-compressed. */
    public byte[] string() throws RdbFormatException {
        int b = u8();
        long len;
        switch (b >>> 6) {
            case 0 -> len = b & 0x3F;
            case 1 -> len = (b & 0x3F) << 8 | u8();
            case 2 -> len = lengthWide(b);
            default -> {
                return encodedString(b & 0x3F);
            }
        }
        if (len < 0 || len > end - pos) throw new RdbFormatException("string length " + len + " beyond the end of the data at offset " + pos);
        return raw((int) len);
    }

    private byte[] encodedString(int enc) throws RdbFormatException {
        long v;
        switch (enc) {
            case ENC_INT8 -> v = (byte) u8();
            case ENC_INT16 -> v = (short) littleEndian(2);
            case ENC_INT32 -> v = (int) littleEndian(4);
            case ENC_LZF -> {
                long clen = length();
                long len = length();
                need(clen);
                if (len < 0 || len > clen * LZF_MAX_RATIO || len > Integer.MAX_VALUE - 16) {
                    throw new RdbFormatException("implausible LZF length " + len + " for " + clen + " compressed bytes");
                }
                byte[] s = Lzf.decompress(buf, pos, (int) clen, (int) len);
                if (s == null) throw new RdbFormatException("invalid LZF data at offset " + pos);
                pos += (int) clen;
                return s;
            }
            default -> throw new RdbFormatException("unknown string encoding " + enc + " at offset " + (pos - 1));
        }
        return Long.toString(v).getBytes(StandardCharsets.US_ASCII);
    }

    /** A binary double: 8 bytes little endian (ZSET_2 scores). */
    public double binaryDouble() throws RdbFormatException {
        return Double.longBitsToDouble(littleEndian(8));
    }

    /** The old textual double: a length byte (253 nan, 254 +inf, 255 -inf), then its text. */
    public double textDouble() throws RdbFormatException {
        int len = u8();
        if (len == 253) return Double.NaN;
        if (len == 254) return Double.POSITIVE_INFINITY;
        if (len == 255) return Double.NEGATIVE_INFINITY;
        byte[] t = raw(len);
        try {
            return Double.parseDouble(new String(t, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new RdbFormatException("invalid double in RDB data");
        }
    }
}
