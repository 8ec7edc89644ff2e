package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaTable;

/**
 * A closure whose function the interpreter runs: its prototype and upvalues (a {@code Cell}
 * for a captured variable that is reassigned, else the captured value, exactly as the compiled
 * class's fields {@code u0, u1, ...}). Once promoted, every call goes to the compiled closure
 * made from the same prototype and upvalues (design §1.13); this object stays the Lua value.
 */
public final class InterpretedFunction extends LuaClosure {
    final FunctionProto proto;
    final Object[] upvalues;
    /** The compiled closure that runs in this one's place once promoted, else null. */
    private LuaClosure compiled;

    InterpretedFunction(FunctionProto proto, LuaTable env, Object[] upvalues) {
        super(env);
        this.proto = proto;
        this.upvalues = upvalues;
    }

    /** The compiled closure after promotion, or null while interpreted (tests). */
    public LuaClosure compiled() {
        return compiled;
    }

    void promoted(LuaClosure c) {
        compiled = c;
    }

    @Override
    public void setEnv(LuaTable env) {
        this.env = env;
        LuaClosure c = compiled;
        if (c != null) {
            c.env = env;
        }
    }

    @Override
    public Object call(CallContext cx) {
        LuaClosure c = compiled;
        if (c != null || (c = proto.admit(this)) != null) {
            return c.call(cx);
        }
        return new Frame(this, cx).execute();
    }

    @Override
    public Object call(CallContext cx, Object a) {
        LuaClosure c = compiled;
        if (c != null || (c = proto.admit(this)) != null) {
            return c.call(cx, a);
        }
        Frame f = new Frame(this, cx);
        int n = proto.paramCount;
        if (n >= 1) {
            f.slots[0] = a;
        } else if (proto.vararg) {
            f.varargs = new Object[] {a};
        }
        return f.execute();
    }

    @Override
    public Object call(CallContext cx, Object a, Object b) {
        LuaClosure c = compiled;
        if (c != null || (c = proto.admit(this)) != null) {
            return c.call(cx, a, b);
        }
        Frame f = new Frame(this, cx);
        int n = proto.paramCount;
        if (n >= 2) {
            f.slots[0] = a;
            f.slots[1] = b;
        } else {
            bindSlow(f, new Object[] {a, b});
        }
        return f.execute();
    }

    @Override
    public Object call(CallContext cx, Object a, Object b, Object d) {
        LuaClosure c = compiled;
        if (c != null || (c = proto.admit(this)) != null) {
            return c.call(cx, a, b, d);
        }
        Frame f = new Frame(this, cx);
        int n = proto.paramCount;
        if (n >= 3) {
            f.slots[0] = a;
            f.slots[1] = b;
            f.slots[2] = d;
        } else {
            bindSlow(f, new Object[] {a, b, d});
        }
        return f.execute();
    }

    @Override
    public Object invoke(CallContext cx, Object[] args) {
        LuaClosure c = compiled;
        if (c != null || (c = proto.admit(this)) != null) {
            return c.invoke(cx, args);
        }
        Frame f = new Frame(this, cx);
        bindSlow(f, args);
        return f.execute();
    }

    /** Parameters from an argument array (read-only), the surplus as {@code ...}. */
    private void bindSlow(Frame f, Object[] args) {
        int n = proto.paramCount;
        System.arraycopy(args, 0, f.slots, 0, Math.min(n, args.length));
        if (proto.vararg) {
            f.varargs = args.length <= n ? LuaFunction.NO_ARGS
                    : n == 0 ? args : java.util.Arrays.copyOfRange(args, n, args.length);
        }
    }

    @Override
    public String name() {
        return "?";
    }
}
