package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Types;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CConversions;
import io.moonkey.lua.text.CFormat;

/**
 * cjson.encode: Lua values as JSON text, no whitespace, table keys in {@code next} order, numbers
 * with {@code %.<precision>g} (lua-api.md §9.2).
 */
final class JsonEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final CjsonConfig cfg;
    private final ByteBuilder out = new ByteBuilder(64);
    private final Object[] kv = new Object[2];

    JsonEncoder(CjsonConfig cfg) {
        this.cfg = cfg;
    }

    byte[] encode(Object v) {
        value(v, 0);
        return out.toByteArray();
    }

    private void value(Object v, int depth) {
        switch (v) {
            case null -> out.appendAscii("null");
            case LuaString s -> string(s);
            case Double d -> number(d, "number");
            case Boolean b -> out.appendAscii(b ? "true" : "false");
            case LuaTable t -> table(t, depth + 1);
            default -> {
                if (v == CjsonLib.NULL) {
                    out.appendAscii("null");
                } else {
                    throw unsupported(v, "type not supported");
                }
            }
        }
    }

    private static RuntimeException unsupported(Object v, String reason) {
        return Args.error("Cannot serialise " + Types.typeName(v) + ": " + reason);
    }

    private void table(LuaTable t, int depth) {
        if (depth > cfg.encodeMaxDepth) {
            throw Args.error("Cannot serialise, excessive nesting (" + depth + ")");
        }
        int length = arrayLength(t);
        if (length > 0) {
            out.append((byte) '[');
            for (int i = 1; i <= length; i++) {
                if (i > 1) {
                    out.append((byte) ',');
                }
                value(t.get(i), depth);
            }
            out.append((byte) ']');
            return;
        }
        out.append((byte) '{');
        boolean comma = false;
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            Object value = kv[1];
            if (comma) {
                out.append((byte) ',');
            }
            comma = true;
            if (key instanceof Double d) {
                out.append((byte) '"');
                number(d, "number");
                out.append((byte) '"').append((byte) ':');
            } else if (key instanceof LuaString s) {
                string(s);
                out.append((byte) ':');
            } else {
                throw unsupported(key, "table key must be a number or string");
            }
            value(value, depth);
        }
        out.append((byte) '}');
    }

    /**
     * lua_array_length: the largest key when every key is an integer >= 1, else -1; an
     * excessively sparse array is an error, or an object when conversion is on.
     */
    private int arrayLength(LuaTable t) {
        int max = 0;
        int items = 0;
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            if (key instanceof Double k && k != 0 && Math.floor(k) == k && k >= 1) {
                if (k > max) {
                    max = CConversions.toInt(k); // C's int assignment
                }
                items++;
                continue;
            }
            return -1;
        }
        if (cfg.sparseRatio > 0 && max > items * cfg.sparseRatio && max > cfg.sparseSafe) {
            if (!cfg.sparseConvert) {
                throw Args.error("Cannot serialise table: excessively sparse array");
            }
            return -1;
        }
        return max;
    }

    private void number(double d, String what) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            switch (cfg.encodeInvalidNumbers) {
                case 0 -> throw Args.error("Cannot serialise " + what + ": must not be NaN or Inf");
                case 1 -> {
                    out.appendAscii(Double.isNaN(d) ? "nan" : d < 0 ? "-inf" : "inf");
                    return;
                }
                default -> {
                    out.appendAscii("null");
                    return;
                }
            }
        }
        CFormat.appendDouble(out, d, 'g', 0, 0, cfg.encodeNumberPrecision);
    }

    private void string(LuaString s) {
        out.append((byte) '"');
        byte[] b = s.bytes();
        for (int i = 0, n = s.length(); i < n; i++) {
            int c = b[i] & 0xFF;
            switch (c) {
                case '"' -> out.append((byte) '\\').append((byte) '"');
                case '\\' -> out.append((byte) '\\').append((byte) '\\');
                case '/' -> out.append((byte) '\\').append((byte) '/');
                case '\b' -> out.append((byte) '\\').append((byte) 'b');
                case '\t' -> out.append((byte) '\\').append((byte) 't');
                case '\n' -> out.append((byte) '\\').append((byte) 'n');
                case '\f' -> out.append((byte) '\\').append((byte) 'f');
                case '\r' -> out.append((byte) '\\').append((byte) 'r');
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.appendAscii("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else {
                        out.append((byte) c); // bytes >= 0x80 are copied without UTF-8 validation
                    }
                }
            }
        }
        out.append((byte) '"');
    }
}
