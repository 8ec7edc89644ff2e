package io.moonkey.lua.lib.valkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.lua.compiler.CompiledChunkLoader;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.text.LuaRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the server API that go through the bridge, and Valkey's own wordings. */
class ServerApiTest {
    private final RecordingBridge bridge = new RecordingBridge();

    private String run(String script) {
        LuaState state = ScriptEnvironment.create(ServerApi.Context.EVAL, bridge, new LuaRandom.Lrand48());
        state.setChunkLoader(new CompiledChunkLoader());
        ScriptEnvironment.setKeysAndArgs(state, new byte[][] {"k1".getBytes()}, new byte[][] {"a1".getBytes(), "a2".getBytes()});
        Object[] r = state.call(state.load(LibraryDifferential.script(List.of(script)), "@user_script"));
        return String.valueOf(r[0]);
    }

    @Test
    void callConvertsArgumentsAsValkeyDoes() {
        assertEquals("s:" + hex("reply:set,k,0.1"), run("server.call('set', 'k', 0.1)"));
        assertEquals("set k 0.1", bridge.calls.get(0));
        run("server.call('incrby', KEYS[1], 3, -0.0, 2^62, 2^63, 1e20)");
        assertEquals("incrby k1 3 0 4611686018427387904 9223372036854776000 1e+20", bridge.calls.get(1)); // fpconv layout
    }

    @Test
    void callRaisesAndPcallReturnsErrors() {
        assertEquals("E:ERR Unknown Redis command called from script", run("server.call('nosuch')"));
        assertEquals("s:" + hex("ERR Unknown Redis command called from script") + " b:true",
                run("server.pcall('nosuch').err, server.pcall('nosuch').ignore_error_stats_update"));
        assertEquals("E:ERR Please specify at least one argument for this call", run("server.call()"));
        assertEquals("E:ERR Command arguments must be strings or integers", run("server.call('get', {})"));
        assertEquals("t{s:" + hex("err") + "=s:" + hex("ERR Command arguments must be strings or integers") + "}",
                run("server.pcall('get', nil)"));
        assertEquals(List.of("nosuch", "nosuch", "nosuch"), bridge.calls); // argument errors never reach the server
    }

    @Test
    void serverAndRedisAreTheSameTable() {
        assertEquals("b:true", run("server == redis"));
        assertEquals("s:" + hex("valkey"), run("server.SERVER_NAME"));
        assertEquals("n:459268", run("server.REDIS_VERSION_NUM")); // 0x00070204
        assertEquals("E:user_script:2: Attempt to modify a readonly table", run("(function() server.x = 1 end)()"));
    }

    @Test
    void settingsGoThroughTheBridge() {
        assertEquals("", run("server.setresp(3)"));
        assertEquals(3, bridge.resp);
        assertEquals("", run("server.set_repl(server.REPL_AOF)"));
        assertEquals(1, bridge.repl);
        assertEquals("", run("server.log(server.LOG_WARNING, 'a', 1.5, nil, {}, 'b')"));
        assertEquals(List.of("3 a 1.5 b"), bridge.logs);
        assertEquals("E:ERR Invalid log level.", run("server.log(9, 'x')"));
        assertEquals("E:ERR server.setresp() requires one argument.", run("server.setresp()"));
        assertEquals("b:true", run("server.acl_check_cmd('get', 'k')"));
        assertEquals("E:ERR Invalid command passed to server.acl_check_cmd()", run("server.acl_check_cmd('nosuch')"));
    }

    @Test
    void keysAndArgsAreFreshWritableTables() {
        assertEquals("s:" + hex("k1") + " n:2", run("KEYS[1], #ARGV"));
        assertEquals("s:" + hex("x"), run("(function() KEYS[1] = 'x' return KEYS[1] end)()"));
    }

    @Test
    void osHasOnlyClock() {
        assertEquals("s:" + hex("number"), run("type(os.clock())"));
        assertEquals("b:true", run("os.execute == nil"));
    }

    private static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }
}
