package io.moonkey.lua.runtime;

/**
 * The iteration of a generic {@code for} (manual §2.4.5): calls {@code f(s, control)} each step.
 * When {@code f} is the {@code next} builtin over a table ({@code pairs}), a position cursor
 * replaces the key lookup {@code next} repeats on every call; the cursor is dropped for a key
 * lookup whenever the table was reallocated meanwhile, so the visited sequence is the same.
 * Compiled loops allocate one iterator per loop, not per step.
 */
public abstract class ForInIterator {
    /** Marks the {@code next} builtin of a state. */
    public interface NextFunction {}

    /** Runs one step: returns the first value (nil ends the loop), others in {@code cx.ret}. */
    public abstract Object step(CallContext cx);

    public static ForInIterator start(CallContext cx, Object f, Object s, Object control) {
        if (f instanceof NextFunction && s instanceof LuaTable t) {
            return new TableCursor(t, control);
        }
        return new Generic(Calls.asFunction(cx, f), s, control);
    }

    private static final class Generic extends ForInIterator {
        private final LuaFunction f;
        private final Object s;
        private Object control;

        Generic(LuaFunction f, Object s, Object control) {
            this.f = f;
            this.s = s;
            this.control = control;
        }

        @Override
        public Object step(CallContext cx) {
            Object first = f.call(cx, s, control);
            control = first;
            return first;
        }
    }

    private static final class TableCursor extends ForInIterator {
        private final LuaTable t;
        private Object control;
        private int pos = -2;
        private int layout;

        TableCursor(LuaTable t, Object control) {
            this.t = t;
            this.control = control;
        }

        @Override
        public Object step(CallContext cx) {
            if (pos == -2 || layout != t.layout()) {
                pos = t.positionOf(control);
                layout = t.layout();
            }
            Object[] out = cx.ret;
            int at = t.nextAt(pos + 1, out);
            if (at < 0) {
                cx.nret = 1;
                control = null;
                return null;
            }
            pos = at;
            cx.nret = 2;
            control = out[0];
            return out[0];
        }
    }
}
