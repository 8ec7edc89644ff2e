package io.moonkey.datastore.zset;

import java.util.Arrays;

/**
 * A member interval as ZRANGEBYLEX takes it: "[a" inclusive, "(a" exclusive, "-" and "+" the
 * open ends, given as the identity sentinels {@link #MINUS} and {@link #PLUS}.
 */
public record LexRange(byte[] min, boolean minExclusive, byte[] max, boolean maxExclusive) {
    /** "-": before every member. */
    public static final byte[] MINUS = new byte[] {'-'};
    /** "+": after every member. */
    public static final byte[] PLUS = new byte[] {'+'};

    public boolean isEmpty() {
        if (min == PLUS || max == MINUS) return true;
        if (min == MINUS || max == PLUS) return false;
        int c = Arrays.compareUnsigned(min, max);
        return c > 0 || (c == 0 && (minExclusive || maxExclusive));
    }

    public boolean aboveMin(byte[] m) {
        if (min == MINUS) return true;
        if (min == PLUS) return false;
        int c = Arrays.compareUnsigned(m, min);
        return minExclusive ? c > 0 : c >= 0;
    }

    public boolean belowMax(byte[] m) {
        if (max == PLUS) return true;
        if (max == MINUS) return false;
        int c = Arrays.compareUnsigned(m, max);
        return maxExclusive ? c < 0 : c <= 0;
    }
}
