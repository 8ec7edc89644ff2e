package io.moonkey.lua.ast;

import java.util.List;

/**
 * Prints an AST back as Lua source that parses to the same tree (lines aside). Operands are
 * parenthesised only where the tree holds a {@link Expr.Paren}, or where Lua's priorities would
 * otherwise regroup them. String bytes outside printable ASCII are written as decimal escapes,
 * so the text is pure ASCII whatever the literals hold. Statements that end with an expression
 * end with ';', so that a next statement starting with '(' is never read as a call.
 */
public final class AstPrinter {
    private final StringBuilder out = new StringBuilder();
    private int indent;

    private AstPrinter() {}

    public static String print(Chunk chunk) {
        AstPrinter p = new AstPrinter();
        p.block(chunk.main().body());
        return p.out.toString();
    }

    public static String print(Expr e) {
        AstPrinter p = new AstPrinter();
        p.expr(e);
        return p.out.toString();
    }

    private void line(String s) {
        out.append("  ".repeat(indent)).append(s).append('\n');
    }

    private void block(Block b) {
        indent++;
        for (Stat s : b.stats()) {
            stat(s);
        }
        indent--;
    }

    private void stat(Stat s) {
        switch (s) {
            case Stat.Local l -> line("local " + names(l.names()) + (l.values().isEmpty() ? "" : " = " + exprs(l.values())) + ";");
            case Stat.LocalFunction lf -> {
                line("local function " + lf.name().name() + params(lf.function().params(), lf.function().isVararg(), false));
                block(lf.function().body());
                line("end");
            }
            case Stat.FunctionDecl fd -> {
                String name = String.join(".", fd.path()) + (fd.method() != null ? ":" + fd.method() : "");
                line("function " + name + params(fd.function().params(), fd.function().isVararg(), fd.method() != null));
                block(fd.function().body());
                line("end");
            }
            case Stat.Assign a -> line(exprs(a.targets()) + " = " + exprs(a.values()) + ";");
            case Stat.CallStat c -> line(text(c.call()) + ";");
            case Stat.Do d -> {
                line("do");
                block(d.body());
                line("end");
            }
            case Stat.While w -> {
                line("while " + text(w.cond()) + " do");
                block(w.body());
                line("end");
            }
            case Stat.Repeat r -> {
                line("repeat");
                block(r.body());
                line("until " + text(r.cond()) + ";");
            }
            case Stat.If i -> {
                for (int k = 0; k < i.conds().size(); k++) {
                    line((k == 0 ? "if " : "elseif ") + text(i.conds().get(k)) + " then");
                    block(i.blocks().get(k));
                }
                if (i.orElse() != null) {
                    line("else");
                    block(i.orElse());
                }
                line("end");
            }
            case Stat.NumericFor f -> {
                line("for " + f.var().name() + " = " + text(f.start()) + ", " + text(f.limit())
                        + (f.step() != null ? ", " + text(f.step()) : "") + " do");
                block(f.body());
                line("end");
            }
            case Stat.GenericFor f -> {
                line("for " + names(f.names()) + " in " + exprs(f.exprs()) + " do");
                block(f.body());
                line("end");
            }
            case Stat.Return r -> line(r.values().isEmpty() ? "return;" : "return " + exprs(r.values()) + ";");
            case Stat.Break b -> line("break");
        }
    }

    private static String names(List<Name> names) {
        StringBuilder sb = new StringBuilder();
        for (Name n : names) {
            sb.append(sb.isEmpty() ? "" : ", ").append(n.name());
        }
        return sb.toString();
    }

    private static String params(List<Name> params, boolean vararg, boolean method) {
        List<Name> shown = method ? params.subList(1, params.size()) : params;
        String list = names(shown);
        if (vararg) {
            list = list.isEmpty() ? "..." : list + ", ...";
        }
        return "(" + list + ")";
    }

    private String exprs(List<Expr> es) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : es) {
            sb.append(sb.isEmpty() ? "" : ", ").append(text(e));
        }
        return sb.toString();
    }

    private String text(Expr e) {
        AstPrinter p = new AstPrinter();
        p.indent = indent;
        p.expr(e);
        return p.out.toString();
    }

    private void expr(Expr e) {
        switch (e) {
            case Expr.Nil n -> out.append("nil");
            case Expr.True t -> out.append("true");
            case Expr.False f -> out.append("false");
            case Expr.Vararg v -> out.append("...");
            case Expr.Number n -> out.append(number(n.value()));
            case Expr.Str s -> string(s.value());
            case Expr.Function f -> {
                out.append("function").append(params(f.params(), f.isVararg(), false)).append('\n');
                block(f.body());
                out.append("  ".repeat(indent)).append("end");
            }
            case Expr.NameRef n -> out.append(n.name());
            case Expr.Index i -> {
                prefix(i.object());
                if (i.key() instanceof Expr.Str s && isName(s.value())) {
                    out.append('.').append(new String(s.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
                } else {
                    out.append('[');
                    expr(i.key());
                    out.append(']');
                }
            }
            case Expr.Call c -> {
                prefix(c.fn());
                args(c.args());
            }
            case Expr.MethodCall m -> {
                prefix(m.object());
                out.append(':').append(m.method());
                args(m.args());
            }
            case Expr.Paren p -> {
                out.append('(');
                expr(p.inner());
                out.append(')');
            }
            case Expr.Binary b -> {
                operand(b.left(), needsParensLeft(b));
                out.append(' ').append(b.op().symbol).append(' ');
                operand(b.right(), needsParensRight(b));
            }
            case Expr.Unary u -> {
                out.append(u.op().symbol);
                if (u.op() == UnOp.NOT || u.operand() instanceof Expr.Unary un && un.op() == UnOp.NEG && u.op() == UnOp.NEG) {
                    out.append(' '); // "not x", and "- -x" rather than the comment "--x"
                }
                operand(u.operand(), u.operand() instanceof Expr.Binary b && b.op().left <= BinOp.UNARY_PRIORITY);
            }
            case Expr.Table t -> table(t);
        }
    }

    /** A prefix expression (before '.', '[', ':' or arguments) must be a name, a call, an index or a paren. */
    private void prefix(Expr e) {
        boolean plain = e instanceof Expr.NameRef || e instanceof Expr.Index || e instanceof Expr.Call
                || e instanceof Expr.MethodCall || e instanceof Expr.Paren;
        operand(e, !plain);
    }

    private void operand(Expr e, boolean parens) {
        if (parens) {
            out.append('(');
        }
        expr(e);
        if (parens) {
            out.append(')');
        }
    }

    /** {@code (a op2 b) op c} reads back as written only when op's left priority is at most op2's right. */
    static boolean needsParensLeft(Expr.Binary b) {
        Expr l = b.left();
        if (l instanceof Expr.Binary lb) {
            return b.op().left > lb.op().right;
        }
        return l instanceof Expr.Unary && b.op().left > BinOp.UNARY_PRIORITY;
    }

    /** {@code a op (b op3 c)} reads back as written only when op3's left priority exceeds op's right. */
    static boolean needsParensRight(Expr.Binary b) {
        return b.right() instanceof Expr.Binary rb && rb.op().left <= b.op().right;
    }

    private void args(List<Expr> args) {
        out.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(args.get(i));
        }
        out.append(')');
    }

    private void table(Expr.Table t) {
        out.append('{');
        for (int i = 0; i < t.fields().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            switch (t.fields().get(i)) {
                case TableField.Positional p -> expr(p.value());
                case TableField.Named n -> {
                    out.append(n.name()).append(" = ");
                    expr(n.value());
                }
                case TableField.Keyed k -> {
                    out.append('[');
                    expr(k.key());
                    out.append("] = ");
                    expr(k.value());
                }
            }
        }
        out.append('}');
    }

    private void string(byte[] value) {
        out.append('"');
        for (int i = 0; i < value.length; i++) {
            int c = value[i] & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 32 && c < 127) {
                out.append((char) c);
            } else {
                // Three digits, so that a following digit is not read as part of the escape.
                out.append('\\').append(String.format("%03d", c));
            }
        }
        out.append('"');
    }

    /** Integers as integers, anything else in a form that converts back to the same double. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("and", "break", "do", "else",
            "elseif", "end", "false", "for", "function", "if", "in", "local", "nil", "not", "or", "repeat",
            "return", "then", "true", "until", "while");

    static boolean isName(byte[] s) {
        if (s.length == 0) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xFF;
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!(alpha || (i > 0 && c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return !KEYWORDS.contains(new String(s, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
