package io.moonkey.lua.lib.valkey;

/**
 * Where C's {@code strtod} stops reading: the end of the longest prefix that is a number
 * (decimal, hexadecimal with an optional binary exponent, inf, infinity, nan, nan(chars)), or
 * the start when there is none. The value itself comes from {@code NumberParser.str2dBits} over
 * that prefix. A zero byte, or the end of the array, ends the text.
 */
final class StrtodPrefix {
    private StrtodPrefix() {}

    static int end(byte[] s, int start) {
        int p = start;
        while (isSpace(at(s, p))) {
            p++;
        }
        if (at(s, p) == '+' || at(s, p) == '-') {
            p++;
        }
        int c = at(s, p);
        if ((c | 0x20) == 'i') {
            if (matches(s, p, "infinity")) {
                return p + 8;
            }
            return matches(s, p, "inf") ? p + 3 : start;
        }
        if ((c | 0x20) == 'n') {
            if (!matches(s, p, "nan")) {
                return start;
            }
            int q = p + 3;
            if (at(s, q) == '(') {
                int r = q + 1;
                while (isAlnum(at(s, r)) || at(s, r) == '_') {
                    r++;
                }
                if (at(s, r) == ')') {
                    return r + 1;
                }
            }
            return q;
        }
        if (c == '0' && (at(s, p + 1) | 0x20) == 'x') {
            int q = p + 2;
            int digits = 0;
            while (isHex(at(s, q))) {
                q++;
                digits++;
            }
            if (at(s, q) == '.') {
                int r = q + 1;
                int frac = 0;
                while (isHex(at(s, r))) {
                    r++;
                    frac++;
                }
                if (digits + frac > 0) {
                    q = r;
                    digits += frac;
                }
            }
            if (digits == 0) {
                return p + 1; // "0x" with no digits reads as 0
            }
            return exponent(s, q, 'p');
        }
        int q = p;
        int digits = 0;
        while (isDigit(at(s, q))) {
            q++;
            digits++;
        }
        if (at(s, q) == '.') {
            int r = q + 1;
            int frac = 0;
            while (isDigit(at(s, r))) {
                r++;
                frac++;
            }
            if (digits + frac > 0) {
                q = r;
                digits += frac;
            }
        }
        if (digits == 0) {
            return start;
        }
        return exponent(s, q, 'e');
    }

    /** An exponent marker counts only when digits follow it. */
    private static int exponent(byte[] s, int q, char marker) {
        if ((at(s, q) | 0x20) != marker) {
            return q;
        }
        int r = q + 1;
        if (at(s, r) == '+' || at(s, r) == '-') {
            r++;
        }
        if (!isDigit(at(s, r))) {
            return q;
        }
        while (isDigit(at(s, r))) {
            r++;
        }
        return r;
    }

    private static boolean matches(byte[] s, int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((at(s, p + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] & 0xFF : 0;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    }

    private static boolean isAlnum(int c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
}
