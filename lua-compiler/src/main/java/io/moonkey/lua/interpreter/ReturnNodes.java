package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.LuaFunction;

/**
 * {@code return} (manual §2.4.4): the results go to the context through the same epilogues as
 * compiled code ({@code leave0}, {@code leave1}, ..., which also undo the call depth).
 */
final class ReturnNodes {
    private ReturnNodes() {}

    static final class None extends StatNode {
        @Override
        int exec(Frame f) {
            f.result = f.cx.leave0();
            return RETURN;
        }
    }

    /** {@code return e1 [, e2 [, e3]]} with no expansion. */
    static final class Fixed extends StatNode {
        private final ExprNode[] values;

        Fixed(ExprNode[] values) {
            this.values = values;
        }

        @Override
        int exec(Frame f) {
            ExprNode[] v = values;
            CallContext cx = f.cx;
            f.result = switch (v.length) {
                case 1 -> cx.leave1(v[0].eval(f));
                case 2 -> {
                    Object a = v[0].eval(f);
                    Object b = v[1].eval(f);
                    yield cx.leave2(a, b);
                }
                default -> {
                    Object a = v[0].eval(f);
                    Object b = v[1].eval(f);
                    Object c = v[2].eval(f);
                    yield cx.leave3(a, b, c);
                }
            };
            return RETURN;
        }
    }

    /**
     * {@code return f(args)}: a call node built for tail position, which leaves this level
     * itself (the context's tail-call protocol); the callee stored the results.
     */
    static final class TailCall extends StatNode {
        private final ExprNode call;

        TailCall(ExprNode call) {
            this.call = call;
        }

        @Override
        int exec(Frame f) {
            f.result = call.eval(f);
            return RETURN;
        }
    }

    /** {@code return ...}. */
    static final class Vararg extends StatNode {
        @Override
        int exec(Frame f) {
            f.result = f.cx.leaveArray(f.varargs);
            return RETURN;
        }
    }

    /** {@code return a, b, f(args)}. */
    static final class PrefixedCall extends StatNode {
        private final ValueList prefix;
        private final ExprNode call;

        PrefixedCall(ValueList prefix, ExprNode call) {
            this.prefix = prefix;
            this.call = call;
        }

        @Override
        int exec(Frame f) {
            Object[] p = prefix.values(f, false, null);
            Object first = call.eval(f);
            f.result = f.cx.leavePrefixed(p, first);
            return RETURN;
        }
    }

    /** Any other list: all values in one array. */
    static final class Array extends StatNode {
        private final ValueList values;

        Array(ValueList values) {
            this.values = values;
        }

        @Override
        int exec(Frame f) {
            f.result = f.cx.leaveArray(values.values(f, false, null));
            return RETURN;
        }
    }

    /**
     * {@code return g(args)} in a fixed-arity function: when {@code g} turns out to be the
     * running closure, the parameters are reassigned and the body starts again, so unbounded
     * self tail recursion runs in constant space as in compiled code; any other callee goes
     * through the context's tail-call protocol (design §1.4).
     */
    static final class SelfTailCall extends StatNode {
        private final ExprNode fn;
        private final ExprNode[] args;
        private final int paramCount;
        private final Site site;

        SelfTailCall(ExprNode fn, ExprNode[] args, int paramCount, Site site) {
            this.fn = fn;
            this.args = args;
            this.paramCount = paramCount;
            this.site = site;
        }

        @Override
        int exec(Frame f) {
            Object target = fn.eval(f);
            Object[] a = new Object[args.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = args[i].eval(f);
            }
            CallContext cx = f.cx;
            if (target == f.closure) {
                for (int i = 0; i < paramCount; i++) {
                    f.slots[i] = i < a.length ? a[i] : null;
                }
                cx.poll();
                return TAIL_CALL;
            }
            LuaFunction callee = Calls.asFunction(cx, target);
            f.site = site;
            f.result = cx.tailCall(callee, a);
            return RETURN;
        }
    }
}
