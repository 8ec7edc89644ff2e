package io.moonkey.lua.interpreter;

/**
 * An expression of the interpreted tree. {@link #eval} returns the (first) value; calls also
 * leave their result count and further results in the context ({@code nret}/{@code ret}), as
 * compiled calls do (design §1.4).
 */
abstract class ExprNode {
    abstract Object eval(Frame f);
}
