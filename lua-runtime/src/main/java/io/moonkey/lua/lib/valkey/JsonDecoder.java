package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.NumberParser;

/**
 * cjson.decode: a byte-based JSON reader with Lua CJSON 2.1.0's tokens and messages
 * ({@code Expected comma or array end but found T_END at character 5}); a zero byte ends the
 * input, numbers are read by {@code strtod} (lua-api.md §9.3).
 */
final class JsonDecoder {
    private enum Type {
        T_OBJ_BEGIN, T_OBJ_END, T_ARR_BEGIN, T_ARR_END, T_STRING, T_NUMBER, T_BOOLEAN, T_NULL, T_COLON,
        T_COMMA, T_END, T_ERROR
    }

    private final CjsonConfig cfg;
    private final byte[] data;
    private int ptr;
    private int depth;
    private final ByteBuilder tmp = new ByteBuilder(32);

    // The current token.
    private Type type;
    private int index;
    private Object value;
    private String error;

    JsonDecoder(CjsonConfig cfg, byte[] data) {
        this.cfg = cfg;
        this.data = data;
    }

    private int at(int i) {
        return i < data.length ? data[i] & 0xFF : 0;
    }

    Object decode() {
        if (data.length >= 2 && (data[0] == 0 || data[1] == 0)) {
            throw Args.error("JSON parser does not support UTF-16 or UTF-32");
        }
        next();
        Object v = value();
        next();
        if (type != Type.T_END) {
            throw parseError("the end");
        }
        return v;
    }

    private RuntimeException parseError(String expected) {
        String found = type == Type.T_ERROR ? error : type.name();
        return Args.error("Expected " + expected + " but found " + found + " at character " + (index + 1));
    }

    private Object value() {
        return switch (type) {
            case T_STRING, T_NUMBER, T_BOOLEAN -> value;
            case T_NULL -> CjsonLib.NULL;
            case T_OBJ_BEGIN -> object();
            case T_ARR_BEGIN -> array();
            default -> throw parseError("value");
        };
    }

    private void descend() {
        depth++;
        if (depth > cfg.decodeMaxDepth) {
            throw Args.error("Found too many nested data structures (" + depth + ") at character " + ptr);
        }
    }

    private LuaTable object() {
        descend();
        LuaTable t = new LuaTable();
        next();
        if (type == Type.T_OBJ_END) {
            depth--;
            return t;
        }
        while (true) {
            if (type != Type.T_STRING) {
                throw parseError("object key string");
            }
            Object key = value;
            next();
            if (type != Type.T_COLON) {
                throw parseError("colon");
            }
            next();
            t.put(key, value());
            next();
            if (type == Type.T_OBJ_END) {
                depth--;
                return t;
            }
            if (type != Type.T_COMMA) {
                throw parseError("comma or object end");
            }
            next();
        }
    }

    private LuaTable array() {
        descend();
        LuaTable t = new LuaTable();
        next();
        if (type == Type.T_ARR_END) {
            depth--;
            return t;
        }
        for (int i = 1; ; i++) {
            t.put(i, value());
            next();
            if (type == Type.T_ARR_END) {
                depth--;
                return t;
            }
            if (type != Type.T_COMMA) {
                throw parseError("comma or array end");
            }
            next();
        }
    }

    // ---- tokens ----

    private void next() {
        int ch;
        while ((ch = at(ptr)) == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            ptr++;
        }
        index = ptr;
        value = null;
        switch (ch) {
            case '{' -> single(Type.T_OBJ_BEGIN);
            case '}' -> single(Type.T_OBJ_END);
            case '[' -> single(Type.T_ARR_BEGIN);
            case ']' -> single(Type.T_ARR_END);
            case ',' -> single(Type.T_COMMA);
            case ':' -> single(Type.T_COLON);
            case 0 -> type = Type.T_END;
            case '"' -> string();
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                if (!cfg.decodeInvalidNumbers && isInvalidNumber()) {
                    error("invalid number");
                } else {
                    number();
                }
            }
            case 't', 'f', 'n', 'i', 'I', 'N', '+' -> word(); // '+' is only read as a known-invalid number
            default -> error("invalid token");
        }
    }

    private void single(Type t) {
        type = t;
        ptr++;
    }

    private void error(String what) {
        type = Type.T_ERROR;
        index = ptr;
        error = what;
    }

    private boolean startsWith(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (at(ptr + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void word() {
        if (startsWith("true")) {
            type = Type.T_BOOLEAN;
            value = Boolean.TRUE;
            ptr += 4;
        } else if (startsWith("false")) {
            type = Type.T_BOOLEAN;
            value = Boolean.FALSE;
            ptr += 5;
        } else if (startsWith("null")) {
            type = Type.T_NULL;
            ptr += 4;
        } else if (cfg.decodeInvalidNumbers && isInvalidNumber()) {
            number(); // inf, nan: only numbers known to be invalid JSON are tried
        } else {
            error("invalid token");
        }
    }

    /** Numbers JSON forbids: a leading '+', hexadecimal, leading zeros, inf and nan. */
    private boolean isInvalidNumber() {
        int p = ptr;
        if (at(p) == '+') {
            return true;
        }
        if (at(p) == '-') {
            p++;
        }
        int c = at(p);
        if (c == '0') {
            int c2 = at(p + 1);
            return (c2 | 0x20) == 'x' || (c2 >= '0' && c2 <= '9');
        } else if (c <= '9') {
            return false;
        }
        return startsWithIgnoreCase(p, "inf") || startsWithIgnoreCase(p, "nan");
    }

    private boolean startsWithIgnoreCase(int p, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((at(p + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void number() {
        int end = StrtodPrefix.end(data, ptr);
        if (end == ptr) {
            error("invalid number");
            return;
        }
        type = Type.T_NUMBER;
        value = Double.longBitsToDouble(NumberParser.str2dBits(data, ptr, end - ptr));
        ptr = end;
    }

    private void string() {
        ptr++;
        tmp.clear();
        int ch;
        while ((ch = at(ptr)) != '"') {
            if (ch == 0) {
                error("unexpected end of string");
                return;
            }
            if (ch == '\\') {
                int esc = at(ptr + 1);
                int decoded = switch (esc) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case '/' -> '/';
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    case 'u' -> -1;
                    default -> 0;
                };
                if (decoded == -1) {
                    if (!unicodeEscape()) {
                        error("invalid unicode escape code");
                        return;
                    }
                    continue;
                }
                if (decoded == 0) {
                    error("invalid escape code");
                    return;
                }
                ptr++;
                ch = decoded;
            }
            tmp.append((byte) ch);
            ptr++;
        }
        ptr++;
        type = Type.T_STRING;
        value = LuaString.wrap(tmp.toByteArray());
    }

    private int hex4(int p) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(at(p + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** \\uXXXX, with UTF-16 surrogate pairs combined, appended as UTF-8. */
    private boolean unicodeEscape() {
        int cp = hex4(ptr + 2);
        if (cp < 0) {
            return false;
        }
        int length = 6;
        if ((cp & 0xF800) == 0xD800) {
            if ((cp & 0x400) != 0) {
                return false; // a low surrogate first
            }
            if (at(ptr + 6) != '\\' || at(ptr + 7) != 'u') {
                return false;
            }
            int low = hex4(ptr + 8);
            if (low < 0 || (low & 0xFC00) != 0xDC00) {
                return false;
            }
            cp = (((cp & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
            length = 12;
        }
        if (cp < 0x80) {
            tmp.append((byte) cp);
        } else if (cp < 0x800) {
            tmp.append((byte) (0xC0 | cp >> 6)).append((byte) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            tmp.append((byte) (0xE0 | cp >> 12)).append((byte) (0x80 | cp >> 6 & 0x3F)).append((byte) (0x80 | cp & 0x3F));
        } else {
            tmp.append((byte) (0xF0 | cp >> 18)).append((byte) (0x80 | cp >> 12 & 0x3F))
                    .append((byte) (0x80 | cp >> 6 & 0x3F)).append((byte) (0x80 | cp & 0x3F));
        }
        ptr += length;
        return true;
    }
}
