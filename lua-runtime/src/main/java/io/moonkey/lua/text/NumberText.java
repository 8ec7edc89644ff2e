package io.moonkey.lua.text;

/**
 * Lua 5.1's number-to-string conversion ({@code tostring}, {@code ..}, {@code lua_tolstring}):
 * C {@code sprintf("%.14g")} ({@code LUAI_NUMFFORMAT}) as glibc prints it, including
 * {@code inf}, {@code -inf}, {@code nan}/{@code -nan} by the NaN's sign bit, and {@code -0}.
 */
public final class NumberText {
    /** Largest magnitude whose integral values print without an exponent under %.14g. */
    private static final double FIXED_LIMIT = 1e14;
    private static final ThreadLocal<ByteBuilder> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuilder(32));

    private NumberText() {
    }

    /** The {@code %.14g} text of {@code v} as ASCII bytes. */
    public static byte[] toBytes(double v) {
        long i = (long) v;
        if (i == v && Math.abs(v) < FIXED_LIMIT && (i != 0 || Double.doubleToRawLongBits(v) == 0)) {
            byte[] out = new byte[DecimalExpansion.decimalLength(i)];
            DecimalExpansion.writeLong(i, out, 0);
            return out;
        }
        ByteBuilder b = SCRATCH.get();
        b.clear();
        CFormat.appendDouble(b, v, 'g', 0, 0, 14);
        return b.toByteArray();
    }

    /** The {@code %.14g} text of {@code v} as a Java string (for diagnostics and tests). */
    public static String toString(double v) {
        return new String(toBytes(v), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Appends the {@code %.14g} text of {@code v}. */
    public static void append(ByteBuilder out, double v) {
        long i = (long) v;
        if (i == v && Math.abs(v) < FIXED_LIMIT && (i != 0 || Double.doubleToRawLongBits(v) == 0)) {
            out.appendLong(i);
            return;
        }
        CFormat.appendDouble(out, v, 'g', 0, 0, 14);
    }

    /**
     * Writes the {@code %.14g} text of {@code v} into {@code dst} at {@code off} (at least 24
     * bytes must be free: the longest form is like {@code -1.2345678901234e-308}); returns the
     * number of bytes written.
     */
    public static int write(double v, byte[] dst, int off) {
        long i = (long) v;
        if (i == v && Math.abs(v) < FIXED_LIMIT && (i != 0 || Double.doubleToRawLongBits(v) == 0)) {
            return DecimalExpansion.writeLong(i, dst, off) - off;
        }
        ByteBuilder b = SCRATCH.get();
        b.clear();
        CFormat.appendDouble(b, v, 'g', 0, 0, 14);
        System.arraycopy(b.array(), 0, dst, off, b.length());
        return b.length();
    }
}
