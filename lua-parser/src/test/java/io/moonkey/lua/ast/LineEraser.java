package io.moonkey.lua.ast;

import java.util.List;

/** Rebuilds a tree with every line set to 0, to compare trees parsed from different layouts. */
final class LineEraser {
    private LineEraser() {}

    static Chunk erase(Chunk c) {
        return new Chunk(c.name(), (Expr.Function) expr(c.main()));
    }

    static Block block(Block b) {
        return new Block(0, b.stats().stream().map(LineEraser::stat).toList());
    }

    private static List<Expr> exprs(List<Expr> es) {
        return es.stream().map(LineEraser::expr).toList();
    }

    private static List<Name> names(List<Name> ns) {
        return ns.stream().map(LineEraser::name).toList();
    }

    private static Name name(Name n) {
        return new Name(0, n.name());
    }

    static Stat stat(Stat s) {
        return switch (s) {
            case Stat.Local l -> new Stat.Local(0, names(l.names()), exprs(l.values()));
            case Stat.LocalFunction lf -> new Stat.LocalFunction(0, name(lf.name()), (Expr.Function) expr(lf.function()));
            case Stat.FunctionDecl fd -> new Stat.FunctionDecl(0, fd.path(), fd.method(), (Expr.Function) expr(fd.function()));
            case Stat.Assign a -> new Stat.Assign(0, exprs(a.targets()), exprs(a.values()));
            case Stat.CallStat c -> new Stat.CallStat(0, expr(c.call()));
            case Stat.Do d -> new Stat.Do(0, block(d.body()));
            case Stat.While w -> new Stat.While(0, expr(w.cond()), block(w.body()));
            case Stat.Repeat r -> new Stat.Repeat(0, block(r.body()), expr(r.cond()));
            case Stat.If i -> new Stat.If(0, exprs(i.conds()), i.blocks().stream().map(LineEraser::block).toList(),
                    i.orElse() == null ? null : block(i.orElse()));
            case Stat.NumericFor f -> new Stat.NumericFor(0, name(f.var()), expr(f.start()), expr(f.limit()),
                    f.step() == null ? null : expr(f.step()), block(f.body()));
            case Stat.GenericFor f -> new Stat.GenericFor(0, names(f.names()), exprs(f.exprs()), block(f.body()));
            case Stat.Return r -> new Stat.Return(0, exprs(r.values()));
            case Stat.Break b -> new Stat.Break(0);
        };
    }

    static Expr expr(Expr e) {
        return switch (e) {
            case Expr.Nil n -> new Expr.Nil(0);
            case Expr.True t -> new Expr.True(0);
            case Expr.False f -> new Expr.False(0);
            case Expr.Vararg v -> new Expr.Vararg(0);
            case Expr.Number n -> new Expr.Number(0, n.value());
            case Expr.Str s -> new Expr.Str(0, s.value());
            case Expr.Function f -> new Expr.Function(0, 0, names(f.params()), f.isVararg(), block(f.body()));
            case Expr.NameRef n -> new Expr.NameRef(0, n.name());
            case Expr.Index i -> new Expr.Index(0, expr(i.object()), expr(i.key()));
            case Expr.Call c -> new Expr.Call(0, expr(c.fn()), exprs(c.args()));
            case Expr.MethodCall m -> new Expr.MethodCall(0, expr(m.object()), m.method(), exprs(m.args()));
            case Expr.Paren p -> new Expr.Paren(0, expr(p.inner()));
            case Expr.Binary b -> new Expr.Binary(0, b.op(), expr(b.left()), expr(b.right()));
            case Expr.Unary u -> new Expr.Unary(0, u.op(), expr(u.operand()));
            case Expr.Table t -> new Expr.Table(0, t.fields().stream().map(LineEraser::field).toList());
        };
    }

    private static TableField field(TableField f) {
        return switch (f) {
            case TableField.Positional p -> new TableField.Positional(0, expr(p.value()));
            case TableField.Named n -> new TableField.Named(0, n.name(), expr(n.value()));
            case TableField.Keyed k -> new TableField.Keyed(0, expr(k.key()), expr(k.value()));
        };
    }
}
