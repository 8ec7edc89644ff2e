package io.moonkey.lua.text;

/**
 * C conversions of a double to integer types as gcc compiles them for x86-64 (cvttsd2si), which
 * is what lua5.1 does wherever it casts a {@code lua_Number}. Java's casts saturate instead.
 */
public final class CConversions {
    private CConversions() {
    }

    /** {@code (long)d}: truncation; NaN and out of range give LONG_MIN. Also {@code lua_tointeger}. */
    public static long toLong(double d) {
        return d >= -0x1p63 && d < 0x1p63 ? (long) d : Long.MIN_VALUE;
    }

    /** {@code (int)d} (used by {@code %c}): truncation; NaN and out of range give INT_MIN. */
    public static int toInt(double d) {
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /**
     * {@code luaL_checkint} = {@code (int)(long)d}: the low 32 bits of {@link #toLong}, so
     * {@code 2^31} gives INT_MIN, {@code 2^32+3} gives 3 and NaN gives 0 (checked with lua5.1:
     * {@code string.rep("x", 2^32+3)} is {@code "xxx"}, {@code string.rep("x", 0/0)} is empty).
     */
    public static int checkInt(double d) {
        return (int) toLong(d);
    }

    /**
     * {@code (unsigned long)d}: below 2^63 (or NaN) a signed conversion, else a signed conversion
     * of {@code d - 2^63} with the top bit flipped; so 2^64 and above give 0, negatives wrap.
     */
    public static long toUnsignedLong(double d) {
        if (d >= 0x1p63) {
            return toLong(d - 0x1p63) ^ Long.MIN_VALUE;
        }
        return toLong(d);
    }
}
