package io.moonkey.lua.runtime;

/**
 * Metatable lookup (Lua 5.1 manual §2.8): tables and userdata have their own, all strings share
 * the state's string metatable, other types have none.
 */
public final class Metatables {
    public static final LuaString INDEX = LuaString.constant("__index");
    public static final LuaString NEWINDEX = LuaString.constant("__newindex");
    public static final LuaString CALL = LuaString.constant("__call");
    public static final LuaString ADD = LuaString.constant("__add");
    public static final LuaString SUB = LuaString.constant("__sub");
    public static final LuaString MUL = LuaString.constant("__mul");
    public static final LuaString DIV = LuaString.constant("__div");
    public static final LuaString MOD = LuaString.constant("__mod");
    public static final LuaString POW = LuaString.constant("__pow");
    public static final LuaString UNM = LuaString.constant("__unm");
    public static final LuaString CONCAT = LuaString.constant("__concat");
    public static final LuaString LEN = LuaString.constant("__len");
    public static final LuaString EQ = LuaString.constant("__eq");
    public static final LuaString LT = LuaString.constant("__lt");
    public static final LuaString LE = LuaString.constant("__le");
    public static final LuaString TOSTRING = LuaString.constant("__tostring");
    public static final LuaString METATABLE = LuaString.constant("__metatable");
    public static final LuaString MODE = LuaString.constant("__mode");

    /** Bits of {@link LuaTable#absentMeta} (PUC's {@code fasttm} cache). */
    static final int ABSENT_INDEX = 1;
    static final int ABSENT_NEWINDEX = 2;
    static final int ABSENT_EQ = 4;

    private Metatables() {}

    public static LuaTable of(CallContext cx, Object v) {
        if (v instanceof LuaTable t) {
            return t.metatable();
        }
        if (v instanceof LuaString) {
            return cx.state.stringMetatable;
        }
        if (v instanceof Userdata u) {
            return u.metatable;
        }
        return null;
    }

    /** The metamethod {@code name} of {@code v}, or nil. */
    public static Object event(CallContext cx, Object v, LuaString name) {
        LuaTable mt = of(cx, v);
        return mt == null ? null : mt.getStr(name);
    }

    /** A metamethod looked up through the absence cache of the metatable. */
    static Object fastEvent(LuaTable mt, LuaString name, int bit) {
        if (mt == null || (mt.absentMeta & bit) != 0) {
            return null;
        }
        Object h = mt.getStr(name);
        if (h == null) {
            mt.absentMeta |= (byte) bit;
        }
        return h;
    }
}
