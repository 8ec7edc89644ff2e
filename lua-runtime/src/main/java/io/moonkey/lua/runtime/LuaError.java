package io.moonkey.lua.runtime;

/**
 * A Lua error carrying any Lua value (manual §2.7). Thrown without a Java stack trace: scripts
 * raise and catch errors at will and the trace would cost more than the throw. Positions are
 * added when the error is raised, from the Lua frames on the stack ({@link CallStack}).
 */
public final class LuaError extends RuntimeException {
    private final Object value;
    /** Lua traceback captured at the raise point when the embedder asked for one, else null. */
    private String luaTraceback;
    /** Whether an xpcall message handler already ran at the raise point, and its result. */
    private boolean handled;
    private Object handledValue;

    public LuaError(Object value) {
        this(CallContext.current(), value);
    }

    /** Raised by Lua code running on {@code cx} (the running context, null outside Lua): no thread-local lookup. */
    public LuaError(CallContext cx, Object value) {
        super(null, null, false, false);
        this.value = value;
        if (cx != null) {
            atRaisePoint(cx);
        }
    }

    /**
     * What PUC does in {@code luaG_errormsg} before unwinding: run the active xpcall handler with
     * the stack still intact; or, when nothing will catch the error and the host asked for it,
     * record a traceback.
     */
    private void atRaisePoint(CallContext cx) {
        Object h = cx.errorHandler;
        if (h != null) {
            cx.errorHandler = null;
            try {
                handledValue = Calls.call1(cx, h, value);
            } catch (LuaError | StackOverflowError e) {
                handledValue = LuaString.latin1("error in error handling");
            } finally {
                cx.errorHandler = h;
            }
            handled = true;
        } else if (cx.protectedDepth == 0 && cx.state.captureTracebacks) {
            luaTraceback = CallStack.traceback(null, 0);
        }
    }

    /** Whether the xpcall handler ran at the raise point; then {@link #handledValue()} is its result. */
    public boolean isHandled() {
        return handled;
    }

    public Object handledValue() {
        return handledValue;
    }

    public Object value() {
        return value;
    }

    /** Where the error was raised ({@code chunk:line: }), when the raiser recorded it; else null. */
    private String raisedAt;

    /**
     * Records the raising position, for embedders that report it apart from the message
     * (Valkey's script error replies name the raising line even for {@code error(msg, 0)}).
     */
    public LuaError raisedAt(String where) {
        this.raisedAt = where;
        return this;
    }

    public String raisedAt() {
        return raisedAt;
    }

    /** A runtime error raised by the VM: prefixed by the position when a Lua function is running. */
    public static LuaError runtime(String message) {
        return new LuaError(LuaString.latin1(CallStack.where(0) + message));
    }

    /** An error that already has its final message. */
    public static LuaError plain(String message) {
        return new LuaError(LuaString.latin1(message));
    }

    public String luaTraceback() {
        return luaTraceback;
    }

    public void setLuaTraceback(String t) {
        this.luaTraceback = t;
    }

    @Override
    public String getMessage() {
        if (value instanceof LuaString || value instanceof Double) {
            return Conversions.toStringValue(value).toString();
        }
        if (value == null) {
            return "nil";
        }
        return "(error object is a " + Types.typeName(value) + " value)";
    }
}
