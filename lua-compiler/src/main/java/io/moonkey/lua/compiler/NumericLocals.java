package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the locals that provably only ever hold numbers, so the compiler keeps them in unboxed
 * {@code double} slots (design §1.1). A local qualifies when every value stored into it is a
 * numeric expression: a numeral, a numeric-for index, or arithmetic whose operands are numeric
 * (arithmetic on numbers never reaches a metamethod). Computed as a greatest fixed point: start
 * with every candidate, drop those with a non-numeric store until nothing changes.
 */
final class NumericLocals {
    private final Resolution resolution;
    /** For each candidate, the expressions stored into it (null = a non-expression store, e.g. nil). */
    private final Map<Variable, List<Expr>> stores = new IdentityHashMap<>();
    private final Set<Variable> excluded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());


    private NumericLocals(Resolution resolution) {
        this.resolution = resolution;
    }

    static Set<Variable> find(Resolution resolution) {
        NumericLocals n = new NumericLocals(resolution);
        n.block(resolution.chunk().main().body());
        Set<Variable> numeric = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable v : n.stores.keySet()) {
            if (!n.excluded.contains(v) && !(v.isCaptured() && v.isReassigned())) {
                numeric.add(v);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Variable v : new ArrayList<>(numeric)) {
                for (Expr e : n.stores.get(v)) {
                    if (e == null || !n.isNumeric(e, numeric)) {
                        numeric.remove(v);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return numeric;
    }

    /** Whether {@code e} always yields a number, given the numeric locals. */
    boolean isNumeric(Expr e, Set<Variable> numeric) {
        return switch (e) {
            case Expr.Number n -> true;
            case Expr.Paren p -> isNumeric(p.inner(), numeric);
            case Expr.Unary u -> u.op() == UnOp.NEG && isNumeric(u.operand(), numeric);
            case Expr.Binary b -> b.op().isArithmetic()
                    && isNumeric(b.left(), numeric) && isNumeric(b.right(), numeric);
            case Expr.NameRef r -> resolution.binding(r) instanceof Binding.Local l
                    && numeric.contains(l.variable());
            default -> false;
        };
    }

    private void store(Variable v, Expr e) {
        stores.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
    }

    private void exclude(Variable v) {
        excluded.add(v);
    }

    private void block(Block b) {
        for (Stat s : b.stats()) {
            stat(s);
        }
    }

    private void assignList(List<Variable> targets, List<Expr> values) {
        for (int i = 0; i < targets.size(); i++) {
            Variable v = targets.get(i);
            if (v == null) {
                continue;
            }
            if (i < values.size() && !(i == values.size() - 1 && values.get(i).isMultiValued() && i < targets.size() - 1)) {
                Expr e = values.get(i);
                if (e.isMultiValued()) {
                    exclude(v);
                } else {
                    store(v, e);
                }
            } else {
                exclude(v);
            }
        }
    }

    private void stat(Stat s) {
        switch (s) {
            case Stat.Local l -> {
                List<Variable> vs = new ArrayList<>();
                for (Name n : l.names()) {
                    Variable v = resolution.variable(n);
                    vs.add(v);
                    stores.computeIfAbsent(v, k -> new ArrayList<>());
                }
                assignList(vs, l.values());
                exprs(l.values());
            }
            case Stat.LocalFunction lf -> {
                exclude(resolution.variable(lf.name()));
                expr(lf.function());
            }
            case Stat.FunctionDecl fd -> {
                expr(fd.function());
                Binding b = resolution.binding(fd);
                if (fd.path().size() == 1 && b instanceof Binding.Local l) {
                    exclude(l.variable());
                }
            }
            case Stat.Assign a -> {
                List<Variable> vs = new ArrayList<>();
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.NameRef r && resolution.binding(r) instanceof Binding.Local l) {
                        vs.add(l.variable());
                    } else {
                        if (t instanceof Expr.NameRef r && resolution.binding(r) instanceof Binding.Upvalue u) {
                            exclude(u.variable());
                        }
                        vs.add(null);
                        expr(t);
                    }
                }
                assignList(vs, a.values());
                exprs(a.values());
            }
            case Stat.CallStat c -> expr(c.call());
            case Stat.Do d -> block(d.body());
            case Stat.While w -> {
                expr(w.cond());
                block(w.body());
            }
            case Stat.Repeat r -> {
                block(r.body());
                expr(r.cond());
            }
            case Stat.If i -> {
                exprs(i.conds());
                for (Block b : i.blocks()) {
                    block(b);
                }
                if (i.orElse() != null) {
                    block(i.orElse());
                }
            }
            case Stat.NumericFor nf -> {
                Variable v = resolution.variable(nf.var());
                stores.computeIfAbsent(v, k -> new ArrayList<>());
                expr(nf.start());
                expr(nf.limit());
                if (nf.step() != null) {
                    expr(nf.step());
                }
                block(nf.body());
            }
            case Stat.GenericFor gf -> {
                for (Name n : gf.names()) {
                    exclude(resolution.variable(n));
                }
                exprs(gf.exprs());
                block(gf.body());
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
            case Expr.Function f -> {
                for (Name p : f.params()) {
                    exclude(resolution.variable(p));
                }
                block(f.body());
            }
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
