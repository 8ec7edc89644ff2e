package io.moonkey.server.scripting.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.compiler.CompiledChunkLoader;
import io.moonkey.lua.lib.valkey.CjsonLib;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.server.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Replies to Lua values and back, with the examples of lua-api.md §4 and §5. */
class LuaReplyConversionTest {

    /** The reply bytes of {@code return <expr>} for a connection and a script protocol. */
    private static String reply(String expr, int connection, int script) {
        LuaState state = LuaState.create();
        state.setChunkLoader(new CompiledChunkLoader());
        CjsonLib.install(state);
        Object[] r = state.call(state.load("return " + expr, "@user_script"));
        RespWriter w = new RespWriter();
        w.setProtocol(connection);
        new LuaReplyWriter(w, script).write(r.length == 0 ? null : r[0]);
        return new String(w.toByteArray(), StandardCharsets.ISO_8859_1).replace("\r\n", " ").trim();
    }

    @Test
    void scalars() {
        assertEquals("$3 abc", reply("'abc'", 2, 2));
        assertEquals(":100", reply("100.5", 2, 2));
        assertEquals(":-100", reply("-100.9", 2, 2));
        assertEquals(":-9223372036854775808", reply("1e20", 2, 2));
        assertEquals(":9007199254740992", reply("2^53+1", 2, 2));
        assertEquals(":0", reply("-0", 2, 2));
        assertEquals(":-9223372036854775808", reply("0/0", 2, 2));
        assertEquals("$-1", reply("nil", 2, 2));
        assertEquals("$-1", reply("print", 2, 2));
        assertEquals("*3 :1 $-1 :2", reply("cjson.decode('[1,null,2]')", 2, 2));
    }

    @Test
    void booleansFollowTheScriptProtocol() {
        assertEquals(":1", reply("true", 2, 2));
        assertEquals("$-1", reply("false", 2, 2));
        assertEquals(":1", reply("true", 2, 3));
        assertEquals(":0", reply("false", 2, 3));
        assertEquals(":1", reply("true", 3, 2));
        assertEquals("_", reply("false", 3, 2));
        assertEquals("#t", reply("true", 3, 3));
        assertEquals("#f", reply("false", 3, 3));
    }

    @Test
    void specialTables() {
        assertEquals("-no code", reply("{err='no code'}", 2, 2));
        assertEquals("-", reply("{err=''}", 2, 2));
        assertEquals("--ERR x", reply("{err='-ERR x'}", 2, 2));
        assertEquals("-bad  err", reply("{err='bad\\r\\nerr\\n'}", 2, 2));
        assertEquals("-E", reply("{err='E', ok='x'}", 2, 2));
        assertEquals("+a  b", reply("{ok='a\\r\\nb'}", 2, 2));
        assertEquals(",3.14", reply("{double=3.14}", 3, 3)); // Valkey prints the shortest form (differences.md §3 row 7)
        assertEquals("(1  2", reply("{big_number='1\\r\\n2'}", 3, 3));
        assertEquals("$4 1  2", reply("{big_number='1\\r\\n2'}", 2, 2));
        assertEquals("=7 mar:abc", reply("{verbatim_string={format='markdown', string='abc'}}", 3, 3));
        assertEquals("$3 abc", reply("{verbatim_string={format='txt', string='abc'}}", 2, 2));
        assertEquals("*0", reply("{verbatim_string={format='txt'}}", 2, 2));
        assertEquals("%1 $1 a :1", reply("{map={a=1}}", 3, 3));
        assertEquals("*2 $1 a :1", reply("{map={a=1}}", 2, 2));
        assertEquals("~1 $1 x", reply("{set={x=true}}", 3, 3));
        assertEquals("*0", reply("{ok=1}", 2, 2));
        assertEquals("*0", reply("{err=1}", 2, 2));
        assertEquals("*0", reply("{double='3.14'}", 2, 2));
    }

    @Test
    void arraysStopAtTheFirstNil() {
        assertEquals("*2 :1 :2", reply("{1,2,nil,4}", 2, 2));
        assertEquals("*1 $1 a", reply("{[1]='a',[3]='c'}", 2, 2));
        assertEquals("*2 :2 :3", reply("{a=1, 2, 3}", 2, 2));
        assertEquals("*5 :1 +x -E inner :1 $-1", reply("{1, {ok='x'}, {err='E inner'}, true, false, nil}", 2, 2));
    }

    @Test
    void deepNestingIsCut() {
        String r = reply("(function() local t = {} for i = 1, 2000 do t = {t} end return t end)()", 2, 2);
        assertTrue(r.endsWith("-ERR reached lua stack limit"), r.substring(Math.max(0, r.length() - 60)));
    }

    @Test
    void repliesBecomeLuaValues() {
        LuaReplyReader r2 = new LuaReplyReader(2);
        r2.arrayHeader(4);
        r2.integer(7);
        r2.bulk("v".getBytes());
        r2.nullBulk();
        r2.simple("OK");
        LuaTable t = (LuaTable) r2.result();
        assertEquals(7.0, t.get(1));
        assertEquals(LuaString.latin1("v"), t.get(2));
        assertEquals(Boolean.FALSE, t.get(3));
        assertEquals(LuaString.latin1("OK"), ((LuaTable) t.get(4)).get(LuaString.latin1("ok")));

        LuaReplyReader r3 = new LuaReplyReader(3);
        r3.mapHeader(2);
        r3.bulk("a".getBytes());
        r3.doubleValue(1.5);
        r3.bulk("b".getBytes());
        r3.bool(true);
        LuaTable map = (LuaTable) ((LuaTable) r3.result()).get(LuaString.latin1("map"));
        assertEquals(1.5, ((LuaTable) map.get(LuaString.latin1("a"))).get(LuaString.latin1("double")));
        assertEquals(Boolean.TRUE, map.get(LuaString.latin1("b")));

        LuaReplyReader e = new LuaReplyReader(2);
        e.error("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertTrue(e.isError());
        assertEquals(LuaString.latin1("WRONGTYPE Operation against a key holding the wrong kind of value"),
                ((LuaTable) e.result()).get(LuaString.latin1("err")));

        LuaReplyReader flat = new LuaReplyReader(2);
        flat.mapHeader(1);
        flat.bulk("k".getBytes());
        flat.integer(1);
        assertEquals(2, ((LuaTable) flat.result()).length());

        LuaReplyReader empty = new LuaReplyReader(2);
        empty.arrayHeader(0);
        assertEquals(0, ((LuaTable) empty.result()).length());
    }
}
