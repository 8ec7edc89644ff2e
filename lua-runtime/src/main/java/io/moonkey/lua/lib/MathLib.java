package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.Arith;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.LuaRandom;
import java.util.function.DoubleUnaryOperator;

/** The mathematical functions (Lua 5.1 manual §5.6), C's libm semantics. */
public final class MathLib {
    private MathLib() {}

    /** A one-argument function with a no-allocation fixed-arity entry. */
    private static final class Unary extends Builtin {
        private final DoubleUnaryOperator op;

        Unary(String name, DoubleUnaryOperator op) {
            super(name);
            this.op = op;
        }

        @Override
        public Object call(CallContext cx, Object a) {
            if (a instanceof Double d) {
                return cx.return1(op.applyAsDouble(d));
            }
            return invoke(cx, new Object[] {a});
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            return cx.return1(op.applyAsDouble(Args.checkNumber(a, 0, name())));
        }
    }

    public static void install(LuaState state, LuaRandom.Source random) {
        LuaTable math = new LuaTable();
        state.globals.put(LuaString.constant("math"), math);
        LuaLib lib = new LuaLib(math);
        lib.add(new Unary("floor", Math::floor));
        lib.add(new Unary("ceil", Math::ceil));
        lib.add(new Unary("abs", Math::abs));
        lib.add(new Unary("sqrt", Math::sqrt));
        lib.add(new Unary("sin", Math::sin));
        lib.add(new Unary("cos", Math::cos));
        lib.add(new Unary("tan", Math::tan));
        lib.add(new Unary("asin", Math::asin));
        lib.add(new Unary("acos", Math::acos));
        lib.add(new Unary("atan", Math::atan));
        lib.add(new Unary("sinh", Math::sinh));
        lib.add(new Unary("cosh", Math::cosh));
        lib.add(new Unary("tanh", Math::tanh));
        lib.add(new Unary("exp", Math::exp));
        lib.add(new Unary("log", Math::log));
        lib.add(new Unary("log10", Math::log10));
        lib.add(new Unary("deg", x -> x * (180.0 / Math.PI)));
        lib.add(new Unary("rad", x -> x * (Math.PI / 180.0)));
        lib.add("pi", Math.PI);
        lib.add("huge", Double.POSITIVE_INFINITY);
        lib.add(new Builtin("atan2") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(Math.atan2(Args.checkNumber(a, 0, "atan2"), Args.checkNumber(a, 1, "atan2")));
            }
        });
        lib.add(new Builtin("pow") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(Arith.pow(Args.checkNumber(a, 0, "pow"), Args.checkNumber(a, 1, "pow")));
            }
        });
        Builtin fmod = new Builtin("fmod") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                // C fmod truncates toward zero, as Java's % on doubles does.
                return cx.return1(Args.checkNumber(a, 0, "fmod") % Args.checkNumber(a, 1, "fmod"));
            }
        };
        lib.add(fmod);
        lib.add("mod", fmod); // LUA_COMPAT_MOD
        lib.add(new Builtin("modf") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                double x = Args.checkNumber(a, 0, "modf");
                double ip = x >= 0 ? Math.floor(x) : Math.ceil(x);
                double fp = Double.isInfinite(x) ? 0.0 : x - ip;
                return cx.return2(ip, fp);
            }
        });
        lib.add(new Builtin("frexp") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                double x = Args.checkNumber(a, 0, "frexp");
                if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                    return cx.return2(x, 0.0);
                }
                int e = Math.getExponent(x) + 1;
                double m = x / Math.scalb(1.0, e);
                if (Math.abs(m) < 0.5) { // subnormal
                    m *= 2;
                    e--;
                    while (Math.abs(m) < 0.5) {
                        m *= 2;
                        e--;
                    }
                }
                return cx.return2(m, (double) e);
            }
        });
        lib.add(new Builtin("ldexp") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                return cx.return1(Math.scalb(Args.checkNumber(a, 0, "ldexp"), Args.checkInt(a, 1, "ldexp")));
            }
        });
        lib.add(new Builtin("min") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                double m = Args.checkNumber(a, 0, "min");
                for (int i = 1; i < a.length; i++) {
                    double d = Args.checkNumber(a, i, "min");
                    if (d < m) {
                        m = d;
                    }
                }
                return cx.return1(m);
            }
        });
        lib.add(new Builtin("max") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                double m = Args.checkNumber(a, 0, "max");
                for (int i = 1; i < a.length; i++) {
                    double d = Args.checkNumber(a, i, "max");
                    if (d > m) {
                        m = d;
                    }
                }
                return cx.return1(m);
            }
        });
        lib.add(new Builtin("random") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                double r = LuaRandom.unit(random.next());
                switch (a.length) {
                    case 0 -> {
                        return cx.return1(r);
                    }
                    case 1 -> {
                        int u = Args.checkInt(a, 0, "random");
                        if (u < 1) {
                            throw Args.argError(1, "random", "interval is empty");
                        }
                        return cx.return1(LuaRandom.upTo(r, u));
                    }
                    case 2 -> {
                        int l = Args.checkInt(a, 0, "random");
                        int u = Args.checkInt(a, 1, "random");
                        if (l > u) {
                            throw Args.argError(2, "random", "interval is empty");
                        }
                        return cx.return1(LuaRandom.between(r, l, u));
                    }
                    default -> throw Args.error("wrong number of arguments");
                }
            }
        });
        lib.add(new Builtin("randomseed") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                random.seed(Args.checkInt(a, 0, "randomseed"));
                return cx.return0();
            }
        });
    }
}
