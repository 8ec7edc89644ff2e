package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.Cell;
import io.moonkey.lua.runtime.Index;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.Varargs;

/** Expressions that read a value: constants, variables, {@code ...}, indexing. */
final class ValueNodes {
    private ValueNodes() {}

    static final class Constant extends ExprNode {
        private final Object value;

        Constant(Object value) {
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }
    }

    /** {@code ...} where one value is wanted. */
    static final class FirstVararg extends ExprNode {
        @Override
        Object eval(Frame f) {
            return Varargs.get(f.varargs, 0);
        }
    }

    static final class Local extends ExprNode {
        private final int slot;

        Local(int slot) {
            this.slot = slot;
        }

        @Override
        Object eval(Frame f) {
            return f.slots[slot];
        }
    }

    static final class CellLocal extends ExprNode {
        private final int slot;

        CellLocal(int slot) {
            this.slot = slot;
        }

        @Override
        Object eval(Frame f) {
            return ((Cell) f.slots[slot]).v;
        }
    }

    static final class Upvalue extends ExprNode {
        private final int index;

        Upvalue(int index) {
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            return f.closure.upvalues[index];
        }
    }

    static final class CellUpvalue extends ExprNode {
        private final int index;

        CellUpvalue(int index) {
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            return ((Cell) f.closure.upvalues[index]).v;
        }
    }

    /** A global: a field of the running function's current environment (setfenv applies at once). */
    static final class Global extends ExprNode {
        private final LuaString name;
        private final Site site;

        Global(LuaString name, Site site) {
            this.name = name;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object env = f.closure.env;
            f.site = site;
            return Index.get(f.cx, env, name);
        }
    }

    static final class IndexNode extends ExprNode {
        private final ExprNode object;
        private final ExprNode key;
        private final Site site;

        IndexNode(ExprNode object, ExprNode key, Site site) {
            this.object = object;
            this.key = key;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object o = object.eval(f);
            Object k = key.eval(f);
            f.site = site;
            return Index.get(f.cx, o, k);
        }
    }

    /** {@code o.name}: a constant string key. */
    static final class Field extends ExprNode {
        private final ExprNode object;
        private final LuaString key;
        private final Site site;

        Field(ExprNode object, LuaString key, Site site) {
            this.object = object;
            this.key = key;
            this.site = site;
        }

        @Override
        Object eval(Frame f) {
            Object o = object.eval(f);
            f.site = site;
            return Index.get(f.cx, o, key);
        }
    }
}
