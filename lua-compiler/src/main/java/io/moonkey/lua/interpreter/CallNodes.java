package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Calls;
import io.moonkey.lua.runtime.Index;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;

/**
 * Calls (manual §2.5.8): the callee converted with {@code Calls.asFunction} before the
 * arguments are evaluated, then called through a fixed-arity entry when there are at most three
 * arguments and none expands, as compiled call sites do. The first result is the value; all
 * results are in the context.
 */
final class CallNodes {
    private CallNodes() {}

    /** {@code fn(args)}. */
    static final class Call extends ExprNode {
        private final ExprNode fn;
        private final ValueList args;
        private final Site site;
        /** getfenv/setfenv by their global name: their level 1 is this function. */
        private final boolean fenvCaller;
        /** error/assert by name: "chunk:line: " of this site for their level-1 message, else null. */
        private final String where;
        /** In {@code return f(args)}: a proper tail call (the context's protocol). */
        private final boolean tail;

        Call(ExprNode fn, ValueList args, Site site, boolean fenvCaller, String where, boolean tail) {
            this.tail = tail;
            this.fn = fn;
            this.args = args;
            this.site = site;
            this.fenvCaller = fenvCaller;
            this.where = where;
        }

        @Override
        Object eval(Frame f) {
            CallContext cx = f.cx;
            if (fenvCaller) {
                cx.fenvCaller = f.closure;
            }
            LuaFunction fn = Calls.asFunction(cx, this.fn.eval(f));
            if (where != null) {
                cx.siteWhere = where;
                cx.siteWhereDepth = cx.depth;
            }
            if (tail) {
                Object[] values = args.values(f, false, null);
                f.site = site;
                return cx.tailCall(fn, values);
            }
            ExprNode[] a = args.fixed;
            if (args.isFixed()) {
                switch (a.length) {
                    case 0 -> {
                        f.site = site;
                        return fn.call(cx);
                    }
                    case 1 -> {
                        Object x = a[0].eval(f);
                        f.site = site;
                        return fn.call(cx, x);
                    }
                    case 2 -> {
                        Object x = a[0].eval(f);
                        Object y = a[1].eval(f);
                        f.site = site;
                        return fn.call(cx, x, y);
                    }
                    case 3 -> {
                        Object x = a[0].eval(f);
                        Object y = a[1].eval(f);
                        Object z = a[2].eval(f);
                        f.site = site;
                        return fn.call(cx, x, y, z);
                    }
                    default -> { }
                }
            }
            Object[] values = args.values(f, false, null);
            f.site = site;
            return fn.invoke(cx, values);
        }
    }

    /** {@code object:name(args)}: the object evaluated once and passed first. */
    static final class MethodCall extends ExprNode {
        private final ExprNode object;
        private final LuaString name;
        private final ValueList args;
        private final Site lookupSite;
        private final Site site;
        /** In {@code return o:m(args)}: a proper tail call (the context's protocol). */
        private final boolean tail;

        MethodCall(ExprNode object, LuaString name, ValueList args, Site lookupSite, Site site, boolean tail) {
            this.tail = tail;
            this.object = object;
            this.name = name;
            this.args = args;
            this.lookupSite = lookupSite;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            CallContext cx = f.cx;
            Object self = object.eval(f);
            f.site = lookupSite;
            LuaFunction fn = Calls.asFunction(cx, Index.get(cx, self, name));
            if (tail) {
                Object[] values = args.values(f, true, self);
                f.site = site;
                return cx.tailCall(fn, values);
            }
            ExprNode[] a = args.fixed;
            if (args.isFixed()) {
                switch (a.length) {
                    case 0 -> {
                        f.site = site;
                        return fn.call(cx, self);
                    }
                    case 1 -> {
                        Object x = a[0].eval(f);
                        f.site = site;
                        return fn.call(cx, self, x);
                    }
                    case 2 -> {
                        Object x = a[0].eval(f);
                        Object y = a[1].eval(f);
                        f.site = site;
                        return fn.call(cx, self, x, y);
                    }
                    default -> { }
                }
            }
            Object[] values = args.values(f, true, self);
            f.site = site;
            return fn.invoke(cx, values);
        }
    }
}
