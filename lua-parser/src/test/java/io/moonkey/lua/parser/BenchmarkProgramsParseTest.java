package io.moonkey.lua.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.scope.ScopeResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every program of the shared benchmark suite ({@code ../shared/bench/lua}) parses and resolves. */
class BenchmarkProgramsParseTest {

    static Path suite() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/bench/lua");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = p.resolveSibling("shared").resolve("bench/lua");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void everyBenchmarkProgramParses() throws Exception {
        Path dir = suite();
        Assumptions.assumeTrue(dir != null, "the shared benchmark suite (../shared/bench/lua) is not beside the checkout");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".lua")).sorted().toList();
        }
        assertTrue(files.size() >= 18, "found " + files.size() + " programs");
        for (Path f : files) {
            ScopeResolver.resolve(LuaParser.parse(Files.readAllBytes(f), "@" + f.getFileName(), LuaParser.Options.FILE));
        }
    }
}
