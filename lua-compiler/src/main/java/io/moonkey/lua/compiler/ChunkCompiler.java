package io.moonkey.lua.compiler;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.parser.ChunkId;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.ScopeResolver;
import io.moonkey.lua.scope.Variable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Compiles a parsed chunk: resolves scopes, finds the numeric locals, generates one class per
 * function prototype and defines them in a fresh {@link ChunkClassLoader}. The result is a
 * factory of main-function closures ({@link Prototype}), so a chunk compiled once (the server
 * caches by SHA1) is instantiated per environment without compiling again.
 */
public final class ChunkCompiler {
    private static final AtomicLong CHUNKS = new AtomicLong();
    private static final String PACKAGE = "io/moonkey/lua/generated/";

    final Resolution resolution;
    final String chunkId;
    final Set<Variable> numeric;
    /** Debug mode: line-hook calls before each new line (ldb.md §3); off for every normal chunk. */
    final boolean debug;
    private final Map<FunctionScope, String> classNames = new IdentityHashMap<>();
    private final String prefix;

    private ChunkCompiler(Chunk chunk, boolean debug) {
        this.debug = debug;
        this.resolution = ScopeResolver.resolve(chunk);
        this.chunkId = ChunkId.of(chunk.name());
        this.numeric = NumericLocals.find(resolution);
        this.prefix = PACKAGE + "C" + CHUNKS.incrementAndGet() + "$F";
    }

    /** A compiled chunk: creates the main function for a given environment. */
    public static final class Prototype {
        private final MethodHandle constructor;
        private final Map<io.moonkey.lua.ast.Expr.Function, Class<?>> functionClasses;

        Prototype(MethodHandle constructor, Map<io.moonkey.lua.ast.Expr.Function, Class<?>> functionClasses) {
            this.constructor = constructor;
            this.functionClasses = functionClasses;
        }

        /**
         * The generated class of one function of the chunk (by its node in the parsed tree): the
         * interpreter promotes a hot closure by instantiating it with its environment and filling
         * its upvalue fields {@code u0, u1, ...} (design §1.13).
         */
        public Class<?> functionClass(io.moonkey.lua.ast.Expr.Function function) {
            return functionClasses.get(function);
        }

        public LuaClosure instantiate(LuaTable env) {
            try {
                return (LuaClosure) constructor.invoke(env);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Compiles {@code chunk}; throws the parser's syntax error for PUC's compile-time limits. */
    public static Prototype compile(Chunk chunk) {
        return new ChunkCompiler(chunk, false).run();
    }

    /**
     * Compiles {@code chunk} in debug mode: the code also calls the state's
     * {@link io.moonkey.lua.debug.LineHook} before each new source line, with the visible locals.
     */
    public static Prototype compileForDebugging(Chunk chunk) {
        return new ChunkCompiler(chunk, true).run();
    }

    String className(FunctionScope scope) {
        return classNames.computeIfAbsent(scope, s -> prefix + classNames.size());
    }

    /** The class files of a chunk's functions by internal name, without loading them (tests). */
    static Map<String, byte[]> classFiles(Chunk chunk, boolean debug) {
        return new ChunkCompiler(chunk, debug).generate(new ArrayList<>());
    }

    private Prototype run() {
        List<FunctionCompiler> compilers = new ArrayList<>();
        Map<String, byte[]> classes = generate(compilers);
        return load(compilers, new ChunkClassLoader(ChunkCompiler.class.getClassLoader(), classes));
    }

    /** Generates every function's class (filling {@code compilers}), splitting those too large. */
    private Map<String, byte[]> generate(List<FunctionCompiler> compilers) {
        Map<String, byte[]> classes = new HashMap<>();
        collect(resolution.main(), compilers);
        for (int i = 0; i < compilers.size(); i++) {
            FunctionCompiler fc = compilers.get(i);
            byte[] bytes = null;
            // Too large for one JVM method: first without the integral copies of loops, then
            // split into segments of fewer and fewer statements.
            for (int splitSize : new int[] {0, -1, 64, 8, 1}) {
                if (splitSize != 0) {
                    fc = new FunctionCompiler(this, fc.scope, fc.className, Math.max(splitSize, 0), splitSize > 0);
                    compilers.set(i, fc);
                }
                try {
                    bytes = fc.generate();
                    break;
                } catch (MethodTooLargeException e) {
                    bytes = null;
                }
            }
            if (bytes == null) {
                throw LuaError.plain(chunkId + ":" + fc.scope.function().line()
                        + ": function or expression too complex");
            }
            classes.put(fc.className, bytes);
        }
        return classes;
    }

    private Prototype load(List<FunctionCompiler> compilers, ChunkClassLoader loader) {
        try {
            Map<io.moonkey.lua.ast.Expr.Function, Class<?>> byFunction = new IdentityHashMap<>();
            for (FunctionCompiler fc : compilers) {
                Class<?> c = loader.loadClass(fc.className.replace('/', '.'));
                byFunction.put(fc.scope.function(), c);
                c.getField(LuaClosure.SITE_OFFSETS_FIELD).set(null, fc.siteOffsets());
                c.getField(LuaClosure.SITE_NAMES_FIELD).set(null, fc.siteNames());
                c.getField(LuaClosure.DESCRIPTION_FIELD).set(null, fc.description());
            }
            Class<?> main = loader.loadClass(className(resolution.main()).replace('/', '.'));
            MethodHandle ctor = MethodHandles.publicLookup()
                    .findConstructor(main, MethodType.methodType(void.class, LuaTable.class));
            return new Prototype(ctor, byFunction);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collect(FunctionScope scope, List<FunctionCompiler> out) {
        out.add(new FunctionCompiler(this, scope, className(scope)));
        for (FunctionScope child : scope.children()) {
            collect(child, out);
        }
    }
}
