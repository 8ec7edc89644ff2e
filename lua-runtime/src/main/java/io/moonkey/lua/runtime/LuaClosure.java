package io.moonkey.lua.runtime;

/**
 * A function compiled from Lua source. Generated subclasses hold the upvalues as fields and the
 * body in one method named {@value #BODY_METHOD}; its frames are what error positions,
 * {@code error(msg, level)} and tracebacks count as Lua levels.
 */
public abstract class LuaClosure extends LuaFunction {
    public static final String BODY_METHOD = "body";
    /** Static fields of a generated class: bytecode offsets of operations and their operand names. */
    public static final String SITE_OFFSETS_FIELD = "lua$siteBci";
    public static final String SITE_NAMES_FIELD = "lua$siteName";
    /**
     * Prefix of the operand names of a tail-call site ({@code return f(args)}): a frame stopped
     * there while the Lua function it called runs is what Lua 5.1 calls a lost level, reported
     * as "(tail call)" with no position (the manual's {@code lua_getstack}, §3.8).
     */
    public static final String TAIL_SITE = "\u0001";
    /** Static field: "function <chunk:line>" description, for tracebacks. */
    public static final String DESCRIPTION_FIELD = "lua$description";

    /** What a segment of a split function returns when it did not execute a return. */
    public static final Object CONTINUE = new Object();

    /**
     * The value that stands for this closure in Lua: itself, or the interpreted closure this
     * compiled one was promoted from and runs for (design §1.13). Self tail calls and
     * {@code getfenv}/{@code setfenv} levels compare and record this, not {@code this}.
     */
    public LuaClosure identity = this;

    protected LuaClosure(LuaTable env) {
        this.env = env;
    }

    /**
     * A new closure of the same compiled function with {@code env} and {@code upvalues} (values,
     * or cells for the upvalues that are reassigned, in the function's upvalue order): how each
     * new closure of a function the interpreter tier already compiled moves to the compiled code
     * without reflection (design §1.13). Generated classes implement it.
     */
    public LuaClosure instantiate(LuaTable env, Object[] upvalues) {
        throw new UnsupportedOperationException("not a compiled function");
    }
}
