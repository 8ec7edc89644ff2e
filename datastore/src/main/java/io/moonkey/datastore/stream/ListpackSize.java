package io.moonkey.datastore.stream;

import io.moonkey.datastore.Numbers;

/**
 * The byte sizes of Valkey's listpack encoding, which a stream node emulates so that nodes split
 * where Valkey's do (stream-node-max-bytes): approximate trimming removes whole nodes, so node
 * boundaries are visible in XTRIM/XADD replies and in XINFO's radix-tree counters.
 */
final class ListpackSize {
    private ListpackSize() {}

    /** Header (total bytes and element count) plus the end marker. */
    static final int EMPTY = 7;

    /** Bytes of an integer element, its back-length included. */
    static int ofInteger(long v) {
        int enc;
        if (v >= 0 && v <= 127) enc = 1;
        else if (v >= -4096 && v <= 4095) enc = 2;
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) enc = 3;
        else if (v >= -(1 << 23) && v <= (1 << 23) - 1) enc = 4;
        else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) enc = 5;
        else enc = 9;
        return enc + backLength(enc);
    }

    /** Bytes of a string element: integer-looking strings are stored as integers. */
    static int ofString(byte[] s) {
        if (s.length > 0 && s.length <= 20) {
            long v = Numbers.parseCanonicalLong(s, 0, s.length);
            if (v != Numbers.NOT_A_LONG || Numbers.isLongMinValue(s)) return ofInteger(v);
        }
        int n = s.length;
        int enc = n < 64 ? 1 + n : n < 4096 ? 2 + n : 5 + n;
        return enc + backLength(enc);
    }

    private static int backLength(int l) {
        if (l <= 127) return 1;
        if (l < 16383) return 2;
        if (l < 2097151) return 3;
        if (l < 268435455) return 4;
        return 5;
    }
}
