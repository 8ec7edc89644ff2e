package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CConversions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cmsgpack}: MessagePack encoding of Lua values as lua-cmsgpack 0.4.0 does it in Valkey
 * (lua-api.md §10): integers in the smallest encoding, other numbers as float when exact, else
 * double; a table is an array when its keys are exactly 1..n; tables nested 16 deep become nil.
 */
public final class CmsgpackLib {
    private static final int MAX_NESTING = 16;
    /** Deeper input would overflow PUC's Lua stack (LUAI_MAXCSTACK) long before the JVM's. */
    private static final int MAX_DECODE_DEPTH = 4000;

    private CmsgpackLib() {}

    public static void install(LuaState state) {
        LuaTable t = new LuaTable();
        state.globals.put(LuaString.latin1("cmsgpack"), t);
        for (Builtin f : new Builtin[] {new Pack(), new Unpack("unpack"), new Unpack("unpack_one"), new Unpack("unpack_limit")}) {
            t.put(LuaString.latin1(f.name()), f);
        }
        t.put(LuaString.latin1("_NAME"), LuaString.latin1("cmsgpack"));
        t.put(LuaString.latin1("_VERSION"), LuaString.latin1("lua-cmsgpack 0.4.0"));
        t.put(LuaString.latin1("_COPYRIGHT"), LuaString.latin1("Copyright (C) 2012, Salvatore Sanfilippo"));
        t.put(LuaString.latin1("_DESCRIPTION"), LuaString.latin1("MessagePack C implementation for Lua"));
    }

    // ---- encoding ----

    private static final class Pack extends Builtin {
        Pack() {
            super("pack");
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            if (a.length == 0) {
                throw Args.argError(0, "pack", "MessagePack pack needs input.");
            }
            ByteBuilder out = new ByteBuilder(64);
            for (Object v : a) {
                encode(out, v, 0);
            }
            return cx.return1(LuaString.wrap(out.toByteArray()));
        }
    }

    static void encode(ByteBuilder out, Object v, int level) {
        switch (v) {
            case LuaString s -> encodeBytes(out, s);
            case Boolean b -> out.append((byte) (b ? 0xc3 : 0xc2));
            case Double d -> encodeNumber(out, d);
            case LuaTable t when level < MAX_NESTING -> encodeTable(out, t, level);
            case null, default -> out.append((byte) 0xc0);
        }
    }

    private static void encodeNumber(ByteBuilder out, double n) {
        long asLong = CConversions.toLong(n);
        if (!Double.isInfinite(n) && (double) asLong == n) {
            encodeInt(out, asLong);
            return;
        }
        float f = (float) n;
        if ((double) f == n) {
            out.append((byte) 0xca);
            putBigEndian(out, Float.floatToRawIntBits(f) & 0xFFFFFFFFL, 4);
        } else {
            out.append((byte) 0xcb);
            putBigEndian(out, Double.doubleToRawLongBits(n), 8);
        }
    }

    private static void encodeInt(ByteBuilder out, long n) {
        if (n >= 0) {
            if (n <= 127) {
                out.append((byte) n);
            } else if (n <= 0xff) {
                out.append((byte) 0xcc);
                putBigEndian(out, n, 1);
            } else if (n <= 0xffff) {
                out.append((byte) 0xcd);
                putBigEndian(out, n, 2);
            } else if (n <= 0xffffffffL) {
                out.append((byte) 0xce);
                putBigEndian(out, n, 4);
            } else {
                out.append((byte) 0xcf);
                putBigEndian(out, n, 8);
            }
        } else if (n >= -32) {
            out.append((byte) n);
        } else if (n >= -128) {
            out.append((byte) 0xd0);
            putBigEndian(out, n, 1);
        } else if (n >= -32768) {
            out.append((byte) 0xd1);
            putBigEndian(out, n, 2);
        } else if (n >= -2147483648L) {
            out.append((byte) 0xd2);
            putBigEndian(out, n, 4);
        } else {
            out.append((byte) 0xd3);
            putBigEndian(out, n, 8);
        }
    }

    private static void encodeBytes(ByteBuilder out, LuaString s) {
        int len = s.length();
        if (len < 32) {
            out.append((byte) (0xa0 | len));
        } else if (len <= 0xff) {
            out.append((byte) 0xd9);
            putBigEndian(out, len, 1);
        } else if (len <= 0xffff) {
            out.append((byte) 0xda);
            putBigEndian(out, len, 2);
        } else {
            out.append((byte) 0xdb);
            putBigEndian(out, len, 4);
        }
        out.append(s.bytes(), 0, len);
    }

    private static void encodeTable(ByteBuilder out, LuaTable t, int level) {
        Object[] kv = new Object[2];
        long count = 0;
        double max = 0;
        boolean array = true;
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            count++;
            // Keys 1..n exactly: every key a positive number that fits an int, as many as the largest.
            if (array && key instanceof Double d && d > 0 && (double) CConversions.toInt(d) == d) {
                max = Math.max(max, d);
            } else {
                array = false;
            }
        }
        if (array && max == count) {
            header(out, count, 0x90, 0xdc, 0xdd);
            for (int i = 1; i <= count; i++) {
                encode(out, t.get(i), level + 1);
            }
            return;
        }
        header(out, count, 0x80, 0xde, 0xdf);
        key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            Object value = kv[1];
            encode(out, key, level + 1);
            encode(out, value, level + 1);
        }
    }

    private static void header(ByteBuilder out, long n, int fix, int sixteen, int thirtyTwo) {
        if (n <= 15) {
            out.append((byte) (fix | n));
        } else if (n <= 65535) {
            out.append((byte) sixteen);
            putBigEndian(out, n, 2);
        } else {
            out.append((byte) thirtyTwo);
            putBigEndian(out, n, 4);
        }
    }

    private static void putBigEndian(ByteBuilder out, long v, int size) {
        for (int i = size - 1; i >= 0; i--) {
            out.append((byte) (v >>> (8 * i)));
        }
    }

    // ---- decoding ----

    /** unpack(s), unpack_one(s [, offset]), unpack_limit(s, limit [, offset]). */
    private static final class Unpack extends Builtin {
        Unpack(String name) {
            super(name);
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            LuaString s;
            int limit;
            int offset;
            switch (name()) {
                case "unpack_one" -> {
                    offset = (int) Args.optInteger(a, 1, name(), 0);
                    s = Args.checkString(a, 0, name());
                    limit = 1;
                }
                case "unpack_limit" -> {
                    limit = (int) Args.checkInteger(a, 1, name());
                    offset = (int) Args.optInteger(a, 2, name(), 0);
                    s = Args.checkString(a, 0, name());
                }
                default -> {
                    s = Args.checkString(a, 0, name());
                    limit = 0;
                    offset = 0;
                }
            }
            return cx.returnArray(unpack(s.bytes(), limit, offset));
        }
    }

    /** mp_unpack_full: limit 0 with offset 0 means "all", and then no next offset is returned. */
    static Object[] unpack(byte[] s, int limit, int offset) {
        int len = s.length;
        if (offset < 0 || limit < 0) {
            throw Args.error("Invalid request to unpack with offset of " + offset + " and limit of " + len + ".");
        }
        if (offset > len) {
            throw Args.error("Start offset " + offset + " greater than input length " + len + ".");
        }
        boolean all = limit == 0 && offset == 0;
        if (all) {
            limit = Integer.MAX_VALUE;
        }
        Decoder d = new Decoder(s, offset);
        List<Object> values = new ArrayList<>();
        for (int count = 0; d.pos < len && count < limit; count++) {
            values.add(d.value(0));
        }
        if (!all) {
            values.add(0, (double) (d.pos == len ? -1 : d.pos));
        }
        return values.toArray();
    }

    private static final class Decoder {
        private final byte[] b;
        int pos;

        Decoder(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        private void need(long n) {
            if (b.length - pos < n) {
                throw Args.error("Missing bytes in input.");
            }
        }

        private long big(int size) {
            need(size);
            long v = 0;
            for (int i = 0; i < size; i++) {
                v = (v << 8) | (b[pos++] & 0xFF);
            }
            return v;
        }

        Object value(int depth) {
            if (depth > MAX_DECODE_DEPTH) {
                throw Args.error("stack overflow (in function mp_decode_to_lua_array)");
            }
            need(1);
            int c = b[pos++] & 0xFF;
            if (c <= 0x7f) {
                return (double) c;
            }
            if (c >= 0xe0) {
                return (double) (byte) c;
            }
            if ((c & 0xe0) == 0xa0) {
                return string(c & 0x1f);
            }
            if ((c & 0xf0) == 0x90) {
                return array(c & 0x0f, depth);
            }
            if ((c & 0xf0) == 0x80) {
                return map(c & 0x0f, depth);
            }
            return switch (c) {
                case 0xc0 -> null;
                case 0xc2 -> Boolean.FALSE;
                case 0xc3 -> Boolean.TRUE;
                case 0xcc -> (double) big(1);
                case 0xcd -> (double) big(2);
                case 0xce -> (double) big(4);
                case 0xcf -> (double) big(8); // reinterpreted as signed, as 0.4.0 does
                case 0xd0 -> (double) (byte) big(1);
                case 0xd1 -> (double) (short) big(2);
                case 0xd2 -> (double) (int) big(4);
                case 0xd3 -> (double) big(8);
                case 0xca -> (double) Float.intBitsToFloat((int) big(4));
                case 0xcb -> Double.longBitsToDouble(big(8));
                case 0xd9 -> string(big(1));
                case 0xda -> string(big(2));
                case 0xdb -> string(big(4));
                case 0xdc -> array(big(2), depth);
                case 0xdd -> array(big(4), depth);
                case 0xde -> map(big(2), depth);
                case 0xdf -> map(big(4), depth);
                default -> throw Args.error("Bad data format in input.");
            };
        }

        private LuaString string(long n) {
            need(n);
            LuaString s = LuaString.copyOf(b, pos, (int) (pos + n));
            pos += (int) n;
            return s;
        }

        private LuaTable array(long n, int depth) {
            LuaTable t = new LuaTable();
            for (long i = 1; i <= n; i++) {
                Object v = value(depth + 1);
                if (v != null) {
                    t.put((double) i, v);
                }
            }
            return t;
        }

        private LuaTable map(long n, int depth) {
            LuaTable t = new LuaTable();
            for (long i = 0; i < n; i++) {
                Object k = value(depth + 1);
                Object v = value(depth + 1);
                t.put(k, v);
            }
            return t;
        }
    }
}
