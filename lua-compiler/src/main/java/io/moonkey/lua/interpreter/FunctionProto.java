package io.moonkey.lua.interpreter;

import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Variable;
import java.util.List;

/**
 * What the interpreter knows about one function of a chunk, shared by all its closures: the
 * frame layout, the body tree (built at the first interpreted call), and the tier-up state.
 */
final class FunctionProto {
    final InterpretedChunk chunk;
    final FunctionScope scope;
    final int paramCount;
    final boolean vararg;
    final int slotCount;
    /** For each parameter, whether it lives in a cell (captured and reassigned). */
    final boolean[] paramCells;
    final int compatArgSlot;
    final boolean compatArgCell;
    final boolean usesVararg;
    /** For each upvalue, whether closures hold it as a cell. */
    final boolean[] upvalueCells;
    final Site entrySite;
    final Site endSite;
    final String description;
    /** Whether the function's own body (not its inner functions) has a loop. */
    final boolean hasLoop;

    /** The body, built at the first interpreted call. */
    StatNode body;
    private int calls;
    /** Loop iterations run interpreted, by all closures of the function. */
    int backEdges;
    /** Set when the compiler refused the chunk: this function stays interpreted. */
    private boolean compileFailed;
    /**
     * An empty instance of the compiled class (no environment, no upvalues): makes the compiled
     * twin of each closure promoted ({@link LuaClosure#instantiate}), with no reflection per closure.
     */
    private LuaClosure compiledFactory;

    FunctionProto(InterpretedChunk chunk, FunctionScope scope) {
        this.chunk = chunk;
        this.scope = scope;
        Expr.Function f = scope.function();
        this.paramCount = f.params().size();
        this.vararg = f.isVararg();
        this.slotCount = Math.max(scope.variables().size(), paramCount);
        this.paramCells = new boolean[paramCount];
        for (int i = 0; i < paramCount; i++) {
            paramCells[i] = isCell(chunk.resolution.variable(f.params().get(i)));
        }
        Variable arg = scope.compatArg();
        this.compatArgSlot = arg == null ? -1 : arg.index();
        this.compatArgCell = arg != null && isCell(arg);
        this.usesVararg = scope.usesVararg();
        List<Variable> ups = scope.upvalues();
        this.upvalueCells = new boolean[ups.size()];
        for (int i = 0; i < upvalueCells.length; i++) {
            upvalueCells[i] = isCell(ups.get(i));
        }
        this.entrySite = new Site(f.line(), null);
        this.endSite = new Site(f.endLine(), null);
        this.description = scope.isMain() ? "main chunk" : "function <" + chunk.chunkId + ":" + f.line() + ">";
        this.hasLoop = hasLoop(f.body());
    }

    /** The compiler's rule (design §1.5): only a captured variable assigned after its declaration needs a cell. */
    static boolean isCell(Variable v) {
        return v.isCaptured() && v.isReassigned();
    }

    static boolean hasLoop(Block b) {
        for (Stat s : b.stats()) {
            boolean loop = switch (s) {
                case Stat.While w -> true;
                case Stat.Repeat r -> true;
                case Stat.NumericFor n -> true;
                case Stat.GenericFor g -> true;
                case Stat.Do d -> hasLoop(d.body());
                case Stat.If i -> i.blocks().stream().anyMatch(FunctionProto::hasLoop)
                        || (i.orElse() != null && hasLoop(i.orElse()));
                default -> false;
            };
            if (loop) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called on each call of an interpreted closure of this function: returns the compiled
     * closure to run instead (promoting {@code fn} now), or null to interpret this call.
     */
    LuaClosure admit(InterpretedFunction fn) {
        if (chunk.tier == Tier.AUTO && !compileFailed && ((hasLoop && chunk.eagerLoops)
                || ++calls > Tier.promotionCalls() || backEdges > Tier.promotionLoopIterations())) {
            LuaClosure c = promote(fn);
            if (c != null) {
                return c;
            }
        }
        if (body == null) {
            try {
                body = new FunctionBuilder(this).build();
            } catch (RuntimeException e) {
                // A construct the interpreter cannot run: the compiled code runs it instead.
                LuaClosure c = promote(fn);
                if (c == null) {
                    throw e;
                }
                return c;
            }
        }
        return null;
    }

    /**
     * Makes the compiled closure of this function with {@code fn}'s environment and upvalues,
     * and lets {@code fn} forward to it from now on; null when the chunk does not compile.
     */
    LuaClosure promote(InterpretedFunction fn) {
        if (compileFailed) {
            return null;
        }
        try {
            if (compiledFactory == null) {
                Class<?> k = chunk.compiled().functionClass(scope.function());
                compiledFactory = (LuaClosure) k.getConstructor(LuaTable.class).newInstance((Object) null);
            }
            LuaClosure c = compiledFactory.instantiate(fn.env, fn.upvalues);
            c.identity = fn;
            fn.promoted(c);
            return c;
        } catch (ReflectiveOperationException | RuntimeException e) {
            compileFailed = true;
            return null;
        }
    }
}
