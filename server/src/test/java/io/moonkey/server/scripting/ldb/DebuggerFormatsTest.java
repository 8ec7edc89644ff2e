package io.moonkey.server.scripting.ldb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The debugger's parser and output formats in isolation (ldb.md §4.2, §5). */
class DebuggerFormatsTest {
    private static byte[][] parse(DebugCommandParser p, String input) throws Exception {
        byte[] b = input.getBytes(StandardCharsets.ISO_8859_1);
        p.feed(b, 0, b.length);
        return p.next();
    }

    @Test
    void parserAcceptsCompleteArraysAndWaitsForMore() throws Exception {
        DebugCommandParser p = new DebugCommandParser();
        assertNull(p.next());
        assertNull(parse(p, "xx*2\r\n$1\r\nb"));
        assertNull(parse(p, "\r\n$2\r\n1"));
        byte[][] argv = parse(p, "0\r\nignored-after");
        assertEquals(2, argv.length);
        assertEquals("b", new String(argv[0], StandardCharsets.ISO_8859_1));
        assertEquals("10", new String(argv[1], StandardCharsets.ISO_8859_1));
        assertEquals(0, p.buffered(), "a complete command empties the buffer");
        byte[] big = "x".repeat(1024).getBytes(StandardCharsets.ISO_8859_1);
        assertNull(parse(p, "*1\r\n$1024\r\n"));
        p.feed(big, 0, big.length);
        assertArrayEquals(big, parse(p, "\r\n")[0]);
    }

    @Test
    void parserProtocolErrors() {
        for (String bad : new String[] {"ping\r\n", "*0\r\n", "*-1\r\n", "*1025\r\n", "*x\r\n", "*1\r\n:1\r\n",
                "*1\r\n$0\r\n\r\n", "*1\r\n$1025\r\n", "*1\r\n$1\r\naXY"}) {
            assertThrows(DebugCommandParser.ProtocolError.class, () -> parse(new DebugCommandParser(), bad), bad);
        }
    }

    @Test
    void atoiAsC() {
        assertEquals(12, DebugCommandParser.atoi(" 12abc"));
        assertEquals(-3, DebugCommandParser.atoi("-3"));
        assertEquals(0, DebugCommandParser.atoi("abc"));
        assertEquals(Integer.MAX_VALUE, DebugCommandParser.atoi("99999999999999"));
    }

    @Test
    void luaValues() {
        assertEquals("nil", ValueFormatter.format(null));
        assertEquals("true", ValueFormatter.format(Boolean.TRUE));
        assertEquals("1", ValueFormatter.format(1.0));
        assertEquals("0.1", ValueFormatter.format(0.1));
        assertEquals("1e+20", ValueFormatter.format(1e20));
        assertEquals("3.15e+06", ValueFormatter.format(3150000.0));
        assertEquals("\"a\\x00\\x7f\\\"\\\\\\n\\r\\t\\a\\b~\"", ValueFormatter.format(LuaString.wrap(
                new byte[] {'a', 0, 127, '"', '\\', '\n', '\r', '\t', 7, '\b', '~'})));
        LuaTable t = new LuaTable();
        assertEquals("{}", ValueFormatter.format(t));
        t.put(1.0, (Object) 1.0);
        t.put(2.0, LuaString.latin1("two"));
        assertEquals("{1; \"two\"}", ValueFormatter.format(t));
        t.put(LuaString.latin1("x"), Boolean.FALSE);
        assertEquals("{[1]=1; [2]=\"two\"; [\"x\"]=false}", ValueFormatter.format(t));
        LuaTable deep = new LuaTable();
        LuaTable c = deep;
        for (int i = 0; i < 12; i++) {
            LuaTable next = new LuaTable();
            c.put(1.0, next);
            c = next;
        }
        assertEquals("{".repeat(10) + "<max recursion level reached! Nested table?>" + "}".repeat(10), ValueFormatter.format(deep));
    }

    private static String reply(String raw) {
        return ReplyFormatter.format(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void commandReplies() {
        assertEquals("1", reply(":1\r\n"));
        assertEquals("\"1.6\"", reply("$3\r\n1.6\r\n"));
        assertEquals("NULL", reply("$-1\r\n"));
        assertEquals("\"+PONG\"", reply("+PONG\r\n"));
        assertEquals("\"-WRONGTYPE Operation\"", reply("-WRONGTYPE Operation\r\n"));
        assertEquals("[\"f\",\"v\"]", reply("*2\r\n$1\r\nf\r\n$1\r\nv\r\n"));
        assertEquals("[]", reply("*0\r\n"));
        assertEquals("NULL", reply("*-1\r\n"));
        assertEquals("[1,[2,NULL]]", reply("*2\r\n:1\r\n*2\r\n:2\r\n$-1\r\n"));
        assertEquals("~(\"a\",1)", reply("~2\r\n$1\r\na\r\n:1\r\n"));
        assertEquals("{\"k1\" => 1,\"k2\" => \"v\"}", reply("%2\r\n$2\r\nk1\r\n:1\r\n$2\r\nk2\r\n$1\r\nv\r\n"));
        assertEquals("(null)", reply("_\r\n"));
        assertEquals("#true", reply("#t\r\n"));
        assertEquals("#false", reply("#f\r\n"));
        assertEquals("(double) 3.14", reply(",3.14\r\n"));
    }

    @Test
    void logArraysAndTrimming() {
        DebugLog log = new DebugLog();
        log.log("a\r\nb");
        log.logTrimmed("<value> " + "x".repeat(300));
        log.logTrimmed("<value> " + "y".repeat(300));
        String wire = new String(log.drain(), StandardCharsets.ISO_8859_1);
        String first = "<value> " + "x".repeat(248) + " ...";
        String second = "<value> " + "y".repeat(248) + " ...";
        assertEquals("*4\r\n+a  b\r\n+" + first + "\r\n+" + DebugLog.TRIM_HINT + "\r\n+" + second + "\r\n", wire);
        assertEquals("*0\r\n", new String(log.drain(), StandardCharsets.ISO_8859_1));
        log.setMaxlen(0);
        log.logTrimmed("<value> " + "x".repeat(300));
        assertEquals(1, new String(log.drain(), StandardCharsets.ISO_8859_1).split("\r\n").length - 1);
    }

    @Test
    void sourceLinesAndBreakpoints() {
        ScriptSource src = new ScriptSource("#!lua\nlocal a\r\nreturn a\n\r\n\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(3, src.lineCount());
        assertEquals("local a\r", src.line(2));
        assertEquals("->#2   local a\r", src.format(2, true, true));
        assertEquals("   10  <out of range source code line>", src.format(10, false, false));
        assertEquals("  #1   #!lua", src.format(1, false, true));
        Breakpoints b = new Breakpoints();
        assertEquals(false, b.add(4, 3));
        assertEquals(true, b.add(2, 3));
        assertEquals(false, b.add(2, 3));
        b.add(3, 3);
        b.add(1, 3);
        assertEquals(true, b.remove(3)); // a middle one: removed exactly
        assertEquals(java.util.List.of(2, 1), b.lines());
    }
}
