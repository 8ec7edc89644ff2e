package io.moonkey.datastore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static boolean m(String p, String s) {
        return Glob.matches(p.getBytes(StandardCharsets.ISO_8859_1), s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void valkeyRules() {
        assertTrue(m("*", ""));
        assertTrue(m("h?llo", "hello"));
        assertTrue(m("h*llo", "heeeello"));
        assertTrue(m("h[ae]llo", "hallo"));
        assertFalse(m("h[ae]llo", "hillo"));
        assertTrue(m("h[^e]llo", "hallo"));
        assertFalse(m("h[^e]llo", "hello"));
        assertTrue(m("h[a-b]llo", "hbllo"));
        assertTrue(m("h[b-a]llo", "hallo"));
        assertTrue(m("h\\*llo", "h*llo"));
        assertFalse(m("h\\*llo", "hello"));
        assertTrue(m("key:*:x", "key:12:x"));
        assertFalse(m("a*b", "acbd"));
        assertTrue(m("*a*a*a*a*a*a*b", "aaaaaaaaaaaaab"));
        assertFalse(m("[abc", "d"));
        assertTrue(Glob.matches("HELLO".getBytes(), "hello".getBytes(), true));
    }
}
