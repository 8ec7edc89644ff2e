package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {
    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void capturesAreOffsetsUntilAsked() {
        PatternMatcher m = new PatternMatcher().reset(b("key = value"), b("(%w+)%s*=%s*()(%w+)"));
        assertTrue(m.match(1));
        assertEquals(3, m.captureCount());
        assertEquals(0, m.captureStart(0));
        assertEquals(3, m.captureEnd(0));
        assertTrue(m.isPositionCapture(1));
        assertEquals(7, m.capturePosition(1));
        assertEquals("value", new String(m.captureBytes(2), StandardCharsets.ISO_8859_1));
    }

    @Test
    void subjectAndPatternMayBeSlices() {
        byte[] s = b("xxhello worldxx");
        byte[] p = b("##o w##");
        PatternMatcher m = new PatternMatcher().reset(s, 2, 11, p, 2, 3, null);
        assertTrue(m.find(1, false));
        assertEquals(4, m.matchStart());
        assertEquals(7, m.matchEnd());
    }

    @Test
    void deepPatternsUseNoJavaStack() {
        int n = 50_000;
        PatternMatcher m = new PatternMatcher().reset(b("a".repeat(2 * n)), b("a?".repeat(n) + "a".repeat(n)));
        assertTrue(m.find(1, false));
        assertEquals(2 * n, m.matchEnd());
        PatternMatcher deep = new PatternMatcher().reset(b("a".repeat(n)), b("a-".repeat(n) + "$"));
        assertTrue(deep.match(1));
    }

    @Test
    void pollCanInterruptARunawayMatch() {
        int[] calls = {0};
        PatternMatcher m = new PatternMatcher().reset(b("a".repeat(30)), 0, 30, b(".-.-.-.-.-.-.-b"), 0, 15, () -> {
            if (++calls[0] == 10) {
                throw new IllegalStateException("killed");
            }
        });
        assertThrows(IllegalStateException.class, () -> m.find(1, false));
        assertEquals(10, calls[0]);
    }

    @Test
    void errorsCarryLuaMessages() {
        PatternMatcher m = new PatternMatcher();
        assertEquals("malformed pattern (ends with '%')",
            assertThrows(LuaTextException.class, () -> m.reset(b("a"), b("%")).find(1, false)).getMessage());
        assertEquals("too many captures",
            assertThrows(LuaTextException.class, () -> m.reset(b("a"), b("(".repeat(33))).match(1)).getMessage());
        assertEquals(0, assertThrows(LuaTextException.class, () -> m.reset(b("a"), b("%b")).match(1)).argument());
    }

    @Test
    void gsubWithACustomReplacement() {
        PatternMatcher m = new PatternMatcher().reset(b("a1b22"), b("%d+"));
        ByteBuilder out = new ByteBuilder();
        int n = m.gsub(out, Long.MAX_VALUE, (match, o) -> o.appendLong(match.matchEnd() - match.matchStart()));
        assertEquals(2, n);
        assertEquals("a1b2", out.toString());
        assertFalse(new PatternMatcher().reset(b("abc"), b("x")).match(1));
    }
}
