package io.moonkey.lua.interpreter;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.runtime.Arith;

/**
 * PUC's compile-time folding ({@code constfolding} in lcode.c), as the compiler applies it:
 * arithmetic on numerals is computed in advance unless it divides by zero or yields NaN. It
 * matters because folded results go through the function's constant table (see
 * {@link FunctionBuilder}), where 0 and -0 share one entry.
 */
final class ConstantFolding {
    private ConstantFolding() {}

    /** The folded value of {@code e}, or null when PUC would not fold it. */
    static Double fold(Expr e) {
        switch (e) {
            case Expr.Number n -> {
                return n.value();
            }
            case Expr.Paren p -> {
                return fold(p.inner());
            }
            case Expr.Unary u when u.op() == UnOp.NEG -> {
                Double v = fold(u.operand());
                return v == null ? null : -v;
            }
            case Expr.Binary b when b.op().isArithmetic() -> {
                Double x = fold(b.left());
                Double y = fold(b.right());
                if (x == null || y == null) {
                    return null;
                }
                double r = switch (b.op()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> y == 0 ? Double.NaN : x / y;
                    case MOD -> y == 0 ? Double.NaN : Arith.mod(x, y);
                    default -> Arith.pow(x, y);
                };
                return Double.isNaN(r) ? null : r;
            }
            default -> {
                return null;
            }
        }
    }
}
