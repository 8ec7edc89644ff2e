package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.Types;

/** Blocks, conditionals, {@code break} and calls as statements (manual §2.4). */
final class ControlNodes {
    private ControlNodes() {}

    /** Statements in order; each marks its line as the compiled code's line table does. */
    static final class Block extends StatNode {
        private final StatNode[] stats;
        private final Site[] lines;

        Block(StatNode[] stats, Site[] lines) {
            this.stats = stats;
            this.lines = lines;
        }

        @Override
        int exec(Frame f) {
            StatNode[] s = stats;
            for (int i = 0; i < s.length; i++) {
                f.site = lines[i];
                int signal = s[i].exec(f);
                if (signal != NORMAL) {
                    return signal;
                }
            }
            return NORMAL;
        }
    }

    static final class CallStatement extends StatNode {
        private final ExprNode call;

        CallStatement(ExprNode call) {
            this.call = call;
        }

        @Override
        int exec(Frame f) {
            call.eval(f);
            return NORMAL;
        }
    }

    static final class If extends StatNode {
        private final ExprNode[] conds;
        private final StatNode[] blocks;
        /** The else part, or null. */
        private final StatNode orElse;

        If(ExprNode[] conds, StatNode[] blocks, StatNode orElse) {
            this.conds = conds;
            this.blocks = blocks;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            for (int i = 0; i < conds.length; i++) {
                if (Types.isTrue(conds[i].eval(f))) {
                    return blocks[i].exec(f);
                }
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }
    }

    static final class Break extends StatNode {
        @Override
        int exec(Frame f) {
            return BREAK;
        }
    }
}
