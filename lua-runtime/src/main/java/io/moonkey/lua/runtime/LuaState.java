package io.moonkey.lua.runtime;

import io.moonkey.lua.lib.StandardLibrary;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ServiceLoader;

/**
 * One Lua universe (PUC's global state): the globals table, the string metatable, the chunk
 * loader, the interruption flag and the main execution context. Not thread-safe: one thread runs
 * Lua in a state at a time (coroutines hand the thread over, they never run in parallel).
 *
 * <pre>{@code
 * LuaState lua = LuaState.create();
 * LuaFunction f = lua.load("return ...", "=example");
 * Object[] r = lua.call(f, 1.0, LuaString.latin1("x"));
 * }</pre>
 */
public final class LuaState {
    public final LuaTable globals = new LuaTable();
    /** The metatable every string shares ({@code __index} = the string library). */
    public LuaTable stringMetatable;
    public final CallContext main = new CallContext(this, null);
    /**
     * The context running Lua in this state: the main one or a coroutine's. Coroutine switches
     * set this plain field; the thread-local of {@link CallContext#current()} names the state.
     */
    CallContext running = main;
    /** The weak tables of this state, swept by collectgarbage("collect"). */
    public final WeakTables weakTables = new WeakTables();
    /** Where {@code print} and {@code io.write} go. */
    public PrintStream stdout = System.out;

    /** Whether errors that reach the host carry a Lua traceback ({@link LuaError#luaTraceback()}). */
    public boolean captureTracebacks;

    /** Set by another thread to stop the running script at its next poll. */
    public volatile boolean interruptRequested;
    private volatile Runnable interruptHandler;

    /** Called before each new line by code compiled in debug mode (ldb.md §3); null otherwise. */
    public io.moonkey.lua.debug.LineHook lineHook;

    private ChunkLoader loader;

    private LuaState() {}

    /** A state with the standard libraries and the compiler found on the class path. */
    public static LuaState create() {
        LuaState s = createBare();
        StandardLibrary.install(s);
        return s;
    }

    /** A state with an empty global table (no libraries), for embedders that pick their own. */
    public static LuaState createBare() {
        LuaState s = new LuaState();
        for (ChunkLoader l : ServiceLoader.load(ChunkLoader.class, LuaState.class.getClassLoader())) {
            s.loader = l;
            break;
        }
        return s;
    }

    public void setChunkLoader(ChunkLoader loader) {
        this.loader = loader;
    }

    public ChunkLoader chunkLoader() {
        if (loader == null) {
            throw new IllegalStateException("no Lua compiler on the class path (module lua-compiler)");
        }
        return loader;
    }

    // ------------------------------------------------------------------ embedding API

    /** Compiles a chunk with the globals as environment; throws {@link LuaError} on syntax errors. */
    public LuaFunction load(byte[] source, String chunkName) {
        return chunkLoader().load(this, source, chunkName, globals, ChunkLoader.Kind.HOST_STRING);
    }

    /** Compiles Java text (encoded as UTF-8). */
    public LuaFunction load(String source, String chunkName) {
        return load(source.getBytes(java.nio.charset.StandardCharsets.UTF_8), chunkName);
    }

    /**
     * Calls {@code fn} with Java arguments (already Lua values: {@code null}, {@code Boolean},
     * {@code Double}, {@link LuaString}, {@link LuaTable}, {@link LuaFunction}) and returns all
     * results. Lua errors surface as {@link LuaError}.
     */
    public Object[] call(Object fn, Object... args) {
        CallContext cx = main;
        int depth = cx.depth;
        int cdepth = cx.cdepth;
        CallContext outer = CallContext.enterThread(cx);
        CallContext outerRunning = running;
        running = cx;
        try {
            Object first = Calls.asFunction(cx, fn).invoke(cx, args);
            return cx.results(first);
        } catch (StackOverflowError e) {
            cx.resetTailCalls();
            throw LuaError.plain("stack overflow");
        } catch (RuntimeException | Error e) {
            cx.resetTailCalls();
            throw e;
        } finally {
            cx.depth = depth;
            cx.cdepth = cdepth;
            CallContext.restoreThread(outer);
            running = outerRunning;
        }
    }

    /** Calls {@code fn} and returns its first result only (no array allocated). */
    public Object call1(Object fn, Object a) {
        CallContext cx = main;
        int depth = cx.depth;
        int cdepth = cx.cdepth;
        CallContext outer = CallContext.enterThread(cx);
        CallContext outerRunning = running;
        running = cx;
        try {
            return Calls.asFunction(cx, fn).call(cx, a);
        } catch (RuntimeException | Error e) {
            cx.resetTailCalls();
            throw e;
        } finally {
            cx.depth = depth;
            cx.cdepth = cdepth;
            CallContext.restoreThread(outer);
            running = outerRunning;
        }
    }

    public Object getGlobal(String name) {
        return globals.get(LuaString.utf8(name));
    }

    public void setGlobal(String name, Object value) {
        globals.put(LuaString.utf8(name), value);
    }

    /** Registers a Java function as a global. */
    public void register(String name, LuaFunction fn) {
        setGlobal(name, fn);
    }

    public void setOutput(OutputStream out) {
        this.stdout = out instanceof PrintStream p ? p : new PrintStream(out, false);
    }

    // ------------------------------------------------------------------ interruption

    /**
     * Asks the running script to stop: the next poll (loop back-edge or function entry) runs
     * {@code handler}, which may throw {@link ScriptInterrupted} or just return (e.g. to process
     * events while a script is busy, then keep running).
     */
    public void requestInterrupt(Runnable handler) {
        this.interruptHandler = handler;
        this.interruptRequested = true;
    }

    public void clearInterrupt() {
        this.interruptRequested = false;
        this.interruptHandler = null;
    }

    void onInterrupt() {
        Runnable h = interruptHandler;
        if (h == null) {
            interruptRequested = false;
            return;
        }
        h.run();
    }
}
