package io.moonkey.lua.parser;

/**
 * Converts the text of a numeral as Lua 5.1's lexer does: {@code luaO_str2d}, that is C's
 * {@code strtod} over the whole text. Numerals reach here as the lexer scans them (a digit or
 * '.', then digits, dots, an optional exponent sign and letters), so only the decimal and
 * hexadecimal forms of strtod matter: {@code 3}, {@code 1.5e-3}, {@code .5}, {@code 0x1F},
 * {@code 0x1.8p3} (glibc accepts hexadecimal floats). Anything else is a malformed number.
 */
final class Numeral {
    private Numeral() {}

    /** The value of {@code text}, or NaN when it is not a complete numeral. */
    static double parse(String text) {
        int n = text.length();
        if (n > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            return hex(text);
        }
        int i = 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits > 0) {
                i = j; // otherwise strtod stops before the 'e'
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        // Plain decimal syntax, validated above: Java's conversion is correctly rounded like glibc's.
        return Double.parseDouble(text);
    }

    private static double hex(String text) {
        int n = text.length();
        int i = 2;
        int digits = 0;
        while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
            i++;
            digits++;
        }
        int mantissaEnd = i;
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
                digits++;
            }
            mantissaEnd = i;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        String exponent = "p0";
        if (i < n && (text.charAt(i) == 'p' || text.charAt(i) == 'P')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits > 0) {
                exponent = text.substring(i, j);
                i = j;
            }
        }
        if (i != n) {
            return Double.NaN;
        }
        String mantissa = text.substring(0, mantissaEnd);
        if (mantissa.endsWith(".")) {
            mantissa = mantissa + "0";
        }
        if (mantissa.startsWith("0x.") || mantissa.startsWith("0X.")) {
            mantissa = "0x0" + mantissa.substring(2);
        }
        // Java's hexadecimal floating-point syntax needs the binary exponent; rounding is exact.
        return Double.parseDouble(mantissa + exponent);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
