package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;

/**
 * {@code pcall} and {@code xpcall} (manual §5.1): a plain try/catch, free when nothing is thrown.
 * The catch restores the context's depth counters (compiled epilogues are skipped by a throw).
 * {@link io.moonkey.lua.runtime.ScriptInterrupted} is never caught.
 */
final class ProtectedCall {
    private static final Object[] TRUE_PREFIX = {Boolean.TRUE};
    private static final LuaString STACK_OVERFLOW = LuaString.latin1("stack overflow");

    private ProtectedCall() {}

    static Object failure(CallContext cx, Throwable t, int depth, int cdepth) {
        cx.depth = depth;
        cx.cdepth = cdepth;
        cx.resetTailCalls();
        return cx.return2(Boolean.FALSE, errorValue(t));
    }

    static Object errorValue(Throwable t) {
        if (t instanceof LuaError e) {
            return e.value();
        }
        if (t instanceof StackOverflowError) {
            return STACK_OVERFLOW;
        }
        return LuaString.latin1("internal error: " + t);
    }

    static boolean catchable(Throwable t) {
        return t instanceof LuaError || t instanceof StackOverflowError
                || (t instanceof RuntimeException && !(t instanceof io.moonkey.lua.runtime.ScriptInterrupted));
    }

    static final class PCall extends Builtin {
        PCall() {
            super("pcall");
        }

        @Override
        public Object call(CallContext cx, Object f) {
            int depth = cx.depth;
            int cdepth = cx.cdepth;
            Object handler = cx.errorHandler;
            cx.errorHandler = null; // lua_pcall with no message handler
            cx.protectedDepth++;
            try {
                cx.cdepth++;
                Object r = Calls.asFunction(cx, f).call(cx);
                cx.cdepth--;
                return cx.returnPrefixed(TRUE_PREFIX, r);
            } catch (LuaError | StackOverflowError e) {
                return failure(cx, e, depth, cdepth);
            } finally {
                cx.errorHandler = handler;
                cx.protectedDepth--;
            }
        }

        @Override
        public Object call(CallContext cx, Object f, Object a) {
            int depth = cx.depth;
            int cdepth = cx.cdepth;
            Object handler = cx.errorHandler;
            cx.errorHandler = null; // lua_pcall with no message handler
            cx.protectedDepth++;
            try {
                cx.cdepth++;
                Object r = Calls.asFunction(cx, f).call(cx, a);
                cx.cdepth--;
                return cx.returnPrefixed(TRUE_PREFIX, r);
            } catch (LuaError | StackOverflowError e) {
                return failure(cx, e, depth, cdepth);
            } finally {
                cx.errorHandler = handler;
                cx.protectedDepth--;
            }
        }

        @Override
        public Object call(CallContext cx, Object f, Object a, Object b) {
            int depth = cx.depth;
            int cdepth = cx.cdepth;
            Object handler = cx.errorHandler;
            cx.errorHandler = null; // lua_pcall with no message handler
            cx.protectedDepth++;
            try {
                cx.cdepth++;
                Object r = Calls.asFunction(cx, f).call(cx, a, b);
                cx.cdepth--;
                return cx.returnPrefixed(TRUE_PREFIX, r);
            } catch (LuaError | StackOverflowError e) {
                return failure(cx, e, depth, cdepth);
            } finally {
                cx.errorHandler = handler;
                cx.protectedDepth--;
            }
        }

        @Override
        public Object invoke(CallContext cx, Object[] args) {
            if (args.length == 0) {
                throw Args.argError(1, "pcall", "value expected");
            }
            int depth = cx.depth;
            int cdepth = cx.cdepth;
            Object handler = cx.errorHandler;
            cx.errorHandler = null;
            cx.protectedDepth++;
            try {
                Object[] rest = new Object[args.length - 1];
                System.arraycopy(args, 1, rest, 0, rest.length);
                cx.cdepth++;
                Object r = Calls.asFunction(cx, args[0]).invoke(cx, rest);
                cx.cdepth--;
                return cx.returnPrefixed(TRUE_PREFIX, r);
            } catch (LuaError | StackOverflowError e) {
                return failure(cx, e, depth, cdepth);
            } finally {
                cx.errorHandler = handler;
                cx.protectedDepth--;
            }
        }
    }

    static final class XPCall extends Builtin {
        XPCall() {
            super("xpcall");
        }

        @Override
        public Object invoke(CallContext cx, Object[] args) {
            Args.checkAny(args, 1, "xpcall");
            Object handler = args[1];
            int depth = cx.depth;
            int cdepth = cx.cdepth;
            Object outer = cx.errorHandler;
            cx.errorHandler = handler; // runs where the error is raised (LuaError's constructor)
            cx.protectedDepth++;
            try {
                cx.cdepth++;
                Object r = Calls.asFunction(cx, Args.arg(args, 0)).call(cx);
                cx.cdepth--;
                return cx.returnPrefixed(TRUE_PREFIX, r);
            } catch (LuaError | StackOverflowError e) {
                cx.depth = depth;
                cx.cdepth = cdepth;
                cx.resetTailCalls();
                cx.errorHandler = null;
                Object h;
                if (e instanceof LuaError le && le.isHandled()) {
                    h = le.handledValue();
                } else {
                    h = Calls.call1(cx, handler, errorValue(e));
                }
                return cx.return2(Boolean.FALSE, h);
            } finally {
                cx.errorHandler = outer;
                cx.protectedDepth--;
            }
        }
    }
}
