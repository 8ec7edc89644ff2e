package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference interpreter {@code lua5.1} once on a batch script and returns its output
 * lines. Scripts print each case's result hex-encoded ({@link #PRELUDE}) so any byte survives.
 * Tests calling {@link #run} are skipped, with a message, where lua5.1 is not installed.
 */
final class LuaOracle {
    /** Defines {@code emit(ok, value)}: prints "ok <hex>" or "err <hex>" for a pcall result. */
    static final String PRELUDE = """
        local function hex(s) return (string.gsub(s, ".", function(c) return string.format("%02x", string.byte(c)) end)) end
        local function emit(ok, r, ...)
          if select('#', ...) > 0 then
            local parts = {tostring(r)}
            for i = 1, select('#', ...) do parts[#parts + 1] = tostring((select(i, ...))) end
            r = table.concat(parts, "\\1")
          end
          io.write(ok and "ok " or "err ", hex(tostring(r)), "\\n")
        end
        """;

    private static final String EXE = findLua();
    static final String MISSING = "install lua5.1 (Debian package lua5.1) to run this differential test";

    /** Skips a jqwik property (where JUnit assumptions would count as rejected tries) without lua5.1. */
    public static final class SkipWithoutLua implements net.jqwik.api.lifecycle.SkipExecutionHook {
        @Override
        public net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult shouldBeSkipped(
                net.jqwik.api.lifecycle.LifecycleContext context) {
            return EXE == null ? SkipResult.skip(MISSING) : SkipResult.doNotSkip();
        }
    }

    private LuaOracle() {
    }

    private static String findLua() {
        String override = System.getProperty("moonkey.lua51"); // a path, or "none" to simulate absence
        if (override != null) {
            return override.equals("none") ? null : override;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "lua5.1");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static List<String> run(String script) throws IOException, InterruptedException {
        assumeTrue(EXE != null, MISSING);
        Path file = Files.createTempFile("moonkey-oracle", ".lua");
        try {
            Files.writeString(file, PRELUDE + script, StandardCharsets.ISO_8859_1);
            Process p = new ProcessBuilder(EXE, file.toString()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("lua5.1 failed: " + new String(out, StandardCharsets.ISO_8859_1));
            }
            List<String> lines = new ArrayList<>();
            for (String l : new String(out, StandardCharsets.ISO_8859_1).split("\n")) {
                lines.add(l);
            }
            return lines;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String ok(byte[] b) {
        return "ok " + HexFormat.of().formatHex(b);
    }

    static String err(String message) {
        return "err " + HexFormat.of().formatHex(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String decode(String line) {
        int sp = line.indexOf(' ');
        if (sp < 0) {
            return line;
        }
        byte[] b = HexFormat.of().parseHex(line.substring(sp + 1));
        return line.substring(0, sp) + " " + new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A Lua expression denoting exactly {@code d}. */
    static String luaNumber(double d) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "(0/0)" : "(-(0/0))";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "(1/0)" : "(-1/0)";
        }
        return "tonumber(\"" + Double.toHexString(d) + "\")";
    }

    /** A Lua string literal for arbitrary bytes. */
    static String luaString(byte[] b) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) {
            sb.append('\\').append(x & 0xFF);
        }
        return sb.append('"').toString();
    }

    static String luaString(String s) {
        return luaString(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
