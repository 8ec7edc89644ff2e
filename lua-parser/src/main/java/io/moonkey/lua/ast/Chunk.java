package io.moonkey.lua.ast;

/**
 * A compiled unit: the main function of a chunk, which is always a vararg function with no
 * named parameters (Lua 5.1 manual §2.4.1).
 *
 * @param name the chunk name as given to the loader, e.g. {@code @user_script} or {@code =stdin}
 * @param main the chunk's body as a vararg function
 */
public record Chunk(String name, Expr.Function main) implements Node {
    @Override
    public int line() {
        return 0;
    }
}
