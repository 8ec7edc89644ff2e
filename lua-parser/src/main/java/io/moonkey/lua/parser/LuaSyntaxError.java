package io.moonkey.lua.parser;

/**
 * A chunk failed to load. The message is the complete text Lua 5.1 gives, e.g.
 * {@code user_script:1: unexpected symbol near '='}; it is what {@code loadstring} returns as its
 * second result. Thrown without a stack trace: scripts can provoke it at will.
 */
public final class LuaSyntaxError extends RuntimeException {
    private final int line;

    public LuaSyntaxError(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The line the error is reported at. */
    public int line() {
        return line;
    }
}
