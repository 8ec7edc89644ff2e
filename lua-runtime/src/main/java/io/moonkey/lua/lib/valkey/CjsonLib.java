package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Userdata;
import io.moonkey.lua.text.CConversions;

/**
 * {@code cjson}: Lua CJSON 2.1.0 as bundled with Valkey (lua-api.md §9). Each module table holds
 * its own {@link CjsonConfig}; the configuration functions take at most their listed arguments,
 * treat nil as "unchanged" and return the current settings.
 */
public final class CjsonLib {
    /** {@code cjson.null}: C's NULL light userdata, one value shared by every module instance. */
    static final Userdata NULL = new Userdata(null, null) {
        @Override
        public String toString() {
            return "userdata: (nil)";
        }
    };

    private CjsonLib() {}

    public static void install(LuaState state) {
        state.globals.put(LuaString.latin1("cjson"), module());
    }

    /** A fresh module table with default settings ({@code cjson.new()}). */
    static LuaTable module() {
        CjsonConfig cfg = new CjsonConfig();
        LuaTable t = new LuaTable();
        Builtin[] functions = {
            new Builtin("encode") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    if (a.length != 1) {
                        throw Args.argError(1, "encode", "expected 1 argument");
                    }
                    return cx.return1(LuaString.wrap(new JsonEncoder(cfg).encode(a[0])));
                }
            },
            new Builtin("decode") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    if (a.length != 1) {
                        throw Args.argError(1, "decode", "expected 1 argument");
                    }
                    byte[] text = Args.checkString(a, 0, "decode").bytes();
                    return cx.return1(new JsonDecoder(cfg, text).decode());
                }
            },
            new Builtin("encode_sparse_array") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 3, name());
                    Object convert = onOff(a, 0, name(), cfg.sparseConvert ? 1 : 0, false) == 1 ? Boolean.TRUE : Boolean.FALSE;
                    cfg.sparseConvert = convert == Boolean.TRUE;
                    cfg.sparseRatio = integer(a, 1, name(), cfg.sparseRatio, 0, Integer.MAX_VALUE);
                    cfg.sparseSafe = integer(a, 2, name(), cfg.sparseSafe, 0, Integer.MAX_VALUE);
                    return cx.return3(convert, (double) cfg.sparseRatio, (double) cfg.sparseSafe);
                }
            },
            new Builtin("encode_max_depth") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.encodeMaxDepth = integer(a, 0, name(), cfg.encodeMaxDepth, 1, Integer.MAX_VALUE);
                    return cx.return1((double) cfg.encodeMaxDepth);
                }
            },
            new Builtin("decode_max_depth") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.decodeMaxDepth = integer(a, 0, name(), cfg.decodeMaxDepth, 1, Integer.MAX_VALUE);
                    return cx.return1((double) cfg.decodeMaxDepth);
                }
            },
            new Builtin("encode_number_precision") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.encodeNumberPrecision = integer(a, 0, name(), cfg.encodeNumberPrecision, 1, 14);
                    return cx.return1((double) cfg.encodeNumberPrecision);
                }
            },
            new Builtin("encode_keep_buffer") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.encodeKeepBuffer = onOff(a, 0, name(), cfg.encodeKeepBuffer ? 1 : 0, false) == 1;
                    return cx.return1(cfg.encodeKeepBuffer);
                }
            },
            new Builtin("encode_invalid_numbers") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.encodeInvalidNumbers = onOff(a, 0, name(), cfg.encodeInvalidNumbers, true);
                    return cx.return1(cfg.encodeInvalidNumbers == 2 ? LuaString.latin1("null")
                            : (Object) (cfg.encodeInvalidNumbers == 1));
                }
            },
            new Builtin("decode_invalid_numbers") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    checkArgs(a, 1, name());
                    cfg.decodeInvalidNumbers = onOff(a, 0, name(), cfg.decodeInvalidNumbers ? 1 : 0, false) == 1;
                    return cx.return1(cfg.decodeInvalidNumbers);
                }
            },
            new Builtin("new") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    return cx.return1(module());
                }
            },
        };
        for (Builtin f : functions) {
            t.put(LuaString.latin1(f.name()), f);
        }
        t.put(LuaString.latin1("null"), NULL);
        t.put(LuaString.latin1("_NAME"), LuaString.latin1("cjson"));
        t.put(LuaString.latin1("_VERSION"), LuaString.latin1("2.1.0"));
        return t;
    }

    /** json_arg_init: no more than {@code max} arguments. */
    private static void checkArgs(Object[] a, int max, String fname) {
        if (a.length > max) {
            throw Args.argError(max + 1, fname, "found too many arguments");
        }
    }

    /**
     * json_integer_option: nil keeps the setting; otherwise an integer in range. The range
     * error names argument #1 whatever the position, as Lua CJSON does.
     */
    private static int integer(Object[] a, int i, String fname, int current, int min, int max) {
        if (i >= a.length || a[i] == null) {
            return current;
        }
        long value = CConversions.checkInt(Args.checkNumber(a, i, fname)); // lua_Integer into an int
        if (value < min || value > max) {
            throw Args.argError(1, fname, "expected integer between " + min + " and " + max);
        }
        return (int) value;
    }

    /**
     * json_enum_option over "off", "on" (and "null" when {@code withNull}): a boolean selects
     * off/on, a string must name an option. Returns the option's index.
     */
    private static int onOff(Object[] a, int i, String fname, int current, boolean withNull) {
        if (i >= a.length || a[i] == null) {
            return current;
        }
        if (a[i] instanceof Boolean b) {
            return b ? 1 : 0;
        }
        LuaString s = a[i] instanceof Double d ? Conversions.toLuaString(d) : Args.checkString(a, i, fname);
        String name = s.toString();
        switch (name) {
            case "off":
                return 0;
            case "on":
                return 1;
            case "null":
                if (withNull) {
                    return 2;
                }
                break;
            default:
                break;
        }
        throw Args.argError(i + 1, fname, "invalid option '" + name + "'");
    }
}
