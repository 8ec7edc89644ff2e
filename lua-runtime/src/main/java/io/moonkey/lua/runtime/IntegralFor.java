package io.moonkey.lua.runtime;

/**
 * Entry checks of the compiler's integral loop copies, which keep provably integral locals in
 * {@code long}s (design point 3: Lua values stay doubles wherever observable). A long copy runs
 * only while every value it holds is an integer a double represents exactly, so its results
 * are those of Lua 5.1's double arithmetic bit for bit.
 */
public final class IntegralFor {
    /** Start and step of a loop counted in longs stay within ±2^52: index + step stays exact. */
    public static final double LOOP_BOUND = 0x1p52;
    private static final double EXACT = 0x1p53;

    private IntegralFor() {}

    /** A start or step value the long loop can count with (-0 counts as 0: the index is never -0). */
    public static boolean loopValue(double d) {
        return (double) (long) d == d && Math.abs(d) <= LOOP_BOUND;
    }

    /** A local's value a long holds exactly: integral, within ±2^53, not -0, not NaN. */
    public static boolean exact(double d) {
        return Double.doubleToRawLongBits((double) (long) d) == Double.doubleToRawLongBits(d) && Math.abs(d) <= EXACT;
    }

    /** What {@link #multiply} and {@link #mod} return when the double result is not theirs. */
    public static final long INEXACT = Long.MIN_VALUE;
    private static final long EXACT_LONG = 1L << 53;
    private static final long BOUND_LONG = 1L << 52;

    /**
     * {@code a * b} for longs within ±2^53 when Lua's double product is that integer: no
     * rounding (|product| <= 2^53) and not -0 (a zero times a negative); else {@link #INEXACT}.
     */
    public static long multiply(long a, long b) {
        long p = a * b;
        if (Math.multiplyHigh(a, b) != (p >> 63) || p < -EXACT_LONG || p > EXACT_LONG || (p == 0 && (a | b) < 0)) {
            return INEXACT;
        }
        return p;
    }

    /**
     * Lua's {@code a % b} ({@code a - floor(a/b)*b} in doubles) for longs: for |a|, |b| <= 2^52
     * and b != 0 the quotient's rounding cannot cross an integer and every step is exact, so it
     * is the floored remainder, and a zero is +0. Otherwise {@link #INEXACT}.
     */
    public static long mod(long a, long b) {
        if (b == 0 || a < -BOUND_LONG || a > BOUND_LONG || b < -BOUND_LONG || b > BOUND_LONG) {
            return INEXACT;
        }
        return Math.floorMod(a, b);
    }

    /**
     * The bound of a long loop for {@code limit}: the loop counts while the index is at most it
     * (step > 0) or at least it (step <= 0). Past ±2^52 it is clamped, and the loop's exit check
     * (the double comparison with the real limit) then carries on in the double copy.
     * A NaN limit gives a bound the first index already passes: the exit check ends the loop.
     */
    public static long limit(double limit, long step) {
        if (step > 0) {
            if (limit >= LOOP_BOUND) {
                return (long) LOOP_BOUND;
            }
            return limit >= -EXACT ? (long) Math.floor(limit) : Long.MIN_VALUE;
        }
        if (limit <= -LOOP_BOUND) {
            return -(long) LOOP_BOUND;
        }
        return limit <= EXACT ? (long) Math.ceil(limit) : Long.MAX_VALUE;
    }
}
