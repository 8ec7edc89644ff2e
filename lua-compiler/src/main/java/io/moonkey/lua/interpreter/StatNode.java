package io.moonkey.lua.interpreter;

/** A statement of the interpreted tree; {@link #exec} says how control leaves it. */
abstract class StatNode {
    /** Control continues with the next statement. */
    static final int NORMAL = 0;
    /** A {@code break}: leaves blocks up to the innermost loop. */
    static final int BREAK = 1;
    /** A {@code return}: the results are in the context, the first in {@link Frame#result}. */
    static final int RETURN = 2;
    /** A self tail call: the parameters are reassigned, the body starts again. */
    static final int TAIL_CALL = 3;

    abstract int exec(Frame f);
}
