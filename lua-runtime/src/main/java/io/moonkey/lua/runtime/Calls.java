package io.moonkey.lua.runtime;

/**
 * Calling values that may not be functions (Lua 5.1 manual §2.8 "call"): compiled call sites
 * convert the callee with {@link #asFunction} and then call it through its fixed-arity entry, so
 * that each site keeps its own type profile; Java code uses the {@code call*} helpers.
 */
public final class Calls {
    private Calls() {}

    /**
     * The function to call for {@code f}: itself, an adapter that calls its {@code __call}
     * handler with {@code f} first, or one that raises "attempt to call" once the arguments have
     * been evaluated (as PUC raises it at the call instruction).
     */
    public static LuaFunction asFunction(CallContext cx, Object f) {
        if (f instanceof LuaFunction fn) {
            return fn;
        }
        return slowFunction(cx, f);
    }

    private static LuaFunction slowFunction(CallContext cx, Object f) {
        Object h = Metatables.event(cx, f, Metatables.CALL);
        if (h instanceof LuaFunction handler) {
            return new CallHandler(handler, f);
        }
        return new NotCallable(f);
    }

    /** Calls a metamethod or callback from Java code, counting a C level (PUC's luaD_call). */
    public static Object call2(CallContext cx, Object f, Object a, Object b) {
        LuaFunction fn = asFunction(cx, f);
        cx.enterC();
        Object r = fn.call(cx, a, b);
        cx.leaveC();
        return r;
    }

    public static Object call3(CallContext cx, Object f, Object a, Object b, Object c) {
        LuaFunction fn = asFunction(cx, f);
        cx.enterC();
        Object r = fn.call(cx, a, b, c);
        cx.leaveC();
        return r;
    }

    public static Object call1(CallContext cx, Object f, Object a) {
        LuaFunction fn = asFunction(cx, f);
        cx.enterC();
        Object r = fn.call(cx, a);
        cx.leaveC();
        return r;
    }

    public static Object invoke(CallContext cx, Object f, Object[] args) {
        LuaFunction fn = asFunction(cx, f);
        cx.enterC();
        Object r = fn.invoke(cx, args);
        cx.leaveC();
        return r;
    }

    /** Calls {@code handler(self, ...)} in place of a non-function with {@code __call}. */
    private static final class CallHandler extends LuaFunction {
        private final LuaFunction handler;
        private final Object self;

        CallHandler(LuaFunction handler, Object self) {
            this.handler = handler;
            this.self = self;
        }

        @Override
        public Object call(CallContext cx) {
            return handler.call(cx, self);
        }

        @Override
        public Object call(CallContext cx, Object a) {
            return handler.call(cx, self, a);
        }

        @Override
        public Object call(CallContext cx, Object a, Object b) {
            return handler.call(cx, self, a, b);
        }

        @Override
        public Object invoke(CallContext cx, Object[] args) {
            Object[] all = new Object[args.length + 1];
            all[0] = self;
            System.arraycopy(args, 0, all, 1, args.length);
            return handler.invoke(cx, all);
        }
    }

    /** Raises "attempt to call ..." when called, naming the operand the compiler recorded. */
    private static final class NotCallable extends LuaFunction {
        private final Object value;

        NotCallable(Object value) {
            this.value = value;
        }

        private LuaError fail() {
            return TypeErrors.typeError(value, "call", 0);
        }

        @Override
        public Object call(CallContext cx) {
            throw fail();
        }

        @Override
        public Object call(CallContext cx, Object a) {
            throw fail();
        }

        @Override
        public Object call(CallContext cx, Object a, Object b) {
            throw fail();
        }

        @Override
        public Object call(CallContext cx, Object a, Object b, Object c) {
            throw fail();
        }

        @Override
        public Object invoke(CallContext cx, Object[] args) {
            throw fail();
        }
    }
}
