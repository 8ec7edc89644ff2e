package io.moonkey.lua.runtime;

import io.moonkey.lua.text.NumberParser;
import io.moonkey.lua.text.NumberText;

/** Number/string coercions (Lua 5.1 manual §2.2.1). */
public final class Conversions {
    private Conversions() {}

    /** {@code luaO_str2d} on a Lua string: the number it spells, or NaN when it is not a numeral. */
    public static double str2d(LuaString s) {
        long bits = NumberParser.str2dBits(s.bytes(), 0, s.length());
        return bits == NumberParser.FAILED ? Double.NaN : Double.longBitsToDouble(bits);
    }

    /**
     * {@code tonumber} without base: the number, or null when {@code v} is neither a number nor a
     * string spelling one. A string spelling "nan" converts to NaN (glibc strtod accepts it).
     */
    public static Double toNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof LuaString s) {
            return str2dOrNull(s);
        }
        return null;
    }

    /** Like {@link #str2d} but distinguishes "not a numeral" (null) from a NaN numeral. */
    public static Double str2dOrNull(LuaString s) {
        long bits = NumberParser.str2dBits(s.bytes(), 0, s.length());
        return bits == NumberParser.FAILED ? null : Double.longBitsToDouble(bits);
    }

    /** The number's text as {@code tostring} prints it ({@code %.14g}). */
    public static LuaString numberToString(double d) {
        return LuaString.wrap(NumberText.toBytes(d));
    }

    public static String numberToJavaString(double d) {
        return NumberText.toString(d);
    }

    /** String or number as a string ({@code lua_tolstring}), else null. */
    public static LuaString toLuaString(Object v) {
        if (v instanceof LuaString s) {
            return s;
        }
        if (v instanceof Double d) {
            return numberToString(d);
        }
        return null;
    }

    /** {@code tostring} without {@code __tostring}: the raw text of any value. */
    public static LuaString toStringValue(Object v) {
        if (v instanceof LuaString s) {
            return s;
        }
        if (v instanceof Double d) {
            return numberToString(d);
        }
        if (v == null) {
            return LuaString.latin1("nil");
        }
        if (v instanceof Boolean b) {
            return LuaString.latin1(b ? "true" : "false");
        }
        return LuaString.latin1(v.toString());
    }
}
