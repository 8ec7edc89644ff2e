package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.LuaState;

/** Installs the standard libraries into a state's globals. */
public final class StandardLibrary {
    private StandardLibrary() {}

    public static void install(LuaState state) {
        BaseLib.install(state);
    }
}
