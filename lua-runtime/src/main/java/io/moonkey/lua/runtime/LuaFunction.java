package io.moonkey.lua.runtime;

/**
 * A callable Lua value (Lua 5.1 manual §2.2). Calls go through fixed-arity entry points for up
 * to three arguments and an array form beyond; missing arguments are nil, surplus ones are
 * dropped. The JVM return value is the first result (nil when there is none); every call also
 * stores the result count in {@link CallContext#nret} and, when there are two or more results,
 * all of them in {@link CallContext#ret} (design §1.4: no allocation per call).
 *
 * <p>Argument arrays passed to {@link #invoke} are read-only for the callee.
 */
public abstract class LuaFunction {
    public static final Object[] NO_ARGS = new Object[0];

    /** The function environment (manual §2.9, {@code getfenv}/{@code setfenv}). */
    public LuaTable env;

    /** {@code setfenv}: overridden where another object shares the environment (a promoted closure). */
    public void setEnv(LuaTable env) {
        this.env = env;
    }

    public Object call(CallContext cx) {
        return invoke(cx, NO_ARGS);
    }

    public Object call(CallContext cx, Object a) {
        return invoke(cx, new Object[] {a});
    }

    public Object call(CallContext cx, Object a, Object b) {
        return invoke(cx, new Object[] {a, b});
    }

    public Object call(CallContext cx, Object a, Object b, Object c) {
        return invoke(cx, new Object[] {a, b, c});
    }

    public abstract Object invoke(CallContext cx, Object[] args);

    /** A name for messages ("function: builtin" in tracebacks, "bad argument ... to 'name'"). */
    public String name() {
        return "?";
    }

    @Override
    public String toString() {
        return "function: 0x" + String.format("%08x", System.identityHashCode(this));
    }
}
