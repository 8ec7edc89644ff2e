package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.Variable;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits expressions over the long locals of an integral loop copy ({@link IntegralRegion}):
 * values for stores into long locals, with the guards that keep them equal to Lua's double
 * results, and comparisons of long locals.
 */
final class IntegralEmitter {
    /** Offsets for the range check: r in [-2^53, 2^53] iff (r + 2^53) <= 2^54 unsigned. */
    private static final long RANGE_OFFSET = (1L << 53) + Long.MIN_VALUE;
    private static final long RANGE_MAX = (1L << 54) + Long.MIN_VALUE;

    private final FunctionCompiler fc;

    IntegralEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    private MethodVisitor mv() {
        return fc.mv;
    }

    private boolean isLong(Variable v) {
        FunctionCompiler.Local l = fc.locals.get(v);
        return l != null && l.storage() == FunctionCompiler.Storage.LONG;
    }

    /**
     * Pushes the long value of an integral expression ({@link IntegralLocals#isIntegral}) for a
     * store into a long local. Every intermediate result is checked to be what Lua's double
     * arithmetic gives: within ±2^53 and not -0 (IntegralFor.multiply and mod check their
     * own); a failing check continues the statement in the double copy.
     */
    void value(Expr e) {
        value(e, 0);
    }

    /** {@code below}: longs of the enclosing expression already on the operand stack. */
    private void value(Expr e, int below) {
        MethodVisitor mv = mv();
        Double folded = ConstantFolding.fold(e);
        if (folded != null) {
            // The constant goes through the function's constant table: a 0 may be PUC's shared -0.
            double c = fc.constantValue(folded);
            if (!IntegralLocals.integralConstant(c)) {
                mv.visitJumpInsn(GOTO, fc.region.guardFailure(below));
            }
            fc.pushLong((long) c);
            return;
        }
        switch (e) {
            case Expr.Paren p -> value(p.inner(), below);
            case Expr.NameRef r -> {
                Binding.Local l = (Binding.Local) fc.resolution.binding(r);
                mv.visitVarInsn(LLOAD, fc.locals.get(l.variable()).slot());
            }
            case Expr.Unary u -> {
                value(u.operand(), below);
                mv.visitInsn(DUP2);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, fc.region.guardFailure(below + 1)); // -(0) is -0
                mv.visitInsn(LNEG);
            }
            case Expr.Binary b when b.op() == BinOp.MUL || b.op() == BinOp.MOD -> {
                value(b.left(), below);
                value(b.right(), below + 1);
                String name = b.op() == BinOp.MUL ? "multiply" : "mod";
                mv.visitMethodInsn(INVOKESTATIC, RT + "IntegralFor", name, "(JJ)J", false);
                mv.visitInsn(DUP2);
                mv.visitLdcInsn(Long.MIN_VALUE); // IntegralFor.INEXACT
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, fc.region.guardFailure(below + 1));
            }
            case Expr.Binary b -> {
                value(b.left(), below);
                value(b.right(), below + 1);
                mv.visitInsn(b.op() == BinOp.ADD ? LADD : LSUB);
                mv.visitInsn(DUP2);
                mv.visitLdcInsn(RANGE_OFFSET);
                mv.visitInsn(LADD);
                mv.visitLdcInsn(RANGE_MAX);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFGT, fc.region.guardFailure(below + 1));
            }
            default -> throw new IllegalStateException("not integral: " + e);
        }
    }

    /**
     * A numeric comparison of a long local with another or with an integral numeral, as longs
     * (exactly as the doubles compare); returns false, emitting nothing, for other operands.
     */
    boolean compare(Expr.Binary b, Label target, boolean jumpIf) {
        if (!isPlainIntegral(b.left()) || !isPlainIntegral(b.right())
                || !(isPlainLong(b.left()) || isPlainLong(b.right()))) {
            return false;
        }
        plain(b.left());
        plain(b.right());
        mv().visitInsn(LCMP);
        int jump = switch (b.op()) {
            case EQ -> jumpIf ? IFEQ : IFNE;
            case NE -> jumpIf ? IFNE : IFEQ;
            case LT -> jumpIf ? IFLT : IFGE;
            case LE -> jumpIf ? IFLE : IFGT;
            case GT -> jumpIf ? IFGT : IFLE;
            case GE -> jumpIf ? IFGE : IFLT;
            default -> throw new IllegalStateException();
        };
        mv().visitJumpInsn(jump, target);
        return true;
    }

    /** A long local or an integral numeral. */
    private boolean isPlainIntegral(Expr e) {
        if (isPlainLong(e)) {
            return true;
        }
        Double c = ConstantFolding.fold(e);
        return c != null && c == Math.rint(c) && Math.abs(c) <= IntegralLocals.EXACT; // -0 compares as 0
    }

    private boolean isPlainLong(Expr e) {
        return e instanceof Expr.Paren p ? isPlainLong(p.inner())
                : e instanceof Expr.NameRef r && fc.resolution.binding(r) instanceof Binding.Local l && isLong(l.variable());
    }

    private void plain(Expr e) {
        if (e instanceof Expr.Paren p) {
            plain(p.inner());
        } else if (e instanceof Expr.NameRef r) {
            Binding.Local l = (Binding.Local) fc.resolution.binding(r);
            mv().visitVarInsn(LLOAD, fc.locals.get(l.variable()).slot());
        } else {
            fc.pushLong(ConstantFolding.fold(e).longValue());
        }
    }
}
