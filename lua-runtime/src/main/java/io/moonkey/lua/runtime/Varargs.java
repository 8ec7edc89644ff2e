package io.moonkey.lua.runtime;

import java.util.Arrays;

/** Helpers for argument arrays and {@code ...} (Lua 5.1 manual §2.5.9). */
public final class Varargs {
    private static final LuaString N = LuaString.latin1("n");

    private Varargs() {}

    /** Element {@code i}, nil past the end. */
    public static Object get(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    /** The arguments after the first {@code n} (a vararg function's {@code ...}). */
    public static Object[] tail(Object[] a, int n) {
        if (a.length <= n) {
            return LuaFunction.NO_ARGS;
        }
        return n == 0 ? a : Arrays.copyOfRange(a, n, a.length);
    }

    /** LUA_COMPAT_VARARG's {@code arg}: a table of the extra arguments with field {@code n}. */
    public static LuaTable compatArg(Object[] varargs) {
        LuaTable t = new LuaTable(varargs.length, 1);
        for (int i = 0; i < varargs.length; i++) {
            t.put(i + 1, varargs[i]);
        }
        t.put(N, (double) varargs.length);
        return t;
    }

    /** Positional items of a table constructor from index {@code start} (1-based), the last multi-valued. */
    public static void setList(LuaTable t, int start, Object[] values) {
        t.ensureArray(start - 1 + values.length);
        for (int i = 0; i < values.length; i++) {
            t.put(start + i, values[i]);
        }
    }
}
