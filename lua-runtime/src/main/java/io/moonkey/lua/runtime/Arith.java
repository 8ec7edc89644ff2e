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
        if (a == 1 || (a == -1 && Double.isInfinite(b)) || b == 0) {
            return 1;
        }
        if (b == 2) {
            return a * a;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return powOfNaN(a, b);
        }
        double r = Math.pow(a, b);
        // An invalid power (a negative base, a fractional exponent) is x86's default NaN, which
        // prints as "-nan" as glibc's pow gives it; Java's would print "nan".
        return Double.isNaN(r) ? NEGATIVE_NAN : r;
    }

    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xFFF8000000000000L);
    private static final double POSITIVE_NAN = Double.longBitsToDouble(0x7FF8000000000000L);

    /**
     * glibc's pow with a NaN operand, whose sign shows in tostring: a NaN exponent is returned
     * as it is (with a NaN base too, the base's); a NaN base loses its sign bit, except that a
     * negative one stays negative unless the exponent is an odd integer (checked with lua5.1).
     */
    private static double powOfNaN(double a, double b) {
        if (Double.isNaN(b)) {
            return Double.isNaN(a) ? a : b;
        }
        boolean negative = Double.doubleToRawLongBits(a) < 0;
        boolean oddInteger = b == Math.rint(b) && Math.abs(b) < 0x1p53 && Math.abs(b % 2) == 1;
        return negative && !oddInteger ? a : POSITIVE_NAN;
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
