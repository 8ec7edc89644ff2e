package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.text.LuaRandom;

/** Installs the standard libraries into a state's globals. */
public final class StandardLibrary {
    private StandardLibrary() {}

    /** Everything the standalone interpreter has: base, string, table, math, coroutine, os, io. */
    public static void install(LuaState state) {
        BaseLib.install(state);
        StringLib.install(state);
        TableLib.install(state);
        MathLib.install(state, new LuaRandom.GlibcRand());
        CoroutineLib.install(state);
        OsLib.install(state);
        IoLib.install(state);
    }
}
