package io.moonkey.server.scripting;

import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/**
 * A scripting engine (scripting.md): compiles script bodies and runs them against the server.
 * EVAL and FUNCTION go through this interface only, so another engine can be registered
 * without touching their code. Lua is {@link io.moonkey.server.scripting.lua.LuaEngine}.
 */
public interface ScriptingEngine {
    /** The engine name a shebang names ({@code #!lua}). */
    String name();

    /**
     * Compiles a body (the shebang line already blanked out, its line break kept).
     *
     * @throws CompileError with the text after "Error compiling script (new function): "
     */
    Compiled compile(byte[] body, int from);

    /** Runs a compiled script for a caller and writes its reply (or its error reply) to {@code out}. */
    void run(Compiled script, Run run, ReplySink out);

    /**
     * Asks the running script to stop (SCRIPT KILL): null when accepted, else the error reply
     * (nothing running, or the script already wrote).
     */
    String kill();

    /** Drops every compiled script and starts from a fresh state (SCRIPT FLUSH). */
    void reset();

    /** A compiled script, opaque to the commands. */
    interface Compiled {}

    /**
     * One execution: who runs it, its keys and arguments, and what it may do.
     *
     * @param name     what error replies call the script (its SHA1, or a function name)
     * @param readOnly a *_RO command or a {@code no-writes} script: writes are refused
     * @param allowOom a script declaring {@code allow-oom}
     * @param allowCrossSlot compatibility-mode EVAL or {@code allow-cross-slot-keys}: in cluster
     *                 mode the script's commands may use keys of several slots (scripting.md §11)
     */
    record Run(Session caller, String name, byte[][] keys, byte[][] args, boolean readOnly, boolean allowOom,
               boolean allowCrossSlot) {}

    /** A body that does not compile. */
    final class CompileError extends RuntimeException {
        public CompileError(String message) {
            super(message, null, false, false);
        }
    }
}
