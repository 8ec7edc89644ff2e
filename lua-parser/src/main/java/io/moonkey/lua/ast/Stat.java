package io.moonkey.lua.ast;

import java.util.List;

/** Statements (Lua 5.1 manual §2.4). */
public sealed interface Stat extends Node {

    /** {@code local n1, n2 = e1, e2} (values may be empty: all locals start as nil). */
    record Local(int line, List<Name> names, List<Expr> values) implements Stat {
        public Local {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }
    }

    /** {@code local function name body}: the local is in scope inside its own body (§2.5.9). */
    record LocalFunction(int line, Name name, Expr.Function function) implements Stat {}

    /**
     * {@code function a.b.c:m body}. {@code path} has at least one element; {@code method} is
     * null unless the colon form was used, in which case the function's first parameter is the
     * implicit {@code self}.
     */
    record FunctionDecl(int line, List<String> path, String method, Expr.Function function)
            implements Stat {
        public FunctionDecl {
            path = List.copyOf(path);
        }
    }

    /**
     * {@code t1, t2 = e1, e2}. Each target is an {@link Expr.NameRef} or an {@link Expr.Index}.
     * Lua 5.1 evaluates all expressions before assigning (§2.4.3); PUC stores right to left.
     *
     * @param lastLine the line of the statement's last token, where PUC's stores are (0: unknown)
     */
    record Assign(int line, List<Expr> targets, List<Expr> values, int lastLine) implements Stat {
        public Assign {
            targets = List.copyOf(targets);
            values = List.copyOf(values);
        }

        public Assign(int line, List<Expr> targets, List<Expr> values) {
            this(line, targets, values, 0);
        }
    }

    /** A function call used as a statement: all results are discarded. */
    record CallStat(int line, Expr call) implements Stat {}

    /** {@code do block end}. */
    record Do(int line, Block body) implements Stat {}

    /** {@code while cond do block end}. */
    record While(int line, Expr cond, Block body) implements Stat {}

    /** {@code repeat block until cond}: the condition sees the block's locals (§2.4.4). */
    record Repeat(int line, Block body, Expr cond) implements Stat {}

    /**
     * {@code if c1 then b1 elseif c2 then b2 ... else e end}: {@code conds} and {@code blocks}
     * have the same length; {@code orElse} is null without an else part.
     */
    record If(int line, List<Expr> conds, List<Block> blocks, Block orElse) implements Stat {
        public If {
            conds = List.copyOf(conds);
            blocks = List.copyOf(blocks);
        }
    }

    /** {@code for var = start, limit [, step] do block end}; {@code step} is null when omitted. */
    record NumericFor(int line, Name var, Expr start, Expr limit, Expr step, Block body)
            implements Stat {}

    /** {@code for n1, n2 in e1, e2 do block end}. */
    record GenericFor(int line, List<Name> names, List<Expr> exprs, Block body) implements Stat {
        public GenericFor {
            names = List.copyOf(names);
            exprs = List.copyOf(exprs);
        }
    }

    /** {@code return e1, e2}: always the last statement of its block. */
    record Return(int line, List<Expr> values) implements Stat {
        public Return {
            values = List.copyOf(values);
        }
    }

    /** {@code break}: always the last statement of its block, inside a loop. */
    record Break(int line) implements Stat {}
}
