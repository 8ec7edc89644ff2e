package io.moonkey.lua.text;

/**
 * An error raised by a text algorithm, carrying the exact Lua 5.1 message text (without any
 * position prefix; the Lua layer adds {@code chunk:line: } as {@code luaL_error} would).
 *
 * <p>When {@link #argument()} is positive, lua5.1 raises this error through {@code luaL_argerror},
 * so the Lua layer must present it as {@code bad argument #<argument> to '<fname>' (<message>)}.
 * Messages are Latin-1 (each char is one byte: "invalid option '%\u00e9'" carries the raw byte
 * 0xE9), so convert with ISO-8859-1. Stack traces are not filled: these are control flow for
 * Lua {@code pcall}.
 */
public final class LuaTextException extends RuntimeException {
    private final int argument;

    public LuaTextException(String message) {
        this(message, 0);
    }

    public LuaTextException(String message, int argument) {
        super(message, null, false, false);
        this.argument = argument;
    }

    /** The 1-based Lua argument number this error is about, or 0 for a plain {@code luaL_error}. */
    public int argument() {
        return argument;
    }
}
