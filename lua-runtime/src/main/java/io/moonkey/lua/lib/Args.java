package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Types;

/**
 * Argument checks of the auxiliary library ({@code luaL_check*}, {@code luaL_opt*}) with their
 * exact messages: "bad argument #1 to 'insert' (table expected, got nil)", positioned at the
 * calling Lua function (level 1).
 */
public final class Args {
    private Args() {}

    /**
     * {@code luaL_argerror}: names the function as the calling site does ('?' when called from
     * Java, e.g. through pcall), and for method calls shifts the argument number past self.
     */
    public static LuaError argError(int arg, String fname, String extra) {
        java.util.List<CallStack.Level> levels = CallStack.levels(2);
        CallStack.Level caller = levels.size() > 1 ? levels.get(1) : null;
        String where = caller == null ? "" : caller.where();
        String name = "?";
        if (caller != null && caller.isLua()) {
            String names = CallStack.operandName(caller);
            if (names != null) {
                String first = names.split("\n", -1)[0];
                int q = first.indexOf('\'');
                if (q > 0 && first.endsWith("'")) {
                    name = first.substring(q + 1, first.length() - 1);
                    if (first.startsWith("method ")) {
                        arg--;
                        if (arg == 0) {
                            return new LuaError(LuaString.latin1(where + "calling '" + name + "' on bad self (" + extra + ")"));
                        }
                    }
                }
            }
        }
        return new LuaError(LuaString.latin1(where + "bad argument #" + arg + " to '" + name + "' (" + extra + ")"));
    }

    /** {@code luaL_error}: message positioned at the caller. */
    public static LuaError error(String message) {
        return new LuaError(LuaString.latin1(CallStack.where(1) + message));
    }

    static String typeNameAt(Object[] a, int i) {
        return i < a.length ? Types.typeName(a[i]) : "no value";
    }

    public static LuaError typeError(Object[] a, int i, String fname, String expected) {
        return argError(i + 1, fname, expected + " expected, got " + typeNameAt(a, i));
    }

    public static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    public static void checkAny(Object[] a, int i, String fname) {
        if (i >= a.length) {
            throw argError(i + 1, fname, "value expected");
        }
    }

    public static LuaTable checkTable(Object[] a, int i, String fname) {
        if (i < a.length && a[i] instanceof LuaTable t) {
            return t;
        }
        throw typeError(a, i, fname, "table");
    }

    public static LuaFunction checkFunction(Object[] a, int i, String fname) {
        if (i < a.length && a[i] instanceof LuaFunction f) {
            return f;
        }
        throw typeError(a, i, fname, "function");
    }

    public static double checkNumber(Object[] a, int i, String fname) {
        Object v = arg(a, i);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof LuaString s) {
            Double d = Conversions.str2dOrNull(s);
            if (d != null) {
                return d;
            }
        }
        throw typeError(a, i, fname, "number");
    }

    public static double optNumber(Object[] a, int i, String fname, double def) {
        return arg(a, i) == null ? def : checkNumber(a, i, fname);
    }

    /** {@code luaL_checkinteger}: the number truncated toward zero. */
    public static long checkInteger(Object[] a, int i, String fname) {
        return (long) checkNumber(a, i, fname);
    }

    public static int checkInt(Object[] a, int i, String fname) {
        return (int) checkNumber(a, i, fname);
    }

    public static long optInteger(Object[] a, int i, String fname, long def) {
        return arg(a, i) == null ? def : checkInteger(a, i, fname);
    }

    public static int optInt(Object[] a, int i, String fname, int def) {
        return arg(a, i) == null ? def : checkInt(a, i, fname);
    }

    /** {@code luaL_checklstring}: strings, and numbers converted to their text. */
    public static LuaString checkString(Object[] a, int i, String fname) {
        LuaString s = Conversions.toLuaString(arg(a, i));
        if (s == null) {
            throw typeError(a, i, fname, "string");
        }
        return s;
    }

    public static LuaString optString(Object[] a, int i, String fname, LuaString def) {
        return arg(a, i) == null ? def : checkString(a, i, fname);
    }
}
