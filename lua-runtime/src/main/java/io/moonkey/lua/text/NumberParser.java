package io.moonkey.lua.text;

import java.nio.charset.StandardCharsets;

/**
 * Lua 5.1's string-to-number conversions over a byte range, with C string semantics (the text
 * ends at the first NUL byte, as in PUC Lua which passes {@code char*} to the C library).
 *
 * <p><b>Failure signalling.</b> Results are raw IEEE bits in a {@code long}; failure is the
 * sentinel {@link #FAILED}, a signalling-NaN bit pattern that no successful parse produces
 * (parsed NaNs are always the quiet {@code 0x7FF8000000000000} or {@code 0xFFF8000000000000}).
 * Use {@code Double.longBitsToDouble(bits)} after checking {@code bits != FAILED}. Nothing is
 * allocated except on the rare slow path of long or extreme decimal numerals.
 */
public final class NumberParser {
    /** Returned when the text is not a number. */
    public static final long FAILED = 0x7FF0_DEAD_BEEF_0001L;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private NumberParser() {
    }

    /** C isspace in the C locale: space, \t, \n, \v, \f, \r. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int cEnd(byte[] s, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (s[i] == 0) {
                return i;
            }
        }
        return end;
    }

    /**
     * {@code luaO_str2d}: glibc {@code strtod} over the whole text, allowing surrounding
     * whitespace. Accepts decimal numerals with exponent, hexadecimal integers and hex floats
     * ({@code 0x1A}, {@code 0x1.8p3}), {@code inf}/{@code infinity}/{@code nan}/{@code nan(chars)}
     * in any case, with an optional sign. Decimal results are correctly rounded (glibc is).
     * Serves {@code tonumber}, arithmetic coercion and the lexer (which passes the numeral's range).
     *
     * @return the double's raw bits, or {@link #FAILED}
     */
    public static long str2dBits(byte[] s, int off, int len) {
        int end = cEnd(s, off, len);
        int i = off;
        while (i < end && isSpace(s[i])) {
            i++;
        }
        // strtod never consumes trailing whitespace and must stop exactly where only
        // whitespace remains, so parse the trimmed text and require it to be consumed entirely.
        while (end > i && isSpace(s[end - 1])) {
            end--;
        }
        boolean negative = false;
        if (i < end && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        if (i >= end) {
            return FAILED;
        }
        long bits;
        int c = s[i] | 0x20;
        if (c == 'i' || c == 'n') {
            int stop = parseSpecial(s, i, end);
            if (stop < 0) {
                return FAILED;
            }
            bits = c == 'i' ? Double.doubleToRawLongBits(Double.POSITIVE_INFINITY) : 0x7FF8_0000_0000_0000L;
            if (stop != end) {
                return FAILED;
            }
        } else if (s[i] == '0' && i + 1 < end && (s[i + 1] | 0x20) == 'x' && hasHexDigits(s, i + 2, end)) {
            long r = parseHex(s, i + 2, end);
            if (r == FAILED) {
                return FAILED;
            }
            bits = r;
        } else {
            long r = parseDecimal(s, i, end);
            if (r == FAILED) {
                return FAILED;
            }
            bits = r;
        }
        return negative ? bits ^ Long.MIN_VALUE : bits;
    }

    /**
     * The end of a numeral in Lua source, by the 5.1 lexer's rule (llex.c read_numeral): from
     * {@code start} (a digit, or a '.' before a digit) take digits and dots, then one optional
     * 'e'/'E' with one optional sign, then any letters, digits and underscores. The lexer then
     * converts {@code [start, end)} with {@link #str2dBits}; on failure lua5.1 reports
     * {@code malformed number near '<that text>'}. So {@code 0xe+1} is {@code 0xe} plus 1, and
     * {@code 0x1.8p1} lexes as {@code 0x1} followed by the malformed {@code .8p1}.
     */
    public static int numeralEnd(byte[] src, int start, int end) {
        int i = start;
        do {
            i++;
        } while (i < end && ((src[i] >= '0' && src[i] <= '9') || src[i] == '.'));
        if (i < end && (src[i] == 'e' || src[i] == 'E')) {
            i++;
            if (i < end && (src[i] == '+' || src[i] == '-')) {
                i++;
            }
        }
        while (i < end && (isAlnum(src[i]) || src[i] == '_')) {
            i++;
        }
        return i;
    }

    /** Convenience for tests: the parsed value, or null when not a number. */
    public static Double str2d(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        long bits = str2dBits(b, 0, b.length);
        return bits == FAILED ? null : Double.longBitsToDouble(bits);
    }

    /** {@code inf}, {@code infinity}, {@code nan}, {@code nan(n-char-sequence)}: the longest match's end, or -1. */
    private static int parseSpecial(byte[] s, int i, int end) {
        if (matchesIgnoreCase(s, i, end, "infinity")) {
            return i + 8;
        }
        if (matchesIgnoreCase(s, i, end, "inf")) {
            return i + 3;
        }
        if (matchesIgnoreCase(s, i, end, "nan")) {
            int j = i + 3;
            if (j < end && s[j] == '(') {
                int k = j + 1;
                while (k < end && (isAlnum(s[k]) || s[k] == '_')) {
                    k++;
                }
                if (k < end && s[k] == ')') {
                    return k + 1;
                }
            }
            return j;
        }
        return -1;
    }

    private static boolean matchesIgnoreCase(byte[] s, int i, int end, String word) {
        if (end - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((s[i + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int l = c | 0x20;
        if (l >= 'a' && l <= 'f') {
            return l - 'a' + 10;
        }
        return -1;
    }

    /** strtod takes "0x" as a hex prefix only if a hex digit follows (possibly after the point). */
    private static boolean hasHexDigits(byte[] s, int i, int end) {
        if (i < end && hexValue(s[i]) >= 0) {
            return true;
        }
        return i + 1 < end && s[i] == '.' && hexValue(s[i + 1]) >= 0;
    }

    private static long parseHex(byte[] s, int i, int end) {
        long mant = 0;
        int exp2 = 0;
        boolean sticky = false;
        boolean seenPoint = false;
        for (; i < end; i++) {
            int c = s[i];
            if (c == '.' && !seenPoint) {
                seenPoint = true;
                continue;
            }
            int h = hexValue(c);
            if (h < 0) {
                break;
            }
            if (mant < (1L << 56)) {
                mant = (mant << 4) | h;
                if (seenPoint) {
                    exp2 -= 4;
                }
            } else {
                sticky |= h != 0;
                if (!seenPoint) {
                    exp2 += 4;
                }
            }
        }
        if (i < end && (s[i] | 0x20) == 'p') {
            int j = i + 1;
            boolean expNeg = false;
            if (j < end && (s[j] == '+' || s[j] == '-')) {
                expNeg = s[j] == '-';
                j++;
            }
            if (j < end && s[j] >= '0' && s[j] <= '9') {
                long e = 0;
                while (j < end && s[j] >= '0' && s[j] <= '9') {
                    if (e < 100_000_000) {
                        e = e * 10 + (s[j] - '0');
                    }
                    j++;
                }
                exp2 += (int) (expNeg ? -e : e);
                i = j;
            }
        }
        if (i != end) {
            return FAILED;
        }
        return Double.doubleToRawLongBits(scaleBinary(mant, exp2, sticky));
    }

    /** {@code mant * 2^exp2} (plus a sticky non-zero tail below mant's last bit), rounded half-even. */
    private static double scaleBinary(long mant, int exp2, boolean sticky) {
        if (mant == 0) {
            return 0.0;
        }
        int bitLength = 64 - Long.numberOfLeadingZeros(mant);
        long top = (long) exp2 + bitLength - 1; // exponent of the leading bit
        if (top > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        long ulpExp = Math.max(top - 52, -1074);
        long shift = ulpExp - exp2;
        if (shift <= 0) {
            return Math.scalb((double) mant, exp2); // exact
        }
        if (shift >= 62) {
            return 0.0; // mant < 2^60 <= half an ulp
        }
        long dropped = mant & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        mant >>>= shift;
        if (dropped > half || (dropped == half && (sticky || (mant & 1) == 1))) {
            mant++;
        }
        return Math.scalb((double) mant, (int) ulpExp);
    }

    private static long parseDecimal(byte[] s, int i, int end) {
        int start = i;
        long mant = 0;
        int sigDigits = 0;     // significant digits seen (after leading zeros)
        int dropExp = 0;       // decimal exponent adjustment for digits not kept in mant
        int digits = 0;
        boolean seenPoint = false;
        for (; i < end; i++) {
            int c = s[i];
            if (c == '.' && !seenPoint) {
                seenPoint = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (mant == 0 && c == '0') {
                if (seenPoint) {
                    dropExp--;
                }
                continue;
            }
            if (sigDigits < 19) {
                mant = mant * 10 + (c - '0');
                if (seenPoint) {
                    dropExp--;
                }
            } else if (!seenPoint) {
                dropExp++;
            }
            sigDigits++;
        }
        if (digits == 0) {
            return FAILED;
        }
        int mantEnd = i;
        long exp = 0;
        if (i < end && (s[i] | 0x20) == 'e') {
            int j = i + 1;
            boolean expNeg = false;
            if (j < end && (s[j] == '+' || s[j] == '-')) {
                expNeg = s[j] == '-';
                j++;
            }
            if (j < end && s[j] >= '0' && s[j] <= '9') {
                while (j < end && s[j] >= '0' && s[j] <= '9') {
                    if (exp < 100_000_000) {
                        exp = exp * 10 + (s[j] - '0');
                    }
                    j++;
                }
                if (expNeg) {
                    exp = -exp;
                }
                i = j;
            }
        }
        if (i != end) {
            return FAILED;
        }
        if (mant == 0) {
            return 0L;
        }
        long e10 = exp + dropExp;
        if (sigDigits <= 15 && Math.abs(e10) <= 22) {
            // Clinger's fast path: both operands exact, one correctly rounded IEEE operation.
            double m = mant;
            return Double.doubleToRawLongBits(e10 < 0 ? m / POW10[(int) -e10] : m * POW10[(int) e10]);
        }
        return Double.doubleToRawLongBits(slowDecimal(s, start, mantEnd, exp));
    }

    /** Correctly rounded conversion of syntax-checked digits via the JDK's (correctly rounded) parser. */
    private static double slowDecimal(byte[] s, int start, int mantEnd, long exp) {
        StringBuilder sb = new StringBuilder(mantEnd - start + 24);
        for (int k = start; k < mantEnd; k++) {
            sb.append((char) s[k]);
        }
        if (sb.charAt(sb.length() - 1) == '.') {
            sb.append('0');
        }
        if (sb.charAt(0) == '.') {
            sb.insert(0, '0');
        }
        sb.append('e').append(exp);
        return Double.parseDouble(sb.toString());
    }

    /**
     * {@code tonumber(s, base)} for {@code base != 10} in Lua 5.1 ({@code luaB_tonumber}): C
     * {@code strtoul(s, &end, base)} — leading whitespace, optional sign (a '-' negates modulo
     * 2^64), an optional {@code 0x} prefix in base 16, digits and letters of the base in either
     * case, {@code ULONG_MAX} on overflow — then at least one digit consumed and only whitespace
     * after it. The unsigned result is converted to the nearest double.
     * The caller checks {@code 2 <= base <= 36} ("base out of range").
     *
     * @return the double's raw bits, or {@link #FAILED}
     */
    public static long toNumberBits(byte[] s, int off, int len, int base) {
        int end = cEnd(s, off, len);
        int i = off;
        while (i < end && isSpace(s[i])) {
            i++;
        }
        boolean negative = false;
        if (i < end && (s[i] == '+' || s[i] == '-')) {
            negative = s[i] == '-';
            i++;
        }
        if (base == 16 && i + 2 < end && s[i] == '0' && (s[i + 1] | 0x20) == 'x' && digitValue(s[i + 2]) >= 0
                && digitValue(s[i + 2]) < 16) {
            i += 2;
        }
        int first = i;
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            int d = digitValue(s[i]);
            if (d < 0 || d >= base) {
                break;
            }
            long hi = Math.unsignedMultiplyHigh(value, base);
            long lo = value * base;
            long sum = lo + d;
            if (hi != 0 || Long.compareUnsigned(sum, lo) < 0) {
                overflow = true;
            }
            value = sum;
        }
        if (i == first) {
            return FAILED;
        }
        while (i < end && isSpace(s[i])) {
            i++;
        }
        if (i != end) {
            return FAILED;
        }
        if (overflow) {
            value = -1L; // ULONG_MAX, whatever the sign
        } else if (negative) {
            value = -value;
        }
        return Double.doubleToRawLongBits(unsignedToDouble(value));
    }

    private static int digitValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int l = c | 0x20;
        if (l >= 'a' && l <= 'z') {
            return l - 'a' + 10;
        }
        return -1;
    }

    /** C's conversion of an unsigned long to the nearest double. */
    static double unsignedToDouble(long u) {
        if (u >= 0) {
            return (double) u;
        }
        // halve keeping the lowest bit as a sticky bit, so the single rounding stays correct
        return (double) ((u >>> 1) | (u & 1)) * 2.0;
    }
}
