package io.moonkey.server.resp;

/**
 * Doubles as text the way Valkey replies them: the shortest string that reads back to the same
 * double, "%.17g"-style layout (exponent form for very small or large magnitudes), "inf",
 * "-inf", "nan".
 */
public final class DoubleFormat {
    private DoubleFormat() {}

    public static String format(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
        // Double.toString gives the shortest round-trip digits; re-layout them %g style.
        String s = Double.toString(Math.abs(d));
        String digits;
        int exp;
        int e = s.indexOf('E');
        String mant = e < 0 ? s : s.substring(0, e);
        int dot = mant.indexOf('.');
        String intPart = mant.substring(0, dot), frac = mant.substring(dot + 1);
        exp = (e < 0 ? 0 : Integer.parseInt(s.substring(e + 1))) + intPart.length() - 1;
        digits = intPart + frac;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            exp--;
        }
        digits = digits.substring(lead);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(0, end);
        StringBuilder b = new StringBuilder(24);
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
