package io.moonkey.server.scripting.ldb;

import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CFormat;
import java.nio.charset.StandardCharsets;

/**
 * Lua values as the debugger shows them (ldb.md §5.2): quoted strings, {@code %g} numbers,
 * tables as {@code {v1; v2}} when their keys run 1, 2, 3… in iteration order and
 * {@code {[k]=v; …}} otherwise, other objects as a quoted {@code type@pointer}.
 */
public final class ValueFormatter {
    /** Deeper tables print a marker instead (ldb.md §5.2). */
    static final int MAX_DEPTH = 10;

    private ValueFormatter() {}

    public static String format(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int level) {
        if (level == MAX_DEPTH) {
            sb.append("<max recursion level reached! Nested table?>");
            return;
        }
        switch (v) {
            case null -> sb.append("nil");
            case Boolean b -> sb.append(b ? "true" : "false");
            case Double d -> sb.append(number(d));
            case LuaString s -> quote(sb, s.bytes());
            case LuaTable t -> table(sb, t, level + 1);
            default -> quote(sb, (typeName(v) + "@0x" + Long.toHexString(0x7f0000000000L + System.identityHashCode(v)))
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Both representations are built in one pass, as the keys are only known to be 1..n at the end. */
    private static void table(StringBuilder sb, LuaTable t, int level) {
        StringBuilder asArray = new StringBuilder();
        StringBuilder asMap = new StringBuilder();
        boolean array = true;
        int expected = 1;
        Object[] kv = new Object[2];
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            if (array && !(key instanceof Double d && d == expected)) {
                array = false;
            }
            if (expected > 1) {
                asArray.append("; ");
                asMap.append("; ");
            }
            append(asArray, kv[1], level);
            asMap.append('[');
            append(asMap, key, level);
            asMap.append("]=");
            append(asMap, kv[1], level);
            expected++;
        }
        sb.append('{').append(array ? asArray : asMap).append('}');
    }

    private static String typeName(Object v) {
        if (v instanceof LuaFunction) {
            return "function";
        }
        if (v instanceof io.moonkey.lua.runtime.Coroutine) {
            return "thread";
        }
        return "userdata";
    }

    /** C's {@code %g}. */
    static String number(double d) {
        ByteBuilder b = new ByteBuilder();
        CFormat.appendDouble(b, d, 'g', 0, 0, 6);
        return new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /** {@code sdscatrepr}: escapes, printable ASCII as is, other bytes as {@code \xHH}. */
    static void quote(StringBuilder sb, byte[] bytes) {
        sb.append('"');
        for (byte x : bytes) {
            int c = x & 0xff;
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append((char) c);
                    } else {
                        sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    }
                }
            }
        }
        sb.append('"');
    }

    static String quote(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        quote(sb, bytes);
        return sb.toString();
    }
}
