package io.moonkey.lua.ast;

import java.util.List;

/**
 * A sequence of statements with its own scope. A {@link Stat.Return} or {@link Stat.Break} can
 * only be the last statement (Lua 5.1 manual §2.4.4).
 *
 * @param lastLine the line of the last token read when the block ends (PUC's {@code lastline}:
 *                 the line of the jump or return that follows it); 0 when unknown
 */
public record Block(int line, List<Stat> stats, int lastLine) implements Node {
    public Block {
        stats = List.copyOf(stats);
    }

    public Block(int line, List<Stat> stats) {
        this(line, stats, 0);
    }
}
