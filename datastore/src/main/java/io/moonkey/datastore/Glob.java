package io.moonkey.datastore;

/**
 * Glob matching with Valkey's rules (KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET): {@code *},
 * {@code ?}, {@code [...]} with {@code ^} negation and {@code a-z} ranges, and {@code \} escapes.
 * Works on raw bytes, so patterns and subjects are binary safe.
 */
public final class Glob {
    private Glob() {}

    public static boolean matches(byte[] pattern, byte[] subject, boolean nocase) {
        return match(pattern, 0, subject, 0, nocase, 0);
    }

    public static boolean matches(byte[] pattern, byte[] subject) {
        return matches(pattern, subject, false);
    }

    /** True for the pattern "*", which callers use to skip matching altogether. */
    public static boolean matchesAll(byte[] pattern) {
        return pattern.length == 1 && pattern[0] == '*';
    }

    private static boolean match(byte[] p, int pi, byte[] s, int si, boolean nocase, int depth) {
        if (depth > 1000) return false; // pathological patterns: give up like Valkey's nesting cap
        while (pi < p.length) {
            byte c = p[pi];
            switch (c) {
                case '*' -> {
                    while (pi + 1 < p.length && p[pi + 1] == '*') pi++;
                    if (pi + 1 == p.length) return true;
                    for (int k = si; k <= s.length; k++) {
                        if (match(p, pi + 1, s, k, nocase, depth + 1)) return true;
                    }
                    return false;
                }
                case '?' -> {
                    if (si >= s.length) return false;
                    si++;
                }
                case '[' -> {
                    if (si >= s.length) return false;
                    pi++;
                    boolean not = pi < p.length && p[pi] == '^';
                    if (not) pi++;
                    boolean found = false;
                    while (true) {
                        if (pi >= p.length) {
                            pi--; // unterminated class: the last char closes it
                            break;
                        }
                        if (p[pi] == '\\' && pi + 1 < p.length) {
                            pi++;
                            if (p[pi] == s[si]) found = true;
                        } else if (p[pi] == ']') {
                            break;
                        } else if (pi + 2 < p.length && p[pi + 1] == '-') {
                            int a = p[pi] & 0xff, b = p[pi + 2] & 0xff, x = s[si] & 0xff;
                            if (a > b) {
                                int t = a;
                                a = b;
                                b = t;
                            }
                            if (nocase) {
                                a = lower(a);
                                b = lower(b);
                                x = lower(x);
                            }
                            pi += 2;
                            if (x >= a && x <= b) found = true;
                        } else if (nocase ? lower(p[pi] & 0xff) == lower(s[si] & 0xff) : p[pi] == s[si]) {
                            found = true;
                        }
                        pi++;
                    }
                    if (not) found = !found;
                    if (!found) return false;
                    si++;
                }
                case '\\' -> {
                    if (pi + 1 < p.length) pi++;
                    if (si >= s.length || !same(p[pi], s[si], nocase)) return false;
                    si++;
                }
                default -> {
                    if (si >= s.length || !same(c, s[si], nocase)) return false;
                    si++;
                }
            }
            pi++;
            if (si >= s.length) {
                while (pi < p.length && p[pi] == '*') pi++;
                break;
            }
        }
        return pi == p.length && si == s.length;
    }

    private static boolean same(byte a, byte b, boolean nocase) {
        return a == b || (nocase && lower(a & 0xff) == lower(b & 0xff));
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
