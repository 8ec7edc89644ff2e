package io.moonkey.lua.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test on broken real code: statements of the benchmark programs, each damaged by
 * deleting, duplicating or inserting a token, must get the message lua5.1 gives (or both load).
 * The seed is fixed, so a failure names a reproducible snippet.
 */
class MutationDifferentialTest {
    private static final String[] INSERTS = {"=", "(", ")", "{", "}", "[", "]", "end", "do", "then", ",", ";",
        "local", "function", "..", "...", "+", "not", "return", "break", "\"s", "[[", "0x", "1e", "@", ":", ".",
        "\n", "until", "else", "x", "1", "'a'", "if", "for", "in", "==", "#", "--[[", "\\"};

    @Test
    void mutatedProgramsFailExactlyLikeLua51() throws Exception {
        Path dir = BenchmarkProgramsParseTest.suite();
        Assumptions.assumeTrue(dir != null, "the shared benchmark suite (../shared/bench/lua) is not beside the checkout");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".lua")).sorted().toList()) {
                sources.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        Random r = new Random(20261123);
        List<byte[]> mutants = new ArrayList<>();
        while (mutants.size() < 600) {
            String src = sources.get(r.nextInt(sources.size()));
            // A window of a few lines keeps messages short and varied.
            String[] lines = src.split("\n");
            int from = r.nextInt(lines.length);
            int to = Math.min(lines.length, from + 1 + r.nextInt(12));
            String window = String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
            mutants.add(mutate(window, r).getBytes(StandardCharsets.ISO_8859_1));
        }
        List<String> expected = ReferenceLua.loadAll(mutants);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            String ours = ReferenceLua.ours(mutants.get(i));
            if (!ours.equals(expected.get(i))) {
                mismatches.add(ReferenceLua.escape(new String(mutants.get(i), StandardCharsets.ISO_8859_1))
                        + "\n   lua5.1: " + expected.get(i) + "\n   ours:   " + ours);
            }
        }
        long failing = expected.stream().filter(m -> !m.equals("OK")).count();
        assertTrue(failing >= 250, "only " + failing + " mutants are malformed");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + mutants.size() + " differ:\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }

    private static String mutate(String src, Random r) {
        List<int[]> tokens = tokenSpans(src);
        if (tokens.isEmpty()) {
            return src + INSERTS[r.nextInt(INSERTS.length)];
        }
        int[] t = tokens.get(r.nextInt(tokens.size()));
        String insert = INSERTS[r.nextInt(INSERTS.length)];
        return switch (r.nextInt(3)) {
            case 0 -> src.substring(0, t[0]) + src.substring(t[1]);
            case 1 -> src.substring(0, t[0]) + insert + " " + src.substring(t[0]);
            default -> src.substring(0, t[1]) + " " + src.substring(t[0], t[1]) + src.substring(t[1]);
        };
    }

    /** Rough token boundaries: runs of word characters, or single punctuation characters. */
    private static List<int[]> tokenSpans(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
            } else {
                i++;
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

}
