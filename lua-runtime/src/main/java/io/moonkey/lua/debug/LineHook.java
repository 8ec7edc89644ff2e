package io.moonkey.lua.debug;

import io.moonkey.lua.runtime.CallContext;

/**
 * What code compiled in debug mode calls before each new source line (Lua's line hook; the
 * server's debugger, ldb.md §3, is the one user). Normal compilation emits no call at all, so
 * only a chunk compiled for debugging pays for it.
 *
 * <p>A line event happens when a function starts, when execution reaches a statement on another
 * line than the previous one in the same activation, and at every loop iteration (PUC fires on
 * backward jumps even to the same line).
 */
public interface LineHook {
    /**
     * @param cx     the running context ({@code cx.depth} is the Lua call depth of the function)
     * @param line   the source line about to run
     * @param locals the visible locals, innermost scope last, with their current values
     */
    void onLine(CallContext cx, int line, Locals locals);

    /** Entry point of compiled code: hands the event to the state's hook, if one is installed. */
    static void fire(CallContext cx, int line, String names, Object[] values) {
        LineHook h = cx.state.lineHook;
        if (h != null) {
            h.onLine(cx, line, new Locals(names, values));
        }
    }
}
