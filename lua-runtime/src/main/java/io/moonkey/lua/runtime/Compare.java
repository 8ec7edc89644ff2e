package io.moonkey.lua.runtime;

/** Equality and order (Lua 5.1 manual §2.5.2, §2.8 "eq", "lt", "le"). */
public final class Compare {
    private Compare() {}

    /** Raw equality ({@code rawequal}): numbers by value, strings by content, others by identity. */
    public static boolean rawEquals(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN());
        }
        if (a instanceof Double p) {
            return b instanceof Double q && p.doubleValue() == q.doubleValue();
        }
        if (a instanceof LuaString s) {
            return s.equals(b);
        }
        return false;
    }

    public static boolean eq(CallContext cx, Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN()); // one boxed NaN is still not equal to itself
        }
        if (a instanceof Double p) {
            return b instanceof Double q && p.doubleValue() == q.doubleValue();
        }
        if (a instanceof LuaString s) {
            return s.equals(b);
        }
        if (a instanceof LuaTable ta && b instanceof LuaTable tb) {
            return eqMeta(cx, a, b, ta.metatable(), tb.metatable());
        }
        if (a instanceof Userdata ua && b instanceof Userdata ub) {
            return eqMeta(cx, a, b, ua.metatable, ub.metatable);
        }
        return false;
    }

    /** {@code get_compTM}: both operands must have the same {@code __eq} handler. */
    private static boolean eqMeta(CallContext cx, Object a, Object b, LuaTable ma, LuaTable mb) {
        Object h1 = Metatables.fastEvent(ma, Metatables.EQ, Metatables.ABSENT_EQ);
        if (h1 == null) {
            return false;
        }
        if (ma != mb) {
            Object h2 = Metatables.fastEvent(mb, Metatables.EQ, Metatables.ABSENT_EQ);
            if (h2 == null || !rawEquals(h1, h2)) {
                return false;
            }
        }
        return Types.isTrue(Calls.call2(cx, h1, a, b));
    }

    public static boolean lt(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            return p < q;
        }
        return ltSlow(cx, a, b);
    }

    public static boolean lt(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            return p < y;
        }
        return ltSlow(cx, a, y);
    }

    public static boolean lt(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            return x < q;
        }
        return ltSlow(cx, x, b);
    }

    public static boolean le(CallContext cx, Object a, Object b) {
        if (a instanceof Double p && b instanceof Double q) {
            return p <= q;
        }
        return leSlow(cx, a, b);
    }

    public static boolean le(CallContext cx, Object a, double y) {
        if (a instanceof Double p) {
            return p <= y;
        }
        return leSlow(cx, a, y);
    }

    public static boolean le(CallContext cx, double x, Object b) {
        if (b instanceof Double q) {
            return x <= q;
        }
        return leSlow(cx, x, b);
    }

    /** {@code a > b} is {@code b < a} (PUC swaps the operands). */
    public static boolean gt(CallContext cx, Object a, Object b) {
        return lt(cx, b, a);
    }

    public static boolean gt(CallContext cx, Object a, double y) {
        return lt(cx, y, a);
    }

    public static boolean gt(CallContext cx, double x, Object b) {
        return lt(cx, b, x);
    }

    public static boolean ge(CallContext cx, Object a, Object b) {
        return le(cx, b, a);
    }

    public static boolean ge(CallContext cx, Object a, double y) {
        return le(cx, y, a);
    }

    public static boolean ge(CallContext cx, double x, Object b) {
        return le(cx, b, x);
    }

    private static boolean ltSlow(CallContext cx, Object a, Object b) {
        if (a instanceof LuaString s && b instanceof LuaString t) {
            return s.compareTo(t) < 0;
        }
        if (sameType(a, b)) {
            int r = orderMeta(cx, a, b, Metatables.LT);
            if (r >= 0) {
                return r == 1;
            }
        }
        throw TypeErrors.order(a, b);
    }

    private static boolean leSlow(CallContext cx, Object a, Object b) {
        if (a instanceof LuaString s && b instanceof LuaString t) {
            return s.compareTo(t) <= 0;
        }
        if (sameType(a, b)) {
            int r = orderMeta(cx, a, b, Metatables.LE);
            if (r >= 0) {
                return r == 1;
            }
            r = orderMeta(cx, b, a, Metatables.LT);
            if (r >= 0) {
                return r == 0;
            }
        }
        throw TypeErrors.order(a, b);
    }

    private static boolean sameType(Object a, Object b) {
        return a != null && b != null && Types.typeName(a).equals(Types.typeName(b));
    }

    /** {@code call_orderTM}: 1 true, 0 false, -1 no common handler. */
    private static int orderMeta(CallContext cx, Object a, Object b, LuaString event) {
        Object h1 = Metatables.event(cx, a, event);
        if (h1 == null) {
            return -1;
        }
        Object h2 = Metatables.event(cx, b, event);
        if (!rawEquals(h1, h2)) {
            return -1;
        }
        return Types.isTrue(Calls.call2(cx, h1, a, b)) ? 1 : 0;
    }
}
