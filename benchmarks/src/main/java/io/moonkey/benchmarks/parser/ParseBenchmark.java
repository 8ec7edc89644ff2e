package io.moonkey.benchmarks.parser;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.scope.ScopeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Front-end speed: lexing + parsing + AST building (+ scope resolution) of a chunk, steady state.
 * {@code source} is a program of the shared suite, {@code script30} a typical 30-line EVAL body,
 * or {@code generated1mb} a 1 MB generated script. Bytes per second follow from the source sizes
 * printed at setup. Run: {@code java -jar benchmarks/target/benchmarks.jar ParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {

    @Param({"script30", "json_like", "nbody", "string_patterns", "generated1mb"})
    public String source;

    private byte[] bytes;

    /** A rate limiter such as scripts in the wild carry: 30 lines, calls, tables, arithmetic. */
    static final String SCRIPT_30 = """
            local key = KEYS[1]
            local limit = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local cost = tonumber(ARGV[4]) or 1
            local bucket = server.call('HMGET', key, 'tokens', 'ts')
            local tokens = tonumber(bucket[1])
            local ts = tonumber(bucket[2])
            if tokens == nil then
              tokens = limit
              ts = now
            end
            local elapsed = math.max(0, now - ts)
            local refill = math.floor(elapsed * limit / window)
            if refill > 0 then
              tokens = math.min(limit, tokens + refill)
              ts = now
            end
            local allowed = 0
            if tokens >= cost then
              tokens = tokens - cost
              allowed = 1
            end
            server.call('HSET', key, 'tokens', tokens, 'ts', ts)
            server.call('PEXPIRE', key, window * 2)
            local result = {allowed, tokens}
            for i, v in ipairs(result) do
              result[i] = tostring(v)
            end
            return result
            """;

    @Setup
    public void load() throws IOException {
        bytes = switch (source) {
            case "script30" -> SCRIPT_30.getBytes(StandardCharsets.ISO_8859_1);
            case "generated1mb" -> generated(1 << 20);
            default -> Files.readAllBytes(suite().resolve(source + ".lua"));
        };
        System.out.println("\n" + source + ": " + bytes.length + " bytes");
    }

    @Benchmark
    public Chunk parse() {
        return LuaParser.parse(bytes, "@bench");
    }

    @Benchmark
    public Object parseAndResolve() {
        return ScopeResolver.resolve(LuaParser.parse(bytes, "@bench"));
    }

    /** Functions of varied statements until {@code size} bytes, as code generators emit. */
    static byte[] generated(int size) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (sb.length() < size) {
            sb.append("function f").append(n).append("(a, b, ...)\n")
              .append("  local t = {a, b, x = a * 2 + b / 3, [\"k").append(n).append("\"] = 'v\\n'}\n")
              .append("  for i = 1, #t do t[i] = (t[i] or 0) + i ^ 2 end\n")
              .append("  if a < b and not t.x then return t, ... elseif a == b then return nil end\n")
              .append("  while a > 0 do a = a - 1; b = b .. tostring(a) end\n")
              .append("  return string.format('%d:%s', a, b), t[1]:upper()\n")
              .append("end\n");
            n++;
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static Path suite() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("bench/lua");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            if (Files.isDirectory(p.resolve("shared/bench/lua"))) {
                return p.resolve("shared/bench/lua");
            }
        }
        throw new UncheckedIOException(new IOException("../shared/bench/lua not found"));
    }
}
