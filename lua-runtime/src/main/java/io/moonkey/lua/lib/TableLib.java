package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.Compare;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Types;
import io.moonkey.lua.text.ByteBuilder;

/**
 * The table library (Lua 5.1 manual §5.5). Reads and writes are raw, as in ltablib.c; {@code sort}
 * is PUC's quicksort step for step, so comparators see the same calls and inconsistent ones
 * raise "invalid order function for sorting" at the same point.
 */
public final class TableLib {
    private TableLib() {}

    /**
     * Valkey's read-only tables refuse raw writes too (lua_rawseti), with a message that has
     * no position since the C API raises it.
     */
    static LuaError readonlyError() {
        return LuaError.plain("Attempt to modify a readonly table");
    }

    /** A raw store made by a library function: refused for read-only tables. */
    private static void store(LuaTable t, int i, Object v) {
        if (t.isReadonly()) {
            throw readonlyError();
        }
        t.put(i, v);
    }

    static void install(LuaState state) {
        LuaTable table = new LuaTable();
        state.globals.put(LuaString.constant("table"), table);
        LuaLib lib = new LuaLib(table);
        lib.add(new Builtin("insert") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "insert");
                int e = t.length() + 1;
                int pos;
                switch (a.length) {
                    case 2 -> pos = e;
                    case 3 -> {
                        pos = Args.checkInt(a, 1, "insert");
                        if (pos > e) {
                            e = pos;
                        }
                        for (int i = e; i > pos; i--) {
                            store(t, i, t.get(i - 1));
                        }
                    }
                    default -> throw Args.error("wrong number of arguments to 'insert'");
                }
                store(t, pos, a[a.length - 1]);
                return cx.return0();
            }
        });
        lib.add(new Builtin("remove") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "remove");
                int e = t.length();
                int pos = Args.optInt(a, 1, "remove", e);
                if (!(1 <= pos && pos <= e)) {
                    return cx.return0();
                }
                Object r = t.get(pos);
                for (; pos < e; pos++) {
                    store(t, pos, t.get(pos + 1));
                }
                store(t, e, null);
                return cx.return1(r);
            }
        });
        lib.add(new Builtin("concat") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "concat");
                LuaString sep = Args.optString(a, 1, "concat", LuaString.EMPTY);
                long i = Args.optInteger(a, 2, "concat", 1);
                long last = Args.arg(a, 3) == null ? t.length() : Args.checkInteger(a, 3, "concat");
                ByteBuilder out = new ByteBuilder();
                for (; i <= last; i++) {
                    Object v = t.get((double) i);
                    LuaString s = v instanceof LuaString ls ? ls : v instanceof Double ? Conversions.toLuaString(v) : null;
                    if (s == null) {
                        throw Args.error("invalid value (" + io.moonkey.lua.runtime.Types.typeName(v) + ") at index " + i + " in table for 'concat'");
                    }
                    out.append(s.bytes());
                    if (i != last) {
                        out.append(sep.bytes());
                    }
                }
                return cx.return1(LuaString.wrap(out.toByteArray()));
            }
        });
        lib.add(new Builtin("getn") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1((double) Args.checkTable(a, 0, "getn").length());
            }
        });
        lib.add(new Builtin("setn") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Args.checkTable(a, 0, "setn");
                throw Args.error("'setn' is obsolete");
            }
        });
        lib.add(new Builtin("maxn") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "maxn");
                double max = 0;
                Object[] kv = new Object[2];
                Object k = null;
                while (t.next(k, kv)) {
                    k = kv[0];
                    if (k instanceof Double d && d > max) {
                        max = d;
                    }
                }
                return cx.return1(max);
            }
        });
        lib.add(new Builtin("foreachi") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "foreachi");
                Object f = Args.checkFunction(a, 1, "foreachi");
                int n = t.length();
                for (int i = 1; i <= n; i++) {
                    Object r = Calls.call2(cx, f, (double) i, t.get(i));
                    if (r != null) {
                        return cx.return1(r);
                    }
                }
                return cx.return0();
            }
        });
        lib.add(new Builtin("foreach") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "foreach");
                Object f = Args.checkFunction(a, 1, "foreach");
                Object[] kv = new Object[2];
                Object k = null;
                while (t.next(k, kv)) {
                    k = kv[0];
                    Object r = Calls.call2(cx, f, kv[0], kv[1]);
                    if (r != null) {
                        return cx.return1(r);
                    }
                }
                return cx.return0();
            }
        });
        lib.add(new Builtin("sort") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaTable t = Args.checkTable(a, 0, "sort");
                int n = t.length();
                Object cmp = Args.arg(a, 1);
                if (cmp != null) {
                    Args.checkFunction(a, 1, "sort");
                }
                new Sorter(cx, t, cmp).sort(1, n);
                return cx.return0();
            }
        });
    }

    /** ltablib.c {@code auxsort}, with the Lua stack replaced by locals. */
    private static final class Sorter {
        private final CallContext cx;
        private final LuaTable t;
        private final Object cmp;

        Sorter(CallContext cx, LuaTable t, Object cmp) {
            this.cx = cx;
            this.t = t;
            this.cmp = cmp;
        }

        private boolean less(Object a, Object b) {
            if (cmp == null) {
                return Compare.lt(cx, a, b);
            }
            return Types.isTrue(Calls.call2(cx, cmp, a, b));
        }

        void sort(int l, int u) {
            while (l < u) {
                cx.poll();
                Object al = t.get(l);
                Object au = t.get(u);
                if (less(au, al)) {
                    store(t, l, au);
                    store(t, u, al);
                }
                if (u - l == 1) {
                    break;
                }
                int i = (l + u) >>> 1;
                Object ai = t.get(i);
                al = t.get(l);
                if (less(ai, al)) {
                    store(t, i, al);
                    store(t, l, ai);
                } else {
                    au = t.get(u);
                    if (less(au, ai)) {
                        store(t, i, au);
                        store(t, u, ai);
                    }
                }
                if (u - l == 2) {
                    break;
                }
                Object pivot = t.get(i);
                Object au1 = t.get(u - 1);
                store(t, i, au1);
                t.put(u - 1, pivot);
                i = l;
                int j = u - 1;
                for (;;) {
                    Object x;
                    while (less(x = t.get(++i), pivot)) {
                        if (i > u) {
                            throw Args.error("invalid order function for sorting");
                        }
                    }
                    Object y;
                    while (less(pivot, y = t.get(--j))) {
                        if (j < l) {
                            throw Args.error("invalid order function for sorting");
                        }
                    }
                    if (j < i) {
                        break;
                    }
                    store(t, i, y);
                    t.put(j, x);
                }
                Object a1 = t.get(u - 1);
                Object a2 = t.get(i);
                t.put(u - 1, a2);
                store(t, i, a1);
                if (i - l < u - i) {
                    j = l;
                    i = i - 1;
                    l = i + 2;
                } else {
                    j = i + 1;
                    i = u;
                    u = j - 2;
                }
                sort(j, i);
            }
        }
    }
}
