package io.moonkey.lua.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Generated chunks beyond the JVM's 64 KB method limit still load and run (split into segments). */
class LargeChunkTest {
    @Test
    void twentyThousandLineMainChunk() throws Exception {
        StringBuilder sb = new StringBuilder("local t = {}\nlocal n = 0\n");
        for (int i = 0; i < 20000; i++) {
            sb.append("t[").append(i % 100).append("] = (t[").append(i % 100).append("] or 0) + ").append(i)
                    .append("; n = n + 1\n");
        }
        sb.append("local function f(x) return x * 2 end\n");
        sb.append("print(n, t[1], f(21))\n");
        sb.append("if n > 0 then return 'early' end\n");
        sb.append("print('not reached')\n");
        ReferenceLua.Outcome r = Engine.run(sb.toString().getBytes(StandardCharsets.ISO_8859_1), "@big.lua");
        assertEquals("20000\t1990200\t42\n", r.stdout());
        assertEquals("", r.error());
    }

    /** A loop that fits one method alone but not with its integral copy: compiled without the copy. */
    @Test
    void loopTooLargeForItsIntegralCopy() throws Exception {
        assertEquals(true, GeneratedClasses.of(io.moonkey.lua.parser.LuaParser.parse(loop(100), "@small.lua",
                io.moonkey.lua.parser.LuaParser.Options.FILE), false).contains("IntegralFor"), "a smaller one has it");
        byte[] src = loop(900);
        String classes = GeneratedClasses.of(io.moonkey.lua.parser.LuaParser.parse(src, "@big.lua",
                io.moonkey.lua.parser.LuaParser.Options.FILE), false);
        assertEquals(false, classes.contains("IntegralFor"), "compiled without the integral copy");
        assertEquals(false, classes.contains("body$0"), "and not split");
        ReferenceLua.Outcome r = Engine.run(src, "@big.lua");
        assertEquals("8088\t902\n", r.stdout());
        assertEquals("", r.error());
    }

    private static byte[] loop(int statements) {
        StringBuilder sb = new StringBuilder("local t = {}\nlocal s = 0\nfor i = 1, 3 do\n  s = s + i\n");
        for (int k = 0; k < statements; k++) {
            sb.append("  t[").append(k).append("] = i + ").append(k).append(" s = s + ").append(k % 7).append('\n');
        }
        sb.append("end\nprint(s, t[").append(statements - 1).append("])\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void errorPositionsInsideASplitFunction() throws Exception {
        StringBuilder sb = new StringBuilder("local function big(a)\n  local s = 0\n");
        for (int i = 0; i < 12000; i++) {
            sb.append("  s = s + a * ").append(i).append("\n");
        }
        sb.append("  local z = nil\n  return s + z.field\nend\nprint(pcall(big, 1))\n");
        ReferenceLua.Outcome r = Engine.run(sb.toString().getBytes(StandardCharsets.ISO_8859_1), "@big.lua");
        assertEquals("false\tbig.lua:12004: attempt to index local 'z' (a nil value)\n", r.stdout());
    }
    /** A split function's tail calls are proper too: mutual recursion with it runs in constant space. */
    @Test
    void tailCallsFromASplitFunction() throws Exception {
        StringBuilder sb = new StringBuilder("local function big(n, acc)\n  if n > 0 then return other(n - 1, 0) end\n");
        for (int i = 0; i < 12000; i++) {
            sb.append("  acc = acc + ").append(i % 7).append("\n");
        }
        sb.append("  return acc\nend\n");
        sb.append("function other(n, acc) return big(n, acc) end\n");
        sb.append("print(big(30000, 0))\n");
        String classes = GeneratedClasses.of(io.moonkey.lua.parser.LuaParser.parse(sb.toString().getBytes(
                StandardCharsets.ISO_8859_1), "@big.lua", io.moonkey.lua.parser.LuaParser.Options.FILE), false);
        assertEquals(true, classes.contains("body$0"), "split");
        ReferenceLua.Outcome r = Engine.run(sb.toString().getBytes(StandardCharsets.ISO_8859_1), "@big.lua");
        assertEquals("35995\n", r.stdout());
        assertEquals("", r.error());
    }
}
