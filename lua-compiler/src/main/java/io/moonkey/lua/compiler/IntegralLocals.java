package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds, for one numeric for loop, the numeric locals that hold only integral values while the
 * loop runs, so its integral copy keeps them in {@code long} slots ({@link IntegralRegion}).
 * A local qualifies when every store into it inside the loop is an integral expression (an
 * integral numeral, a qualifying local, {@code + - * %} or unary minus of such) or the
 * index of a numeric for whose start and step may be integral; the generated code checks at
 * run time what cannot be known here (start and step values, values crossing 2^53, -0).
 * Greatest fixed point, as {@link NumericLocals}.
 */
final class IntegralLocals {
    /** Values held in long form stay within ±2^53, where doubles represent every integer. */
    static final double EXACT = 0x1p53;
    /** Start and step of a loop on long counters stay within ±2^52, so index + step stays exact. */
    static final double LOOP_BOUND = 0x1p52;

    /** What {@link #analyse} found. */
    record Analysis(Set<Variable> integral, Set<Variable> outer, Set<Stat> longLoops, boolean worthwhile) {}

    private static final Object UNKNOWN = new Object();

    private final Resolution resolution;
    private final Set<Variable> numeric;
    /** Per candidate: the stores inside the loop (an Expr, a Stat.NumericFor for its index, or UNKNOWN). */
    private final Map<Variable, List<Object>> stores = new IdentityHashMap<>();
    private final Set<Variable> declared = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per numeric for inside the root: the variables its body stores expressions into. */
    private final Map<Stat, Set<Variable>> storedIn = new IdentityHashMap<>();
    private final List<Stat.NumericFor> open = new ArrayList<>();
    private final Set<Stat> doubleLoops = Collections.newSetFromMap(new IdentityHashMap<>());

    private IntegralLocals(Resolution resolution, Set<Variable> numeric) {
        this.resolution = resolution;
        this.numeric = numeric;
    }

    static Analysis analyse(Stat.NumericFor root, Resolution resolution, Set<Variable> numeric) {
        IntegralLocals a = new IntegralLocals(resolution, numeric);
        a.stat(root);
        Set<Variable> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable v : a.stores.keySet()) {
            if (numeric.contains(v)) {
                set.add(v);
            }
        }
        // A nested loop counts in longs only when its body updates integral locals: a loop whose
        // index is only used as a double (table keys, float arithmetic) would just convert it.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Variable v : new ArrayList<>(set)) {
                for (Object s : a.stores.get(v)) {
                    if (!a.integralStore(s, set)) {
                        set.remove(v);
                        changed = true;
                        break;
                    }
                }
            }
            for (Map.Entry<Stat, Set<Variable>> e : a.storedIn.entrySet()) {
                if (e.getKey() != root && !a.doubleLoops.contains(e.getKey())
                        && e.getValue().stream().noneMatch(set::contains)) {
                    a.doubleLoops.add(e.getKey());
                    changed = true;
                }
            }
        }
        Set<Stat> longLoops = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Stat l : a.storedIn.keySet()) {
            if (!a.doubleLoops.contains(l) && mayCountInLongs((Stat.NumericFor) l)) {
                longLoops.add(l);
            }
        }
        Set<Variable> outer = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean worthwhile = false;
        for (Variable v : set) {
            if (!a.declared.contains(v)) {
                outer.add(v);
            }
            for (Object s : a.stores.get(v)) {
                worthwhile |= s instanceof Expr;
            }
        }
        return new Analysis(set, outer, longLoops, worthwhile);
    }

    private boolean integralStore(Object s, Set<Variable> set) {
        if (s instanceof Expr e) {
            return isIntegral(e, resolution, set::contains);
        }
        if (s instanceof Stat.NumericFor nf) {
            return mayCountInLongs(nf) && !doubleLoops.contains(nf);
        }
        return false;
    }

    /** Whether a loop's start and step are not numerals that rule out long counters. */
    static boolean mayCountInLongs(Stat.NumericFor nf) {
        return mayBeLoopValue(nf.start()) && (nf.step() == null || mayBeLoopValue(nf.step()));
    }

    private static boolean mayBeLoopValue(Expr e) {
        Double c = ConstantFolding.fold(e);
        return c == null || loopConstant(c);
    }

    static boolean loopConstant(double c) {
        return c == Math.rint(c) && Math.abs(c) <= LOOP_BOUND;
    }

    /** An integral value that a long holds exactly and that is not -0. */
    static boolean integralConstant(double c) {
        return c == Math.rint(c) && Math.abs(c) <= EXACT && Double.doubleToRawLongBits(c) != Long.MIN_VALUE;
    }

    /** Whether {@code e} computes an integral value from integral constants and the locals {@code isLong} accepts. */
    static boolean isIntegral(Expr e, Resolution resolution, Predicate<Variable> isLong) {
        Double c = ConstantFolding.fold(e);
        if (c != null) {
            return integralConstant(c);
        }
        return switch (e) {
            case Expr.Paren p -> isIntegral(p.inner(), resolution, isLong);
            case Expr.NameRef r -> resolution.binding(r) instanceof Binding.Local l && isLong.test(l.variable());
            case Expr.Unary u -> u.op() == UnOp.NEG && isIntegral(u.operand(), resolution, isLong);
            case Expr.Binary b -> (b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL || b.op() == BinOp.MOD)
                    && isIntegral(b.left(), resolution, isLong) && isIntegral(b.right(), resolution, isLong);
            default -> false;
        };
    }

    private void store(Variable v, Object what) {
        stores.computeIfAbsent(v, k -> new ArrayList<>()).add(what);
        if (what instanceof Expr) {
            for (Stat.NumericFor l : open) {
                storedIn.get(l).add(v);
            }
        }
    }

    private void assign(List<Variable> targets, List<Expr> values) {
        for (int i = 0; i < targets.size(); i++) {
            Variable v = targets.get(i);
            if (v == null) {
                continue;
            }
            boolean single = i < values.size() && !(i == values.size() - 1 && values.get(i).isMultiValued());
            store(v, single ? values.get(i) : UNKNOWN);
        }
    }

    private void block(Block b) {
        for (Stat s : b.stats()) {
            stat(s);
        }
    }

    private void stat(Stat s) {
        switch (s) {
            case Stat.Local l -> {
                List<Variable> vs = new ArrayList<>();
                for (Name n : l.names()) {
                    Variable v = resolution.variable(n);
                    declared.add(v);
                    vs.add(v);
                }
                assign(vs, l.values());
            }
            case Stat.Assign a -> {
                List<Variable> vs = new ArrayList<>();
                for (Expr t : a.targets()) {
                    vs.add(t instanceof Expr.NameRef r && resolution.binding(r) instanceof Binding.Local l ? l.variable() : null);
                }
                assign(vs, a.values());
            }
            case Stat.LocalFunction lf -> declared.add(resolution.variable(lf.name()));
            case Stat.Do d -> block(d.body());
            case Stat.While w -> block(w.body());
            case Stat.Repeat r -> block(r.body());
            case Stat.If i -> {
                for (Block b : i.blocks()) {
                    block(b);
                }
                if (i.orElse() != null) {
                    block(i.orElse());
                }
            }
            case Stat.NumericFor nf -> {
                Variable v = resolution.variable(nf.var());
                declared.add(v);
                store(v, nf);
                storedIn.put(nf, Collections.newSetFromMap(new IdentityHashMap<>()));
                open.add(nf);
                block(nf.body());
                open.remove(open.size() - 1);
            }
            case Stat.GenericFor gf -> {
                for (Name n : gf.names()) {
                    declared.add(resolution.variable(n));
                }
                block(gf.body());
            }
            default -> { }
        }
    }
}
