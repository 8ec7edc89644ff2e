package io.moonkey.lua.ast;

/** One field of a table constructor (Lua 5.1 manual §2.5.7). */
public sealed interface TableField extends Node {

    /** {@code value}: stored at the next array index; a last multi-valued one expands. */
    record Positional(int line, Expr value) implements TableField {}

    /** {@code name = value}, the same as {@code ["name"] = value}. */
    record Named(int line, String name, Expr value) implements TableField {}

    /** {@code [key] = value}. */
    record Keyed(int line, Expr key, Expr value) implements TableField {}
}
