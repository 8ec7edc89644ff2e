package io.moonkey.benchmarks.lua;

import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call overhead of the engine as the server uses it: calling an already compiled small
 * function from Java, and compiling a 30-line script.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class LuaCallBenchmark {
    static final String SCRIPT_30_LINES = String.join("\n",
            "local key = KEYS and KEYS[1] or 'k'",
            "local limit = tonumber(ARGV and ARGV[1]) or 10",
            "local counts = {}",
            "local function bump(name, by)",
            "  counts[name] = (counts[name] or 0) + (by or 1)",
            "  return counts[name]",
            "end",
            "local total = 0",
            "for i = 1, limit do",
            "  local n = bump(key .. ':' .. (i % 3))",
            "  if n > 2 then",
            "    total = total + n",
            "  elseif n == 1 then",
            "    total = total - 1",
            "  else",
            "    total = total * 2",
            "  end",
            "end",
            "local parts = {}",
            "for k, v in pairs(counts) do",
            "  parts[#parts + 1] = k .. '=' .. v",
            "end",
            "table.sort(parts)",
            "local result = table.concat(parts, ',')",
            "if #result > 100 then",
            "  result = string.sub(result, 1, 100)",
            "end",
            "local ok, err = pcall(function() return total / limit end)",
            "assert(ok, err)",
            "return { total, result, err }");

    LuaState lua;
    LuaFunction small;
    Double arg = 41.0;

    @Setup
    public void setup() {
        lua = LuaState.create();
        small = (LuaFunction) lua.call(lua.load("return function(x) return x + 1 end", "=bench"))[0];
    }

    @Benchmark
    public Object callSmallFunction() {
        return lua.call1(small, arg);
    }

    @Benchmark
    public Object compile30LineScript() {
        return lua.load(SCRIPT_30_LINES, "@user_script");
    }

    @Benchmark
    public Object compileAndRun30LineScript() {
        return lua.call(lua.load(SCRIPT_30_LINES, "@user_script"));
    }
}
