package io.moonkey.lua.ast;

/** Any node of the tree. */
public sealed interface Node permits Stat, Expr, Block, Chunk, TableField {
    /** The source line (see the package documentation for which token's line). */
    int line();
}
