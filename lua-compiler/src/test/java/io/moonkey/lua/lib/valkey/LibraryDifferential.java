package io.moonkey.lua.lib.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.lua.compiler.CompiledChunkLoader;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one generated script in redis-server (EVAL) and in our engine with the Valkey libraries
 * installed, and compares the outputs line by line. Each case is one line of the script, a
 * Lua expression list evaluated under pcall; results are shown with their types, strings in hex
 * and numbers with 17 significant digits, so any difference in a byte or a bit shows.
 */
final class LibraryDifferential {
    private static final String PRELUDE = "local out = {} "
            + "local function hex(s) return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end)) end "
            + "local function show1(v) local t = type(v) "
            + "if t == 'string' then return 's:' .. hex(v) elseif t == 'number' then return 'n:' .. string.format('%.17g', v) "
            + "elseif t == 'table' then local parts = {} for k, x in pairs(t == 'table' and v or {}) do parts[#parts+1] = show1(k) .. '=' .. show1(x) end return 't{' .. table.concat(parts, ',') .. '}' "
            + "else return t:sub(1,1) .. ':' .. tostring(v == nil and 'nil' or (t == 'boolean' and tostring(v) or t)) end end "
            + "local function show(ok, ...) if not ok then return 'E:' .. tostring((...)) end "
            + "local parts = {} for i = 1, select('#', ...) do parts[i] = show1((select(i, ...))) end return table.concat(parts, ' ') end\n";

    private LibraryDifferential() {}

    /** Builds the script: one line per case, so error positions carry the case's line. */
    static String script(List<String> cases) {
        StringBuilder sb = new StringBuilder(PRELUDE);
        for (String c : cases) {
            sb.append("out[#out+1] = show(pcall(function() return ").append(c).append(" end))\n");
        }
        sb.append("return table.concat(out, '\\n')\n");
        return sb.toString();
    }

    static String ours(String script) {
        LuaState state = LuaState.create();
        state.setChunkLoader(new CompiledChunkLoader());
        BitLib.install(state);
        StructLib.install(state);
        CmsgpackLib.install(state);
        CjsonLib.install(state);
        LuaFunction f = state.load(script, "@user_script");
        Object[] r = state.call(f);
        return r.length == 0 ? "(nil)" : String.valueOf(r[0]);
    }

    /** Runs the script in the sandboxed environment scripts get, with an inert bridge. */
    static String oursSandboxed(String script) {
        LuaState state = ScriptEnvironment.create(ServerApi.Context.EVAL, new RecordingBridge(),
                new io.moonkey.lua.text.LuaRandom.Lrand48());
        state.setChunkLoader(new CompiledChunkLoader());
        ScriptEnvironment.setKeysAndArgs(state, new byte[0][], new byte[0][]);
        Object[] r = state.call(state.load(script, "@user_script"));
        return r.length == 0 ? "(nil)" : String.valueOf(r[0]);
    }

    static void assertSame(ReferenceRedis redis, List<String> cases) throws Exception {
        assertSame(redis, cases, false);
    }

    static void assertSame(ReferenceRedis redis, List<String> cases, boolean sandboxed) throws Exception {
        String script = script(cases);
        String expected = redis.eval(script);
        String actual = sandboxed ? oursSandboxed(script) : ours(script);
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String ei = i < e.length ? e[i] : "<missing>";
            String ai = i < a.length ? a[i] : "<missing>";
            if (!ei.equals(ai)) {
                diffs.add(cases.get(Math.min(i, cases.size() - 1)) + "\n   redis: " + ei + "\n   ours:  " + ai);
            }
        }
        assertEquals(List.of(), diffs.subList(0, Math.min(25, diffs.size())), diffs.size() + " of " + cases.size() + " cases differ");
    }
}
