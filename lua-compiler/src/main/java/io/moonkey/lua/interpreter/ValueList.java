package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaFunction;

/**
 * A list of expressions whose last one may expand to all its values (manual §2.5: a call or
 * {@code ...} last in an argument list, constructor or return): fixed expressions, then an
 * optional call or vararg.
 */
final class ValueList {
    final ExprNode[] fixed;
    /** The last expression when it is a call, else null. */
    final ExprNode lastCall;
    /** Whether the last expression is {@code ...}. */
    final boolean lastVararg;

    ValueList(ExprNode[] fixed, ExprNode lastCall, boolean lastVararg) {
        this.fixed = fixed;
        this.lastCall = lastCall;
        this.lastVararg = lastVararg;
    }

    /** Whether the count of values is known: no expansion at the end. */
    boolean isFixed() {
        return lastCall == null && !lastVararg;
    }

    /** All values, {@code self} first when {@code withSelf}; the caller must not modify the array. */
    Object[] values(Frame f, boolean withSelf, Object self) {
        int prefix = withSelf ? 1 : 0;
        if (fixed.length == 0 && prefix == 0 && isFixed()) {
            return LuaFunction.NO_ARGS;
        }
        Object[] out = new Object[prefix + fixed.length];
        if (withSelf) {
            out[0] = self;
        }
        for (int i = 0; i < fixed.length; i++) {
            out[prefix + i] = fixed[i].eval(f);
        }
        if (lastCall != null) {
            Object first = lastCall.eval(f);
            return f.cx.resultsPrefixed(out, first);
        }
        if (lastVararg) {
            return CallContext.concatArgs(out, f.varargs);
        }
        return out;
    }
}
