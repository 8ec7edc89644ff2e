package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.runtime.Arith;

/**
 * What PUC's code generator decides from the source alone, shared by the compiler and the
 * interpreter tier so both see the same values: compile-time folding ({@code constfolding} in
 * lcode.c: arithmetic on numerals is computed in advance unless it divides by zero or yields
 * NaN; folded results go through the function's constant table, where 0 and -0 share one
 * entry) and the table sizes a constructor requests.
 */
public final class ConstantFolding {
    private ConstantFolding() {}

    /** The folded value of {@code e}, or null when PUC would not fold it. */
    public static Double fold(Expr e) {
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

    /** {@code luaO_int2fb} then {@code luaO_fb2int}: the size PUC's OP_NEWTABLE really requests. */
    public static int tableSize(int x) {
        int e = 0;
        int v = x;
        while (v >= 16) {
            v = (v + 1) >> 1;
            e++;
        }
        int fb = v < 8 ? v : ((e + 1) << 3) | (v - 8);
        int ex = (fb >> 3) & 31;
        return ex == 0 ? fb : ((fb & 7) + 8) << (ex - 1);
    }
}
