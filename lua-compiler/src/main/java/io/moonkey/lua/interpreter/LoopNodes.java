package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.Arith;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Cell;
import io.moonkey.lua.runtime.ForInIterator;
import io.moonkey.lua.runtime.Types;

/**
 * Loops (manual §2.4.4–2.4.5). Every back-edge polls the context's interruption flag, as
 * compiled loops do, so SCRIPT KILL and busy-script replies reach interpreted loops too, and
 * counts towards the function's promotion (design §1.13).
 */
final class LoopNodes {
    private LoopNodes() {}

    static final class While extends StatNode {
        private final ExprNode cond;
        private final StatNode body;

        While(ExprNode cond, StatNode body) {
            this.cond = cond;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            while (Types.isTrue(cond.eval(f))) {
                int signal = body.exec(f);
                if (signal == BREAK) {
                    break;
                }
                if (signal != NORMAL) {
                    return signal;
                }
                f.proto.backEdges++;
                f.cx.poll();
            }
            return NORMAL;
        }
    }

    /** {@code repeat body until cond}: the condition sees the body's locals. */
    static final class Repeat extends StatNode {
        private final StatNode body;
        private final ExprNode cond;

        Repeat(StatNode body, ExprNode cond) {
            this.body = body;
            this.cond = cond;
        }

        @Override
        int exec(Frame f) {
            while (true) {
                int signal = body.exec(f);
                if (signal == BREAK) {
                    break;
                }
                if (signal != NORMAL) {
                    return signal;
                }
                if (Types.isTrue(cond.eval(f))) {
                    break;
                }
                f.proto.backEdges++;
                f.cx.poll();
            }
            return NORMAL;
        }
    }

    /** Numeric for with PUC's exact steps (lvm.c OP_FORPREP/OP_FORLOOP): a double counter. */
    static final class NumericFor extends StatNode {
        private final ExprNode start;
        private final ExprNode limit;
        private final ExprNode step;
        private final Site site;
        private final int slot;
        private final boolean cell;
        private final StatNode body;

        NumericFor(ExprNode start, ExprNode limit, ExprNode step, Site site, int slot, boolean cell, StatNode body) {
            this.start = start;
            this.limit = limit;
            this.step = step;
            this.site = site;
            this.slot = slot;
            this.cell = cell;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            Object a = start.eval(f);
            Object b = limit.eval(f);
            Object c = step.eval(f);
            f.site = site;
            double from = Arith.forValue(a, "initial value");
            double to = Arith.forValue(b, "limit");
            double by = Arith.forValue(c, "step");
            CallContext cx = f.cx;
            Object[] slots = f.slots;
            double i = from - by;
            while (true) {
                i += by;
                if (by > 0 ? !(i <= to) : !(i >= to)) {
                    break;
                }
                Object v = i;
                slots[slot] = cell ? new Cell(v) : v;
                int signal = body.exec(f);
                if (signal == BREAK) {
                    break;
                }
                if (signal != NORMAL) {
                    return signal;
                }
                f.proto.backEdges++;
                cx.poll();
            }
            return NORMAL;
        }
    }

    /** Generic for: calls the iterator with the state and control values until it returns nil. */
    static final class GenericFor extends StatNode {
        private final ExprNode[] exprs;
        private final boolean lastExpands;
        private final boolean lastVararg;
        private final Site site;
        private final int[] slots;
        private final boolean[] cells;
        private final StatNode body;

        GenericFor(ExprNode[] exprs, boolean lastExpands, boolean lastVararg, Site site, int[] slots, boolean[] cells,
                StatNode body) {
            this.exprs = exprs;
            this.lastExpands = lastExpands;
            this.lastVararg = lastVararg;
            this.site = site;
            this.slots = slots;
            this.cells = cells;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            Object[] st = AssignNodes.adjust(f, exprs, lastExpands, lastVararg, 3);
            CallContext cx = f.cx;
            ForInIterator it = ForInIterator.start(cx, st[0], st[1], st[2]);
            int n = slots.length;
            Object[] values = n > 1 ? new Object[n] : null;
            while (true) {
                f.site = site;
                Object first = it.step(cx);
                if (first == null) {
                    break;
                }
                if (n > 1) {
                    for (int i = 1; i < n; i++) {
                        values[i] = cx.result(i);
                    }
                }
                f.slots[slots[0]] = cells[0] ? new Cell(first) : first;
                for (int i = 1; i < n; i++) {
                    f.slots[slots[i]] = cells[i] ? new Cell(values[i]) : values[i];
                }
                int signal = body.exec(f);
                if (signal == BREAK) {
                    break;
                }
                if (signal != NORMAL) {
                    return signal;
                }
                f.proto.backEdges++;
                cx.poll();
            }
            return NORMAL;
        }
    }
}
