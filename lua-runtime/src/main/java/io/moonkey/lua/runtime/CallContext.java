package io.moonkey.lua.runtime;

import java.util.Arrays;

/**
 * The per-coroutine execution context, passed as the first argument of every call (design
 * §1.4): result registers for multiple results, the call-depth counters that replace
 * {@code StackOverflowError} with Lua's "stack overflow", and the link to the global state.
 */
public final class CallContext {
    /** LUAI_MAXCALLS: nested Lua calls before "stack overflow". */
    public static final int MAX_LUA_DEPTH = 20000;
    /** LUAI_MAXCCALLS: nested Java re-entries (pcall, metamethods, sort, gsub) before "C stack overflow". */
    public static final int MAX_C_DEPTH = 200;

    /**
     * The context running Lua on this thread, for the slow paths that have none at hand (raising
     * an error runs the active xpcall handler there, design §1.9). Set by {@link LuaState#call};
     * a coroutine switch only sets its state's running context (no thread-local write per
     * switch); never read on a fast path.
     */
    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    public static CallContext current() {
        CallContext entered = CURRENT.get();
        return entered == null ? null : entered.state.running;
    }

    /** Makes {@code cx} current; returns the previous one to restore. */
    public static CallContext enterThread(CallContext cx) {
        CallContext old = CURRENT.get();
        CURRENT.set(cx);
        return old;
    }

    public static void restoreThread(CallContext old) {
        CURRENT.set(old);
    }

    /** The message handler of the innermost active xpcall (cleared inside pcall), or null. */
    public Object errorHandler;
    /** Active pcall/xpcall/resume boundaries: 0 means an error will reach the host. */
    public int protectedDepth;

    public final LuaState state;
    /** The coroutine this context runs, null for the main one. */
    public final Coroutine coroutine;

    /** Number of results of the last call. */
    public int nret;
    /** All results of the last call when {@link #nret} ≥ 2 (index 0 = first result). */
    public Object[] ret = new Object[8];

    public int depth;
    public int cdepth;
    /**
     * The compiled function that last called {@code getfenv}/{@code setfenv} by name: their
     * level 1. Stored by the compiler just before such calls; JVM frames do not expose it.
     */
    public LuaClosure fenvCaller;
    /** The innermost frame of the interpreter running on this context, or null (design §1.13). */
    public InterpretedFrame interpreted;
    /** The context that resumed this coroutine's context while it runs (stack walks continue there). */
    public CallContext resumer;
    /**
     * "chunk:line: " of the call site about to call a function named {@code error} or
     * {@code assert}, with the depth at that moment: lets those builtins position level-1
     * messages without walking the JVM stack. Stale (ignored) once a Lua function was entered.
     */
    public String siteWhere;
    public int siteWhereDepth = -1;

    /** The caller's position recorded by the compiler, consumed; null when unknown. */
    public String takeSiteWhere() {
        String w = siteWhere;
        siteWhere = null;
        return w != null && siteWhereDepth == depth ? w : null;
    }

    /** A pattern matcher the string library may reuse (taken while in use, so nesting is safe). */
    public Object spareMatcher;

    public CallContext(LuaState state, Coroutine coroutine) {
        this.state = state;
        this.coroutine = coroutine;
    }

    // ------------------------------------------------------------------ function entry

    /** Called on entry of every compiled function; the compiled epilogue decrements. */
    public void enter() {
        if (++depth > MAX_LUA_DEPTH) {
            depth -= 1000; // room for the error handler, as PUC's EXTRA_STACK
            throw LuaError.runtime("stack overflow");
        }
        if (state.interruptRequested) {
            state.onInterrupt();
        }
    }

    /** Loop back-edge poll for interruption. */
    public void poll() {
        if (state.interruptRequested) {
            state.onInterrupt();
        }
    }

    /** Entry of a Java builtin that calls back into Lua. */
    public void enterC() {
        if (++cdepth >= MAX_C_DEPTH) {
            cdepth -= 20;
            throw LuaError.runtime(cdepth > MAX_C_DEPTH ? "error in error handling" : "C stack overflow");
        }
    }

    public void leaveC() {
        cdepth--;
    }

    // ------------------------------------------------------------------ returning results

    public Object return0() {
        nret = 0;
        return null;
    }

    public Object return1(Object a) {
        nret = 1;
        return a;
    }

    public Object return2(Object a, Object b) {
        Object[] r = ret;
        r[0] = a;
        r[1] = b;
        nret = 2;
        return a;
    }

    public Object return3(Object a, Object b, Object c) {
        Object[] r = ret;
        r[0] = a;
        r[1] = b;
        r[2] = c;
        nret = 3;
        return a;
    }

    /** Returns all of {@code values} (not kept: copied into the registers). */
    public Object returnArray(Object[] values) {
        int n = values.length;
        if (n <= 1) {
            nret = n;
            return n == 0 ? null : values[0];
        }
        if (ret.length < n) {
            ret = new Object[Math.max(n, ret.length * 2)];
        }
        System.arraycopy(values, 0, ret, 0, n);
        nret = n;
        return values[0];
    }

    /**
     * Returns {@code prefix} followed by the results of the call that just returned
     * {@code first}: {@code return a, b, f()}.
     */
    public Object returnPrefixed(Object[] prefix, Object first) {
        int k = prefix.length;
        int n = nret;
        int total = k + n;
        if (ret.length < total) {
            ret = Arrays.copyOf(ret, Math.max(total, ret.length * 2));
        }
        if (n >= 2) {
            System.arraycopy(ret, 0, ret, k, n);
        } else if (n == 1) {
            ret[k] = first;
        }
        System.arraycopy(prefix, 0, ret, 0, k);
        nret = total;
        return total == 0 ? null : ret[0];
    }

    // ------------------------------------------------------------------ compiled-function epilogues
    // Each also undoes enter()'s depth increment (errors skip it; pcall restores the depth).

    public Object leave0() {
        depth--;
        nret = 0;
        return null;
    }

    public Object leave1(Object a) {
        depth--;
        nret = 1;
        return a;
    }

    public Object leave2(Object a, Object b) {
        depth--;
        return return2(a, b);
    }

    public Object leave3(Object a, Object b, Object c) {
        depth--;
        return return3(a, b, c);
    }

    public Object leaveArray(Object[] values) {
        depth--;
        return returnArray(values);
    }

    public Object leavePrefixed(Object[] prefix, Object first) {
        depth--;
        return returnPrefixed(prefix, first);
    }

    /** {@code return f(...)}: the callee already stored the results. */
    public Object leaveCall(Object first) {
        depth--;
        return first;
    }

    /** Returns {@code prefix} followed by {@code values}, written straight into the registers. */
    public Object returnPrefixed(Object[] prefix, Object[] values) {
        int k = prefix.length;
        int total = k + values.length;
        if (ret.length < total) {
            ret = new Object[Math.max(total, ret.length * 2)];
        }
        System.arraycopy(prefix, 0, ret, 0, k);
        System.arraycopy(values, 0, ret, k, values.length);
        nret = total;
        return total == 0 ? null : ret[0];
    }

    // ------------------------------------------------------------------ reading results

    /** Result {@code i} (≥ 1) of the last call, nil if it returned fewer. */
    public Object result(int i) {
        return i < nret ? ret[i] : null;
    }

    /** Every result of the call that just returned {@code first}, as a new exact array. */
    public Object[] results(Object first) {
        int n = nret;
        if (n == 0) {
            return LuaFunction.NO_ARGS;
        }
        if (n == 1) {
            return new Object[] {first};
        }
        return Arrays.copyOf(ret, n);
    }

    /** {@code prefix} followed by every result of the call that just returned {@code first}. */
    public Object[] resultsPrefixed(Object[] prefix, Object first) {
        int n = nret;
        int k = prefix.length;
        Object[] out = Arrays.copyOf(prefix, k + n);
        if (n == 1) {
            out[k] = first;
        } else if (n >= 2) {
            System.arraycopy(ret, 0, out, k, n);
        }
        return out;
    }

    /** {@code prefix} followed by {@code rest} (varargs expanded as last argument). */
    public static Object[] concatArgs(Object[] prefix, Object[] rest) {
        if (prefix.length == 0) {
            return rest;
        }
        Object[] out = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }
}
