package io.moonkey.datastore;

/**
 * Integer text as Valkey reads and writes it: strictly canonical decimal (no sign but '-', no
 * leading zeros, no spaces), 64-bit, allocation-free parsing.
 */
public final class Numbers {
    private Numbers() {}

    /** Returned by {@link #parseCanonicalLong} for text that is not a canonical integer. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes();

    /**
     * The canonical 64-bit integer in {@code b[off, off+len)}, or {@link #NOT_A_LONG}. Since
     * {@code Long.MIN_VALUE} is also the sentinel, callers needing it check
     * {@link #isLongMinValue}.
     */
    public static long parseCanonicalLong(byte[] b, int off, int len) {
        if (len <= 0 || len > 20) return NOT_A_LONG;
        int i = off, end = off + len;
        if (len == 1 && b[i] == '0') return 0;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
            if (i == end) return NOT_A_LONG;
        }
        if (b[i] < '1' || b[i] > '9') return NOT_A_LONG;
        long v = 0; // accumulate negatively: -Long.MIN_VALUE does not fit
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return NOT_A_LONG;
            if (v < (Long.MIN_VALUE + d) / 10 || v * 10 < Long.MIN_VALUE + d) return NOT_A_LONG;
            v = v * 10 - d;
        }
        if (neg) return v;
        if (v == Long.MIN_VALUE) return NOT_A_LONG;
        return -v;
    }

    public static boolean isLongMinValue(byte[] b) {
        return java.util.Arrays.equals(b, LONG_MIN);
    }

    /** True and the value in {@code out[0]} when {@code b} is a canonical 64-bit integer. */
    public static boolean parseLong(byte[] b, long[] out) {
        long v = parseCanonicalLong(b, 0, b.length);
        if (v == NOT_A_LONG && !isLongMinValue(b)) return false;
        out[0] = v;
        return true;
    }

    /** Number of characters of {@code v} in decimal, sign included. */
    public static int digits(long v) {
        if (v == Long.MIN_VALUE) return 20;
        int n = 1;
        if (v < 0) {
            n++;
            v = -v;
        }
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    public static byte[] longToBytes(long v) {
        byte[] out = new byte[digits(v)];
        writeLong(v, out, 0);
        return out;
    }

    /** Writes {@code v} in decimal at {@code off}; returns the offset after it. */
    public static int writeLong(long v, byte[] out, int off) {
        int n = digits(v);
        int end = off + n;
        if (v == Long.MIN_VALUE) {
            System.arraycopy(LONG_MIN, 0, out, off, LONG_MIN.length);
            return end;
        }
        int p = end;
        boolean neg = v < 0;
        if (neg) v = -v;
        do {
            out[--p] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        if (neg) out[--p] = '-';
        return end;
    }
}
