package io.moonkey.lua.parser;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference interpreter, {@code lua5.1} (PUC-Rio 5.1.5), run once over a batch of chunks:
 * a small driver loads each with {@code loadstring(chunk, "@snippet")} and prints "OK" or the
 * error message, one line per chunk. Tests that need it are skipped, with the reason, when it
 * is not installed.
 */
final class ReferenceLua {
    private static final String DRIVER = """
            local f = assert(io.open(arg[1], "rb"))
            local data = f:read("*a")
            f:close()
            local pos = 1
            while pos <= #data do
              local nl = data:find("\\n", pos, true)
              local len = tonumber(data:sub(pos, nl - 1))
              local chunk = data:sub(nl + 1, nl + len)
              pos = nl + len + 1
              local fn, err = loadstring(chunk, "@snippet")
              local out = fn and "OK" or err
              io.write((out:gsub("\\\\", "\\\\\\\\"):gsub("\\n", "\\\\n"):gsub("\\r", "\\\\r")), "\\n")
            end
            """;

    private ReferenceLua() {}

    static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "lua5.1");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(executable() != null,
                "lua5.1 is not installed: install the Debian package lua5.1 to run this differential test");
    }

    /** What lua5.1's {@code loadstring(chunk, "@snippet")} says of each chunk, escaped as {@link #escape}. */
    static List<String> loadAll(List<byte[]> chunks) throws IOException, InterruptedException {
        assumeInstalled();
        Path dir = Files.createTempDirectory("moonkey-ref");
        try {
            Path driver = dir.resolve("driver.lua");
            Files.writeString(driver, DRIVER);
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (byte[] c : chunks) {
                data.write((c.length + "\n").getBytes(StandardCharsets.US_ASCII));
                data.write(c);
            }
            Path input = dir.resolve("chunks.bin");
            Files.write(input, data.toByteArray());
            Path output = dir.resolve("out.txt");
            Process p = new ProcessBuilder(executable(), driver.toString(), input.toString())
                    .redirectOutput(output.toFile()).redirectErrorStream(false).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("lua5.1 did not finish in 60 s");
            }
            byte[] raw = Files.readAllBytes(output);
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            if (lines.size() != chunks.size()) {
                throw new IOException("lua5.1 answered " + lines.size() + " of " + chunks.size() + " chunks: "
                        + new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            return lines;
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** What our parser says of a chunk, in the driver's form. */
    static String ours(byte[] chunk) {
        try {
            io.moonkey.lua.scope.ScopeResolver.resolve(LuaParser.parse(chunk, "@snippet", LuaParser.Options.LOADSTRING));
            return "OK";
        } catch (LuaSyntaxError e) {
            return escape(e.getMessage());
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
