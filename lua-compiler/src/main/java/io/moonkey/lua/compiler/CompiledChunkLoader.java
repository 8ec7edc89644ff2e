package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.parser.LuaSyntaxError;
import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;

/** The compiler as the runtime's {@link ChunkLoader}: parse, compile to classes, instantiate. */
public final class CompiledChunkLoader implements ChunkLoader {
    @Override
    public LuaFunction load(LuaState state, byte[] source, String chunkName, LuaTable env, Kind kind) {
        return load(source, chunkName, env, kind, false);
    }

    /**
     * Compiles a chunk whose code calls the state's line hook before each new line (the server's
     * debugger, ldb.md §3); syntax errors as {@link #load}.
     */
    public LuaFunction loadForDebugging(byte[] source, String chunkName, LuaTable env) {
        return load(source, chunkName, env, Kind.HOST_STRING, true);
    }

    private static LuaFunction load(byte[] source, String chunkName, LuaTable env, Kind kind, boolean debug) {
        LuaParser.Options options = switch (kind) {
            case HOST_STRING -> LuaParser.Options.STRING;
            case FILE -> LuaParser.Options.FILE;
            case LUA_STRING -> LuaParser.Options.LOADSTRING;
        };
        try {
            Chunk chunk = LuaParser.parse(source, chunkName, options);
            return (debug ? ChunkCompiler.compileForDebugging(chunk) : ChunkCompiler.compile(chunk)).instantiate(env);
        } catch (LuaSyntaxError e) {
            throw new LuaError(LuaString.latin1(e.getMessage()));
        }
    }
}
