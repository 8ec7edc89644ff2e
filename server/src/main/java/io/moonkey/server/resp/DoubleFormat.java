package io.moonkey.server.resp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as text the way redis-server 7.0 replies them (addReplyDouble): C's "%.17g", that is
 * 17 significant digits, trailing zeros dropped, exponent form below 1e-4 and from 1e17 on;
 * "inf", "-inf", "nan".
 */
public final class DoubleFormat {
    private DoubleFormat() {}

    private static final MathContext DIGITS_17 = new MathContext(17, RoundingMode.HALF_EVEN);

    public static String format(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
        // the exact binary value rounded to 17 digits, as printf does
        BigDecimal r = new BigDecimal(d).round(DIGITS_17).stripTrailingZeros();
        String digits = r.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - r.scale();
        StringBuilder b = new StringBuilder(26);
        if (d < 0) b.append('-');
        if (exp < -4 || exp >= 17) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) b.append('.').append(digits, 1, digits.length());
            b.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) b.append('0');
            b.append(ae);
        } else if (exp < 0) {
            b.append("0.");
            for (int i = -1; i > exp; i--) b.append('0');
            b.append(digits);
        } else if (digits.length() <= exp + 1) {
            b.append(digits);
            for (int i = digits.length(); i <= exp; i++) b.append('0');
        } else {
            b.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return b.toString();
    }
}
