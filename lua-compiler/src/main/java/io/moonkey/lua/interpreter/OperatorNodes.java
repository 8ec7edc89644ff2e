package io.moonkey.lua.interpreter;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.runtime.Arith;
import io.moonkey.lua.runtime.Compare;
import io.moonkey.lua.runtime.Concat;
import io.moonkey.lua.runtime.Index;
import io.moonkey.lua.runtime.Types;

/** Operators (Lua 5.1 manual §2.5.1–2.5.5), each through the runtime helper compiled code calls. */
final class OperatorNodes {
    private OperatorNodes() {}

    static final class And extends ExprNode {
        private final ExprNode left;
        private final ExprNode right;

        And(ExprNode left, ExprNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.eval(f);
            return Types.isTrue(l) ? right.eval(f) : l;
        }
    }

    static final class Or extends ExprNode {
        private final ExprNode left;
        private final ExprNode right;

        Or(ExprNode left, ExprNode right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object l = left.eval(f);
            return Types.isTrue(l) ? l : right.eval(f);
        }
    }

    static final class Not extends ExprNode {
        private final ExprNode operand;

        Not(ExprNode operand) {
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return Types.isTrue(operand.eval(f)) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    static final class Arithmetic extends ExprNode {
        private final BinOp op;
        private final ExprNode left;
        private final ExprNode right;
        private final Site site;

        Arithmetic(BinOp op, ExprNode left, ExprNode right, Site site) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            f.site = site;
            return switch (op) {
                case ADD -> Arith.add(f.cx, a, b);
                case SUB -> Arith.sub(f.cx, a, b);
                case MUL -> Arith.mul(f.cx, a, b);
                case DIV -> Arith.div(f.cx, a, b);
                case MOD -> Arith.mod(f.cx, a, b);
                case POW -> Arith.pow(f.cx, a, b);
                default -> throw new IllegalStateException(op.toString());
            };
        }
    }

    static final class Negate extends ExprNode {
        private final ExprNode operand;
        private final Site site;

        Negate(ExprNode operand, Site site) {
            this.operand = operand;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = operand.eval(f);
            f.site = site;
            return Arith.unm(f.cx, a);
        }
    }

    static final class Length extends ExprNode {
        private final ExprNode operand;
        private final Site site;

        Length(ExprNode operand, Site site) {
            this.operand = operand;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = operand.eval(f);
            f.site = site;
            return Index.length(f.cx, a);
        }
    }

    static final class Concat2 extends ExprNode {
        private final ExprNode left;
        private final ExprNode right;
        private final Site site;

        Concat2(ExprNode left, ExprNode right, Site site) {
            this.left = left;
            this.right = right;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            f.site = site;
            return Concat.concat(f.cx, a, b);
        }
    }

    /** {@code a .. b .. c ...}: one concatenation of all parts, as PUC's OP_CONCAT. */
    static final class ConcatAll extends ExprNode {
        private final ExprNode[] parts;
        private final Site site;

        ConcatAll(ExprNode[] parts, Site site) {
            this.parts = parts;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object[] v = new Object[parts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = parts[i].eval(f);
            }
            f.site = site;
            return Concat.concatAll(f.cx, v);
        }
    }

    /** {@code ==} or {@code ~=}. */
    static final class Equal extends ExprNode {
        private final ExprNode left;
        private final ExprNode right;
        private final boolean negated;
        private final Site site;

        Equal(ExprNode left, ExprNode right, boolean negated, Site site) {
            this.left = left;
            this.right = right;
            this.negated = negated;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            f.site = site;
            return Compare.eq(f.cx, a, b) != negated ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    /** {@code x == nil} or {@code x ~= nil}: no metamethod can apply. */
    static final class NilTest extends ExprNode {
        private final ExprNode operand;
        private final boolean negated;

        NilTest(ExprNode operand, boolean negated) {
            this.operand = operand;
            this.negated = negated;
        }

        @Override
        Object eval(Frame f) {
            return (operand.eval(f) == null) != negated ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=}. */
    static final class Order extends ExprNode {
        private final BinOp op;
        private final ExprNode left;
        private final ExprNode right;
        private final Site site;

        Order(BinOp op, ExprNode left, ExprNode right, Site site) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            f.site = site;
            boolean r = switch (op) {
                case LT -> Compare.lt(f.cx, a, b);
                case LE -> Compare.le(f.cx, a, b);
                case GT -> Compare.gt(f.cx, a, b);
                case GE -> Compare.ge(f.cx, a, b);
                default -> throw new IllegalStateException(op.toString());
            };
            return r ? Boolean.TRUE : Boolean.FALSE;
        }
    }
}
