package io.moonkey.lua.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.parser.LuaSyntaxError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeResolverTest {

    private Chunk chunk;
    private Resolution res;

    private void resolve(String src) {
        chunk = LuaParser.parse(src.getBytes(StandardCharsets.ISO_8859_1), "@test");
        res = ScopeResolver.resolve(chunk);
    }

    /** Every use of a name, in source order of a pre-order walk. */
    private List<Binding> uses(String name) {
        List<Binding> found = new ArrayList<>();
        res.uses.forEach((ref, b) -> {
            if (ref.name().equals(name)) {
                found.add(b);
            }
        });
        return found;
    }

    private Binding only(String name) {
        List<Binding> bs = uses(name);
        assertEquals(1, bs.size(), "uses of " + name);
        return bs.get(0);
    }

    @Test
    void localIsVisibleFromTheNextStatement() {
        resolve("local x = x");
        assertInstanceOf(Binding.Global.class, only("x"));
        resolve("local x = 1; y = x");
        assertInstanceOf(Binding.Local.class, only("x"));
    }

    @Test
    void localFunctionSeesItself() {
        resolve("local function f() return f() end");
        Binding b = only("f");
        Binding.Upvalue u = assertInstanceOf(Binding.Upvalue.class, b);
        assertTrue(u.variable().isCaptured());
        assertEquals(Variable.Kind.LOCAL_FUNCTION, u.variable().kind());
        resolve("local f = function() return f() end");
        assertInstanceOf(Binding.Global.class, only("f"));
    }

    @Test
    void repeatConditionSeesBodyLocals() {
        resolve("repeat local done = true until done");
        assertInstanceOf(Binding.Local.class, only("done"));
    }

    @Test
    void forVariablesAreLocalToTheBody() {
        resolve("for i = 1, i do x = i end y = i");
        List<Binding> bs = uses("i");
        assertEquals(3, bs.size());
        long locals = bs.stream().filter(b -> b instanceof Binding.Local).count();
        assertEquals(1, locals);
    }

    @Test
    void upvaluesThreadThroughEveryLevelInFirstUseOrder() {
        resolve("local a, b = 1, 2; function f() return function() return b, a end end");
        Expr.Function outer = ((Stat.FunctionDecl) chunk.main().body().stats().get(1)).function();
        FunctionScope fs = res.scope(outer);
        assertEquals(List.of("b", "a"), fs.upvalues().stream().map(Variable::name).toList());
        FunctionScope inner = fs.children().get(0);
        assertEquals(List.of("b", "a"), inner.upvalues().stream().map(Variable::name).toList());
        assertSame(res.main(), fs.parent());
    }

    @Test
    void reassignmentIsRecorded() {
        resolve("local a, b = 1, 2; a = 3; local function f() b = 4 end");
        List<Variable> vars = res.main().variables();
        assertTrue(vars.get(0).isReassigned());
        assertFalse(vars.get(0).isCaptured());
        assertTrue(vars.get(1).isReassigned());
        assertTrue(vars.get(1).isCaptured());
    }

    @Test
    void varargFunctionsHaveTheCompatArgParameter() {
        resolve("local function f(...) return arg end local function g(...) return ... end");
        Binding.Local l = assertInstanceOf(Binding.Local.class, only("arg"));
        assertEquals(Variable.Kind.COMPAT_ARG, l.variable().kind());
        FunctionScope f = l.variable().function();
        assertFalse(f.usesVararg());
        assertTrue(f.children().isEmpty());
        assertNull(res.main().compatArg());
        resolve("return arg");
        assertInstanceOf(Binding.Global.class, only("arg"));
    }

    @Test
    void limitsAreEnforcedAsInPuc() {
        StringBuilder many = new StringBuilder("local a0");
        for (int i = 1; i < 201; i++) {
            many.append(", a").append(i);
        }
        LuaSyntaxError e = assertThrows(LuaSyntaxError.class, () -> resolve(many.toString()));
        assertEquals("test:1: main function has more than 200 local variables", e.getMessage());

        StringBuilder ups = new StringBuilder("local a0");
        StringBuilder sum = new StringBuilder("a0");
        for (int i = 1; i < 61; i++) {
            ups.append(", a").append(i);
            sum.append(" + a").append(i);
        }
        String src = ups + "\nlocal function f() return " + sum + " end";
        LuaSyntaxError u = assertThrows(LuaSyntaxError.class, () -> resolve(src));
        assertEquals("test:2: function at line 2 has more than 60 upvalues", u.getMessage());
    }

    @Test
    void functionStatementsBindTheirFirstName() {
        resolve("local f; local g = function() return f end; function f() end; function f.x() end");
        Stat.FunctionDecl assign = (Stat.FunctionDecl) chunk.main().body().stats().get(2);
        Stat.FunctionDecl field = (Stat.FunctionDecl) chunk.main().body().stats().get(3);
        Binding.Local l = assertInstanceOf(Binding.Local.class, res.binding(assign));
        assertTrue(l.variable().isReassigned());
        assertTrue(l.variable().isCaptured());
        assertSame(l.variable(), ((Binding.Local) res.binding(field)).variable());
        resolve("function g() end");
        assertInstanceOf(Binding.Global.class, res.binding((Stat.FunctionDecl) chunk.main().body().stats().get(0)));
    }
}
