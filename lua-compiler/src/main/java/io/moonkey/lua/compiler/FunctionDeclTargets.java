package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the first name of {@code function a.b:c() end} refers to. The resolver does not record a
 * binding for it (nor count {@code function f() end} as an assignment to a local {@code f}), so
 * this pass repeats the lookup with the same visibility rules and marks such locals reassigned.
 * TODO(lead): record the binding in {@link Resolution} and drop this pass.
 */
final class FunctionDeclTargets {
    private final Resolution resolution;
    private final Map<Stat.FunctionDecl, Binding> bindings = new IdentityHashMap<>();
    private final Set<Variable> reassigned = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Visible locals per function level being walked, innermost last. */
    private final List<List<Variable>> levels = new ArrayList<>();
    private final List<FunctionScope> scopes = new ArrayList<>();

    private FunctionDeclTargets(Resolution resolution) {
        this.resolution = resolution;
    }

    static FunctionDeclTargets find(Resolution resolution) {
        FunctionDeclTargets t = new FunctionDeclTargets(resolution);
        t.function(resolution.chunk().main());
        return t;
    }

    Binding binding(Stat.FunctionDecl fd) {
        return bindings.get(fd);
    }

    boolean reassigned(Variable v) {
        return v.isReassigned() || reassigned.contains(v);
    }

    private List<Variable> visible() {
        return levels.get(levels.size() - 1);
    }

    private void function(Expr.Function f) {
        FunctionScope scope = resolution.scope(f);
        List<Variable> vis = new ArrayList<>();
        levels.add(vis);
        scopes.add(scope);
        for (Name p : f.params()) {
            vis.add(resolution.variable(p));
        }
        if (scope.compatArg() != null) {
            vis.add(scope.compatArg());
        }
        block(f.body());
        levels.remove(levels.size() - 1);
        scopes.remove(scopes.size() - 1);
    }

    private void block(Block b) {
        int mark = visible().size();
        for (Stat s : b.stats()) {
            stat(s);
        }
        truncate(mark);
    }

    private void truncate(int mark) {
        List<Variable> vis = visible();
        while (vis.size() > mark) {
            vis.remove(vis.size() - 1);
        }
    }

    private Binding lookup(String name) {
        for (int level = levels.size() - 1; level >= 0; level--) {
            List<Variable> vis = levels.get(level);
            for (int i = vis.size() - 1; i >= 0; i--) {
                Variable v = vis.get(i);
                if (v.name().equals(name)) {
                    if (level == levels.size() - 1) {
                        return new Binding.Local(v);
                    }
                    int index = scopes.get(scopes.size() - 1).upvalues().indexOf(v);
                    return new Binding.Upvalue(v, index);
                }
            }
        }
        return new Binding.Global(name);
    }

    private void stat(Stat s) {
        switch (s) {
            case Stat.Local l -> {
                exprs(l.values());
                for (Name n : l.names()) {
                    visible().add(resolution.variable(n));
                }
            }
            case Stat.LocalFunction lf -> {
                visible().add(resolution.variable(lf.name()));
                function(lf.function());
            }
            case Stat.FunctionDecl fd -> {
                Binding b = lookup(fd.path().get(0));
                bindings.put(fd, b);
                if (fd.path().size() == 1 && fd.method() == null) {
                    if (b instanceof Binding.Local l) {
                        reassigned.add(l.variable());
                    } else if (b instanceof Binding.Upvalue u) {
                        reassigned.add(u.variable());
                    }
                }
                function(fd.function());
            }
            case Stat.Assign a -> {
                exprs(a.targets());
                exprs(a.values());
            }
            case Stat.CallStat c -> expr(c.call());
            case Stat.Do d -> block(d.body());
            case Stat.While w -> {
                expr(w.cond());
                block(w.body());
            }
            case Stat.Repeat r -> {
                int mark = visible().size();
                for (Stat inner : r.body().stats()) {
                    stat(inner);
                }
                expr(r.cond());
                truncate(mark);
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
                int mark = visible().size();
                visible().add(resolution.variable(nf.var()));
                block(nf.body());
                truncate(mark);
            }
            case Stat.GenericFor gf -> {
                exprs(gf.exprs());
                int mark = visible().size();
                for (Name n : gf.names()) {
                    visible().add(resolution.variable(n));
                }
                block(gf.body());
                truncate(mark);
            }
            case Stat.Return r -> exprs(r.values());
            case Stat.Break b -> { }
        }
    }

    private void exprs(List<Expr> es) {
        for (Expr e : es) {
            expr(e);
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Function f -> function(f);
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
            default -> { }
        }
    }
}
