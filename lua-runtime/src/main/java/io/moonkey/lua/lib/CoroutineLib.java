package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.Coroutine;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;

/** The coroutine library (Lua 5.1 manual §5.2). */
public final class CoroutineLib {
    private static final Object[] TRUE_PREFIX = {Boolean.TRUE};

    private CoroutineLib() {}

    static Coroutine checkCoroutine(Object[] a, int i, String fname) {
        if (i < a.length && a[i] instanceof Coroutine c) {
            return c;
        }
        throw Args.typeError(a, i, fname, "coroutine");
    }

    static Object[] tail(Object[] a) {
        if (a.length <= 1) {
            return io.moonkey.lua.runtime.LuaFunction.NO_ARGS;
        }
        Object[] r = new Object[a.length - 1];
        System.arraycopy(a, 1, r, 0, r.length);
        return r;
    }

    static void install(LuaState state) {
        LuaTable co = new LuaTable();
        state.globals.put(LuaString.constant("coroutine"), co);
        LuaLib lib = new LuaLib(co);
        lib.add(new Builtin("create") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (!(Args.arg(a, 0) instanceof LuaClosure f)) {
                    throw Args.argError(1, "create", "Lua function expected");
                }
                return cx.return1(new Coroutine(cx.state, f));
            }
        });
        lib.add(new Builtin("resume") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Coroutine c = checkCoroutine(a, 0, "resume");
                return finish(cx, c.resume(cx, tail(a)));
            }

            // resume(co) and resume(co, v), the common shapes: no argument array to copy
            @Override
            public Object call(CallContext cx, Object co) {
                if (!(co instanceof Coroutine c)) {
                    return invoke(cx, new Object[] {co});
                }
                return finish(cx, c.resume(cx, io.moonkey.lua.runtime.LuaFunction.NO_ARGS));
            }

            @Override
            public Object call(CallContext cx, Object co, Object v) {
                if (!(co instanceof Coroutine c)) {
                    return invoke(cx, new Object[] {co, v});
                }
                return finish(cx, c.resume(cx, new Object[] {v}));
            }

            private Object finish(CallContext cx, Object r) {
                if (r instanceof Coroutine.ResumeFailure f) {
                    return cx.return2(Boolean.FALSE, f.error);
                }
                return cx.returnPrefixed(TRUE_PREFIX, (Object[]) r);
            }
        });
        lib.add(new Builtin("yield") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Coroutine c = cx.coroutine;
                if (c == null) {
                    // 5.1 reports the main thread's yield as a boundary crossing (lua_yield's nCcalls check).
                    throw LuaError.runtime("attempt to yield across metamethod/C-call boundary");
                }
                return cx.returnArray(c.yield(cx, a));
            }
        });
        lib.add(new Builtin("status") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Coroutine c = checkCoroutine(a, 0, "status");
                String s = switch (c.status()) {
                    case SUSPENDED -> "suspended";
                    case RUNNING -> "running";
                    case NORMAL -> "normal";
                    case DEAD -> "dead";
                };
                return cx.return1(LuaString.latin1(s));
            }
        });
        lib.add(new Builtin("running") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(cx.coroutine);
            }
        });
        lib.add(new Builtin("wrap") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (!(Args.arg(a, 0) instanceof LuaClosure f)) {
                    throw Args.argError(1, "wrap", "Lua function expected");
                }
                Coroutine c = new Coroutine(cx.state, f);
                return cx.return1(new Builtin("wrap") {
                    @Override
                    public Object invoke(CallContext inner, Object[] args) {
                        Object r = c.resume(inner, args);
                        if (r instanceof Coroutine.ResumeFailure fail) {
                            Object e = fail.error;
                            if (e instanceof LuaString s) {
                                e = LuaString.latin1(CallStack.where(1)).concat(s);
                            }
                            throw new LuaError(e);
                        }
                        return inner.returnArray((Object[]) r);
                    }

                    @Override
                    public Object call(CallContext inner) {
                        return invoke(inner, io.moonkey.lua.runtime.LuaFunction.NO_ARGS);
                    }
                });
            }
        });
    }
}
