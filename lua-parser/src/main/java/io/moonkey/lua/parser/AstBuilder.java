package io.moonkey.lua.parser;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.parser.grammar.Lua51;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree of {@code Lua51} into the AST. The tree is known to be valid: every
 * check PUC makes while parsing already ran as a grammar action. Lines follow the rules in
 * {@link io.moonkey.lua.ast the AST's package documentation}.
 */
final class AstBuilder {
    private final String chunkName;

    AstBuilder(String chunkName) {
        this.chunkName = chunkName;
    }

    Chunk chunk(Lua51.ChunkContext ctx) {
        Block body = block(ctx.block());
        int endLine = ctx.EOF().getSymbol().getLine();
        // The main function has no defining line (PUC's linedefined 0); it ends at end of input.
        return new Chunk(chunkName, new Expr.Function(0, endLine, List.of(), true, body));
    }

    private Block block(Lua51.BlockContext ctx) {
        List<Stat> stats = new ArrayList<>(ctx.stat().size() + 1);
        for (Lua51.StatContext s : ctx.stat()) {
            stats.add(stat(s));
        }
        if (ctx.laststat() != null) {
            stats.add(laststat(ctx.laststat()));
        }
        // An empty block's stop token is the one before it: the last token read, as PUC's lastline.
        Token last = ctx.getStop();
        return new Block(line(ctx.getStart()), stats, last == null ? 0 : line(last));
    }

    private Stat stat(Lua51.StatContext ctx) {
        int line = line(ctx.getStart());
        return switch (ctx) {
            case Lua51.IfStatContext c -> {
                List<Expr> conds = new ArrayList<>();
                for (Lua51.ExprContext e : c.expr()) {
                    conds.add(expr(e));
                }
                List<Block> blocks = new ArrayList<>();
                for (Lua51.BlockContext b : c.block()) {
                    blocks.add(block(b));
                }
                Block orElse = null;
                if (c.ELSE() != null) {
                    orElse = blocks.remove(blocks.size() - 1);
                }
                yield new Stat.If(line, conds, blocks, orElse);
            }
            case Lua51.WhileStatContext c -> new Stat.While(line, expr(c.expr()), block(c.block()));
            case Lua51.DoStatContext c -> new Stat.Do(line, block(c.block()));
            case Lua51.ForStatContext c -> {
                Name first = name(c.NAME());
                yield switch (c.forTail()) {
                    case Lua51.NumericForContext n -> new Stat.NumericFor(line, first, expr(n.expr(0)), expr(n.expr(1)),
                            n.expr().size() > 2 ? expr(n.expr(2)) : null, block(n.block()));
                    case Lua51.GenericForContext g -> {
                        List<Name> names = new ArrayList<>();
                        names.add(first);
                        for (TerminalNode t : g.NAME()) {
                            names.add(name(t));
                        }
                        yield new Stat.GenericFor(line, names, exprs(g.explist()), block(g.block()));
                    }
                    default -> throw new IllegalStateException();
                };
            }
            case Lua51.RepeatStatContext c -> new Stat.Repeat(line, block(c.block()), expr(c.expr()));
            case Lua51.FunctionStatContext c -> {
                List<TerminalNode> names = c.funcname().NAME();
                boolean method = c.funcname().COLON() != null;
                List<String> path = new ArrayList<>();
                int pathLength = method ? names.size() - 1 : names.size();
                for (int i = 0; i < pathLength; i++) {
                    path.add(names.get(i).getText());
                }
                String methodName = method ? names.get(names.size() - 1).getText() : null;
                // PUC's funcstat passes the line of the 'function' keyword as linedefined.
                yield new Stat.FunctionDecl(line, path, methodName, function(c.body(), line, method));
            }
            case Lua51.LocalFunctionStatContext c ->
                    new Stat.LocalFunction(line, name(c.NAME()), function(c.body(), line(c.body().getStart()), false));
            case Lua51.LocalStatContext c -> {
                List<Name> names = new ArrayList<>();
                for (TerminalNode t : c.NAME()) {
                    names.add(name(t));
                }
                yield new Stat.Local(line, names, c.explist() == null ? List.of() : exprs(c.explist()));
            }
            case Lua51.ExprStatContext c -> {
                Expr first = suffixed(c.suffixedexp());
                if (c.assignment() == null) {
                    yield new Stat.CallStat(line, first);
                }
                List<Expr> targets = new ArrayList<>();
                targets.add(first);
                for (Lua51.SuffixedexpContext t : c.assignment().suffixedexp()) {
                    targets.add(suffixed(t));
                }
                yield new Stat.Assign(line, targets, exprs(c.assignment().explist()), line(c.getStop()));
            }
            default -> throw new IllegalStateException("unknown statement " + ctx.getClass());
        };
    }

    private Stat laststat(Lua51.LaststatContext ctx) {
        int line = line(ctx.getStart());
        if (ctx instanceof Lua51.ReturnStatContext r) {
            return new Stat.Return(line, r.explist() == null ? List.of() : exprs(r.explist()));
        }
        return new Stat.Break(line);
    }

    /**
     * @param line   PUC's linedefined: the 'function' keyword for function statements, the
     *               line of the '(' for local functions and function expressions
     * @param method whether an implicit first parameter {@code self} is added
     */
    private Expr.Function function(Lua51.BodyContext ctx, int line, boolean method) {
        List<Name> params = new ArrayList<>();
        if (method) {
            params.add(new Name(line, "self"));
        }
        boolean vararg = false;
        if (ctx.parlist() != null) {
            for (TerminalNode t : ctx.parlist().NAME()) {
                params.add(name(t));
            }
            vararg = ctx.parlist().vararg != null;
        }
        return new Expr.Function(line, line(ctx.END().getSymbol()), params, vararg, block(ctx.block()));
    }

    private List<Expr> exprs(Lua51.ExplistContext ctx) {
        List<Expr> list = new ArrayList<>(ctx.expr().size());
        for (Lua51.ExprContext e : ctx.expr()) {
            list.add(expr(e));
        }
        return list;
    }

    // ---- expressions: PUC's subexpr over the flat operand/operator lists ----

    private Expr expr(Lua51.ExprContext ctx) {
        return new Climber(ctx).sub(0);
    }

    /** Replays lparser.c's subexpr: unary operators bind at priority 8, binary ones by their table. */
    private final class Climber {
        private final List<Lua51.OperandContext> operands;
        private final List<Lua51.BinaryOperatorContext> operators;
        private int operand;
        private int unary;
        private int operator;
        /** The line of the last token of the operand read last. */
        private int lastLine;

        Climber(Lua51.ExprContext ctx) {
            this.operands = ctx.operand();
            this.operators = ctx.binaryOperator();
        }

        Expr sub(int limit) {
            Lua51.OperandContext current = operands.get(operand);
            Expr e;
            if (unary < current.unaryOperator().size()) {
                UnOp op = unOp(current.unaryOperator(unary++).getStart().getType());
                Expr operandExpr = sub(BinOp.UNARY_PRIORITY);
                e = new Expr.Unary(lastLine, op, operandExpr);
            } else {
                e = simple(current.simpleexp());
                lastLine = line(current.getStop());
                operand++;
                unary = 0;
            }
            while (operator < operators.size()) {
                BinOp op = binOp(operators.get(operator).getStart().getType());
                if (op.left <= limit) {
                    break;
                }
                operator++;
                Expr right = sub(op.right);
                e = new Expr.Binary(lastLine, op, e, right);
            }
            return e;
        }
    }

    private Expr simple(Lua51.SimpleexpContext ctx) {
        int line = line(ctx.getStart());
        return switch (ctx) {
            case Lua51.NumberExpContext c -> new Expr.Number(line, ((LuaToken) c.NUMBER().getSymbol()).number());
            case Lua51.StringExpContext c -> string(c.STRING());
            case Lua51.NilExpContext c -> new Expr.Nil(line);
            case Lua51.TrueExpContext c -> new Expr.True(line);
            case Lua51.FalseExpContext c -> new Expr.False(line);
            case Lua51.VarargExpContext c -> new Expr.Vararg(line);
            case Lua51.TableExpContext c -> table(c.tableconstructor());
            case Lua51.FunctionExpContext c -> function(c.body(), line(c.body().getStart()), false);
            case Lua51.SuffixedExpContext c -> suffixed(c.suffixedexp());
            default -> throw new IllegalStateException("unknown expression " + ctx.getClass());
        };
    }

    private Expr suffixed(Lua51.SuffixedexpContext ctx) {
        Expr e = switch (ctx.primaryexp()) {
            case Lua51.NameExpContext n -> new Expr.NameRef(line(n.getStart()), n.NAME().getText());
            case Lua51.ParenExpContext p -> new Expr.Paren(line(p.getStart()), expr(p.expr()));
            default -> throw new IllegalStateException();
        };
        for (Lua51.SuffixContext s : ctx.suffix()) {
            e = switch (s) {
                case Lua51.FieldSuffixContext f -> new Expr.Index(line(f.getStop()), e, nameString(f.NAME()));
                case Lua51.IndexSuffixContext i -> new Expr.Index(line(i.getStop()), e, expr(i.expr()));
                case Lua51.MethodSuffixContext m -> new Expr.MethodCall(line(m.funcargs().getStart()), e,
                        m.NAME().getText(), args(m.funcargs()));
                case Lua51.CallSuffixContext c -> new Expr.Call(line(c.funcargs().getStart()), e, args(c.funcargs()));
                default -> throw new IllegalStateException();
            };
        }
        return e;
    }

    private List<Expr> args(Lua51.FuncargsContext ctx) {
        if (ctx.tableconstructor() != null) {
            return List.of(table(ctx.tableconstructor()));
        }
        if (ctx.STRING() != null) {
            return List.of(string(ctx.STRING()));
        }
        return ctx.explist() == null ? List.of() : exprs(ctx.explist());
    }

    private Expr.Table table(Lua51.TableconstructorContext ctx) {
        List<TableField> fields = new ArrayList<>(ctx.field().size());
        for (Lua51.FieldContext f : ctx.field()) {
            int line = line(f.getStart());
            fields.add(switch (f) {
                case Lua51.KeyedFieldContext k -> new TableField.Keyed(line, expr(k.key), expr(k.value));
                case Lua51.NamedFieldContext n -> new TableField.Named(line, n.NAME().getText(), expr(n.expr()));
                case Lua51.PositionalFieldContext p -> new TableField.Positional(line, expr(p.expr()));
                default -> throw new IllegalStateException();
            });
        }
        return new Expr.Table(line(ctx.getStart()), fields);
    }

    private Expr.Str string(TerminalNode node) {
        LuaToken t = (LuaToken) node.getSymbol();
        return new Expr.Str(t.getLine(), t.bytes());
    }

    private Expr.Str nameString(TerminalNode node) {
        return new Expr.Str(line(node.getSymbol()), node.getText().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Name name(TerminalNode node) {
        return new Name(line(node.getSymbol()), node.getText());
    }

    private static int line(Token t) {
        return t.getLine();
    }

    static BinOp binOp(int tokenType) {
        return switch (tokenType) {
            case Lua51.OR -> BinOp.OR;
            case Lua51.AND -> BinOp.AND;
            case Lua51.LT -> BinOp.LT;
            case Lua51.GT -> BinOp.GT;
            case Lua51.LE -> BinOp.LE;
            case Lua51.GE -> BinOp.GE;
            case Lua51.NE -> BinOp.NE;
            case Lua51.EQ -> BinOp.EQ;
            case Lua51.CONCAT -> BinOp.CONCAT;
            case Lua51.PLUS -> BinOp.ADD;
            case Lua51.MINUS -> BinOp.SUB;
            case Lua51.STAR -> BinOp.MUL;
            case Lua51.SLASH -> BinOp.DIV;
            case Lua51.PERCENT -> BinOp.MOD;
            case Lua51.CARET -> BinOp.POW;
            default -> throw new IllegalArgumentException("not a binary operator: " + tokenType);
        };
    }

    private static UnOp unOp(int tokenType) {
        return switch (tokenType) {
            case Lua51.NOT -> UnOp.NOT;
            case Lua51.MINUS -> UnOp.NEG;
            case Lua51.HASH -> UnOp.LEN;
            default -> throw new IllegalArgumentException("not a unary operator: " + tokenType);
        };
    }

}
