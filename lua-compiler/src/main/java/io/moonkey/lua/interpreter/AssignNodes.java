package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.Cell;
import io.moonkey.lua.runtime.Index;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.Varargs;

/** Declarations and assignments (manual §2.4.3, §2.4.7). */
final class AssignNodes {
    private AssignNodes() {}

    /**
     * Evaluates {@code values} adjusted to {@code k} values (manual §2.4.3): surplus ones are
     * evaluated and dropped, missing ones are nil, a last call or {@code ...} expands.
     */
    static Object[] adjust(Frame f, ExprNode[] values, boolean lastExpands, boolean lastVararg, int k) {
        Object[] out = new Object[k];
        int m = values.length;
        for (int i = 0; i < m; i++) {
            if (i == m - 1 && (lastExpands || lastVararg) && k > i) {
                if (lastVararg) {
                    for (int j = i; j < k; j++) {
                        out[j] = Varargs.get(f.varargs, j - i);
                    }
                } else {
                    out[i] = values[i].eval(f);
                    for (int j = i + 1; j < k; j++) {
                        out[j] = f.cx.result(j - i);
                    }
                }
                return out;
            }
            Object v = values[i].eval(f);
            if (i < k) {
                out[i] = v;
            }
        }
        return out;
    }

    /** {@code local x = e}. */
    static final class LocalOne extends StatNode {
        private final int slot;
        private final boolean cell;
        private final ExprNode value;

        LocalOne(int slot, boolean cell, ExprNode value) {
            this.slot = slot;
            this.cell = cell;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            Object v = value == null ? null : value.eval(f);
            f.slots[slot] = cell ? new Cell(v) : v;
            return NORMAL;
        }
    }

    /** {@code local a, b, c = e1, e2}: all values first, then the new variables. */
    static final class LocalMany extends StatNode {
        private final int[] slots;
        private final boolean[] cells;
        private final ExprNode[] values;
        private final boolean lastExpands;
        private final boolean lastVararg;

        LocalMany(int[] slots, boolean[] cells, ExprNode[] values, boolean lastExpands, boolean lastVararg) {
            this.slots = slots;
            this.cells = cells;
            this.values = values;
            this.lastExpands = lastExpands;
            this.lastVararg = lastVararg;
        }

        @Override
        int exec(Frame f) {
            Object[] v = adjust(f, values, lastExpands, lastVararg, slots.length);
            for (int i = 0; i < slots.length; i++) {
                f.slots[slots[i]] = cells[i] ? new Cell(v[i]) : v[i];
            }
            return NORMAL;
        }
    }

    /** {@code local function f}: the variable exists (nil) while the closure is made, then refers to it. */
    static final class LocalFunction extends StatNode {
        private final int slot;
        private final boolean cell;
        private final ClosureNode function;
        /** Upvalues of the new closure that are the variable itself, captured by value. */
        private final int[] selfUpvalues;

        LocalFunction(int slot, boolean cell, ClosureNode function, int[] selfUpvalues) {
            this.slot = slot;
            this.cell = cell;
            this.function = function;
            this.selfUpvalues = selfUpvalues;
        }

        @Override
        int exec(Frame f) {
            if (cell) {
                Cell c = new Cell(null);
                f.slots[slot] = c;
                c.v = function.eval(f);
                return NORMAL;
            }
            f.slots[slot] = null;
            InterpretedFunction fn = function.eval(f);
            f.slots[slot] = fn;
            for (int j : selfUpvalues) {
                fn.upvalues[j] = fn;
            }
            return NORMAL;
        }
    }

    /** Where an assignment stores: {@link #prepare} evaluates a target's table and key first. */
    abstract static class Target {
        void prepare(Frame f, Object[] temps, int i) {}

        abstract void store(Frame f, Object[] temps, int i, Object value);
    }

    static final class LocalTarget extends Target {
        private final int slot;

        LocalTarget(int slot) {
            this.slot = slot;
        }

        @Override
        void store(Frame f, Object[] temps, int i, Object value) {
            f.slots[slot] = value;
        }
    }

    static final class CellTarget extends Target {
        private final int slot;

        CellTarget(int slot) {
            this.slot = slot;
        }

        @Override
        void store(Frame f, Object[] temps, int i, Object value) {
            ((Cell) f.slots[slot]).v = value;
        }
    }

    static final class UpvalueTarget extends Target {
        private final int index;

        UpvalueTarget(int index) {
            this.index = index;
        }

        @Override
        void store(Frame f, Object[] temps, int i, Object value) {
            ((Cell) f.closure.upvalues[index]).v = value;
        }
    }

    static final class GlobalTarget extends Target {
        private final LuaString name;
        private final Site site;

        GlobalTarget(LuaString name, Site site) {
            this.name = name;
            this.site = site;
        }

        @Override
        void store(Frame f, Object[] temps, int i, Object value) {
            Object env = f.closure.env;
            f.site = site;
            Index.set(f.cx, env, name, value);
        }
    }

    static final class IndexTarget extends Target {
        private final ExprNode object;
        private final ExprNode key;
        private final Site site;

        IndexTarget(ExprNode object, ExprNode key, Site site) {
            this.object = object;
            this.key = key;
            this.site = site;
        }

        @Override
        void prepare(Frame f, Object[] temps, int i) {
            temps[2 * i] = object.eval(f);
            temps[2 * i + 1] = key.eval(f);
        }

        @Override
        void store(Frame f, Object[] temps, int i, Object value) {
            f.site = site;
            Index.set(f.cx, temps[2 * i], temps[2 * i + 1], value);
        }
    }

    /** {@code name = e} for a local, cell or upvalue (a reassigned upvalue always is a cell). */
    static final class SetName extends StatNode {
        private final Target target;
        private final ExprNode value;

        SetName(Target target, ExprNode value) {
            this.target = target;
            this.value = value;
        }

        @Override
        int exec(Frame f) {
            target.store(f, null, 0, value.eval(f));
            return NORMAL;
        }
    }

    /** {@code name = e} for a global: the environment is read before the value is evaluated. */
    static final class SetGlobal extends StatNode {
        private final LuaString name;
        private final ExprNode value;
        private final Site site;

        SetGlobal(LuaString name, ExprNode value, Site site) {
            this.name = name;
            this.value = value;
            this.site = site;
        }

        @Override
        int exec(Frame f) {
            Object env = f.closure.env;
            Object v = value.eval(f);
            f.site = site;
            Index.set(f.cx, env, name, v);
            return NORMAL;
        }
    }

    /** {@code t[k] = e}. */
    static final class SetIndex extends StatNode {
        private final ExprNode object;
        private final ExprNode key;
        private final ExprNode value;
        private final Site site;

        SetIndex(ExprNode object, ExprNode key, ExprNode value, Site site) {
            this.object = object;
            this.key = key;
            this.value = value;
            this.site = site;
        }

        @Override
        int exec(Frame f) {
            Object o = object.eval(f);
            Object k = key.eval(f);
            Object v = value.eval(f);
            f.site = site;
            Index.set(f.cx, o, k, v);
            return NORMAL;
        }
    }

    /** {@code t.name = e}. */
    static final class SetField extends StatNode {
        private final ExprNode object;
        private final LuaString key;
        private final ExprNode value;
        private final Site site;

        SetField(ExprNode object, LuaString key, ExprNode value, Site site) {
            this.object = object;
            this.key = key;
            this.value = value;
            this.site = site;
        }

        @Override
        int exec(Frame f) {
            Object o = object.eval(f);
            Object v = value.eval(f);
            f.site = site;
            Index.set(f.cx, o, key, v);
            return NORMAL;
        }
    }

    /**
     * {@code t1, t2 = e1, e2}: the targets' tables and keys left to right, then the values,
     * then the stores right to left as PUC does (manual §2.4.3 leaves the order undefined).
     */
    static final class Multiple extends StatNode {
        private final Target[] targets;
        private final ExprNode[] values;
        private final boolean lastExpands;
        private final boolean lastVararg;

        Multiple(Target[] targets, ExprNode[] values, boolean lastExpands, boolean lastVararg) {
            this.targets = targets;
            this.values = values;
            this.lastExpands = lastExpands;
            this.lastVararg = lastVararg;
        }

        @Override
        int exec(Frame f) {
            int n = targets.length;
            Object[] temps = new Object[2 * n];
            for (int i = 0; i < n; i++) {
                targets[i].prepare(f, temps, i);
            }
            Object[] v = adjust(f, values, lastExpands, lastVararg, n);
            for (int i = n - 1; i >= 0; i--) {
                targets[i].store(f, temps, i, v[i]);
            }
            return NORMAL;
        }
    }

    /** {@code function a.b.c:m() end}: the tables read along the path, then the field set. */
    static final class FunctionField extends StatNode {
        private final ExprNode first;
        private final LuaString[] path;
        private final Site[] pathSites;
        private final LuaString key;
        private final ClosureNode function;
        private final Site site;

        FunctionField(ExprNode first, LuaString[] path, Site[] pathSites, LuaString key, ClosureNode function, Site site) {
            this.first = first;
            this.path = path;
            this.pathSites = pathSites;
            this.key = key;
            this.function = function;
            this.site = site;
        }

        @Override
        int exec(Frame f) {
            Object o = first.eval(f);
            for (int i = 0; i < path.length; i++) {
                f.site = pathSites[i];
                o = Index.get(f.cx, o, path[i]);
            }
            Object fn = function.eval(f);
            f.site = site;
            Index.set(f.cx, o, key, fn);
            return NORMAL;
        }
    }
}
