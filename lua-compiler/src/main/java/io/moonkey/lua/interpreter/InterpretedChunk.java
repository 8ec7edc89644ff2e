package io.moonkey.lua.interpreter;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.compiler.ChunkCompiler;
import io.moonkey.lua.parser.ChunkId;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.ScopeResolver;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A parsed and resolved chunk the interpreter runs (design §1.13): the same tree and scope
 * resolution the compiler uses, function prototypes made as they are first needed, and the
 * chunk's compiled classes made once, when a first function is promoted.
 */
public final class InterpretedChunk {
    final Chunk chunk;
    final Resolution resolution;
    final String chunkId;
    final Tier tier;
    /** Auto tier: compile functions with loops before their first call (files, see {@link Tier#AUTO}). */
    final boolean eagerLoops;
    private final Map<Expr.Function, FunctionProto> protos = new IdentityHashMap<>();
    private final FunctionProto main;
    private ChunkCompiler.Prototype compiled;

    /**
     * Resolves {@code chunk}; throws the parser's syntax error for PUC's compile-time limits.
     */
    public InterpretedChunk(Chunk chunk, Tier tier, boolean eagerLoops) {
        this.chunk = chunk;
        this.tier = tier;
        this.eagerLoops = eagerLoops;
        this.resolution = ScopeResolver.resolve(chunk);
        this.chunkId = ChunkId.of(chunk.name());
        this.main = proto(resolution.main());
    }

    /** Whether the main function's own body has a loop (the auto tier compiles such chunks at once). */
    public static boolean mainHasLoop(Chunk chunk) {
        return FunctionProto.hasLoop(chunk.main().body());
    }

    /** The main function as a closure over {@code env}. */
    public LuaFunction instantiate(LuaTable env) {
        return new InterpretedFunction(main, env, new Object[0]);
    }

    FunctionProto proto(FunctionScope scope) {
        return protos.computeIfAbsent(scope.function(), f -> new FunctionProto(this, scope));
    }

    /** The chunk's compiled classes, compiling them at the first promotion. */
    ChunkCompiler.Prototype compiled() {
        if (compiled == null) {
            compiled = ChunkCompiler.compile(chunk);
        }
        return compiled;
    }
}
