package io.moonkey.lua.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.moonkey.lua.interpreter.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential corpus: every program under {@code src/test/resources/io/moonkey/lua/corpus}
 * runs on this engine and on {@code lua5.1}; standard output and the error line
 * ({@code lua: file:line: message}) must be identical, on every tier (interpreted, compiled, auto).
 */
class CorpusTest {
    static final Path DIR = Path.of("src/test/resources/io/moonkey/lua/corpus");
    /** -Dcorpus.tiers=interp,compile,auto (default all three). */
    static final List<Tier> TIERS = java.util.Arrays.stream(System.getProperty("corpus.tiers", "interp,compile,auto")
            .split(",")).map(Tier::parse).toList();

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        assumeTrue(ReferenceLua.available(), ReferenceLua.MISSING);
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            ReferenceLua.Outcome want = ReferenceLua.runFile(DIR, name, List.of()).normalized();
            // Both tiers, forced, then the default mix (design §1.13): semantics must not depend on the tier.
            for (Tier tier : TIERS) {
                ReferenceLua.Outcome got = Engine.run(Files.readAllBytes(p), "@" + name, tier).normalized();
                assertEquals(want.stdout(), got.stdout(), name + " (" + tier + "): stdout");
                assertEquals(want.error(), got.error(), name + " (" + tier + "): error line");
            }
        }));
    }
}
