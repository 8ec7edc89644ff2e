package io.moonkey.lua.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.compiler.CompiledChunkLoader;
import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tier selection and promotion (design §1.13); semantics are covered by CorpusTest on every tier. */
class TierTest {
    private static LuaState state(Tier tier) {
        LuaState lua = LuaState.create();
        lua.setChunkLoader(new CompiledChunkLoader(tier));
        return lua;
    }

    private static LuaFunction load(LuaState lua, String src) {
        return lua.chunkLoader().load(lua, src.getBytes(StandardCharsets.ISO_8859_1), "=t", lua.globals,
                ChunkLoader.Kind.HOST_STRING);
    }

    private static Object run(LuaState lua, String src) {
        Object[] r = lua.call(load(lua, src));
        return r.length == 0 ? null : r[0];
    }

    @Test
    void forcedInterpreterNeverPromotes() {
        LuaState lua = state(Tier.INTERP);
        LuaFunction main = load(lua, "function f(x) return x + 1 end local s = 0 for i = 1, 1000 do s = f(s) end return s");
        InterpretedFunction m = assertInstanceOf(InterpretedFunction.class, main);
        assertEquals(1000.0, lua.call(main)[0]);
        InterpretedFunction f = assertInstanceOf(InterpretedFunction.class, lua.globals.get(LuaString.latin1("f")));
        assertNull(f.compiled());
        assertNull(m.compiled());
    }

    @Test
    void forcedCompilerNeverInterprets() {
        LuaState lua = state(Tier.COMPILE);
        assertFalse(load(lua, "return 1") instanceof InterpretedFunction);
    }

    @Test
    void autoInterpretsColdCodeAndPromotesHotFunctions() {
        LuaState lua = state(Tier.AUTO);
        LuaFunction main = load(lua, "function f(x) return x + 1 end return 1");
        assertInstanceOf(InterpretedFunction.class, main);
        lua.call(main);
        InterpretedFunction f = assertInstanceOf(InterpretedFunction.class, lua.globals.get(LuaString.latin1("f")));
        for (int i = 0; i < Tier.promotionCalls(); i++) {
            assertEquals((double) i + 1, lua.call(f, (double) i)[0]);
        }
        assertNull(f.compiled(), "still interpreted after " + Tier.promotionCalls() + " calls");
        assertEquals(8.0, lua.call(f, 7.0)[0]);
        LuaClosure c = f.compiled();
        assertNotNull(c, "promoted");
        assertTrue(c.identity == f, "the compiled closure stands for the interpreted one");
    }

    @Test
    void autoCompilesTheLoopsOfFilesAtOnce() {
        LuaState lua = state(Tier.AUTO);
        byte[] main = "local s = 0 for i = 1, 10 do s = s + i end return s".getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(lua.chunkLoader().load(lua, main, "@f.lua", lua.globals, ChunkLoader.Kind.FILE)
                instanceof InterpretedFunction);
        byte[] fn = "function g() local s = 0 for i = 1, 10 do s = s + i end return s end".getBytes(StandardCharsets.ISO_8859_1);
        lua.call(lua.chunkLoader().load(lua, fn, "@f.lua", lua.globals, ChunkLoader.Kind.FILE));
        InterpretedFunction g = assertInstanceOf(InterpretedFunction.class, lua.globals.get(LuaString.latin1("g")));
        assertEquals(55.0, lua.call(g)[0]);
        assertNotNull(g.compiled(), "a file's function with a loop is compiled before its first call");
    }

    @Test
    void autoPromotesScriptsAfterManyLoopIterations() {
        LuaState lua = state(Tier.AUTO);
        LuaFunction main = load(lua, "local s = 0 for i = 1, ARGV do s = s + i end return s");
        InterpretedFunction m = assertInstanceOf(InterpretedFunction.class, main);
        lua.globals.put(LuaString.latin1("ARGV"), 100.0);
        assertEquals(5050.0, lua.call(main)[0]);
        assertEquals(5050.0, lua.call(main)[0]);
        assertNull(m.compiled(), "a short loop stays interpreted");
        lua.globals.put(LuaString.latin1("ARGV"), (double) Tier.promotionLoopIterations() + 1);
        lua.call(main);
        assertNull(m.compiled(), "a running loop is not moved");
        lua.globals.put(LuaString.latin1("ARGV"), 4.0);
        assertEquals(10.0, lua.call(main)[0]);
        assertNotNull(m.compiled(), "compiled at the call after many iterations");
    }

    /** Each later closure of a promoted function gets its own environment and upvalues (cells and values). */
    @Test
    void closuresOfAPromotedFunctionKeepTheirOwnUpvalues() {
        LuaState lua = state(Tier.AUTO);
        Object r = run(lua, "local fs, sum = {}, 0\n"
                + "for i = 1, 200 do local c, cell = i, 0 fs[i] = function(d) cell = cell + d return c * 1000 + cell end end\n"
                + "for round = 1, 3 do for i = 1, 200 do sum = sum + fs[i](round) end end\n"
                + "local shared = 0\n"
                + "local function make() return function() shared = shared + 1 return shared end end\n"
                + "for i = 1, 100 do make()() end\n"
                + "local env = setmetatable({}, {__index = _G}) env.x = 'own'\n"
                + "local g for i = 1, 100 do g = function() return x end end setfenv(g, env)\n"
                + "return sum .. ' ' .. shared .. ' ' .. fs[150](0) .. ' ' .. g()");
        // sum = 3 * sum(i * 1000) + 200 * (1 + 3 + 6); fs[150] saw 1 + 2 + 3
        assertEquals(LuaString.latin1("60302000 100 150006 own"), r);
    }

    @Test
    void promotedSelfTailCallsRunInConstantSpace() {
        LuaState lua = state(Tier.AUTO);
        Object r = run(lua, "local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end "
                + "for i = 1, 100 do loop(3) end return loop(1000000)");
        assertEquals(LuaString.latin1("done"), r);
    }

    @Test
    void interpretedSelfTailCallsRunInConstantSpace() {
        LuaState lua = state(Tier.INTERP);
        Object r = run(lua, "local function loop(n) if n == 0 then return 'done' end return loop(n - 1) end return loop(1000000)");
        assertEquals(LuaString.latin1("done"), r);
    }

    @Test
    void setfenvReachesThePromotedClosure() {
        LuaState lua = state(Tier.AUTO);
        Object r = run(lua, "x = 'global' function get() return x end "
                + "for i = 1, 100 do get() end "
                + "setfenv(get, {x = 'private'}) return get()");
        assertEquals(LuaString.latin1("private"), r);
        Object r2 = run(lua, "function h() setfenv(1, {y = 'inner', setfenv = setfenv}) return y end for i = 1, 99 do h() end return h()");
        assertEquals(LuaString.latin1("inner"), r2);
    }

    @Test
    void interpretedErrorsNameTheOperandAndPosition() {
        LuaState lua = state(Tier.INTERP);
        LuaError e = assertThrows(LuaError.class, () -> run(lua, "local t = {}\nlocal x\nreturn t.a + x.b"));
        assertEquals("t:3: attempt to index local 'x' (a nil value)", e.getMessage());
        LuaError e2 = assertThrows(LuaError.class, () -> run(lua, "\n\nlocal n = nil; n()"));
        assertEquals("t:3: attempt to call local 'n' (a nil value)", e2.getMessage());
        LuaError e3 = assertThrows(LuaError.class, () -> run(lua, "local function f() error('boom') end\nf()"));
        assertEquals("t:1: boom", e3.getMessage());
        LuaError e4 = assertThrows(LuaError.class, () -> run(lua, "local function f() error('up', 2) end\n\nf()"));
        assertEquals("t:3: up", e4.getMessage());
        LuaError e5 = assertThrows(LuaError.class, () -> run(lua, "local s = 'x'\nreturn s:rep({})"));
        assertEquals("t:2: bad argument #1 to 'rep' (number expected, got table)", e5.getMessage());
    }

    @Test
    void droppedInterpretedChunksAreCollected() throws Exception {
        LuaState lua = state(Tier.AUTO);
        LuaFunction f = load(lua, "return 'cold'");
        lua.call(f);
        WeakReference<Object> ref = new WeakReference<>(f);
        f = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get());
    }
}
