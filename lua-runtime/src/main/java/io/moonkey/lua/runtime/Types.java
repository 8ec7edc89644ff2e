package io.moonkey.lua.runtime;

/** Lua type names (manual §2.2) and truth (§2.4.4: only nil and false are false). */
public final class Types {
    private Types() {}

    public static String typeName(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof LuaString) {
            return "string";
        }
        if (v instanceof LuaTable) {
            return "table";
        }
        if (v instanceof LuaFunction) {
            return "function";
        }
        if (v instanceof Coroutine) {
            return "thread";
        }
        return "userdata";
    }

    public static boolean isTrue(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    public static Boolean bool(boolean b) {
        return b ? Boolean.TRUE : Boolean.FALSE;
    }
}
