package io.moonkey.lua.runtime;

/**
 * Turns source text into a function (PUC's {@code lua_load}). The runtime cannot depend on the
 * parser or compiler, so the compiler provides an implementation through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.moonkey.lua.runtime.ChunkLoader}),
 * which {@link LuaState} picks up; {@code loadstring} and the embedding API go through it.
 */
public interface ChunkLoader {
    /**
     * Compiles {@code source} as a chunk named {@code chunkName} ({@code @file}, {@code =stdin} or
     * the source itself) whose environment is {@code env}.
     *
     * @throws LuaError with the complete syntax-error message as a string value
     */
    LuaFunction load(LuaState state, byte[] source, String chunkName, LuaTable env, Kind kind);

    /** Where the chunk comes from: decides '#' line skipping and PUC's syntax-level base. */
    enum Kind {
        /** Source given by the host (scripts, {@code lua -e}). */
        HOST_STRING,
        /** A file: a first line starting with '#' is skipped. */
        FILE,
        /** {@code loadstring}/{@code load} called from Lua. */
        LUA_STRING
    }
}
