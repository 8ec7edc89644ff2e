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

    // ------------------------------------------------------------------ proper tail calls
    // Lua 5.1 manual §2.5.8: "return f(args)" reuses the caller's stack level, so unbounded
    // tail recursion (mutual too) runs in constant space. JVM frames cannot be replaced, so a
    // Lua function called in tail position is called directly while its chain of tail calls is
    // short (the JIT inlines as usual), and past TAIL_DIRECT nested ones the call is handed down
    // to the first frame of the chain, which returns TAIL to that trampoline. A chain's frames
    // all sit at one depth (each tail call leaves before it calls), so (cdepth, depth) after the
    // leave identifies the chain; a Lua function called any other way enters one level deeper
    // and can never match a live chain (design §1.4).

    /** Returned up a chain of tail calls to its trampoline; never seen by other callers. */
    public static final Object TAIL = new Object();
    /** Nested direct tail calls before the trampoline takes over. */
    private static final int TAIL_DIRECT = 8;
    /** Modes {@link #tailMode} returns; a mode ≥ 0 starts a chain and is the state to restore. */
    public static final int TAIL_BUILTIN = -1;
    public static final int TAIL_IN_CHAIN = -2;
    public static final int TAIL_DEFER = -3;
    /** No chain: a depth no call reaches. */
    private static final int NO_CHAIN = 0xFFFF;

    /**
     * The innermost live chain: {@code run << 24 | cdepth << 16 | depth}, where depth is the
     * chain's level after the leave and run counts its direct nested calls.
     */
    private int tailState = NO_CHAIN;
    private LuaFunction pendingFn;
    private int pendingCount;
    private Object pendingA;
    private Object pendingB;
    private Object pendingC;
    private Object[] pendingArgs;

    /**
     * First step of {@code return fn(...)} once {@code fn} and the arguments are evaluated: a
     * builtin is called as usual (PUC too calls a C function in tail position from the Lua
     * frame, so error levels see it); a Lua function leaves this level first, then is called
     * directly ({@link #TAIL_IN_CHAIN}, or a mode ≥ 0 when this call starts a chain) or
     * deferred ({@link #TAIL_DEFER}: return {@code defer(...)} instead of calling).
     */
    public int tailMode(LuaFunction fn) {
        if (!(fn instanceof LuaClosure)) {
            return TAIL_BUILTIN;
        }
        int key = cdepth << 16 | --depth;
        int s = tailState;
        if ((s & 0xFFFFFF) != key) {
            tailState = key;
            return s;
        }
        if (s >>> 24 < TAIL_DIRECT) {
            tailState = s + (1 << 24);
            return TAIL_IN_CHAIN;
        }
        return TAIL_DEFER;
    }

    /** Last step of a tail call made in {@code mode}: the starter of a chain runs the handed-down calls. */
    public Object tailReturn(Object first, int mode) {
        if (mode < 0) {
            if (mode == TAIL_BUILTIN) {
                depth--;
            }
            return first;
        }
        Object r = first;
        while (r == TAIL) {
            r = runPending();
        }
        tailState = mode;
        return r;
    }

    /** Forgets every chain: an error unwound past their trampolines (pcall and the host call this). */
    public void resetTailCalls() {
        tailState = NO_CHAIN;
        pendingFn = null;
        pendingArgs = null;
        pendingA = pendingB = pendingC = null;
    }

    public Object defer(LuaFunction fn) {
        pendingFn = fn;
        pendingCount = 0;
        return TAIL;
    }

    public Object defer(LuaFunction fn, Object a) {
        pendingFn = fn;
        pendingCount = 1;
        pendingA = a;
        return TAIL;
    }

    public Object defer(LuaFunction fn, Object a, Object b) {
        pendingFn = fn;
        pendingCount = 2;
        pendingA = a;
        pendingB = b;
        return TAIL;
    }

    public Object defer(LuaFunction fn, Object a, Object b, Object c) {
        pendingFn = fn;
        pendingCount = 3;
        pendingA = a;
        pendingB = b;
        pendingC = c;
        return TAIL;
    }

    public Object defer(LuaFunction fn, Object[] args) {
        pendingFn = fn;
        pendingCount = -1;
        pendingArgs = args;
        return TAIL;
    }

    /** The trampoline's step: the chain is empty again, so its count of direct calls restarts. */
    private Object runPending() {
        tailState &= 0xFFFFFF;
        LuaFunction fn = pendingFn;
        Object a = pendingA;
        Object b = pendingB;
        Object c = pendingC;
        Object[] args = pendingArgs;
        pendingFn = null;
        pendingA = pendingB = pendingC = null;
        pendingArgs = null;
        return switch (pendingCount) {
            case 0 -> fn.call(this);
            case 1 -> fn.call(this, a);
            case 2 -> fn.call(this, a, b);
            case 3 -> fn.call(this, a, b, c);
            default -> fn.invoke(this, args);
        };
    }

    /** The whole protocol in one call, for the interpreter: {@code return fn(args)}. */
    public Object tailCall(LuaFunction fn, Object[] args) {
        int mode = tailMode(fn);
        if (mode == TAIL_DEFER) {
            return defer(fn, args);
        }
        Object r = switch (args.length) {
            case 0 -> fn.call(this);
            case 1 -> fn.call(this, args[0]);
            case 2 -> fn.call(this, args[0], args[1]);
            case 3 -> fn.call(this, args[0], args[1], args[2]);
            default -> fn.invoke(this, args);
        };
        return tailReturn(r, mode);
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
