package io.moonkey.server.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * INCRBYFLOAT's number text. Valkey parses with strtold and adds in x87 long double (64-bit
 * mantissa), then prints "%.17Lf" with trailing zeros removed. We emulate that exactly with
 * BigDecimal: every value is rounded to the nearest 64-bit-mantissa binary number, so results
 * like 1e30 print as the reference prints them (1000000000000000019884624838656).
 */
final class LongDoubleText {
    private LongDoubleText() {}

    /** Returned by {@link #parse} for an infinite input. */
    static final BigDecimal INFINITY = new BigDecimal("1e99999");

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);
    /** Roughly the largest finite long double. */
    private static final BigDecimal MAX = new BigDecimal("1.18973149535723176502e4932");

    /** The long double value of the text, {@link #INFINITY}, or null if not a number. */
    static BigDecimal parse(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        if (s.isEmpty() || s.length() > 5 * 1024 || Character.isWhitespace(s.charAt(0))) return null;
        String l = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = l.startsWith("-") || l.startsWith("+") ? l.substring(1) : l;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) return INFINITY;
        if (unsigned.startsWith("0x")) {
            BigDecimal h = parseHex(unsigned.substring(2));
            if (h == null) return null;
            BigDecimal r = round(l.startsWith("-") ? h.negate() : h);
            return r == null ? INFINITY : r;
        }
        if (!l.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) return null;
        try {
            BigDecimal d = new BigDecimal(l.startsWith("+") ? l.substring(1) : l);
            BigDecimal r = round(d);
            return r == null ? INFINITY : r;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** strtold's hexadecimal form: hex digits, an optional fraction, an optional p exponent. */
    private static BigDecimal parseHex(String t) {
        if (!t.matches("([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?\\d{1,6})?")) return null;
        int p = t.indexOf('p');
        int exp = p < 0 ? 0 : Integer.parseInt(t.substring(p + 1));
        String mant = p < 0 ? t : t.substring(0, p);
        int dot = mant.indexOf('.');
        String digits = dot < 0 ? mant : mant.substring(0, dot) + mant.substring(dot + 1);
        int fracDigits = dot < 0 ? 0 : mant.length() - dot - 1;
        if (digits.isEmpty()) return null;
        BigDecimal m = new BigDecimal(new BigInteger(digits, 16));
        int e = exp - 4 * fracDigits;
        return e >= 0 ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : m.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }

    /** The nearest value with a 64-bit binary mantissa (round half to even), or null on overflow. */
    static BigDecimal round(BigDecimal x) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        if (x.abs().compareTo(MAX) > 0) return null;
        BigDecimal a = x.abs();
        // estimate e with 2^63 <= a / 2^e < 2^64
        double log2 = (a.unscaledValue().bitLength() - 1) - a.scale() * (Math.log(10) / Math.log(2));
        int e = (int) Math.floor(log2) - 63;
        if (e < -16445) e = -16445; // subnormal range: keep a fixed exponent
        BigInteger m;
        while (true) {
            m = scaled(a, e).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            if (m.compareTo(TWO_64) >= 0) {
                e++;
            } else if (m.compareTo(TWO_63) < 0 && e > -16445 && m.signum() != 0) {
                e--;
                BigInteger m2 = scaled(a, e).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
                if (m2.compareTo(TWO_64) >= 0) {
                    e++;
                    break;
                }
                m = m2;
                if (m.compareTo(TWO_63) >= 0) break;
            } else {
                break;
            }
        }
        BigDecimal v = e >= 0 ? new BigDecimal(m.shiftLeft(e)) : new BigDecimal(m).divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
        return x.signum() < 0 ? v.negate() : v;
    }

    private static BigDecimal scaled(BigDecimal a, int e) {
        if (e >= 0) return a.divide(new BigDecimal(BigInteger.ONE.shiftLeft(e)), MathContext.UNLIMITED);
        return a.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
    }

    /** "%.17Lf" of the rounded sum, trailing zeros removed; null when it overflows to infinity. */
    static byte[] format(BigDecimal sum) {
        BigDecimal r = round(sum);
        if (r == null) return null;
        return human(r);
    }

    /** Valkey's "human" text of a long double value held exactly: "%.17Lf", trailing zeros removed, no "-0". */
    static byte[] human(BigDecimal r) {
        String t = r.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        if (t.indexOf('.') >= 0) {
            int end = t.length();
            while (t.charAt(end - 1) == '0') end--;
            if (t.charAt(end - 1) == '.') end--;
            t = t.substring(0, end);
        }
        if (t.equals("-0")) t = "0";
        return t.getBytes(StandardCharsets.US_ASCII);
    }
}
