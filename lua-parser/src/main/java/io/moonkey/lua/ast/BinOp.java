package io.moonkey.lua.ast;

/**
 * Binary operators with Lua 5.1's priorities (manual §2.5.6): each has a left and a right
 * priority, as PUC's parser does, so that {@code ..} and {@code ^} are right associative.
 */
public enum BinOp {
    OR("or", 1, 1),
    AND("and", 2, 2),
    LT("<", 3, 3), GT(">", 3, 3), LE("<=", 3, 3), GE(">=", 3, 3), NE("~=", 3, 3), EQ("==", 3, 3),
    CONCAT("..", 5, 4),
    ADD("+", 6, 6), SUB("-", 6, 6),
    MUL("*", 7, 7), DIV("/", 7, 7), MOD("%", 7, 7),
    POW("^", 10, 9);

    /** Priority of unary operators: binds tighter than everything but {@code ^}. */
    public static final int UNARY_PRIORITY = 8;

    public final String symbol;
    public final int left;
    public final int right;

    BinOp(String symbol, int left, int right) {
        this.symbol = symbol;
        this.left = left;
        this.right = right;
    }

    /** Whether the operator is arithmetic (the operands are coerced to numbers). */
    public boolean isArithmetic() {
        return this == ADD || this == SUB || this == MUL || this == DIV || this == MOD || this == POW;
    }

    /** Whether the operator compares its operands and yields a boolean. */
    public boolean isComparison() {
        return ordinal() >= LT.ordinal() && ordinal() <= EQ.ordinal();
    }
}
