package io.moonkey.lua.interpreter;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.compiler.ConstantFolding;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.Variable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one function's analysed tree into interpreter nodes: variables become frame slots (the
 * resolver's variable index), names become local, cell, upvalue or global accesses, and every
 * operation that may raise gets the line and operand names the compiler records for it, so
 * both tiers report the same positions and names.
 */
final class FunctionBuilder {
    private final FunctionProto proto;
    private final Resolution resolution;
    private final FunctionScope scope;
    private final String chunkId;
    /** The first zero constant of the function: 0 and -0 share its constant (see {@link #number}). */
    private Double firstZero;

    FunctionBuilder(FunctionProto proto) {
        this.proto = proto;
        this.resolution = proto.chunk.resolution;
        this.scope = proto.scope;
        this.chunkId = proto.chunk.chunkId;
    }

    StatNode build() {
        return block(scope.function().body());
    }

    // ------------------------------------------------------------------ statements

    private StatNode block(Block b) {
        List<Stat> stats = b.stats();
        StatNode[] nodes = new StatNode[stats.size()];
        Site[] lines = new Site[stats.size()];
        for (int i = 0; i < nodes.length; i++) {
            Stat s = stats.get(i);
            lines[i] = new Site(s.line(), null);
            nodes[i] = stat(s);
        }
        return new ControlNodes.Block(nodes, lines);
    }

    private StatNode stat(Stat s) {
        return switch (s) {
            case Stat.Local l -> local(l);
            case Stat.LocalFunction lf -> localFunction(lf);
            case Stat.FunctionDecl fd -> functionDecl(fd);
            case Stat.Assign a -> assign(a);
            case Stat.CallStat c -> new ControlNodes.CallStatement(expr(c.call()));
            case Stat.Do d -> block(d.body());
            case Stat.While w -> new LoopNodes.While(expr(w.cond()), block(w.body()));
            case Stat.Repeat r -> {
                StatNode body = block(r.body());
                yield new LoopNodes.Repeat(body, expr(r.cond()));
            }
            case Stat.If i -> {
                ExprNode[] conds = new ExprNode[i.conds().size()];
                StatNode[] blocks = new StatNode[conds.length];
                for (int k = 0; k < conds.length; k++) {
                    conds[k] = expr(i.conds().get(k));
                    blocks[k] = block(i.blocks().get(k));
                }
                yield new ControlNodes.If(conds, blocks, i.orElse() == null ? null : block(i.orElse()));
            }
            case Stat.NumericFor nf -> {
                ExprNode start = expr(nf.start());
                ExprNode limit = expr(nf.limit());
                ExprNode step = nf.step() == null ? new ValueNodes.Constant(number(1)) : expr(nf.step());
                Variable v = resolution.variable(nf.var());
                yield new LoopNodes.NumericFor(start, limit, step, new Site(nf.line(), null), v.index(),
                        FunctionProto.isCell(v), block(nf.body()));
            }
            case Stat.GenericFor gf -> {
                List<Expr> es = gf.exprs();
                ExprNode[] exprs = exprs(es);
                Expr last = es.get(es.size() - 1);
                int n = gf.names().size();
                int[] slots = new int[n];
                boolean[] cells = new boolean[n];
                for (int k = 0; k < n; k++) {
                    Variable v = resolution.variable(gf.names().get(k));
                    slots[k] = v.index();
                    cells[k] = FunctionProto.isCell(v);
                }
                yield new LoopNodes.GenericFor(exprs, isCall(last), last instanceof Expr.Vararg,
                        new Site(gf.line(), null), slots, cells, block(gf.body()));
            }
            case Stat.Return r -> returnStat(r);
            case Stat.Break b -> new ControlNodes.Break();
        };
    }

    private StatNode local(Stat.Local l) {
        List<Name> names = l.names();
        List<Expr> values = l.values();
        if (names.size() == 1 && values.size() <= 1) {
            Variable v = resolution.variable(names.get(0));
            return new AssignNodes.LocalOne(v.index(), FunctionProto.isCell(v),
                    values.isEmpty() ? null : expr(values.get(0)));
        }
        int n = names.size();
        int[] slots = new int[n];
        boolean[] cells = new boolean[n];
        for (int i = 0; i < n; i++) {
            Variable v = resolution.variable(names.get(i));
            slots[i] = v.index();
            cells[i] = FunctionProto.isCell(v);
        }
        Expr last = values.isEmpty() ? null : values.get(values.size() - 1);
        return new AssignNodes.LocalMany(slots, cells, exprs(values), last != null && isCall(last),
                last instanceof Expr.Vararg);
    }

    private StatNode localFunction(Stat.LocalFunction lf) {
        Variable v = resolution.variable(lf.name());
        ClosureNode fn = closure(lf.function());
        List<Variable> ups = resolution.scope(lf.function()).upvalues();
        List<Integer> self = new ArrayList<>();
        for (int j = 0; j < ups.size(); j++) {
            if (ups.get(j) == v) {
                self.add(j);
            }
        }
        return new AssignNodes.LocalFunction(v.index(), FunctionProto.isCell(v), fn,
                self.stream().mapToInt(Integer::intValue).toArray());
    }

    private StatNode functionDecl(Stat.FunctionDecl fd) {
        Binding b = resolution.binding(fd);
        List<String> path = fd.path();
        if (path.size() == 1 && fd.method() == null) {
            ClosureNode fn = closure(fd.function());
            if (b instanceof Binding.Global g) {
                return new AssignNodes.SetGlobal(LuaString.constant(g.name()), fn, new Site(fd.line(), null));
            }
            return new AssignNodes.SetName(nameTarget(b, fd.line()), fn);
        }
        ExprNode first = read(b, fd.line());
        String desc = switch (b) {
            case Binding.Local l -> "local '" + path.get(0) + "'";
            case Binding.Upvalue u -> "upvalue '" + path.get(0) + "'";
            case Binding.Global g -> "global '" + path.get(0) + "'";
        };
        int lastKey = fd.method() != null ? path.size() : path.size() - 1;
        LuaString[] keys = new LuaString[Math.max(0, lastKey - 1)];
        Site[] sites = new Site[keys.length];
        for (int i = 1; i < lastKey; i++) {
            keys[i - 1] = LuaString.constant(path.get(i));
            sites[i - 1] = new Site(fd.line(), desc);
            desc = "field '" + path.get(i) + "'";
        }
        LuaString key = LuaString.constant(fd.method() != null ? fd.method() : path.get(path.size() - 1));
        ClosureNode fn = closure(fd.function());
        return new AssignNodes.FunctionField(first, keys, sites, key, fn, new Site(fd.line(), desc));
    }

    private StatNode assign(Stat.Assign a) {
        List<Expr> targets = a.targets();
        List<Expr> values = a.values();
        if (targets.size() == 1 && values.size() == 1) {
            Expr t = targets.get(0);
            Expr v = values.get(0);
            if (t instanceof Expr.NameRef r) {
                Binding b = resolution.binding(r);
                if (b instanceof Binding.Global g) {
                    return new AssignNodes.SetGlobal(LuaString.constant(g.name()), expr(v), new Site(a.line(), null));
                }
                return new AssignNodes.SetName(nameTarget(b, a.line()), expr(v));
            }
            Expr.Index i = (Expr.Index) t;
            ExprNode object = expr(i.object());
            Site site = new Site(a.line(), describe(i.object()));
            if (i.key() instanceof Expr.Str s) {
                return new AssignNodes.SetField(object, string(s.value()), expr(v), site);
            }
            ExprNode key = expr(i.key());
            return new AssignNodes.SetIndex(object, key, expr(v), site);
        }
        AssignNodes.Target[] ts = new AssignNodes.Target[targets.size()];
        for (int i = 0; i < ts.length; i++) {
            Expr t = targets.get(i);
            if (t instanceof Expr.NameRef r) {
                ts[i] = nameTarget(resolution.binding(r), a.line());
            } else {
                Expr.Index idx = (Expr.Index) t;
                ExprNode object = expr(idx.object());
                ts[i] = new AssignNodes.IndexTarget(object, expr(idx.key()), new Site(a.line(), describe(idx.object())));
            }
        }
        Expr last = values.get(values.size() - 1);
        return new AssignNodes.Multiple(ts, exprs(values), isCall(last), last instanceof Expr.Vararg);
    }

    private AssignNodes.Target nameTarget(Binding b, int line) {
        return switch (b) {
            case Binding.Local l -> FunctionProto.isCell(l.variable())
                    ? new AssignNodes.CellTarget(l.variable().index())
                    : new AssignNodes.LocalTarget(l.variable().index());
            case Binding.Upvalue u -> new AssignNodes.UpvalueTarget(u.index());
            case Binding.Global g -> new AssignNodes.GlobalTarget(LuaString.constant(g.name()), new Site(line, null));
        };
    }

    private StatNode returnStat(Stat.Return r) {
        List<Expr> vs = r.values();
        int n = vs.size();
        if (n == 0) {
            return new ReturnNodes.None();
        }
        Expr last = vs.get(n - 1);
        if (n == 1 && last instanceof Expr.Call c && !proto.vararg
                && (c.args().isEmpty() || !c.args().get(c.args().size() - 1).isMultiValued())) {
            ExprNode fn = expr(c.fn());
            return new ReturnNodes.SelfTailCall(fn, exprs(c.args()), proto.paramCount,
                    new Site(c.line(), describe(c.fn()), true));
        }
        if (n == 1 && isCall(last)) {
            return new ReturnNodes.TailCall(last instanceof Expr.Call c ? call(c, true) : methodCall((Expr.MethodCall) last, true));
        }
        if (n == 1 && last instanceof Expr.Vararg) {
            return new ReturnNodes.Vararg();
        }
        if (!last.isMultiValued() && n <= 3) {
            return new ReturnNodes.Fixed(exprs(vs));
        }
        if (isCall(last)) {
            ValueList prefix = valueList(vs.subList(0, n - 1));
            return new ReturnNodes.PrefixedCall(prefix, expr(last));
        }
        return new ReturnNodes.Array(valueList(vs));
    }

    // ------------------------------------------------------------------ expressions

    private ExprNode[] exprs(List<Expr> es) {
        ExprNode[] out = new ExprNode[es.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expr(es.get(i));
        }
        return out;
    }

    private static boolean isCall(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall;
    }

    /** A list whose last expression expands when it is a call or {@code ...}. */
    private ValueList valueList(List<Expr> es) {
        Expr last = es.isEmpty() ? null : es.get(es.size() - 1);
        boolean multi = last != null && last.isMultiValued();
        ExprNode[] fixed = exprs(multi ? es.subList(0, es.size() - 1) : es);
        ExprNode lastCall = multi && isCall(last) ? expr(last) : null;
        return new ValueList(fixed, lastCall, multi && last instanceof Expr.Vararg);
    }

    private ExprNode expr(Expr e) {
        return switch (e) {
            case Expr.Nil n -> new ValueNodes.Constant(null);
            case Expr.True t -> new ValueNodes.Constant(Boolean.TRUE);
            case Expr.False f -> new ValueNodes.Constant(Boolean.FALSE);
            case Expr.Number n -> new ValueNodes.Constant(number(n.value()));
            case Expr.Unary u when u.op() == UnOp.NEG && ConstantFolding.fold(u) != null ->
                    new ValueNodes.Constant(number(ConstantFolding.fold(u)));
            case Expr.Binary b when b.op().isArithmetic() && ConstantFolding.fold(b) != null ->
                    new ValueNodes.Constant(number(ConstantFolding.fold(b)));
            case Expr.Str s -> new ValueNodes.Constant(literal(s.value()));
            case Expr.Vararg v -> new ValueNodes.FirstVararg();
            case Expr.Function f -> closure(f);
            case Expr.NameRef r -> read(resolution.binding(r), r.line());
            case Expr.Index i -> {
                ExprNode object = expr(i.object());
                Site site = new Site(i.line(), describe(i.object()));
                if (i.key() instanceof Expr.Str s) {
                    yield new ValueNodes.Field(object, string(s.value()), site);
                }
                yield new ValueNodes.IndexNode(object, expr(i.key()), site);
            }
            case Expr.Call c -> call(c);
            case Expr.MethodCall m -> methodCall(m);
            case Expr.Paren p -> expr(p.inner());
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> {
                    ExprNode operand = expr(u.operand());
                    String d = describe(u.operand());
                    yield new OperatorNodes.Negate(operand, new Site(u.line(), d + "\n" + d));
                }
                case NOT -> new OperatorNodes.Not(expr(u.operand()));
                case LEN -> {
                    ExprNode operand = expr(u.operand());
                    yield new OperatorNodes.Length(operand, new Site(u.line(), describe(u.operand())));
                }
            };
            case Expr.Table t -> table(t);
        };
    }

    private ExprNode read(Binding b, int line) {
        return switch (b) {
            case Binding.Local l -> FunctionProto.isCell(l.variable())
                    ? new ValueNodes.CellLocal(l.variable().index())
                    : new ValueNodes.Local(l.variable().index());
            case Binding.Upvalue u -> FunctionProto.isCell(u.variable())
                    ? new ValueNodes.CellUpvalue(u.index())
                    : new ValueNodes.Upvalue(u.index());
            case Binding.Global g -> new ValueNodes.Global(LuaString.constant(g.name()), new Site(line, null));
        };
    }

    private ExprNode binary(Expr.Binary b) {
        BinOp op = b.op();
        switch (op) {
            case AND -> {
                return new OperatorNodes.And(expr(b.left()), expr(b.right()));
            }
            case OR -> {
                return new OperatorNodes.Or(expr(b.left()), expr(b.right()));
            }
            case ADD, SUB, MUL, DIV, MOD, POW -> {
                ExprNode l = expr(b.left());
                ExprNode r = expr(b.right());
                return new OperatorNodes.Arithmetic(op, l, r,
                        new Site(b.line(), describe(b.left()) + "\n" + describe(b.right())));
            }
            case CONCAT -> {
                List<Expr> parts = new ArrayList<>();
                Expr e = b;
                while (e instanceof Expr.Binary c && c.op() == BinOp.CONCAT) {
                    parts.add(c.left());
                    e = c.right();
                }
                parts.add(e);
                StringBuilder names = new StringBuilder();
                ExprNode[] nodes = new ExprNode[parts.size()];
                for (int i = 0; i < nodes.length; i++) {
                    nodes[i] = expr(parts.get(i));
                    if (i > 0) {
                        names.append('\n');
                    }
                    names.append(describe(parts.get(i)));
                }
                Site site = new Site(b.line(), names.toString());
                return nodes.length == 2 ? new OperatorNodes.Concat2(nodes[0], nodes[1], site)
                        : new OperatorNodes.ConcatAll(nodes, site);
            }
            case EQ, NE -> {
                boolean negated = op == BinOp.NE;
                if (b.right() instanceof Expr.Nil || b.left() instanceof Expr.Nil) {
                    Expr other = b.right() instanceof Expr.Nil ? b.left() : b.right();
                    return new OperatorNodes.NilTest(expr(other), negated);
                }
                ExprNode l = expr(b.left());
                ExprNode r = expr(b.right());
                return new OperatorNodes.Equal(l, r, negated, new Site(b.line(), null));
            }
            default -> {
                ExprNode l = expr(b.left());
                ExprNode r = expr(b.right());
                return new OperatorNodes.Order(op, l, r, new Site(b.line(), null));
            }
        }
    }

    private ExprNode call(Expr.Call c) {
        return call(c, false);
    }

    private ExprNode call(Expr.Call c, boolean tail) {
        boolean fenv = c.fn() instanceof Expr.NameRef r && (r.name().equals("setfenv") || r.name().equals("getfenv"))
                && resolution.binding(r) instanceof Binding.Global;
        String where = c.fn() instanceof Expr.NameRef r && (r.name().equals("error") || r.name().equals("assert"))
                ? chunkId + ":" + c.line() + ": " : null;
        ExprNode fn = expr(c.fn());
        ValueList args = valueList(c.args());
        return new CallNodes.Call(fn, args, new Site(c.line(), describe(c.fn()), tail), fenv, where, tail);
    }

    private ExprNode methodCall(Expr.MethodCall m) {
        return methodCall(m, false);
    }

    private ExprNode methodCall(Expr.MethodCall m, boolean tail) {
        ExprNode object = expr(m.object());
        Site lookup = new Site(m.line(), describe(m.object()));
        ValueList args = valueList(m.args());
        return new CallNodes.MethodCall(object, LuaString.constant(m.method()), args, lookup,
                new Site(m.line(), "method '" + m.method() + "'", tail), tail);
    }

    private ClosureNode closure(Expr.Function f) {
        FunctionScope child = resolution.scope(f);
        List<Variable> ups = child.upvalues();
        int[] sources = new int[ups.size()];
        for (int j = 0; j < sources.length; j++) {
            Variable v = ups.get(j);
            sources[j] = v.function() == scope ? v.index() : -1 - scope.upvalues().indexOf(v);
        }
        return new ClosureNode(proto.chunk.proto(child), sources);
    }

    private ExprNode table(Expr.Table t) {
        List<TableField> fields = t.fields();
        int na = 0;
        int nh = 0;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof TableField.Positional p) {
                if (!(i == fields.size() - 1 && p.value().isMultiValued())) {
                    na++;
                }
            } else {
                nh++;
            }
        }
        TableNode.Item[] items = new TableNode.Item[fields.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = switch (fields.get(i)) {
                case TableField.Positional p -> {
                    boolean expands = i == fields.size() - 1 && p.value().isMultiValued();
                    if (expands && p.value() instanceof Expr.Vararg) {
                        yield new TableNode.Item(TableNode.Kind.EXPANDED, null, null, null, null, true);
                    }
                    yield new TableNode.Item(expands ? TableNode.Kind.EXPANDED : TableNode.Kind.POSITIONAL,
                            null, null, expr(p.value()), null, false);
                }
                case TableField.Named n -> new TableNode.Item(TableNode.Kind.NAMED, null,
                        LuaString.constant(n.name()), expr(n.value()), null, false);
                case TableField.Keyed k -> {
                    ExprNode key = expr(k.key());
                    yield new TableNode.Item(TableNode.Kind.KEYED, key, null, expr(k.value()),
                            new Site(k.line(), null), false);
                }
            };
        }
        return new TableNode(ConstantFolding.tableSize(na), ConstantFolding.tableSize(nh), nh > 0, items);
    }

    // ------------------------------------------------------------------ constants and names

    /**
     * A number constant as the compiled function holds it: PUC keeps a function's constants in
     * a table keyed by value, so 0 and -0 share the entry of whichever appeared first.
     */
    private Double number(double d) {
        if (d == 0) {
            if (firstZero == null) {
                firstZero = d;
            }
            return firstZero;
        }
        return d;
    }

    /** A field name or key: shared with every chunk and library, so lookups mostly hit the identity test. */
    private static LuaString string(byte[] bytes) {
        return LuaString.constant(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    /**
     * A string literal used as a value: not interned, since shared constants live forever and
     * scripts EVAL'd with a new body each time must not grow memory without bound.
     */
    private static LuaString literal(byte[] bytes) {
        return LuaString.copyOf(bytes, 0, bytes.length);
    }

    /** The operand description PUC's {@code getobjname} would give, or "". */
    private String describe(Expr e) {
        return switch (e) {
            case Expr.NameRef r -> switch (resolution.binding(r)) {
                case Binding.Local l -> "local '" + r.name() + "'";
                case Binding.Upvalue u -> "upvalue '" + r.name() + "'";
                case Binding.Global g -> "global '" + r.name() + "'";
            };
            case Expr.Index i -> i.key() instanceof Expr.Str s
                    ? "field '" + new String(s.value(), StandardCharsets.ISO_8859_1) + "'"
                    : "field '?'";
            case Expr.Paren p -> describe(p.inner());
            default -> "";
        };
    }
}
