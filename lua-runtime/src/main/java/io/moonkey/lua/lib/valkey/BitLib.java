package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import java.util.function.IntBinaryOperator;

/**
 * {@code bit}: 32-bit operations on Lua numbers (LuaBitOp). Arguments become integers the way
 * LuaBitOp does it: add 2^52+2^51 and keep the low 32 bits of the double, which rounds half to
 * even and wraps modulo 2^32. Results are signed 32-bit values.
 */
public final class BitLib {
    private static final double BIAS = 6755399441055744.0; // 2^52 + 2^51

    private BitLib() {}

    public static void install(LuaState state) {
        LuaTable bit = new LuaTable();
        state.globals.put(LuaString.latin1("bit"), bit);
        add(bit, new Unary("tobit", x -> x));
        add(bit, new Unary("bnot", x -> ~x));
        add(bit, new Unary("bswap", Integer::reverseBytes));
        add(bit, new Fold("band", (x, y) -> x & y));
        add(bit, new Fold("bor", (x, y) -> x | y));
        add(bit, new Fold("bxor", (x, y) -> x ^ y));
        add(bit, new Shift("lshift", (x, n) -> x << n));
        add(bit, new Shift("rshift", (x, n) -> x >>> n));
        add(bit, new Shift("arshift", (x, n) -> x >> n));
        add(bit, new Shift("rol", Integer::rotateLeft));
        add(bit, new Shift("ror", Integer::rotateRight));
        add(bit, new ToHex());
    }

    private static void add(LuaTable t, Builtin f) {
        t.put(LuaString.latin1(f.name()), f);
    }

    /** LuaBitOp's barg: a number (or numeric string) as a 32-bit integer. */
    static int toBit(Object[] a, int i, String fname) {
        Object v = i < a.length ? a[i] : null;
        Double d = v instanceof Double n ? n : (v instanceof LuaString ? Conversions.toNumber(v) : null);
        int b = d == null ? 0 : (int) Double.doubleToRawLongBits(d + BIAS);
        if (b == 0 && d == null) {
            throw Args.typeError(a, i, fname, "number");
        }
        return b;
    }

    private static final class Unary extends Builtin {
        private final java.util.function.IntUnaryOperator op;

        Unary(String name, java.util.function.IntUnaryOperator op) {
            super(name);
            this.op = op;
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            return cx.return1((double) op.applyAsInt(toBit(a, 0, name())));
        }
    }

    /**
     * band, bor, bxor: at least one argument. LuaBitOp folds from the last argument down to the
     * second, so the last bad argument is the one reported.
     */
    private static final class Fold extends Builtin {
        private final IntBinaryOperator op;

        Fold(String name, IntBinaryOperator op) {
            super(name);
            this.op = op;
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            int r = toBit(a, 0, name());
            for (int i = a.length - 1; i >= 1; i--) {
                r = op.applyAsInt(r, toBit(a, i, name()));
            }
            return cx.return1((double) r);
        }
    }

    /** Shifts and rotations take the count modulo 32. */
    private static final class Shift extends Builtin {
        private final IntBinaryOperator op;

        Shift(String name, IntBinaryOperator op) {
            super(name);
            this.op = op;
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            int x = toBit(a, 0, name());
            int n = toBit(a, 1, name()) & 31;
            return cx.return1((double) op.applyAsInt(x, n));
        }
    }

    /** tohex(x [, n]): the low n hex digits, uppercase when n is negative; n defaults to 8. */
    private static final class ToHex extends Builtin {
        ToHex() {
            super("tohex");
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            int x = toBit(a, 0, "tohex");
            int n = a.length > 1 ? toBit(a, 1, "tohex") : 8;
            String digits = "0123456789abcdef";
            if (n < 0) {
                n = n == Integer.MIN_VALUE ? Integer.MAX_VALUE : -n; // the fix Valkey and Debian carry
                digits = "0123456789ABCDEF";
            }
            if (n > 8) {
                n = 8;
            }
            byte[] out = new byte[n];
            for (int i = n - 1; i >= 0; i--) {
                out[i] = (byte) digits.charAt(x & 15);
                x >>>= 4;
            }
            return cx.return1(LuaString.wrap(out));
        }
    }
}
