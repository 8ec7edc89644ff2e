package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;

/**
 * Where PUC Lua 5.1's code generator puts a statement's instructions and their lines, which
 * decides its line events (ldb.md §3): the debug mode's {@link LineHookEmitter} follows these
 * rules so that a debugger stops where the reference's does.
 */
final class PucLines {
    private PucLines() {}

    /**
     * The line of a statement's first instruction in PUC's code, where its line event happens
     * (0: none, the statement's parts fire their own). A function statement starts with the
     * closure, which carries the line of its {@code end} (ldb.md §7 note).
     */
    static int firstLine(Stat s) {
        return switch (s) {
            case Stat.Do d -> 0;
            case Stat.While w -> 0;
            case Stat.Repeat r -> 0;
            case Stat.LocalFunction lf -> lf.function().endLine();
            case Stat.FunctionDecl fd -> fd.function().endLine();
            // A value that is a function literal: its closure is the statement's first instruction.
            case Stat.Local l when !l.values().isEmpty() && l.values().get(0) instanceof Expr.Function f -> f.endLine();
            case Stat.Return r when !r.values().isEmpty() && r.values().get(0) instanceof Expr.Function f -> f.endLine();
            case Stat.Assign a when a.targets().get(0) instanceof Expr.NameRef && !a.values().isEmpty()
                    && a.values().get(0) instanceof Expr.Function f -> f.endLine();
            default -> s.line();
        };
    }

    /** PUC emits no test for a constant true condition ({@code while true do}, {@code while 1 do}). */
    static boolean alwaysTrue(Expr e) {
        return e instanceof Expr.True || e instanceof Expr.Number || e instanceof Expr.Str;
    }

    /**
     * {@code local a} or {@code local a = nil}: PUC's LOADNIL is left out at the start of a
     * function and merged into the LOADNIL just before, so such a statement has no line event.
     */
    static boolean nilLocal(Stat s) {
        return s instanceof Stat.Local l && l.values().stream().allMatch(v -> v instanceof Expr.Nil);
    }
}
