package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.Compare;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Metatables;
import io.moonkey.lua.runtime.Types;
import io.moonkey.lua.runtime.Userdata;
import io.moonkey.lua.text.NumberParser;
import java.io.ByteArrayOutputStream;

/** The basic functions (Lua 5.1 manual §5.1). */
public final class BaseLib {
    private static final LuaString NIL = LuaString.latin1("nil");
    private static final LuaString TRUE = LuaString.latin1("true");
    private static final LuaString FALSE = LuaString.latin1("false");
    private static final LuaString TOSTRING = LuaString.latin1("tostring");
    private static final LuaString[] TYPE_NAMES = new LuaString[8];
    private static final String[] TYPES = {"nil", "boolean", "number", "string", "table", "function", "thread", "userdata"};

    static {
        for (int i = 0; i < TYPES.length; i++) {
            TYPE_NAMES[i] = LuaString.latin1(TYPES[i]);
        }
    }

    private BaseLib() {}

    static LuaString typeName(Object v) {
        String t = Types.typeName(v);
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(t)) {
                return TYPE_NAMES[i];
            }
        }
        return LuaString.latin1(t);
    }

    /** {@code tostring} with {@code __tostring} (manual §5.1). */
    public static LuaString toString(CallContext cx, Object v) {
        Object h = Metatables.event(cx, v, Metatables.TOSTRING);
        if (h != null) {
            Object r = Calls.call1(cx, h, v);
            if (!(r instanceof LuaString) && !(r instanceof Double)) {
                throw LuaError.plain("'__tostring' must return a string");
            }
            return Conversions.toLuaString(r);
        }
        if (v == null) {
            return NIL;
        }
        if (v instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        return Conversions.toStringValue(v);
    }

    static void install(LuaState state) {
        LuaTable g = state.globals;
        LuaLib lib = new LuaLib(g);
        g.put(LuaString.latin1("_G"), g);
        g.put(LuaString.latin1("_VERSION"), LuaString.latin1("Lua 5.1"));

        lib.add(new Builtin("print") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object ts = cx.state.globals.get(TOSTRING);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    Object s = Calls.call1(cx, ts, a[i]);
                    if (!(s instanceof LuaString) && !(s instanceof Double)) {
                        throw Args.error("'tostring' must return a string to 'print'");
                    }
                    LuaString ls = Conversions.toLuaString(s);
                    // lua5.1 prints with fputs: each value stops at its first NUL byte.
                    int n = 0;
                    while (n < ls.length() && ls.byteAt(n) != 0) {
                        n++;
                    }
                    out.write(ls.bytes(), 0, n);
                }
                out.write('\n');
                cx.state.stdout.write(out.toByteArray(), 0, out.size());
                cx.state.stdout.flush();
                return cx.return0();
            }
        });
        lib.add(new Builtin("type") {
            @Override
            public Object call(CallContext cx, Object v) {
                return cx.return1(typeName(v));
            }

            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkAny(a, 0, "type");
                return cx.return1(typeName(a[0]));
            }
        });
        lib.add(new Builtin("tostring") {
            @Override
            public Object call(CallContext cx, Object v) {
                return cx.return1(BaseLib.toString(cx, v));
            }

            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkAny(a, 0, "tostring");
                return cx.return1(BaseLib.toString(cx, a[0]));
            }
        });
        lib.add(new Builtin("tonumber") {
            @Override
            public Object call(CallContext cx, Object v) {
                return cx.return1(Conversions.toNumber(v));
            }

            @Override
            public Object invoke(CallContext cx, Object[] a) {
                int base = Args.optInt(a, 1, "tonumber", 10);
                if (base == 10) {
                    Args.checkAny(a, 0, "tonumber");
                    return cx.return1(Conversions.toNumber(a[0]));
                }
                LuaString s = Args.checkString(a, 0, "tonumber");
                if (base < 2 || base > 36) {
                    throw Args.argError(2, "tonumber", "base out of range");
                }
                long bits = NumberParser.toNumberBits(s.bytes(), 0, s.length(), base);
                return cx.return1(bits == NumberParser.FAILED ? null : Double.longBitsToDouble(bits));
            }
        });
        Builtin next = new NextBuiltin() {
            @Override
            public Object call(CallContext cx, Object t, Object k) {
                if (!(t instanceof LuaTable table)) {
                    throw Args.typeError(new Object[] {t, k}, 0, "next", "table");
                }
                Object[] out = cx.ret;
                if (table.next(k, out)) {
                    // next() wrote key and value straight into the result registers.
                    cx.nret = 2;
                    return out[0];
                }
                return cx.return1(null);
            }

            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "next");
                return call(cx, t, Args.arg(a, 1));
            }
        };
        lib.add(next);
        lib.add(new Builtin("pairs") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "pairs");
                return cx.return3(next, t, null);
            }
        });
        Builtin ipairsAux = new Builtin("ipairs_aux") {
            @Override
            public Object call(CallContext cx, Object t, Object i) {
                int k = (int) (double) (Double) i + 1;
                Object v = ((LuaTable) t).get(k);
                if (v == null) {
                    return cx.return0();
                }
                return cx.return2((double) k, v);
            }

            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "ipairs");
                return call(cx, t, Args.checkNumber(a, 1, "ipairs"));
            }
        };
        lib.add(new Builtin("ipairs") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "ipairs");
                return cx.return3(ipairsAux, t, 0.0);
            }
        });
        lib.add(new Builtin("select") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object n = Args.arg(a, 0);
                if (n instanceof LuaString s && s.length() == 1 && s.byteAt(0) == '#') {
                    return cx.return1((double) (a.length - 1));
                }
                long i = Args.checkInteger(a, 0, "select");
                if (i < 0) {
                    i = a.length + i;
                } else if (i == 0) {
                    throw Args.argError(1, "select", "index out of range");
                }
                if (i < 0) {
                    throw Args.argError(1, "select", "index out of range");
                }
                if (i >= a.length) {
                    return cx.return0();
                }
                int from = (int) i;
                int count = a.length - from;
                if (count == 1) {
                    return cx.return1(a[from]);
                }
                Object[] r = new Object[count];
                System.arraycopy(a, from, r, 0, count);
                return cx.returnArray(r);
            }
        });
        lib.add(new Builtin("unpack") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "unpack");
                long i = Args.optInteger(a, 1, "unpack", 1);
                long e = Args.arg(a, 2) == null ? t.length() : Args.checkInteger(a, 2, "unpack");
                if (i > e) {
                    return cx.return0();
                }
                long n = e - i + 1;
                if (n >= Integer.MAX_VALUE || n > 8000) {
                    throw Args.error("too many results to unpack");
                }
                Object[] r = new Object[(int) n];
                for (int k = 0; k < n; k++) {
                    r[k] = t.get((double) (i + k));
                }
                return cx.returnArray(r);
            }
        });
        lib.add(new Builtin("rawget") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "rawget");
                Args.checkAny(a, 1, "rawget");
                return cx.return1(t.get(a[1]));
            }
        });
        lib.add(new Builtin("rawset") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "rawset");
                Args.checkAny(a, 1, "rawset");
                Args.checkAny(a, 2, "rawset");
                if (t.isReadonly()) {
                    throw TableLib.readonlyError(); // raised by the C API: no position (Valkey's patch)
                }
                t.put(a[1], a[2]);
                return cx.return1(t);
            }
        });
        lib.add(new Builtin("rawequal") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkAny(a, 0, "rawequal");
                Args.checkAny(a, 1, "rawequal");
                return cx.return1(Types.bool(Compare.rawEquals(a[0], a[1])));
            }
        });
        lib.add(new Builtin("setmetatable") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "setmetatable");
                Object mt = Args.arg(a, 1);
                if (a.length < 2 || (mt != null && !(mt instanceof LuaTable))) {
                    throw Args.typeError(a, 1, "setmetatable", "nil or table");
                }
                LuaTable old = t.metatable();
                if (old != null && old.getStr(Metatables.METATABLE) != null) {
                    throw Args.error("cannot change a protected metatable");
                }
                if (t.isReadonly()) {
                    throw TableLib.readonlyError(); // raised by the C API: no position (Valkey's patch)
                }
                t.setMetatable((LuaTable) mt);
                cx.state.weakTables.noteMetatable(t, (LuaTable) mt);
                return cx.return1(t);
            }
        });
        lib.add(new Builtin("getmetatable") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkAny(a, 0, "getmetatable");
                LuaTable mt = Metatables.of(cx, a[0]);
                if (mt == null) {
                    return cx.return1(null);
                }
                Object protect = mt.getStr(Metatables.METATABLE);
                return cx.return1(protect != null ? protect : mt);
            }
        });
        lib.add(new Builtin("assert") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String site = cx.takeSiteWhere();
                Args.checkAny(a, 0, "assert");
                if (!Types.isTrue(a[0])) {
                    LuaString msg = Args.optString(a, 1, "assert", null);
                    String text = msg == null ? "assertion failed!" : msg.toString();
                    throw site != null ? LuaError.plain(site + text) : Args.error(text);
                }
                return cx.returnArray(a);
            }
        });
        lib.add(new Builtin("error") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                String site = cx.takeSiteWhere();
                Object v = Args.arg(a, 0);
                int level = Args.optInt(a, 1, "error", 1);
                if ((v instanceof LuaString || v instanceof Double) && level > 0) {
                    String where = level == 1 && site != null ? site : CallStack.where(level);
                    v = LuaString.latin1(where).concat(Conversions.toLuaString(v));
                }
                return raise(cx, v, site);
            }
        });
        lib.add(new ProtectedCall.PCall());
        lib.add(new ProtectedCall.XPCall());
        lib.add(new Builtin("getfenv") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object f = Args.arg(a, 0);
                LuaFunction fn = functionAt(cx, f == null ? 1.0 : f, "getfenv");
                if (fn == null) {
                    return cx.return1(cx.state.globals);
                }
                return cx.return1(fn.env);
            }
        });
        lib.add(new Builtin("setfenv") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable env = Args.checkTable(a, 1, "setfenv");
                Object f = Args.arg(a, 0);
                if (f instanceof Double d && d == 0) {
                    cx.state.globals.put(LuaString.latin1("_G"), cx.state.globals); // thread env stays the globals table
                    return cx.return0();
                }
                LuaFunction fn = functionAt(cx, f, "setfenv");
                if (fn == null || fn instanceof Builtin) {
                    throw Args.error("'setfenv' cannot change environment of given object");
                }
                fn.setEnv(env);
                return cx.return1(fn);
            }
        });
        lib.add(new Builtin("loadstring") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "loadstring");
                LuaString name = Args.optString(a, 1, "loadstring", s);
                return load(cx, s.bytes(), name.toString());
            }
        });
        lib.add(new Builtin("load") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaFunction f = Args.checkFunction(a, 0, "load");
                LuaString name = Args.optString(a, 1, "load", LuaString.latin1("=(load)"));
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                while (true) {
                    Object piece = Calls.call1(cx, f, null);
                    if (piece == null) {
                        break;
                    }
                    if (!(piece instanceof LuaString s)) {
                        return cx.return2(null, LuaString.latin1("reader function must return a string"));
                    }
                    if (s.length() == 0) {
                        break;
                    }
                    buf.write(s.bytes(), 0, s.length());
                }
                return load(cx, buf.toByteArray(), name.toString());
            }
        });
        lib.add(new Builtin("loadfile") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString name = Args.optString(a, 0, "loadfile", null);
                try {
                    return cx.return1(loadFile(cx, name));
                } catch (LuaError e) {
                    return cx.return2(null, e.value());
                }
            }
        });
        lib.add(new Builtin("dofile") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString name = Args.optString(a, 0, "dofile", null);
                LuaFunction f = loadFile(cx, name);
                return f.invoke(cx, LuaFunction.NO_ARGS);
            }
        });
        lib.add(new Builtin("collectgarbage") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString opt = Args.optString(a, 0, "collectgarbage", LuaString.latin1("collect"));
                String o = opt.toString();
                Runtime rt = Runtime.getRuntime();
                switch (o) {
                    case "count" -> {
                        return cx.return1((rt.totalMemory() - rt.freeMemory()) / 1024.0);
                    }
                    case "collect" -> {
                        cx.state.weakTables.collect();
                        return cx.return1(0.0);
                    }
                    case "step", "stop", "restart", "setpause", "setstepmul" -> {
                        return cx.return1(0.0);
                    }
                    default -> throw Args.argError(1, "collectgarbage", "invalid option '" + o + "'");
                }
            }
        });
        lib.add(new Builtin("gcinfo") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Runtime rt = Runtime.getRuntime();
                return cx.return1((double) ((rt.totalMemory() - rt.freeMemory()) / 1024));
            }
        });
        lib.add(new Builtin("newproxy") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object arg = Args.arg(a, 0);
                Userdata u = new Userdata(null, null);
                if (arg == Boolean.TRUE) {
                    u.metatable = new LuaTable();
                } else if (arg instanceof Userdata other) {
                    u.metatable = other.metatable;
                }
                return cx.return1(u);
            }
        });
    }

    /** {@code next}, recognisable by generic {@code for} loops (see ForInIterator). */
    private abstract static class NextBuiltin extends Builtin implements io.moonkey.lua.runtime.ForInIterator.NextFunction {
        NextBuiltin() {
            super("next");
        }
    }

    private static Object load(CallContext cx, byte[] src, String chunkName) {
        try {
            LuaFunction f = cx.state.chunkLoader().load(cx.state, src, chunkName, cx.state.globals,
                    ChunkLoader.Kind.LUA_STRING);
            return cx.return1(f);
        } catch (LuaError e) {
            return cx.return2(null, e.value());
        }
    }

    /** {@code luaL_loadfile}: a file (or stdin for nil), '#' first line skipped. */
    static LuaFunction loadFile(CallContext cx, LuaString name) {
        byte[] src;
        String chunkName;
        try {
            if (name == null) {
                src = System.in.readAllBytes();
                chunkName = "=stdin";
            } else {
                src = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(name.toString()));
                chunkName = "@" + name;
            }
        } catch (java.io.IOException e) {
            throw LuaError.plain("cannot open " + (name == null ? "stdin" : name.toString()) + ": No such file or directory");
        }
        return cx.state.chunkLoader().load(cx.state, src, chunkName, cx.state.globals, ChunkLoader.Kind.FILE);
    }

    /** getfenv/setfenv's first argument: a function, or a level (1 = the caller). */
    static LuaFunction functionAt(CallContext cx, Object f, String fname) {
        if (f instanceof LuaFunction fn) {
            return fn;
        }
        Double level = Conversions.toNumber(f);
        if (level == null) {
            throw Args.typeError(new Object[] {f}, 0, fname, "number");
        }
        if (level < 0) {
            throw Args.argError(1, fname, "level must be non-negative");
        }
        if (level == 0) {
            return null;
        }
        if (level == 1) {
            LuaClosure caller = cx.fenvCaller;
            if (caller != null) {
                return caller;
            }
        }
        if (CallStack.level(level.intValue()) == null) {
            throw Args.argError(1, fname, "invalid level");
        }
        return null;
    }

    /** Throws {@code v}, noting the position of the {@code error} call for embedders. */
    private static Object raise(CallContext cx, Object v, String site) {
        throw new LuaError(cx, v).raisedAt(site != null ? site : CallStack.where(1));
    }
}
