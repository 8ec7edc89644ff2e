package io.moonkey.lua.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.lua.parser.LuaParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Random trees, printed as Lua source and parsed again, give back the same tree. The generator
 * makes only trees the parser can produce: operands are wrapped in {@link Expr.Paren} where
 * Lua's priorities would regroup them, exactly as a programmer must write parentheses.
 */
class AstRoundTripProperties {

    @Property(tries = 300)
    void printedChunksParseBackToTheSameTree(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed) {
        Chunk original = new Generator(new Random(seed)).chunk();
        String source = AstPrinter.print(original);
        Chunk reparsed = LuaParser.parse(source.getBytes(StandardCharsets.ISO_8859_1), original.name());
        assertEquals(LineEraser.erase(original), LineEraser.erase(reparsed), source);
    }

    /** Builds random well-formed trees of bounded size. */
    static final class Generator {
        private static final String[] NAMES = {"a", "b", "c", "x", "y", "foo", "_t", "n1", "self", "arg"};
        private final Random r;
        private int budget = 120;
        private int loops;
        private boolean vararg = true;

        Generator(Random r) {
            this.r = r;
        }

        Chunk chunk() {
            return new Chunk("=gen", new Expr.Function(0, 0, List.of(), true, block(3)));
        }

        private Block block(int depth) {
            List<Stat> stats = new ArrayList<>();
            int n = r.nextInt(depth > 0 ? 5 : 2);
            for (int i = 0; i < n && budget > 0; i++) {
                stats.add(stat(depth));
            }
            int last = r.nextInt(6);
            if (last == 0) {
                stats.add(new Stat.Return(0, exprList(depth, 3)));
            } else if (last == 1 && loops > 0) {
                stats.add(new Stat.Break(0));
            }
            return new Block(0, stats);
        }

        private String name() {
            return NAMES[r.nextInt(NAMES.length)];
        }

        private List<Name> names(int max) {
            List<Name> ns = new ArrayList<>();
            int n = 1 + r.nextInt(max);
            for (int i = 0; i < n; i++) {
                ns.add(new Name(0, name()));
            }
            return ns;
        }

        private Stat stat(int depth) {
            budget--;
            int d = depth - 1;
            switch (r.nextInt(d >= 0 ? 13 : 4)) {
                case 0:
                    return new Stat.Local(0, names(3), r.nextBoolean() ? exprList(d, 3) : List.of());
                case 1: {
                    List<Expr> targets = new ArrayList<>();
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        targets.add(target(d));
                    }
                    return new Stat.Assign(0, targets, nonEmpty(exprList(d, 3), d));
                }
                case 2:
                    return new Stat.CallStat(0, call(d));
                case 3:
                    return new Stat.Local(0, names(1), List.of(expr(d)));
                case 4:
                    return new Stat.Do(0, block(d));
                case 5:
                    return new Stat.While(0, expr(d), loop(d));
                case 6:
                    return new Stat.Repeat(0, loop(d), expr(d));
                case 7: {
                    int n = 1 + r.nextInt(3);
                    List<Expr> conds = new ArrayList<>();
                    List<Block> blocks = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        conds.add(expr(d));
                        blocks.add(block(d));
                    }
                    return new Stat.If(0, conds, blocks, r.nextBoolean() ? block(d) : null);
                }
                case 8:
                    return new Stat.NumericFor(0, new Name(0, name()), expr(d), expr(d), r.nextBoolean() ? expr(d) : null, loop(d));
                case 9:
                    return new Stat.GenericFor(0, names(3), nonEmpty(exprList(d, 3), d), loop(d));
                case 10: {
                    List<String> path = new ArrayList<>();
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        path.add(name());
                    }
                    boolean method = r.nextBoolean();
                    Expr.Function f = function(d, method);
                    return new Stat.FunctionDecl(0, path, method ? name() : null, f);
                }
                case 11:
                    return new Stat.LocalFunction(0, new Name(0, name()), function(d, false));
                default:
                    return new Stat.CallStat(0, new Expr.MethodCall(0, prefix(d), name(), exprList(d, 2)));
            }
        }

        private Block loop(int depth) {
            loops++;
            Block b = block(depth);
            loops--;
            return b;
        }

        private Expr.Function function(int depth, boolean method) {
            List<Name> params = new ArrayList<>();
            if (method) {
                params.add(new Name(0, "self"));
            }
            if (r.nextBoolean()) {
                params.addAll(names(3));
            }
            boolean isVararg = r.nextInt(3) == 0;
            boolean outerVararg = vararg;
            int outerLoops = loops;
            vararg = isVararg;
            loops = 0;
            Block body = block(depth);
            vararg = outerVararg;
            loops = outerLoops;
            return new Expr.Function(0, 0, params, isVararg, body);
        }

        private List<Expr> exprList(int depth, int max) {
            List<Expr> es = new ArrayList<>();
            int n = r.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                es.add(expr(depth));
            }
            return es;
        }

        private List<Expr> nonEmpty(List<Expr> es, int depth) {
            if (es.isEmpty()) {
                es.add(expr(depth));
            }
            return es;
        }

        private Expr target(int depth) {
            if (r.nextBoolean() || depth < 0) {
                return new Expr.NameRef(0, name());
            }
            return new Expr.Index(0, prefix(depth - 1), expr(depth - 1));
        }

        /** Something that can stand before '.', '[', ':' or call arguments. */
        private Expr prefix(int depth) {
            return switch (depth < 0 ? 0 : r.nextInt(4)) {
                case 0 -> new Expr.NameRef(0, name());
                case 1 -> new Expr.Index(0, prefix(depth - 1), expr(depth - 1));
                case 2 -> call(depth - 1);
                default -> new Expr.Paren(0, expr(depth - 1));
            };
        }

        private Expr call(int depth) {
            return new Expr.Call(0, prefix(depth), exprList(depth, 3));
        }

        Expr expr(int depth) {
            budget--;
            if (depth < 0 || budget < 0) {
                return leaf();
            }
            int d = depth - 1;
            return switch (r.nextInt(12)) {
                case 0, 1, 2 -> leaf();
                case 3, 4 -> binary(d);
                case 5 -> unary(d);
                case 6 -> table(d);
                case 7 -> function(d, false);
                case 8 -> call(d);
                case 9 -> new Expr.Index(0, prefix(d), expr(d));
                case 10 -> new Expr.Paren(0, expr(d));
                default -> new Expr.MethodCall(0, prefix(d), name(), exprList(d, 2));
            };
        }

        private Expr binary(int depth) {
            BinOp op = BinOp.values()[r.nextInt(BinOp.values().length)];
            Expr left = expr(depth);
            Expr right = expr(depth);
            Expr.Binary b = new Expr.Binary(0, op, left, right);
            if (AstPrinterAccess.needsParensLeft(b)) {
                left = new Expr.Paren(0, left);
            }
            if (AstPrinterAccess.needsParensRight(b)) {
                right = new Expr.Paren(0, right);
            }
            return new Expr.Binary(0, op, left, right);
        }

        private Expr unary(int depth) {
            UnOp op = UnOp.values()[r.nextInt(UnOp.values().length)];
            Expr operand = expr(depth);
            if (operand instanceof Expr.Binary b && b.op().left <= BinOp.UNARY_PRIORITY) {
                operand = new Expr.Paren(0, operand);
            }
            return new Expr.Unary(0, op, operand);
        }

        private Expr table(int depth) {
            List<TableField> fields = new ArrayList<>();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                fields.add(switch (r.nextInt(3)) {
                    case 0 -> new TableField.Positional(0, expr(depth));
                    case 1 -> new TableField.Named(0, name(), expr(depth));
                    default -> new TableField.Keyed(0, expr(depth), expr(depth));
                });
            }
            return new Expr.Table(0, fields);
        }

        private Expr leaf() {
            return switch (r.nextInt(vararg ? 8 : 7)) {
                case 0 -> new Expr.Nil(0);
                case 1 -> new Expr.True(0);
                case 2 -> new Expr.False(0);
                case 3 -> new Expr.Number(0, r.nextBoolean() ? r.nextInt(1000) : Math.abs(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)));
                case 4 -> {
                    byte[] b = new byte[r.nextInt(6)];
                    r.nextBytes(b);
                    yield new Expr.Str(0, b);
                }
                case 5, 6 -> new Expr.NameRef(0, name());
                default -> new Expr.Vararg(0);
            };
        }
    }
}
