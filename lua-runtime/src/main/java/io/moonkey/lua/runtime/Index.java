package io.moonkey.lua.runtime;

/**
 * Indexing, assignment to fields and the length operator (Lua 5.1 manual §2.8 "index",
 * "newindex", "len"). The entry points are small fast paths for plain tables; metamethod chains
 * (at most 100 steps, "loop in gettable") run out of line.
 */
public final class Index {
    private static final int MAX_TAG_LOOP = 100;
    private static final LuaString READONLY = LuaString.latin1("Attempt to modify a readonly table");

    private Index() {}

    public static Object get(CallContext cx, Object o, Object k) {
        if (o instanceof LuaTable t) {
            Object v = t.get(k);
            if (v != null || t.metatable() == null) {
                return v;
            }
        }
        return getSlow(cx, o, k);
    }

    /** {@code o.name} with a constant string key. */
    public static Object get(CallContext cx, Object o, LuaString k) {
        if (o instanceof LuaTable t) {
            Object v = t.getStr(k);
            if (v != null || t.metatable() == null) {
                return v;
            }
        }
        return getSlow(cx, o, k);
    }

    public static Object get(CallContext cx, Object o, double k) {
        if (o instanceof LuaTable t) {
            Object v = t.get(k);
            if (v != null || t.metatable() == null) {
                return v;
            }
        }
        return getSlow(cx, o, k);
    }

    private static Object getSlow(CallContext cx, Object o, Object k) {
        LuaString ks = k instanceof LuaString s ? s : null;
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object h;
            if (o instanceof LuaTable t) {
                Object v = ks != null ? t.getStr(ks) : t.get(k);
                if (v != null) {
                    return v;
                }
                h = Metatables.fastEvent(t.metatable(), Metatables.INDEX, Metatables.ABSENT_INDEX);
                if (h == null) {
                    return null;
                }
            } else {
                h = Metatables.event(cx, o, Metatables.INDEX);
                if (h == null) {
                    throw loop == 0 ? TypeErrors.typeError(o, "index", 0) : unnamed(o, "index");
                }
            }
            if (h instanceof LuaFunction) {
                return Calls.call2(cx, h, o, k);
            }
            o = h;
        }
        throw LuaError.runtime("loop in gettable");
    }

    private static LuaError unnamed(Object o, String op) {
        return LuaError.runtime("attempt to " + op + " a " + Types.typeName(o) + " value");
    }

    public static void set(CallContext cx, Object o, Object k, Object v) {
        if (o instanceof LuaTable t && t.metatable() == null && !t.isReadonly()) {
            t.put(k, v);
            return;
        }
        setSlow(cx, o, k, v);
    }

    public static void set(CallContext cx, Object o, LuaString k, Object v) {
        if (o instanceof LuaTable t && t.metatable() == null && !t.isReadonly()) {
            t.put(k, v);
            return;
        }
        setSlow(cx, o, k, v);
    }

    public static void set(CallContext cx, Object o, double k, Object v) {
        if (o instanceof LuaTable t && t.metatable() == null && !t.isReadonly()) {
            t.put(k, v);
            return;
        }
        setSlow(cx, o, k, v);
    }

    private static void setSlow(CallContext cx, Object o, Object k, Object v) {
        for (int loop = 0; loop < MAX_TAG_LOOP; loop++) {
            Object h;
            if (o instanceof LuaTable t) {
                if (t.isReadonly()) {
                    throw new LuaError(LuaString.latin1(CallStack.where(0)).concat(READONLY));
                }
                Object old = t.get(k);
                if (old != null) {
                    t.put(k, v);
                    return;
                }
                h = Metatables.fastEvent(t.metatable(), Metatables.NEWINDEX, Metatables.ABSENT_NEWINDEX);
                if (h == null) {
                    t.put(k, v);
                    return;
                }
                t.put(k, null); // luaH_set creates the key before the metamethod runs
            } else {
                h = Metatables.event(cx, o, Metatables.NEWINDEX);
                if (h == null) {
                    throw loop == 0 ? TypeErrors.typeError(o, "index", 0) : unnamed(o, "index");
                }
            }
            if (h instanceof LuaFunction) {
                Calls.call3(cx, h, o, k, v);
                return;
            }
            o = h;
        }
        throw LuaError.runtime("loop in settable");
    }

    /** The {@code #} operator: tables and strings natively, userdata through {@code __len}. */
    public static Object length(CallContext cx, Object o) {
        if (o instanceof LuaTable t) {
            return (double) t.length();
        }
        if (o instanceof LuaString s) {
            return (double) s.length();
        }
        Object h = Metatables.event(cx, o, Metatables.LEN);
        if (h == null) {
            throw TypeErrors.typeError(o, "get length of", 0);
        }
        return Calls.call2(cx, h, o, null);
    }
}
