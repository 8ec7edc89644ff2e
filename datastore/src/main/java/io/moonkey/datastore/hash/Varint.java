package io.moonkey.datastore.hash;

/**
 * The length prefix of a packed string: an unsigned integer in little-endian groups of 7 bits,
 * the high bit of a byte saying another follows. Short fields cost one byte of overhead.
 */
final class Varint {
    private Varint() {}

    /** Bytes needed to write {@code v}. */
    static int size(int v) {
        if (v < 1 << 7) return 1;
        if (v < 1 << 14) return 2;
        if (v < 1 << 21) return 3;
        if (v < 1 << 28) return 4;
        return 5;
    }

    /** Writes {@code v} at {@code off}; returns the offset after it. */
    static int write(byte[] b, int off, int v) {
        while (v >= 0x80) {
            b[off++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        b[off++] = (byte) v;
        return off;
    }

    /** The value written at {@code off}. */
    static int read(byte[] b, int off) {
        int v = 0, shift = 0, c;
        do {
            c = b[off++];
            v |= (c & 0x7f) << shift;
            shift += 7;
        } while (c < 0);
        return v;
    }

    /** The number of bytes the value at {@code off} occupies. */
    static int sizeAt(byte[] b, int off) {
        int n = 1;
        while (b[off++] < 0) n++;
        return n;
    }
}
