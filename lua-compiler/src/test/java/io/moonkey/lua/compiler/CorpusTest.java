package io.moonkey.lua.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * ({@code lua: file:line: message}) must be identical.
 */
class CorpusTest {
    static final Path DIR = Path.of("src/test/resources/io/moonkey/lua/corpus");

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
            ReferenceLua.Outcome got = Engine.run(Files.readAllBytes(p), "@" + name).normalized();
            assertEquals(want.stdout(), got.stdout(), name + ": stdout");
            assertEquals(want.error(), got.error(), name + ": error line");
        }));
    }
}
