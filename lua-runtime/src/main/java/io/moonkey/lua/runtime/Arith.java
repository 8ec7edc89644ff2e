package io.moonkey.lua.runtime;

/**
 * Arithmetic (Lua 5.1 manual §2.5.1, §2.8): numbers, strings converted by {@code luaO_str2d},
 * then the {@code __add}-style metamethod of the first operand, then of the second. Each entry is
 * a tiny fast path (two {@code Double} checks) that inlines at the call site, with the coercion
 * and metamethod logic out of line.
 */
public final class Arith {
    private Arith() {}

    /** {@code luai_nummod}: {@code a - floor(a/b)*b}; {@code x % 0} is NaN. */
    public static double mod(double a, double b) {
        return a - Math.floor(a / b) * b;
    }

    /** C {@code pow}: differs from {@link Math#pow} for a base of ±1 with a NaN or infinite exponent. */
    public static double pow(double a, double b) {
        if (a == 1 || (a == -1 && Double.isInfinite(b))) {
            return 1;
        }
        if (b == 2) {
            return a * a;
        }
        return Math.pow(a, b);
    }

    /** An operand converted for arithmetic, or NaN-free failure marker via null. */
    static Double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof LuaString s) {
            return Conversions.str2dOrNull(s);
        }
        return null;
    }

    private static Object meta(CallContext cx, Object a, Object b, LuaString event) {
        Object h = Metatables.event(cx, a, event);
        if (h == null) {
            h = Metatables.event(cx, b, event);
        }
        if (h == null) {
            throw TypeErrors.arith(a, b);
        }
        return Calls.call2(cx, h, a, b);
    }

    public static Object add(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return x + y;
        }
        return addSlow(cx, a, b);
    }

    public static Object add(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return x + y;
        }
        return addSlow(cx, a, y);
    }

    public static Object add(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return x + y;
        }
        return addSlow(cx, x, b);
    }

    private static Object addSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return x + y;
        }
        return meta(cx, a, b, Metatables.ADD);
    }

    public static Object sub(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return x - y;
        }
        return subSlow(cx, a, b);
    }

    public static Object sub(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return x - y;
        }
        return subSlow(cx, a, y);
    }

    public static Object sub(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return x - y;
        }
        return subSlow(cx, x, b);
    }

    private static Object subSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return x - y;
        }
        return meta(cx, a, b, Metatables.SUB);
    }

    public static Object mul(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return x * y;
        }
        return mulSlow(cx, a, b);
    }

    public static Object mul(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return x * y;
        }
        return mulSlow(cx, a, y);
    }

    public static Object mul(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return x * y;
        }
        return mulSlow(cx, x, b);
    }

    private static Object mulSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return x * y;
        }
        return meta(cx, a, b, Metatables.MUL);
    }

    public static Object div(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return x / y;
        }
        return divSlow(cx, a, b);
    }

    public static Object div(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return x / y;
        }
        return divSlow(cx, a, y);
    }

    public static Object div(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return x / y;
        }
        return divSlow(cx, x, b);
    }

    private static Object divSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return x / y;
        }
        return meta(cx, a, b, Metatables.DIV);
    }

    public static Object mod(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return mod(x, y);
        }
        return modSlow(cx, a, b);
    }

    public static Object mod(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return mod(x, y);
        }
        return modSlow(cx, a, y);
    }

    public static Object mod(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return mod(x, y);
        }
        return modSlow(cx, x, b);
    }

    private static Object modSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return mod(x, y);
        }
        return meta(cx, a, b, Metatables.MOD);
    }

    public static Object pow(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            double x = p;
            double y = q;
            return pow(x, y);
        }
        return powSlow(cx, a, b);
    }

    public static Object pow(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            double x = p;
            return pow(x, y);
        }
        return powSlow(cx, a, y);
    }

    public static Object pow(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            double y = q;
            return pow(x, y);
        }
        return powSlow(cx, x, b);
    }

    private static Object powSlow(CallContext cx, Object a, Object b) {
        Double p = num(a);
        Double q = num(b);
        if (p != null && q != null) {
            double x = p;
            double y = q;
            return pow(x, y);
        }
        return meta(cx, a, b, Metatables.POW);
    }

    public static Object unm(CallContext cx, Object a) {
        if (a instanceof Double p) {
            return -p;
        }
        Double p = num(a);
        if (p != null) {
            return -p;
        }
        Object h = Metatables.event(cx, a, Metatables.UNM);
        if (h == null) {
            throw TypeErrors.arith(a, a);
        }
        return Calls.call2(cx, h, a, a);
    }

    /**
     * Converts a numeric-for control value (manual §2.4.5): strings are coerced, anything else
     * raises "'for' initial value must be a number" and the like.
     */
    public static double forValue(Object v, String what) {
        if (v instanceof Double d) {
            return d;
        }
        Double p = v instanceof LuaString s ? Conversions.str2dOrNull(s) : null;
        if (p == null) {
            throw LuaError.runtime("'for' " + what + " must be a number");
        }
        return p;
    }
}
