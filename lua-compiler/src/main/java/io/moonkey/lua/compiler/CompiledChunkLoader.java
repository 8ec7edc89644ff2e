package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.interpreter.InterpretedChunk;
import io.moonkey.lua.interpreter.Tier;
import io.moonkey.lua.parser.LuaParser;
import io.moonkey.lua.parser.LuaSyntaxError;
import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;

/**
 * The compiler as the runtime's {@link ChunkLoader}: parse, then run the chunk on the tier
 * {@code -Dlua.tier} selects (design §1.13): compiled to classes, interpreted, or interpreted
 * while cold (the default).
 */
public final class CompiledChunkLoader implements ChunkLoader {
    private final Tier tier;

    public CompiledChunkLoader() {
        this(Tier.configured());
    }

    public CompiledChunkLoader(Tier tier) {
        this.tier = tier;
    }

    public Tier tier() {
        return tier;
    }

    @Override
    public LuaFunction load(LuaState state, byte[] source, String chunkName, LuaTable env, Kind kind) {
        if (tier == Tier.COMPILE) {
            return load(source, chunkName, env, kind, false);
        }
        try {
            Chunk chunk = LuaParser.parse(source, chunkName, options(kind));
            boolean file = kind == Kind.FILE;
            if (tier == Tier.AUTO && file && InterpretedChunk.mainHasLoop(chunk)) {
                // A program's main chunk runs once: its loops would run interpreted to the end.
                return ChunkCompiler.compile(chunk).instantiate(env);
            }
            return new InterpretedChunk(chunk, tier, file).instantiate(env);
        } catch (LuaSyntaxError e) {
            throw new LuaError(LuaString.latin1(e.getMessage()));
        }
    }

    private static LuaParser.Options options(Kind kind) {
        return switch (kind) {
            case HOST_STRING -> LuaParser.Options.STRING;
            case FILE -> LuaParser.Options.FILE;
            case LUA_STRING -> LuaParser.Options.LOADSTRING;
        };
    }

    /**
     * Compiles a chunk whose code calls the state's line hook before each new line (the server's
     * debugger, ldb.md §3); syntax errors as {@link #load}.
     */
    public LuaFunction loadForDebugging(byte[] source, String chunkName, LuaTable env) {
        return load(source, chunkName, env, Kind.HOST_STRING, true);
    }

    private static LuaFunction load(byte[] source, String chunkName, LuaTable env, Kind kind, boolean debug) {
        try {
            Chunk chunk = LuaParser.parse(source, chunkName, options(kind));
            return (debug ? ChunkCompiler.compileForDebugging(chunk) : ChunkCompiler.compile(chunk)).instantiate(env);
        } catch (LuaSyntaxError e) {
            throw new LuaError(LuaString.latin1(e.getMessage()));
        }
    }
}
