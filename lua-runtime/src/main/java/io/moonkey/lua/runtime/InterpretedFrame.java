package io.moonkey.lua.runtime;

/**
 * The activation of a function run by the tree-walking interpreter (design §1.13). Its JVM
 * frame (the {@value #EXECUTE_METHOD} method of a subclass) counts as one Lua level on the stack;
 * since a stack walk cannot read that frame's locals, each context keeps its interpreted frames
 * in a chain ({@link CallContext#interpreted}) that {@link CallStack} pairs with those JVM
 * frames in order, to read the line and operand names of the operation in progress.
 */
public abstract class InterpretedFrame {
    /** The method whose JVM frames are interpreted Lua levels. */
    public static final String EXECUTE_METHOD = "execute";

    /** The next older interpreted frame of the same context, or null. */
    public InterpretedFrame caller;

    /** The chunk name as error messages print it ({@code user_script}, {@code stdin}). */
    public abstract String source();

    /** The line of the operation in progress (0 when unknown). */
    public abstract int line();

    /** Operand names of the operation in progress, as the compiler records them for a site, or null. */
    public abstract String operandNames();

    /** Whether the operation in progress is a call in tail position ({@link LuaClosure#TAIL_SITE}). */
    public abstract boolean atTailCall();

    /** "main chunk" or "function &lt;chunk:line&gt;" for tracebacks. */
    public abstract String description();
}
