package io.moonkey.lua.text;

/**
 * The shortest round-trip text of a double in the layout of Valkey's {@code fpconv_dtoa}
 * (used for {@code server.call} number arguments and double replies; spec lua-api.md §13.2).
 *
 * <p>Digits: the fewest significant digits that read back as the same double, correctly rounded
 * from the exact value (for n = 1..17, the first n whose rounding round-trips). Grisu2 as used by
 * fpconv finds the same digits in practice; it is not guaranteed shortest, and where the rounding
 * interval is asymmetric (significand a power of two) the choices could in theory differ.
 * Layout with n digits, value = digits × 10^K, E = K + n - 1: integer with K zeros when
 * {@code K >= 0 && |E| < n + 7}; plain decimal when {@code K < 0 && (K > -7 || |E| < 4)};
 * otherwise {@code d[.ddd]e±E} with no exponent padding.
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
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (Double.isNaN(v)) {
            out.appendAscii(negative ? "-nan" : "nan");
            return;
        }
        if (negative) {
            out.append((byte) '-');
        }
        if (Double.isInfinite(v)) {
            out.appendAscii("inf");
            return;
        }
        if (v == 0) {
            out.append((byte) '0');
            return;
        }
        DecimalExpansion d = shortestDigits(Math.abs(v));
        int n = d.count;
        int k = d.point - n;
        int e = k + n - 1;
        int a = Math.abs(e);
        if (k >= 0 && a < n + 7) {
            appendDigits(out, d, 0, n);
            out.fill((byte) '0', k);
        } else if (k < 0 && (k > -7 || a < 4)) {
            if (n + k <= 0) {
                out.append((byte) '0').append((byte) '.');
                out.fill((byte) '0', -(n + k));
                appendDigits(out, d, 0, n);
            } else {
                appendDigits(out, d, 0, n + k);
                out.append((byte) '.');
                appendDigits(out, d, n + k, n);
            }
        } else {
            appendDigits(out, d, 0, 1);
            if (n > 1) {
                out.append((byte) '.');
                appendDigits(out, d, 1, n);
            }
            out.append((byte) 'e').append((byte) (e < 0 ? '-' : '+'));
            out.appendLong(a);
        }
    }

    private static void appendDigits(ByteBuilder out, DecimalExpansion d, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append((byte) ('0' + d.digitAt(i)));
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
