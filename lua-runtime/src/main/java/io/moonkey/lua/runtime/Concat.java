package io.moonkey.lua.runtime;

/** The {@code ..} operator (Lua 5.1 manual §2.5.4, §2.8 "concat"). */
public final class Concat {
    private Concat() {}

    public static Object concat(CallContext cx, Object a, Object b) {
        if (a instanceof LuaString s && b instanceof LuaString t) {
            return s.concat(t);
        }
        LuaString s = Conversions.toLuaString(a);
        LuaString t = Conversions.toLuaString(b);
        if (s != null && t != null) {
            return s.concat(t);
        }
        Object h = Metatables.event(cx, a, Metatables.CONCAT);
        if (h == null) {
            h = Metatables.event(cx, b, Metatables.CONCAT);
        }
        if (h == null) {
            throw TypeErrors.concat(a, b);
        }
        return Calls.call2(cx, h, a, b);
    }

    /** One pairwise step of a chain; {@code ib < 0} when the right operand has no name. */
    private static Object concatAt(CallContext cx, Object a, Object b, int ia, int ib) {
        LuaString s = Conversions.toLuaString(a);
        LuaString t = Conversions.toLuaString(b);
        if (s != null && t != null) {
            return s.concat(t);
        }
        Object h = Metatables.event(cx, a, Metatables.CONCAT);
        if (h == null) {
            h = Metatables.event(cx, b, Metatables.CONCAT);
        }
        if (h == null) {
            if (s != null) {
                throw ib < 0 ? LuaError.runtime("attempt to concatenate a " + Types.typeName(b) + " value")
                        : TypeErrors.typeError(b, "concatenate", ib);
            }
            throw TypeErrors.typeError(a, "concatenate", ia);
        }
        return Calls.call2(cx, h, a, b);
    }

    /**
     * {@code a .. b .. c ...} over {@code n} operands, right to left as {@code luaV_concat}:
     * runs of strings and numbers are joined in one copy.
     */
    public static Object concatAll(CallContext cx, Object[] v) {
        int top = v.length;
        Object acc = v[top - 1];
        int accIndex = top - 1;
        int i = top - 2;
        while (i >= 0) {
            if (Conversions.toLuaString(acc) != null && Conversions.toLuaString(v[i]) != null) {
                // Collect the longest run of strings/numbers ending at i.
                int j = i;
                while (j - 1 >= 0 && Conversions.toLuaString(v[j - 1]) != null) {
                    j--;
                }
                long len = Conversions.toLuaString(acc).length();
                for (int k = j; k <= i; k++) {
                    len += Conversions.toLuaString(v[k]).length();
                }
                byte[] out = new byte[LuaString.checkedLength(len)];
                int pos = 0;
                for (int k = j; k <= i; k++) {
                    LuaString s = Conversions.toLuaString(v[k]);
                    System.arraycopy(s.bytes(), 0, out, pos, s.length());
                    pos += s.length();
                }
                LuaString last = Conversions.toLuaString(acc);
                System.arraycopy(last.bytes(), 0, out, pos, last.length());
                acc = LuaString.wrap(out);
                i = j - 1;
            } else {
                acc = concatAt(cx, v[i], acc, i, accIndex);
                i--;
            }
            accIndex = -1; // from here on the right operand is an intermediate result
        }
        return acc;
    }
}
