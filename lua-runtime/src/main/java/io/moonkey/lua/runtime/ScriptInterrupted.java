package io.moonkey.lua.runtime;

/**
 * Stops a running script (timeout, SCRIPT KILL). Not a {@link LuaError}: {@code pcall} never
 * catches it (design §1.9), and once requested it is thrown again at every later poll.
 */
public final class ScriptInterrupted extends RuntimeException {
    public ScriptInterrupted(String message) {
        super(message, null, false, false);
    }
}
