package io.moonkey.lua.ast;

import java.util.List;

/**
 * A sequence of statements with its own scope. A {@link Stat.Return} or {@link Stat.Break} can
 * only be the last statement (Lua 5.1 manual §2.4.4).
 */
public record Block(int line, List<Stat> stats) implements Node {
    public Block {
        stats = List.copyOf(stats);
    }
}
