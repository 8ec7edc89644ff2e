package io.moonkey.lua.runtime;

/**
 * The VM's type errors, worded as Lua 5.1's {@code luaG_typeerror} and friends: the operand is
 * described by the name the compiler recorded for the failing operation ("local 'x'",
 * "global 'f'", "field 'n'", "upvalue 'u'", "method 'm'") when there is one.
 */
public final class TypeErrors {
    private TypeErrors() {}

    /**
     * "attempt to {op} {name} (a {type} value)". {@code operand} selects which of the site's
     * recorded names applies (0 = the object, callee or left operand; 1 = the right operand).
     */
    public static LuaError typeError(Object value, String op, int operand) {
        CallStack.Level l = CallStack.level(0);
        String names = CallStack.operandName(l);
        String name = null;
        if (names != null) {
            String[] parts = names.split("\n", -1);
            if (operand < parts.length && !parts[operand].isEmpty()) {
                name = parts[operand];
            }
        }
        String where = l == null ? "" : l.where();
        String msg = name != null
                ? "attempt to " + op + " " + name + " (a " + Types.typeName(value) + " value)"
                : "attempt to " + op + " a " + Types.typeName(value) + " value";
        return new LuaError(LuaString.latin1(where + msg));
    }

    /** {@code luaG_aritherror}: blames the second operand when the first one is convertible. */
    public static LuaError arith(Object a, Object b) {
        if (Conversions.toNumber(a) == null) {
            return typeError(a, "perform arithmetic on", 0);
        }
        return typeError(b, "perform arithmetic on", 1);
    }

    /** {@code luaG_concaterror}: blames the first operand unless it is a string or number. */
    public static LuaError concat(Object a, Object b) {
        if (a instanceof LuaString || a instanceof Double) {
            return typeError(b, "concatenate", 1);
        }
        return typeError(a, "concatenate", 0);
    }

    /** {@code luaG_ordererror}. */
    public static LuaError order(Object a, Object b) {
        String t1 = Types.typeName(a);
        String t2 = Types.typeName(b);
        if (t1.equals(t2)) {
            return LuaError.runtime("attempt to compare two " + t1 + " values");
        }
        return LuaError.runtime("attempt to compare " + t1 + " with " + t2);
    }
}
