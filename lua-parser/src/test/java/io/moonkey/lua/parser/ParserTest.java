package io.moonkey.lua.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.ast.AstPrinter;
import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.ast.UnOp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each construct of Lua 5.1's syntax, parsed into the expected tree. */
class ParserTest {

    static Chunk parse(String src) {
        return LuaParser.parse(src.getBytes(StandardCharsets.ISO_8859_1), "@test");
    }

    static List<Stat> stats(String src) {
        return parse(src).main().body().stats();
    }

    /** The expression assigned by {@code x = <src>}. */
    static Expr expr(String src) {
        return ((Stat.Assign) stats("x = " + src).get(0)).values().get(0);
    }

    static String bytes(Expr e) {
        return new String(((Expr.Str) e).value(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        Expr e = expr("-x^2");
        Expr.Unary u = assertInstanceOf(Expr.Unary.class, e);
        assertEquals(UnOp.NEG, u.op());
        assertEquals(BinOp.POW, ((Expr.Binary) u.operand()).op());
    }

    @Test
    void powerAndConcatAreRightAssociative() {
        Expr.Binary pow = (Expr.Binary) expr("a^b^c");
        assertInstanceOf(Expr.NameRef.class, pow.left());
        assertEquals(BinOp.POW, ((Expr.Binary) pow.right()).op());
        Expr.Binary cat = (Expr.Binary) expr("a..b..c");
        assertInstanceOf(Expr.NameRef.class, cat.left());
        assertEquals(BinOp.CONCAT, ((Expr.Binary) cat.right()).op());
    }

    @Test
    void arithmeticIsLeftAssociativeWithPriorities() {
        assertEquals("a - b - c", AstPrinter.print(expr("a - b - c")));
        Expr.Binary sub = (Expr.Binary) expr("a - b - c");
        assertEquals(BinOp.SUB, ((Expr.Binary) sub.left()).op());
        Expr.Binary add = (Expr.Binary) expr("1 + 2 * 3");
        assertEquals(BinOp.ADD, add.op());
        assertEquals(BinOp.MUL, ((Expr.Binary) add.right()).op());
        Expr.Binary or = (Expr.Binary) expr("a or b and c");
        assertEquals(BinOp.OR, or.op());
        assertEquals(BinOp.AND, ((Expr.Binary) or.right()).op());
        Expr.Binary eq = (Expr.Binary) expr("not a == b");
        assertEquals(BinOp.EQ, eq.op());
        assertInstanceOf(Expr.Unary.class, eq.left());
        Expr.Binary cmp = (Expr.Binary) expr("a .. b < c");
        assertEquals(BinOp.LT, cmp.op());
        Expr.Binary pow = (Expr.Binary) expr("2^-3^2");
        Expr.Unary neg = (Expr.Unary) pow.right();
        assertEquals(BinOp.POW, ((Expr.Binary) neg.operand()).op());
    }

    @Test
    void callsWithStringAndTableArguments() {
        Expr.Call c = (Expr.Call) ((Stat.CallStat) stats("f\"x\"").get(0)).call();
        assertEquals("x", bytes(c.args().get(0)));
        Expr.Call t = (Expr.Call) ((Stat.CallStat) stats("f{1, 2}").get(0)).call();
        assertInstanceOf(Expr.Table.class, t.args().get(0));
        Expr.MethodCall m = (Expr.MethodCall) ((Stat.CallStat) stats("a.b:c'x'").get(0)).call();
        assertEquals("c", m.method());
        assertInstanceOf(Expr.Index.class, m.object());
        Expr.Call chained = (Expr.Call) ((Stat.CallStat) stats("f()()").get(0)).call();
        assertInstanceOf(Expr.Call.class, chained.fn());
    }

    @Test
    void tableConstructorFieldsAndSeparators() {
        Expr.Table t = (Expr.Table) expr("{1, x = 2; [3] = 4, f(), }");
        assertEquals(4, t.fields().size());
        assertInstanceOf(TableField.Positional.class, t.fields().get(0));
        assertEquals("x", ((TableField.Named) t.fields().get(1)).name());
        assertInstanceOf(TableField.Keyed.class, t.fields().get(2));
        assertTrue(((TableField.Positional) t.fields().get(3)).value().isMultiValued());
        assertEquals(0, ((Expr.Table) expr("{}")).fields().size());
    }

    @Test
    void stringEscapes() {
        assertEquals("\u0007\b\f\n\r\t\u000b\\\"'", bytes(expr("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'\"")));
        assertEquals("a\nb", bytes(expr("\"a\\\nb\"")));
        assertEquals("a\nb", bytes(expr("\"a\\\r\nb\"")));
        assertEquals("AB\u00ff\u0000", bytes(expr("\"\\65\\066\\255\\0\"")));
        assertEquals("x41", bytes(expr("\"\\x41\""))); // 5.1 has no \x: an unknown escape is the character
        assertEquals("1", bytes(expr("'\\0491'")).substring(0, 1));
    }

    @Test
    void longStringsOfAnyLevelSkipTheFirstNewline() {
        assertEquals("abc", bytes(expr("[[abc]]")));
        assertEquals("abc\n", bytes(expr("[[\nabc\n]]")));
        assertEquals("a]]b", bytes(expr("[==[a]]b]==]")));
        assertEquals("a\nb", bytes(expr("[=[a\r\nb]=]")));
        assertEquals("x", bytes(expr("--[[ comment ]] [[x]]")));
        assertEquals("[[x]]", bytes(expr("[=[[[x]]]=]")));
    }

    @Test
    void stringBytesAreKeptRaw() {
        byte[] src = {'x', ' ', '=', ' ', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, '"'};
        Stat.Assign a = (Stat.Assign) LuaParser.parse(src, "@t").main().body().stats().get(0);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF}, ((Expr.Str) a.values().get(0)).value());
    }

    @Test
    void numbers() {
        assertEquals(3.0, ((Expr.Number) expr("3")).value());
        assertEquals(0.5, ((Expr.Number) expr(".5")).value());
        assertEquals(1e10, ((Expr.Number) expr("1e10")).value());
        assertEquals(1.5e-3, ((Expr.Number) expr("1.5E-3")).value());
        assertEquals(255.0, ((Expr.Number) expr("0xff")).value());
        assertEquals(16.0, ((Expr.Number) expr("0x1p4")).value());
        assertEquals(Double.POSITIVE_INFINITY, ((Expr.Number) expr("1e500")).value());
        assertEquals(3.0, ((Expr.Number) expr("3.")).value());
    }

    @Test
    void statements() {
        List<Stat> s = stats("""
                local a, b = 1
                local function f(x, ...) return ... end
                function a.b.c:m(y) end
                a, b.c, d[1] = 1, 2
                do end
                while a do break end
                repeat local z until z
                if a then elseif b then else end
                for i = 1, 10, 2 do end
                for k, v in pairs(t) do end
                return 1, 2
                """);
        assertInstanceOf(Stat.Local.class, s.get(0));
        Stat.LocalFunction lf = (Stat.LocalFunction) s.get(1);
        assertTrue(lf.function().isVararg());
        Stat.FunctionDecl fd = (Stat.FunctionDecl) s.get(2);
        assertEquals(List.of("a", "b", "c"), fd.path());
        assertEquals("m", fd.method());
        assertEquals("self", fd.function().params().get(0).name());
        assertEquals(3, ((Stat.Assign) s.get(3)).targets().size());
        assertInstanceOf(Stat.Do.class, s.get(4));
        assertInstanceOf(Stat.Break.class, ((Stat.While) s.get(5)).body().stats().get(0));
        assertInstanceOf(Stat.Repeat.class, s.get(6));
        Stat.If i = (Stat.If) s.get(7);
        assertEquals(2, i.conds().size());
        assertTrue(i.orElse() != null);
        Stat.NumericFor nf = (Stat.NumericFor) s.get(8);
        assertEquals("i", nf.var().name());
        assertTrue(nf.step() != null);
        assertEquals(2, ((Stat.GenericFor) s.get(9)).names().size());
        assertEquals(2, ((Stat.Return) s.get(10)).values().size());
        assertNull(((Stat.If) stats("if a then end").get(0)).orElse());
    }

    @Test
    void linesFollowPuc() {
        List<Stat> s = stats("local x = 1\n\nf(\n1)\nlocal function g()\nend");
        assertEquals(3, s.get(1).line());
        Expr.Call call = (Expr.Call) ((Stat.CallStat) s.get(1)).call();
        assertEquals(3, call.line());
        Expr.Function g = ((Stat.LocalFunction) s.get(2)).function();
        assertEquals(5, g.line());
        assertEquals(6, g.endLine());
        Expr.Binary b = (Expr.Binary) expr("a +\n b");
        assertEquals(2, b.line()); // PUC emits the operation once the right operand is read
        assertEquals(2, stats("x = [[a\nb]] y = 1").get(1).line());
        assertEquals(3, stats("x = 1\r\n\r\ny = 2").get(1).line());
    }

    @Test
    void hashFirstLineIsSkippedOnlyForFiles() {
        byte[] src = "#!/usr/bin/lua\nx = = 1".getBytes(StandardCharsets.ISO_8859_1);
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaParser.parse(src, "@f.lua", LuaParser.Options.FILE));
        assertEquals("f.lua:2: unexpected symbol near '='", e.getMessage());
        LuaSyntaxError s = assertThrows(LuaSyntaxError.class, () -> LuaParser.parse(src, "@f.lua"));
        assertEquals("f.lua:1: unexpected symbol near '#'", s.getMessage());
    }

    @Test
    void errorMessagesNameTheChunkAsPucDoes() {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> LuaParser.parse("x = = 1".getBytes(), "@user_script"));
        assertEquals("user_script:1: unexpected symbol near '='", e.getMessage());
        LuaSyntaxError s = assertThrows(LuaSyntaxError.class, () -> LuaParser.parse("x = = 1".getBytes(), "x = = 1"));
        assertEquals("[string \"x = = 1\"]:1: unexpected symbol near '='", s.getMessage());
        LuaSyntaxError n = assertThrows(LuaSyntaxError.class, () -> LuaParser.parse("x = = 1".getBytes(), "=stdin"));
        assertEquals("stdin:1: unexpected symbol near '='", n.getMessage());
    }

    @Test
    void ambiguousCallAcrossLines() {
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> parse("local a = f\n(g)()"));
        assertEquals("test:2: ambiguous syntax (function call x new statement) near '('", e.getMessage());
        parse("local a = f; (g)()");
        parse("local t = {f\n(1)}"); // PUC's one-token lookahead after a field name hides the line break
    }

    @Test
    void syntaxLevelsAreLimitedAsInPuc() {
        String deep = "x = " + "(".repeat(197) + "1" + ")".repeat(197);
        parse(deep);
        String tooDeep = "x = " + "(".repeat(198) + "1" + ")".repeat(198);
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> parse(tooDeep));
        assertEquals("test:1: chunk has too many syntax levels", e.getMessage());
    }

    @Test
    void longChainsDoNotRecurse() {
        StringBuilder sb = new StringBuilder("x = 1");
        for (int i = 0; i < 20000; i++) {
            sb.append(" + ").append(i);
        }
        assertInstanceOf(Expr.Binary.class, expr(sb.substring(4)));
        StringBuilder t = new StringBuilder("x = {");
        for (int i = 0; i < 50000; i++) {
            t.append(i).append(',');
        }
        assertEquals(50000, ((Expr.Table) expr(t.append('}').substring(4))).fields().size());
    }
}
