package io.moonkey.server.command;

import io.moonkey.datastore.zset.LexRange;
import io.moonkey.datastore.zset.ScoreRange;

/**
 * Reading sorted-set arguments as Valkey does: scores through C's strtod (decimal, hex,
 * "inf"/"infinity", no NaN), score ranges with "(" for exclusive ends, lex ranges with "[", "(",
 * "-" and "+", and the error texts of each.
 */
final class SortedSetArguments {
    private SortedSetArguments() {}

    static final String NOT_FLOAT = Arguments.NOT_FLOAT;
    static final String RANGE_NOT_FLOAT = "ERR min or max is not a float";
    static final String RANGE_NOT_LEX = "ERR min or max not valid string range item";

    /** A score argument (ZADD, ZINCRBY, WEIGHTS): the whole text a valid float, no overflow, no NaN. */
    static double score(byte[] b, String error) {
        double d = strtod(b, 0, true);
        if (Double.isNaN(d)) throw new CommandError(error);
        return d;
    }

    static double score(byte[] b) {
        return score(b, NOT_FLOAT);
    }

    /** The ends of a score range ("1.5", "(1.5", "-inf", "+inf"); null when either is invalid. */
    static ScoreRange scoreRange(byte[] min, byte[] max) {
        boolean minEx = min.length > 0 && min[0] == '(';
        boolean maxEx = max.length > 0 && max[0] == '(';
        double lo = strtod(min, minEx ? 1 : 0, false);
        double hi = strtod(max, maxEx ? 1 : 0, false);
        if (Double.isNaN(lo) || Double.isNaN(hi)) throw new CommandError(RANGE_NOT_FLOAT);
        return new ScoreRange(lo, minEx, hi, maxEx);
    }

    static LexRange lexRange(byte[] min, byte[] max) {
        byte[] lo = lexItem(min), hi = lexItem(max);
        if (lo == null || hi == null) throw new CommandError(RANGE_NOT_LEX);
        return new LexRange(lo, lo == LexRange.MINUS || lo == LexRange.PLUS || min[0] == '(', hi,
                hi == LexRange.MINUS || hi == LexRange.PLUS || max[0] == '(');
    }

    private static byte[] lexItem(byte[] b) {
        if (b.length == 0) return null;
        switch (b[0]) {
            case '+':
                return b.length == 1 ? LexRange.PLUS : null;
            case '-':
                return b.length == 1 ? LexRange.MINUS : null;
            case '(', '[':
                return java.util.Arrays.copyOfRange(b, 1, b.length);
            default:
                return null;
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /**
     * strtod over {@code b[from..]} requiring the whole rest to be consumed; NaN when it is not, or
     * when the value is NaN. {@code strict} is Valkey's getDoubleFromObject: no leading space, not
     * empty, and a range error (overflow, or underflow to zero) rejected; otherwise it is
     * zslParseRange's check, where an empty text reads as 0 and leading spaces are skipped.
     */
    static double strtod(byte[] b, int from, boolean strict) {
        int n = b.length;
        // fast path: a short run of digits
        if (from < n && n - from <= 15) {
            long v = 0;
            int i = from;
            boolean neg = b[i] == '-';
            if (neg || b[i] == '+') i++;
            if (i < n) {
                int j = i;
                while (j < n && isDigit(b[j])) v = v * 10 + (b[j++] - '0');
                if (j == n) return neg ? -(double) v : (double) v;
            }
        }
        int i = from;
        if (strict) {
            if (i >= n || isSpace(b[i])) return Double.NaN;
        } else {
            if (i >= n) return 0;
            while (i < n && isSpace(b[i])) i++;
        }
        int start = i;
        boolean neg = false;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
            neg = b[i] == '-';
            i++;
        }
        // inf, infinity (nan is never valid here)
        if (i < n && (b[i] == 'i' || b[i] == 'I')) {
            String rest = Arguments.latin1(java.util.Arrays.copyOfRange(b, i, n)).toLowerCase(java.util.Locale.ROOT);
            if (rest.equals("inf") || rest.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return Double.NaN;
        }
        if (i + 1 < n && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
            int j = i + 2;
            boolean any = false;
            StringBuilder mant = new StringBuilder();
            while (j < n && hexValue(b[j]) >= 0) {
                mant.append((char) b[j++]);
                any = true;
            }
            if (j < n && b[j] == '.') {
                mant.append('.');
                j++;
                while (j < n && hexValue(b[j]) >= 0) {
                    mant.append((char) b[j++]);
                    any = true;
                }
            }
            if (any) {
                String exp = "0";
                if (j < n && (b[j] == 'p' || b[j] == 'P')) {
                    int k = j + 1;
                    if (k < n && (b[k] == '+' || b[k] == '-')) k++;
                    if (k < n && isDigit(b[k])) {
                        int e = k;
                        while (e < n && isDigit(b[e])) e++;
                        exp = Arguments.latin1(java.util.Arrays.copyOfRange(b, j + 1, e));
                        j = e;
                    }
                }
                if (j != n) return Double.NaN;
                double v = Double.parseDouble((neg ? "-" : "") + "0x" + mant + "p" + exp);
                return strict && (Double.isInfinite(v) || (v == 0 && hasNonZeroHex(mant))) ? Double.NaN : v;
            }
            // "0x" without digits: strtod reads the "0" and stops at the 'x'
            return Double.NaN;
        }
        int digitsStart = i;
        boolean nonZero = false, any = false;
        while (i < n && isDigit(b[i])) {
            nonZero |= b[i] != '0';
            any = true;
            i++;
        }
        if (i < n && b[i] == '.') {
            i++;
            while (i < n && isDigit(b[i])) {
                nonZero |= b[i] != '0';
                any = true;
                i++;
            }
        }
        if (!any) return Double.NaN; // nothing was a number (strtod consumed nothing)
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            int k = i + 1;
            if (k < n && (b[k] == '+' || b[k] == '-')) k++;
            if (k < n && isDigit(b[k])) {
                while (k < n && isDigit(b[k])) k++;
                i = k;
            }
        }
        if (i != n) return Double.NaN;
        double v = Double.parseDouble(Arguments.latin1(java.util.Arrays.copyOfRange(b, start, n)));
        if (strict && (Double.isInfinite(v) || (v == 0 && nonZero))) return Double.NaN;
        return v;
    }

    private static boolean hasNonZeroHex(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') return true;
        }
        return false;
    }
}
