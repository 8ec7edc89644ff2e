package io.moonkey.lua.text;

/**
 * What the matcher learns about one pattern's single-character items (a byte, {@code .}, a class
 * such as {@code %d}, or a set {@code [...]}): where each item ends and the 256-bit set of bytes it
 * matches. lstrlib.c re-reads the pattern text at every step; the matcher does so only the first
 * time it meets an item, then tests a byte with one bit lookup. Filled lazily, so a malformed
 * item still raises its error at the moment lua5.1 would, and kept per pattern by identity of
 * the pattern's bytes (a pattern is normally a constant string, the same array at every call).
 */
final class PatternItems {
    /** For each class letter (the byte after '%'), the bytes it matches (CharClass.matches). */
    private static final long[][] CLASS_SETS = new long[256][4];

    static {
        for (int cl = 0; cl < 256; cl++) {
            for (int c = 0; c < 256; c++) {
                if (CharClass.matches(c, cl)) {
                    CLASS_SETS[cl][c >>> 6] |= 1L << c;
                }
            }
        }
    }

    final byte[] pattern;
    final int start;
    final int end;
    /** Per pattern position (relative to start): the item's end, relative to start; 0 = not yet known. */
    final int[] itemEnd;
    /** Per pattern position: four words of the item's byte set. */
    final long[] sets;

    PatternItems(byte[] pattern, int start, int end) {
        this.pattern = pattern;
        this.start = start;
        this.end = end;
        int n = Math.max(end - start, 1);
        this.itemEnd = new int[n];
        this.sets = new long[n * 4];
    }

    boolean describes(byte[] pat, int s, int e) {
        return pattern == pat && start == s && end == e;
    }

    /** Whether byte {@code c} is in the set of the item at absolute position {@code p}. */
    boolean matches(int p, int c) {
        return (sets[((p - start) << 2) + (c >>> 6)] >>> c & 1L) != 0;
    }

    /** Records the item {@code [p, ep)} (absolute positions): its end and its byte set. */
    void learn(int p, int ep) {
        int at = (p - start) << 2;
        int pc = pattern[p] & 0xFF;
        switch (pc) {
            case '.' -> {
                for (int i = 0; i < 4; i++) sets[at + i] = -1L;
            }
            case '%' -> {
                long[] cls = CLASS_SETS[pattern[p + 1] & 0xFF];
                for (int i = 0; i < 4; i++) sets[at + i] = cls[i];
            }
            case '[' -> bracket(at, p, ep - 1);
            default -> sets[at + (pc >>> 6)] = 1L << pc;
        }
        itemEnd[p - start] = ep - start;
    }

    /** The set {@code [...]} from {@code p} (at '[') to {@code ec} (at ']'), as matchbracketclass reads it. */
    private void bracket(int at, int p, int ec) {
        boolean negate = false;
        if (p + 1 < end && pattern[p + 1] == '^') {
            negate = true;
            p++;
        }
        while (++p < ec) {
            int pc = pattern[p] & 0xFF;
            if (pc == '%') {
                p++;
                long[] cls = CLASS_SETS[pattern[p] & 0xFF];
                for (int i = 0; i < 4; i++) sets[at + i] |= cls[i];
            } else if (p + 1 < end && pattern[p + 1] == '-' && p + 2 < ec) {
                p += 2;
                for (int c = pc, hi = pattern[p] & 0xFF; c <= hi; c++) sets[at + (c >>> 6)] |= 1L << c;
            } else {
                sets[at + (pc >>> 6)] |= 1L << pc;
            }
        }
        if (negate) {
            for (int i = 0; i < 4; i++) sets[at + i] = ~sets[at + i];
        }
    }
}
