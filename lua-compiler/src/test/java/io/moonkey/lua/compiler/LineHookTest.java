package io.moonkey.lua.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.debug.LineHook;
import io.moonkey.lua.debug.Locals;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debug-mode compilation (ldb.md §3): line events in PUC's order, the visible locals, zero cost otherwise. */
class LineHookTest {
    /** Records "line" or "line:name=value,..." per event. */
    private static final class Recorder implements LineHook {
        final List<String> events = new ArrayList<>();
        final boolean withLocals;

        Recorder(boolean withLocals) {
            this.withLocals = withLocals;
        }

        @Override
        public void onLine(CallContext cx, int line, Locals locals) {
            StringBuilder sb = new StringBuilder().append(line);
            if (withLocals) {
                sb.append(':');
                for (int i = 0; i < locals.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    Object v = locals.value(i);
                    sb.append(locals.name(i)).append('=')
                            .append(v == null ? "nil" : v instanceof LuaTable ? "table" : Conversions.toStringValue(v).toString());
                }
            }
            events.add(sb.toString());
        }
    }

    /** Runs until {@code maxEvents} events, then stops the script from the hook. */
    private static List<String> run(String source, boolean withLocals, int maxEvents) {
        LuaState lua = LuaState.create();
        List<String> events = new ArrayList<>();
        lua.lineHook = (cx, line, locals) -> {
            events.add(Integer.toString(line));
            if (events.size() == maxEvents) {
                throw new io.moonkey.lua.runtime.ScriptInterrupted("enough");
            }
        };
        LuaFunction f = new CompiledChunkLoader().loadForDebugging(source.getBytes(StandardCharsets.UTF_8), "@user_script", lua.globals);
        org.junit.jupiter.api.Assertions.assertThrows(io.moonkey.lua.runtime.ScriptInterrupted.class, () -> lua.call(f));
        return events;
    }

    private static List<String> run(String source, boolean withLocals) {
        LuaState lua = LuaState.create();
        Recorder r = new Recorder(withLocals);
        lua.lineHook = r;
        LuaFunction f = new CompiledChunkLoader().loadForDebugging(source.getBytes(StandardCharsets.UTF_8), "@user_script", lua.globals);
        lua.call(f);
        return r.events;
    }

    private static final String SESSION_SCRIPT = """
            local a = 1
            local x = 0
            local b = {1,2,{x=3},'s'}
            local function f(x)
              x = x + 1
              return x*2
            end
            local c = f(a)
            return {a, c}
            """;

    @Test
    void linesInPucOrder() {
        // The local function statement fires at its "end" (the closure), the call enters f.
        assertEquals(List.of("1", "2", "3", "7", "8", "5", "6", "9"), run(SESSION_SCRIPT, false));
    }

    @Test
    void localsVisibleAfterTheirStatementAndPerFrame() {
        List<String> e = run(SESSION_SCRIPT, true);
        assertEquals("1:", e.get(0));
        assertEquals("2:a=1", e.get(1));
        assertEquals("7:a=1,x=0,b=table", e.get(3)); // f is not visible at its own closure
        assertEquals("5:x=1", e.get(5));
        assertEquals("6:x=2", e.get(6));
        assertEquals("9:a=1,x=0,b=table,f=" + e.get(7).split(",f=")[1].split(",")[0] + ",c=4", e.get(7));
    }

    @Test
    void loopsFireEveryIterationWithTheirInternalState() {
        String src = "local t = 0\nfor i=1,2 do\n  t = t + i\nend\nfor k,v in pairs({5}) do\n  t = t + v\nend\nreturn t\n";
        assertEquals(List.of("1", "2", "3", "2", "3", "2", "5", "6", "5", "8"), run(src, false));
        List<String> e = run(src, true);
        assertEquals("3:t=0,(for index)=1,(for limit)=2,(for step)=1,i=1", e.get(2));
        assertEquals("2:t=1,(for index)=1,(for limit)=2,(for step)=1", e.get(3));
        assertTrue(e.get(8).startsWith("5:t=8,(for generator)=function"), e.get(8));
        assertTrue(e.get(8).endsWith(",(for control)=1"), e.get(8));
        assertEquals("8:t=8", e.get(9));
    }

    @Test
    void sameLineLoopBodiesStillFireEachIteration() {
        assertEquals(List.of("1", "2", "2", "2", "3"), run("local i = 0\nwhile true do i = i + 1 if i == 3 then break end end\nreturn i", false));
        assertEquals(List.of("1", "1", "1", "1"), run("local n = 0 while true do end", false, 4));
        // Entry, then each backward jump into the body (checked against redis-server's debugger).
        assertEquals(List.of("1", "1", "1", "1"), run("for i = 1, 3 do local x = i end", false));
        assertEquals(List.of("1", "3", "4", "3", "4", "3", "4", "5"),
                run("local n = 0\nrepeat\n  n = n + 1\nuntil n == 3\nreturn n", false));
    }

    @Test
    void functionStatementsFireAtTheirEndThenTheirFirstLine() {
        assertEquals(List.of("3", "1", "4", "6", "5", "7", "6", "2"),
                run("function g()\n  return 1\nend\nlocal t = {}\nfunction t.h()\nend\nreturn g(t.h())", false));
    }

    @Test
    void valuesAndCallsOnOtherLinesFireThere() {
        // Checked against redis-server's debugger: closures at their "end", arguments and table
        // fields on their own lines, then the call on the line where it starts.
        String src = "local f = function(a)\n  return a + 1\nend\nlocal t = {\n  one = f(1),\n  two = 2\n}\n"
                + "local s = f(\n  2)\nreturn s";
        assertEquals(List.of("3", "4", "5", "2", "6", "8", "9", "8", "2", "10"), run(src, false));
    }

    @Test
    void aFunctionSplitForSizeStillFiresEveryLineWithItsLocals() {
        StringBuilder src = new StringBuilder("local t = {}\n");
        for (int i = 2; i <= 6000; i++) {
            src.append("t[").append(i).append("] = ").append(i).append(" + #t\n");
        }
        src.append("return #t");
        List<String> e = run(src.toString(), true);
        assertEquals(6001, e.size());
        assertEquals("6001:t=table", e.get(6000));
    }

    @Test
    void jumpsAtTheEndOfBlocksFireOnTheirLine() {
        // Checked against redis-server: while's back-jump on the line of the body's last token; from an if's exits it
        // does not fire (PUC chains the jumps); the jump over an else part; the main chunk's return.
        String src = "local x = 0\nwhile x < 2 do\n  x = x + 1\n  if x == 1 then\n    x = x + 0\n  else\n"
                + "    x = x + 0\n  end\nend\nif x then\n  x = 1\nend";
        assertEquals(List.of("1", "2", "3", "4", "5", "2", "3", "4", "7", "8", "2", "10", "11", "12"), run(src, false));
    }

    @Test
    void storesAreOnTheAssignmentsLastLine() {
        // Checked against redis-server: the call fires where it starts, the store where the statement ends.
        assertEquals(List.of("1", "2", "4", "2", "4", "5"),
                run("local t = {}\nt[1] = tostring(function()\n  return 1\nend)\nreturn t", false));
        // "local y" at the start of a function has no instruction (PUC leaves its LOADNIL out).
        assertEquals(List.of("2", "3", "2", "3", "4"), run("local y\ny = tostring(\n1)\nreturn y", false));
    }

    @Test
    void localsWithoutValuesShareTheLoadnilBeforeThem() {
        // Checked against redis-server: merged into the previous LOADNIL, left out at a function's start.
        assertEquals(List.of("1", "2", "5", "6", "12", "13", "11", "14"), run("local a = 1\nlocal b\nlocal c = nil\nlocal d\n"
                + "if a then\n  local e\n  local f\nend\nlocal function g()\n  local h\n  return 1\nend\ng()\nreturn 1", false));
    }

    @Test
    void blockLocalsGoOutOfScope() {
        List<String> e = run("local a = 1\nif a then\n  local b = 2\n  a = b\nend\nreturn a", true);
        assertEquals(List.of("1:", "2:a=1", "3:a=1", "4:a=1,b=2", "6:a=2"), e);
    }

    @Test
    void normalCompilationEmitsNoHook() {
        LuaState lua = LuaState.create();
        Recorder r = new Recorder(false);
        lua.lineHook = r;
        lua.call(lua.load(SESSION_SCRIPT, "@user_script"));
        assertTrue(r.events.isEmpty());
        // No reference to the hook in the generated classes either.
        Chunk chunk = LuaParser.parse(SESSION_SCRIPT.getBytes(StandardCharsets.UTF_8), "@user_script", LuaParser.Options.STRING);
        assertFalse(GeneratedClasses.of(chunk, false).contains("io/moonkey/lua/debug/LineHook"));
        assertTrue(GeneratedClasses.of(chunk, true).contains("io/moonkey/lua/debug/LineHook"));
    }

    @Test
    void debugModeKeepsResultsAndErrorPositions() {
        LuaState lua = LuaState.create();
        LuaFunction f = new CompiledChunkLoader().loadForDebugging(
                "local t = {}\nlocal function f(n)\n  if n == 0 then return 0 end\n  return n + f(n - 1)\nend\nt.x = f(10)\nreturn t.x, nil + 1"
                        .getBytes(StandardCharsets.UTF_8), "@user_script", lua.globals);
        io.moonkey.lua.runtime.LuaError err = org.junit.jupiter.api.Assertions.assertThrows(io.moonkey.lua.runtime.LuaError.class, () -> lua.call(f));
        assertEquals("user_script:7: attempt to perform arithmetic on a nil value", err.getMessage());
        LuaFunction g = new CompiledChunkLoader().loadForDebugging(
                "local function f(n)\n  if n == 0 then return 0 end\n  return n + f(n - 1)\nend\nreturn f(10)".getBytes(StandardCharsets.UTF_8),
                "@user_script", lua.globals);
        assertArrayEquals(new Object[] {55.0}, lua.call(g));
    }
}
