package io.moonkey.lua.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test: every snippet of the corpus is loaded by {@code lua5.1} and by our parser,
 * and the messages (or "OK") must be equal byte for byte. The corpus is mostly malformed code,
 * one snippet between {@code --8<--} lines.
 */
class SyntaxErrorCorpusTest {
    static final String SEPARATOR = "\n--8<--\n";

    static List<byte[]> corpus() throws IOException {
        try (InputStream in = SyntaxErrorCorpusTest.class.getResourceAsStream("syntax-errors.lua-corpus")) {
            byte[] all = in.readAllBytes();
            List<byte[]> snippets = new ArrayList<>();
            byte[] sep = SEPARATOR.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            int start = 0;
            for (int i = 0; i + sep.length <= all.length; i++) {
                if (java.util.Arrays.equals(all, i, i + sep.length, sep, 0, sep.length)) {
                    snippets.add(java.util.Arrays.copyOfRange(all, start, i));
                    start = i + sep.length;
                    i = start - 1;
                }
            }
            snippets.add(java.util.Arrays.copyOfRange(all, start, all.length));
            return snippets;
        }
    }

    @Test
    void corpusHasAtLeast200MalformedSnippets() throws IOException {
        long malformed = corpus().stream().filter(s -> !ReferenceLua.ours(s).equals("OK")).count();
        assertTrue(malformed >= 200, "only " + malformed + " malformed snippets");
    }

    @Test
    void everyMessageEqualsLua51() throws Exception {
        List<byte[]> snippets = corpus();
        List<String> expected = ReferenceLua.loadAll(snippets);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String ours = ReferenceLua.ours(snippets.get(i));
            if (!ours.equals(expected.get(i))) {
                mismatches.add("snippet " + i + " " + ReferenceLua.escape(
                        new String(snippets.get(i), java.nio.charset.StandardCharsets.ISO_8859_1))
                        + "\n   lua5.1: " + expected.get(i) + "\n   ours:   " + ours);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + snippets.size() + " differ:\n"
                + String.join("\n", mismatches));
    }
}
