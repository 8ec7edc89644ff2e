package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.Index;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Metatables;
import io.moonkey.lua.runtime.Types;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CConversions;
import io.moonkey.lua.text.LuaTextException;
import io.moonkey.lua.text.PatternMatcher;
import io.moonkey.lua.text.Printf;

/**
 * The string library (Lua 5.1 manual §5.4) over byte strings; formatting and pattern matching
 * are the {@code io.moonkey.lua.text} algorithms. All strings share a metatable whose
 * {@code __index} is this table, so {@code s:sub(1, 2)} works.
 */
public final class StringLib {
    /** Strings longer than this are refused ("not enough memory") instead of exhausting the heap. */
    static final long MAX_STRING = Integer.MAX_VALUE - 16;

    private StringLib() {}

    /** {@code posrelat}: a negative position counts from the end. */
    static long posrelat(long pos, int len) {
        if (pos < 0) {
            pos += len + 1;
        }
        return pos >= 0 ? pos : 0;
    }

    /**
     * A matcher for one search, polling {@code cx}; reused per context when not in use by an
     * enclosing call (a gsub replacement function may search again), so the parsed items of the
     * context's recent patterns survive from call to call.
     */
    private static PatternMatcher matcher(CallContext cx) {
        Object m = cx.spareMatcher;
        if (m != null) {
            cx.spareMatcher = null;
            return (PatternMatcher) m;
        }
        return new PatternMatcher().pollWith(cx::poll);
    }

    private static void release(CallContext cx, PatternMatcher m) {
        cx.spareMatcher = m;
    }

    static LuaError textError(LuaTextException e, String fname) {
        if (e.argument() > 0) {
            return Args.argError(e.argument(), fname, e.getMessage());
        }
        return Args.error(e.getMessage());
    }

    /** Capture {@code i} of the last match as a Lua value (positions are numbers). */
    private static Object capture(PatternMatcher m, LuaString s, int i) {
        if (m.isPositionCapture(i)) {
            return (double) m.capturePosition(i);
        }
        return s.substring(m.captureStart(i), m.captureEnd(i));
    }

    static void install(LuaState state) {
        LuaTable string = new LuaTable();
        state.globals.put(LuaString.constant("string"), string);
        LuaTable meta = new LuaTable();
        meta.put(Metatables.INDEX, string);
        state.stringMetatable = meta;
        LuaLib lib = new LuaLib(string);

        lib.add(new Builtin("len") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1((double) Args.checkString(a, 0, "len").length());
            }
        });
        lib.add(new Builtin("sub") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "sub");
                int l = s.length();
                long start = posrelat(Args.checkInteger(a, 1, "sub"), l);
                long end = posrelat(Args.optInteger(a, 2, "sub", -1), l);
                if (start < 1) {
                    start = 1;
                }
                if (end > l) {
                    end = l;
                }
                if (start <= end) {
                    return cx.return1(s.substring((int) start - 1, (int) end));
                }
                return cx.return1(LuaString.EMPTY);
            }
        });
        lib.add(new Builtin("upper") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "upper");
                byte[] b = s.bytes().clone();
                for (int i = 0; i < b.length; i++) {
                    if (b[i] >= 'a' && b[i] <= 'z') {
                        b[i] -= 32;
                    }
                }
                return cx.return1(LuaString.wrap(b));
            }
        });
        lib.add(new Builtin("lower") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "lower");
                byte[] b = s.bytes().clone();
                for (int i = 0; i < b.length; i++) {
                    if (b[i] >= 'A' && b[i] <= 'Z') {
                        b[i] += 32;
                    }
                }
                return cx.return1(LuaString.wrap(b));
            }
        });
        lib.add(new Builtin("reverse") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "reverse");
                int n = s.length();
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = s.byteAt(n - 1 - i);
                }
                return cx.return1(LuaString.wrap(b));
            }
        });
        lib.add(new Builtin("dump") {
            /**
             * Compiled functions have no Lua 5.1 bytecode; the result only carries the binary
             * chunk header, which loadstring refuses like any binary chunk (lua-api.md §6.3).
             */
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object f = Args.checkFunction(a, 0, "dump");
                if (f instanceof Builtin) {
                    throw Args.error("unable to dump given function");
                }
                return cx.return1(LuaString.wrap(new byte[] {27, 'L', 'u', 'a', 0x51, 0, 1, 4, 8, 4, 8, 0}));
            }
        });
        lib.add(new Builtin("rep") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "rep");
                long n = CConversions.checkInt(Args.checkNumber(a, 1, "rep")); // luaL_checkint: 2^31 wraps negative
                if (n <= 0 || s.length() == 0) {
                    return cx.return1(LuaString.EMPTY);
                }
                if (n * s.length() > MAX_STRING) {
                    throw Args.error("not enough memory");
                }
                int len = s.length();
                byte[] b = new byte[(int) (n * len)];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(s.bytes(), 0, b, i * len, len);
                    if ((i & 0xffff) == 0xffff) {
                        cx.poll();
                    }
                }
                return cx.return1(LuaString.wrap(b));
            }
        });
        lib.add(new Builtin("byte") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "byte");
                int l = s.length();
                long posi = posrelat(Args.optInteger(a, 1, "byte", 1), l);
                long pose = posrelat(Args.optInteger(a, 2, "byte", posi), l);
                if (posi <= 0) {
                    posi = 1;
                }
                if (pose > l) {
                    pose = l;
                }
                if (posi > pose) {
                    return cx.return0();
                }
                int n = (int) (pose - posi + 1);
                if (n == 1) {
                    return cx.return1((double) (s.byteAt((int) posi - 1) & 0xff));
                }
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = (double) (s.byteAt((int) posi - 1 + i) & 0xff);
                }
                return cx.returnArray(r);
            }
        });
        lib.add(new Builtin("char") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                byte[] b = new byte[a.length];
                for (int i = 0; i < a.length; i++) {
                    int c = Args.checkInt(a, i, "char");
                    if ((c & 0xff) != c) {
                        throw Args.argError(i + 1, "char", "invalid value");
                    }
                    b[i] = (byte) c;
                }
                return cx.return1(LuaString.wrap(b));
            }
        });
        lib.add(new Builtin("format") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString fmt = Args.checkString(a, 0, "format");
                ByteBuilder out = new ByteBuilder(fmt.length() + 16);
                try {
                    Printf.format(out, fmt.bytes(), 0, fmt.length(), new Printf.Arguments() {
                        @Override
                        public int count() {
                            return a.length - 1;
                        }

                        @Override
                        public double number(int argNo) {
                            return Args.checkNumber(a, argNo - 1, "format");
                        }

                        @Override
                        public byte[] string(int argNo) {
                            return Args.checkString(a, argNo - 1, "format").bytes();
                        }
                    });
                } catch (LuaTextException e) {
                    throw textError(e, "format");
                }
                return cx.return1(LuaString.wrap(out.toByteArray()));
            }
        });
        lib.add(new Builtin("find") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return find(cx, a, true);
            }
        });
        lib.add(new Builtin("match") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return find(cx, a, false);
            }
        });
        Builtin gmatch = new Builtin("gmatch") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                LuaString s = Args.checkString(a, 0, "gmatch");
                LuaString p = Args.checkString(a, 1, "gmatch");
                return cx.return1(new GmatchIterator(s, p));
            }
        };
        lib.add(gmatch);
        lib.add("gfind", gmatch);
        lib.add(new Builtin("gsub") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return gsub(cx, a);
            }
        });
    }

    private static Object find(CallContext cx, Object[] a, boolean find) {
        String fname = find ? "find" : "match";
        LuaString s = Args.checkString(a, 0, fname);
        LuaString p = Args.checkString(a, 1, fname);
        long init = Args.optInteger(a, 2, fname, 1);
        PatternMatcher m = matcher(cx);
        try {
            m.reset(s.bytes(), 0, s.length(), p.bytes(), 0, p.length());
            boolean found;
            if (find) {
                found = m.find(init, Types.isTrue(Args.arg(a, 3)));
            } else {
                found = m.match(init);
            }
            if (!found) {
                return cx.return1(null);
            }
            if (find) {
                int nc = m.captureCount();
                if (nc == 0) {
                    return cx.return2((double) (m.matchStart() + 1), (double) m.matchEnd());
                }
                Object[] r = new Object[2 + nc];
                r[0] = (double) (m.matchStart() + 1);
                r[1] = (double) m.matchEnd();
                for (int i = 0; i < nc; i++) {
                    r[2 + i] = capture(m, s, i);
                }
                return cx.returnArray(r);
            }
            int n = m.resultCount();
            if (n == 1) {
                return cx.return1(capture(m, s, 0));
            }
            Object[] r = new Object[n];
            for (int i = 0; i < n; i++) {
                r[i] = capture(m, s, i);
            }
            return cx.returnArray(r);
        } catch (LuaTextException e) {
            throw textError(e, fname);
        } finally {
            release(cx, m);
        }
    }

    /** The iterator {@code string.gmatch} returns: keeps its own matcher and position. */
    private static final class GmatchIterator extends Builtin {
        private final LuaString s;
        private final LuaString p;
        private final PatternMatcher m = new PatternMatcher();
        private int pos;

        GmatchIterator(LuaString s, LuaString p) {
            super("gmatch_aux");
            this.s = s;
            this.p = p;
        }

        @Override
        public Object invoke(CallContext cx, Object[] args) {
            if (pos < 0) {
                return cx.return1(null);
            }
            try {
                m.reset(s.bytes(), 0, s.length(), p.bytes(), 0, p.length(), cx::poll);
                int next = m.gmatch(pos);
                pos = next;
                if (next < 0) {
                    return cx.return1(null);
                }
                int n = m.resultCount();
                if (n == 1) {
                    return cx.return1(capture(m, s, 0));
                }
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    r[i] = capture(m, s, i);
                }
                return cx.returnArray(r);
            } catch (LuaTextException e) {
                throw textError(e, "gmatch");
            }
        }

        @Override
        public Object call(CallContext cx, Object a, Object b) {
            return invoke(cx, LuaFunction.NO_ARGS);
        }
    }

    private static Object gsub(CallContext cx, Object[] a) {
        LuaString s = Args.checkString(a, 0, "gsub");
        LuaString p = Args.checkString(a, 1, "gsub");
        Object repl = Args.arg(a, 2);
        long maxN = Args.optInteger(a, 3, "gsub", s.length() + 1L);
        PatternMatcher.Replacement r;
        if (repl instanceof Double || repl instanceof LuaString) {
            r = PatternMatcher.stringReplacement(Conversions.toLuaString(repl).bytes());
        } else if (repl instanceof LuaTable || repl instanceof LuaFunction) {
            r = (m, out) -> {
                Object v;
                if (repl instanceof LuaTable t) {
                    v = Index.get(cx, t, capture(m, s, 0));
                } else {
                    int n = m.resultCount();
                    if (n == 1) {
                        v = Calls.call1(cx, repl, capture(m, s, 0));
                    } else {
                        Object[] caps = new Object[n];
                        for (int i = 0; i < n; i++) {
                            caps[i] = capture(m, s, i);
                        }
                        v = Calls.invoke(cx, repl, caps);
                    }
                }
                if (!Types.isTrue(v)) {
                    out.append(s.bytes(), m.matchStart(), m.matchEnd() - m.matchStart());
                } else if (v instanceof LuaString || v instanceof Double) {
                    out.append(Conversions.toLuaString(v).bytes());
                } else {
                    throw Args.error("invalid replacement value (a " + Types.typeName(v) + ")");
                }
            };
        } else {
            throw Args.argError(3, "gsub", "string/function/table expected");
        }
        PatternMatcher m = matcher(cx);
        try {
            m.reset(s.bytes(), 0, s.length(), p.bytes(), 0, p.length());
            ByteBuilder out = m.scratchOutput();
            int n = m.gsub(out, maxN, r);
            // nothing replaced: the result has the subject's bytes, and strings are values
            LuaString result = n == 0 ? s : LuaString.wrap(out.toByteArray());
            return cx.return2(result, (double) n);
        } catch (LuaTextException e) {
            throw textError(e, "gsub");
        } finally {
            m.trimScratch();
            release(cx, m);
        }
    }
}
