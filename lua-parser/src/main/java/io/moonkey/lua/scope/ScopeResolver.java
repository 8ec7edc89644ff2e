package io.moonkey.lua.scope;

import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.parser.ChunkId;
import io.moonkey.lua.parser.LuaSyntaxError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves every name of a chunk to a local, an upvalue or a global, following Lua 5.1's
 * scoping rules (manual §2.6): a local is visible from the statement after its declaration
 * ({@code local x = x} reads the outer {@code x}), a {@code local function} sees itself, the
 * condition of {@code repeat ... until} sees the body's locals, and for-loop variables are local
 * to the body.
 *
 * <p>It also enforces the limits PUC checks while compiling: 200 active locals per function
 * (LUAI_MAXVARS, counting the hidden for-loop state) and 60 upvalues (LUAI_MAXUPVALUES).
 */
public final class ScopeResolver {
    private static final int MAX_VARS = 200;
    private static final int MAX_UPVALUES = 60;

    /** The hidden locals PUC's for loops declare before the visible variables. */
    private static final int NUMERIC_FOR_HIDDEN = 3;
    private static final int GENERIC_FOR_HIDDEN = 3;

    private final Resolution result;
    /** For each enclosing function, the variables visible where the current one is defined. */
    private final Map<FunctionScope, List<Variable>> suspended = new IdentityHashMap<>();
    private final String chunkId;
    private FunctionScope fn;
    /** Active (visible) variables of the current function, innermost last. */
    private List<Variable> active;
    /** Hidden for-loop locals alive in the current function. */
    private int hidden;

    private ScopeResolver(Chunk chunk) {
        this.result = new Resolution(chunk);
        this.chunkId = ChunkId.of(chunk.name());
    }

    /** Resolves {@code chunk}; throws {@link LuaSyntaxError} when a compile-time limit is exceeded. */
    public static Resolution resolve(Chunk chunk) {
        ScopeResolver r = new ScopeResolver(chunk);
        r.function(chunk.main());
        return r.result;
    }

    private void function(Expr.Function f) {
        FunctionScope outer = fn;
        List<Variable> outerActive = active;
        int outerHidden = hidden;
        fn = new FunctionScope(f, outer);
        if (outer != null) {
            outer.children.add(fn);
            suspended.put(outer, outerActive);
        }
        result.functions.put(f, fn);
        active = new ArrayList<>();
        hidden = 0;
        for (Name p : f.params()) {
            declare(p, Variable.Kind.PARAM);
        }
        if (f.isVararg() && outer != null) {
            // LUA_COMPAT_VARARG: every vararg function has a parameter named "arg".
            fn.compatArg = newVariable("arg", Variable.Kind.COMPAT_ARG, f.line());
            activate(fn.compatArg, f.line());
        }
        block(f.body());
        fn = outer;
        active = outerActive;
        hidden = outerHidden;
    }

    private void block(Block b) {
        int mark = active.size();
        for (Stat s : b.stats()) {
            stat(s);
        }
        close(mark);
    }

    private void close(int mark) {
        while (active.size() > mark) {
            active.remove(active.size() - 1);
        }
    }

    private void stat(Stat s) {
        switch (s) {
            case Stat.Local l -> {
                exprs(l.values());
                for (Name n : l.names()) {
                    declare(n, Variable.Kind.LOCAL);
                }
            }
            case Stat.LocalFunction lf -> {
                declare(lf.name(), Variable.Kind.LOCAL_FUNCTION);
                expr(lf.function());
            }
            case Stat.FunctionDecl fd -> {
                // "function f() end" assigns f; "function a.b() end" only reads a.
                boolean assigns = fd.path().size() == 1 && fd.method() == null;
                Expr.NameRef first = new Expr.NameRef(fd.line(), fd.path().get(0));
                use(first, assigns);
                result.functionNames.put(fd, result.uses.remove(first));
                expr(fd.function());
            }
            case Stat.Assign a -> {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.NameRef n) {
                        use(n, true);
                    } else {
                        expr(t);
                    }
                }
                exprs(a.values());
            }
            case Stat.CallStat c -> expr(c.call());
            case Stat.Do d -> block(d.body());
            case Stat.While w -> {
                expr(w.cond());
                block(w.body());
            }
            case Stat.Repeat r -> {
                int mark = active.size();
                for (Stat inner : r.body().stats()) {
                    stat(inner);
                }
                expr(r.cond());
                close(mark);
            }
            case Stat.If i -> {
                for (int k = 0; k < i.conds().size(); k++) {
                    expr(i.conds().get(k));
                    block(i.blocks().get(k));
                }
                if (i.orElse() != null) {
                    block(i.orElse());
                }
            }
            case Stat.NumericFor nf -> {
                expr(nf.start());
                expr(nf.limit());
                if (nf.step() != null) {
                    expr(nf.step());
                }
                loop(List.of(nf.var()), NUMERIC_FOR_HIDDEN, Variable.Kind.FOR_NUMERIC, nf.body());
            }
            case Stat.GenericFor gf -> {
                exprs(gf.exprs());
                loop(gf.names(), GENERIC_FOR_HIDDEN, Variable.Kind.FOR_GENERIC, gf.body());
            }
            case Stat.Return r -> exprs(r.values());
            case Stat.Break b -> { }
        }
    }

    private void loop(List<Name> vars, int hiddenCount, Variable.Kind kind, Block body) {
        int mark = active.size();
        hidden += hiddenCount;
        for (Name n : vars) {
            declare(n, kind);
        }
        block(body);
        close(mark);
        hidden -= hiddenCount;
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) {
            expr(e);
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Nil n -> { }
            case Expr.True t -> { }
            case Expr.False f -> { }
            case Expr.Number n -> { }
            case Expr.Str s -> { }
            case Expr.Vararg v -> fn.usesVararg = true;
            case Expr.Function f -> function(f);
            case Expr.NameRef n -> use(n, false);
            case Expr.Index i -> {
                expr(i.object());
                expr(i.key());
            }
            case Expr.Call c -> {
                expr(c.fn());
                exprs(c.args());
            }
            case Expr.MethodCall m -> {
                expr(m.object());
                exprs(m.args());
            }
            case Expr.Paren p -> expr(p.inner());
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.Unary u -> expr(u.operand());
            case Expr.Table t -> {
                for (TableField field : t.fields()) {
                    switch (field) {
                        case TableField.Positional p -> expr(p.value());
                        case TableField.Named n -> expr(n.value());
                        case TableField.Keyed k -> {
                            expr(k.key());
                            expr(k.value());
                        }
                    }
                }
            }
        }
    }

    private void declare(Name n, Variable.Kind kind) {
        Variable v = newVariable(n.name(), kind, n.line());
        result.declarations.put(n, v);
        activate(v, n.line());
    }

    private Variable newVariable(String name, Variable.Kind kind, int line) {
        Variable v = new Variable(name, kind, fn, fn.variables.size());
        fn.variables.add(v);
        return v;
    }

    private void activate(Variable v, int line) {
        if (active.size() + hidden + 1 > MAX_VARS) {
            limitError(fn, MAX_VARS, "local variables", line);
        }
        active.add(v);
        fn.maxActive = Math.max(fn.maxActive, active.size() + hidden);
    }

    private void use(Expr.NameRef n, boolean assignment) {
        Binding b = lookup(fn, active, n.name(), n.line());
        if (b instanceof Binding.Local l && assignment) {
            l.variable().reassigned = true;
        } else if (b instanceof Binding.Upvalue u && assignment) {
            u.variable().reassigned = true;
        }
        result.uses.put(n, b);
    }

    /** Finds {@code name} in {@code scope}, registering upvalues through every function level. */
    private Binding lookup(FunctionScope scope, List<Variable> visible, String name, int line) {
        for (int i = visible.size() - 1; i >= 0; i--) {
            Variable v = visible.get(i);
            if (v.name().equals(name)) {
                return new Binding.Local(v);
            }
        }
        if (scope.parent() == null) {
            return new Binding.Global(name);
        }
        Binding outer = lookup(scope.parent(), visibleIn(scope.parent()), name, line);
        Variable v;
        if (outer instanceof Binding.Local l) {
            v = l.variable();
            v.captured = true;
        } else if (outer instanceof Binding.Upvalue u) {
            v = u.variable();
        } else {
            return outer;
        }
        int index = scope.upvalues.indexOf(v);
        if (index < 0) {
            if (scope.upvalues.size() + 1 > MAX_UPVALUES) {
                limitError(scope, MAX_UPVALUES, "upvalues", line);
            }
            index = scope.upvalues.size();
            scope.upvalues.add(v);
        }
        return new Binding.Upvalue(v, index);
    }

    private List<Variable> visibleIn(FunctionScope scope) {
        return suspended.get(scope);
    }

    private void limitError(FunctionScope scope, int limit, String what, int line) {
        String msg = scope.isMain()
                ? "main function has more than " + limit + " " + what
                : "function at line " + scope.function().line() + " has more than " + limit + " " + what;
        throw new LuaSyntaxError(chunkId + ":" + line + ": " + msg, line);
    }
}
