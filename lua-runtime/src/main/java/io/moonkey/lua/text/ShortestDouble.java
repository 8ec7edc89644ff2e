package io.moonkey.lua.text;

/**
 * The shortest round-trip text of a double as Valkey's {@code fpconv_dtoa} prints it (used for
 * {@code server.call} number arguments and double replies; spec lua-api.md §13.2).
 *
 * <p>Digits come from {@link Grisu2}, the algorithm fpconv uses, so they are fpconv's even in
 * the rare cases where Grisu2 is not the shortest or closest representation ({@link
 * #appendShortest} gives the strictly shortest correctly rounded form for comparison).
 * Layout with n digits, value = digits × 10^K, E = K + n - 1: the digits followed by K zeros
 * when {@code K >= 0 && |E| < n + 7}; a plain decimal when {@code K < 0 && (K > -7 || |E| < 4)};
 * otherwise {@code d[.ddd]e±E} without exponent padding.
 */
public final class ShortestDouble {
    private static final double INTEGER_LIMIT = 0x1p62;

    private ShortestDouble() {
    }

    /**
     * Valkey's conversion of a Lua number argument of {@code server.call}: an integral value with
     * magnitude at most 2^62 as a decimal integer ({@code -0} prints {@code 0}), else {@link #append}.
     */
    public static void appendCallArgument(ByteBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) <= INTEGER_LIMIT) {
            out.appendLong((long) v);
        } else {
            append(out, v);
        }
    }

    /** Appends the fpconv_dtoa text of {@code v}: {@code nan}/{@code -nan} by sign bit, {@code inf}, {@code -inf}. */
    public static void append(ByteBuilder out, double v) {
        if (appendSpecial(out, v)) {
            return;
        }
        byte[] digits = new byte[20];
        long r = Grisu2.generate(Math.abs(v), digits);
        layout(out, digits, (int) r, (int) (r >> 32));
    }

    /** Like {@link #append} but with the shortest correctly rounded digits (what JDK 19+ prints). */
    public static void appendShortest(ByteBuilder out, double v) {
        if (appendSpecial(out, v)) {
            return;
        }
        DecimalExpansion d = shortestDigits(Math.abs(v));
        byte[] digits = new byte[20];
        for (int i = 0; i < d.count; i++) {
            digits[i] = (byte) ('0' + d.digits[i]);
        }
        layout(out, digits, d.count, d.point - d.count);
    }

    /** The sign, and the whole text for zero, infinities and NaN; returns true if done. */
    private static boolean appendSpecial(ByteBuilder out, double v) {
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (negative) {
            out.append((byte) '-'); // fpconv prints the sign bit first, so "-nan" and "-0"
        }
        if (Double.isNaN(v)) {
            out.appendAscii("nan");
            return true;
        }
        if (Double.isInfinite(v)) {
            out.appendAscii("inf");
            return true;
        }
        if (v == 0) {
            out.append((byte) '0');
            return true;
        }
        return false;
    }

    /** fpconv's emit_digits layout of ASCII {@code digits[0, n)} times 10^k. */
    private static void layout(ByteBuilder out, byte[] digits, int n, int k) {
        int e = k + n - 1;
        int a = Math.abs(e);
        if (k >= 0 && a < n + 7) {
            out.append(digits, 0, n);
            out.fill((byte) '0', k);
        } else if (k < 0 && (k > -7 || a < 4)) {
            int intDigits = n + k;
            if (intDigits <= 0) {
                out.append((byte) '0').append((byte) '.');
                out.fill((byte) '0', -intDigits);
                out.append(digits, 0, n);
            } else {
                out.append(digits, 0, intDigits);
                out.append((byte) '.');
                out.append(digits, intDigits, n - intDigits);
            }
        } else {
            out.append(digits[0]);
            if (n > 1) {
                out.append((byte) '.');
                out.append(digits, 1, n - 1);
            }
            out.append((byte) 'e').append((byte) (e < 0 ? '-' : '+'));
            out.appendLong(a);
        }
    }

    /** The shortest correctly rounded digits of positive finite {@code v} that parse back to {@code v}. */
    private static DecimalExpansion shortestDigits(double v) {
        DecimalExpansion d = DecimalExpansion.scratch();
        long bits = Double.doubleToRawLongBits(v);
        byte[] text = new byte[32];
        for (int n = 1; n < 17; n++) {
            if (!d.setRounded(v, n)) {
                d.set(v);
                d.roundSignificant(n);
            }
            int len = 0;
            for (int i = 0; i < d.count; i++) {
                text[len++] = (byte) ('0' + d.digits[i]);
            }
            text[len++] = 'e';
            len = DecimalExpansion.writeLong((long) d.point - d.count, text, len);
            if (NumberParser.str2dBits(text, 0, len) == bits) {
                return d;
            }
        }
        d.set(v);
        d.roundSignificant(17);
        return d;
    }
}
