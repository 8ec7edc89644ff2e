package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One matcher reused across calls (as the string library reuses its per-context matcher) keeps
 * the parsed items of recent patterns: every answer must equal a fresh matcher's, whatever the
 * subject, init, pattern order, eviction from the cache, or an error raised by the previous call.
 */
class PatternMatcherReuseTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** find, match and gsub of one (subject, pattern, init) as text, errors included. */
    private static String outcome(PatternMatcher m, byte[] subject, byte[] pattern, int pOff, int pLen, long init) {
        StringBuilder r = new StringBuilder();
        try {
            m.reset(subject, 0, subject.length, pattern, pOff, pLen);
            r.append(m.find(init, false) ? m.matchStart() + ".." + m.matchEnd() + "/" + m.captureCount() : "nil");
        } catch (LuaTextException e) {
            r.append("error ").append(e.getMessage());
        }
        try {
            m.reset(subject, 0, subject.length, pattern, pOff, pLen);
            r.append(" | ").append(m.match(init) ? m.matchStart() + ".." + m.matchEnd() : "nil");
        } catch (LuaTextException e) {
            r.append(" | error ").append(e.getMessage());
        }
        try {
            m.reset(subject, 0, subject.length, pattern, pOff, pLen);
            ByteBuilder out = new ByteBuilder();
            int n = m.gsub(out, subject.length + 1L, PatternMatcher.stringReplacement(b("<%0>")));
            r.append(" | ").append(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).append(' ').append(n);
        } catch (LuaTextException e) {
            r.append(" | error ").append(e.getMessage());
        }
        return r.toString();
    }

    @Test
    void reusedMatcherAnswersAsAFreshOne() {
        List<byte[]> patterns = new ArrayList<>();
        for (String p : new String[] {"^[ \n\r\t]*", "^-?%d+", "[%c\"\\]", "[\"\\]", "^true", "%a+", "(%w+)=(%w+)",
                "[a", "%", "(()", "x)", "%b()", "%f[%w]%w+", "[^%s]-$", ".-b", "(a)%1", "[%a-z]+", "[]]", "[^]]+",
                "a*", "()", "%d%d?%d?", "[%]]", "%bxy", "^(.-)%s*$"}) {
            patterns.add(b(p));
        }
        String[] subjects = {"  12 -7\tx  345", "", "abc", "k=v, x=y", "(a(b)c) ]]x", "true false", "aab\"q\\z\n"};
        PatternMatcher reused = new PatternMatcher();
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            byte[] p = patterns.get(r.nextInt(patterns.size()));
            byte[] s = b(subjects[r.nextInt(subjects.length)]);
            long init = r.nextInt(s.length + 4) - 2;
            String want = outcome(new PatternMatcher(), s, p, 0, p.length, init);
            assertEquals(want, outcome(reused, s, p, 0, p.length, init), "pattern " + new String(p, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void slicesOfOneArrayAreDistinctPatterns() {
        byte[] all = b("[%d]+%a+");
        byte[] s = b("ab12cd");
        PatternMatcher reused = new PatternMatcher();
        for (int round = 0; round < 3; round++) {
            for (int[] slice : new int[][] {{0, 5}, {5, 3}, {0, 4}, {1, 2}, {0, 8}}) {
                String want = outcome(new PatternMatcher(), s, all, slice[0], slice[1], 1);
                assertEquals(want, outcome(reused, s, all, slice[0], slice[1], 1), slice[0] + "+" + slice[1]);
            }
        }
    }

    @Test
    void thePatternAsItsOwnSubject() {
        byte[] p = b("[%a]+");
        PatternMatcher reused = new PatternMatcher();
        assertEquals(outcome(new PatternMatcher(), p, p, 0, p.length, 1), outcome(reused, p, p, 0, p.length, 1));
        assertEquals(outcome(new PatternMatcher(), p, p, 0, p.length, 3), outcome(reused, p, p, 0, p.length, 3));
    }
}
