package io.moonkey.server.scripting.lua;

import io.moonkey.lua.compiler.CompiledChunkLoader;
import io.moonkey.lua.lib.valkey.ScriptEnvironment;
import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.ScriptInterrupted;
import io.moonkey.lua.text.LuaRandom;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.scripting.ScriptErrorReply;
import io.moonkey.server.scripting.ScriptingEngine;
import io.moonkey.server.ClientChannel;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lua engine: a sandboxed Lua state (lua-api.md §1) — one for EVAL scripts (chunks named
 * {@code @user_script}), another for functions (libraries named {@code @user_function}) — a
 * script client session whose commands go through {@link LuaBridge}, busy-script handling, and
 * the reply or error reply of a run (scripting.md §7, §8).
 */
public final class LuaEngine implements ScriptingEngine {
    /** Which of the two Lua states of the server this engine is. */
    public enum Vm { EVAL, FUNCTION }

    private static final Pattern POSITION = Pattern.compile("^(.*?):(\\d+): ", Pattern.DOTALL);
    private static final LuaString ERR = LuaString.latin1("err");
    /** How long a library may take to register its functions. */
    private static final long LOAD_TIMEOUT_MS = 500;
    /** How often a busy script stops to serve the other clients. */
    private static final long BUSY_POLL_MS = 100;

    /** One timer thread for every engine: it only flags the running script, which then polls. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "moonkey-script-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Server server;
    private final LuaRandom.Source random;
    private final Vm vm;
    private final String chunkName;
    private final String busyError;
    private final String killedError;
    private final Session client;
    private LuaState state;
    private LuaBridge bridge;

    // The run in progress (all touched on the execution thread but for the watchdog's flag).
    private volatile boolean running;
    private boolean busy;
    private boolean killed;
    private String killedAt;
    private Run current;
    private final Runnable onInterrupt = this::onInterrupt;
    private volatile long runStartNanos;
    private long lastServedNanos;
    private ScheduledFuture<?> watchdog;

    /** A compiled chunk. */
    private record Chunk(LuaFunction function) implements Compiled {}

    /**
     * @param random the process-wide generator behind math.random: not reset by SCRIPT FLUSH
     */
    public LuaEngine(Server server, LuaRandom.Source random, Vm vm) {
        this.server = server;
        this.random = random;
        this.vm = vm;
        this.chunkName = vm == Vm.EVAL ? "@user_script" : "@user_function";
        String kill = vm == Vm.EVAL ? "SCRIPT KILL" : "FUNCTION KILL";
        this.busyError = "BUSY Valkey is busy running a script. You can only call " + kill + " or SHUTDOWN NOSAVE.";
        this.killedError = "ERR Script killed by user with " + kill + ".";
        this.client = server.newInternalSession();
        client.setScriptCaller(true);
        reset();
    }

    @Override
    public String name() {
        return "lua";
    }

    @Override
    public void reset() {
        bridge = new LuaBridge(server, client);
        state = ScriptEnvironment.create(vm == Vm.EVAL ? ServerApi.Context.EVAL : ServerApi.Context.FUNCTION_RUN,
                bridge, random);
        state.setChunkLoader(new CompiledChunkLoader());
        state.weakTables.setMinInterval(200); // scripts share the server: at most five full GCs a second
    }

    @Override
    public Compiled compile(byte[] body, int from) {
        try {
            return new Chunk(state.load(Arrays.copyOfRange(body, from, body.length), chunkName));
        } catch (LuaError e) {
            throw new CompileError(String.valueOf(e.value()));
        }
    }

    @Override
    public void run(Compiled script, Run run, ReplySink out) {
        execute(run, out, () -> {
            ScriptEnvironment.setKeysAndArgs(state, run.keys(), run.args());
            return state.call(((Chunk) script).function());
        });
    }

    /** FCALL: calls a registered function with fresh tables of keys and arguments (§6.5). */
    public void call(LuaFunction callback, Run run, ReplySink out) {
        execute(run, out, () -> state.call(callback, array(run.keys()), array(run.args())));
    }

    private static LuaTable array(byte[][] values) {
        LuaTable t = new LuaTable(values.length, 0);
        for (int i = 0; i < values.length; i++) {
            t.put(i + 1, LuaString.wrap(values[i]));
        }
        return t;
    }

    /** Whether a script or function of this engine is running (another client asks while busy). */
    public boolean running() {
        return running;
    }

    /** The error other clients get while this engine's script is busy. */
    public String busyError() {
        return busyError;
    }

    /** The run in progress, or null: FUNCTION STATS reports it. */
    public Run current() {
        return current;
    }

    private void execute(Run run, ReplySink out, java.util.function.Supplier<Object[]> body) {
        bridge.begin(run);
        current = run;
        busy = false;
        killed = false;
        running = true;
        runStartNanos = System.nanoTime();
        startWatchdog();
        try {
            Object[] results = body.get();
            new LuaReplyWriter(out, bridge.resp()).write(results.length == 0 ? null : results[0]);
        } catch (LuaError e) {
            if (e.value() instanceof LuaTable t && ServerApi.ignoresErrorStats(t)) {
                out.errorCountedElsewhere(errorReply(e, run.name()));
            } else {
                out.error(errorReply(e, run.name()));
            }
        } catch (ScriptInterrupted e) {
            out.error(ScriptErrorReply.format(killedError, run.name(), source(killedAt), line(killedAt)));
        } catch (OutOfMemoryError e) {
            // A script that allocates without bound must not take the server down: what it built
            // is unreachable once unwound. The VM stays, as after Lua's own memory errors.
            out.error(ScriptErrorReply.format("ERR not enough memory", run.name(), "=[C]", -1));
            server.log().warning("script " + run.name() + " ran out of memory");
        } finally {
            running = false;
            state.clearInterrupt();
            if (busy) {
                server.setBusyMessage(null);
                ClientChannel ch = run.caller().channel();
                if (ch != null) {
                    ch.pauseInput(false);
                }
            }
            current = null;
            bridge.end();
        }
    }

    /**
     * One periodic check per engine, started with its first run: a run does nothing but note
     * its start time. Once busy-reply-threshold has passed, the running script is asked to poll
     * (and from then on every {@link #BUSY_POLL_MS}) so that it serves the other clients.
     */
    private void startWatchdog() {
        if (watchdog != null) {
            return;
        }
        watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
            if (!running) {
                return;
            }
            long threshold = server.config().getLong("busy-reply-threshold");
            long now = System.nanoTime();
            if (threshold > 0 && now - runStartNanos >= TimeUnit.MILLISECONDS.toNanos(threshold)
                    && now - lastServedNanos >= TimeUnit.MILLISECONDS.toNanos(BUSY_POLL_MS)) {
                state.requestInterrupt(onInterrupt);
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs on the script's thread at its next poll once the watchdog fired (scripting.md §8.2):
     * the first time the server becomes busy for everyone else; each time the other clients are
     * served; once killed, every poll raises the error that pcall cannot catch.
     */
    private void onInterrupt() {
        if (!running) {
            state.clearInterrupt();
            return;
        }
        if (!killed) {
            state.clearInterrupt();
            if (!busy) {
                busy = true;
                server.log().warning("Slow script detected: still in execution after "
                        + server.config().getLong("busy-reply-threshold") + " milliseconds. You can try killing the script "
                        + "using the " + (vm == Vm.EVAL ? "SCRIPT KILL" : "FUNCTION KILL") + " command. Script name is: "
                        + current.name() + ".");
                server.setBusyMessage(busyError);
                ClientChannel ch = current.caller().channel();
                if (ch != null) {
                    ch.pauseInput(true);
                }
            }
            lastServedNanos = System.nanoTime();
            if (server.eventLoop() != null) {
                server.eventLoop().pollWhileBusy(); // may run SCRIPT KILL
            }
        }
        if (killed) {
            killedAt = CallStack.where(0);
            throw new ScriptInterrupted(killedError);
        }
    }

    /**
     * SCRIPT KILL (§8.4): null when accepted, else the error to reply. A script that attempted
     * a write cannot be killed.
     */
    @Override
    public String kill() {
        if (!running) {
            return "NOTBUSY No scripts in execution right now.";
        }
        if (bridge.wrote()) {
            return "UNKILLABLE Sorry the script already executed write commands against the dataset. "
                    + "You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.";
        }
        killed = true;
        state.requestInterrupt(onInterrupt);
        return null;
    }

    /**
     * FUNCTION LOAD's step 11 (scripting.md §6.2, §6.3): runs a library's chunk with only the
     * load-time API visible, at most {@link #LOAD_TIMEOUT_MS}. The globals table keeps its
     * identity — functions created now see the full sandbox when they run — but its contents
     * are swapped for the load and restored after.
     *
     * @return null when the chunk ran, else the error text (an {@code ERR ...} string)
     */
    public String loadLibrary(Compiled chunk, ServerApi.Registrar registrar) {
        LuaTable g = state.globals;
        java.util.List<Object[]> saved = new java.util.ArrayList<>();
        Object[] kv = new Object[2];
        Object key = null;
        while (g.next(key, kv)) {
            key = kv[0];
            saved.add(new Object[] {kv[0], kv[1]});
        }
        LuaTable api = ServerApi.createLoadApi(bridge, registrar);
        g.setReadonly(false);
        for (Object[] e : saved) {
            g.put(e[0], null);
        }
        g.put(LuaString.latin1("server"), api);
        g.put(LuaString.latin1("redis"), api);
        g.setReadonly(true);
        boolean[] timedOut = {false};
        ScheduledFuture<?> timer = WATCHDOG.schedule(() -> state.requestInterrupt(() -> {
            state.clearInterrupt();
            timedOut[0] = true;
            throw new ScriptInterrupted("ERR FUNCTION LOAD timeout");
        }), LOAD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            state.call(((Chunk) chunk).function());
            return null;
        } catch (LuaError e) {
            Object v = e.value();
            if (v instanceof LuaTable t && t.get(ERR) instanceof LuaString s) {
                return s.toString();
            }
            return "ERR " + (v == null ? "nil" : Conversions.toStringValue(v).toString());
        } catch (ScriptInterrupted e) {
            return "ERR FUNCTION LOAD timeout";
        } finally {
            timer.cancel(false);
            state.clearInterrupt();
            g.setReadonly(false);
            g.put(LuaString.latin1("server"), null);
            g.put(LuaString.latin1("redis"), null);
            for (Object[] e : saved) {
                g.put(e[0], e[1]);
            }
            g.setReadonly(true);
        }
    }

    /**
     * The reply of an uncaught error: the error table's {@code err}, or "ERR " and the value as
     * text, then where it was raised. A table without a string {@code err} crashes Valkey; here
     * it is "ERR unknown error".
     */
    private static String errorReply(LuaError e, String name) {
        Object v = e.value();
        String err;
        if (v instanceof LuaTable t) {
            err = t.get(ERR) instanceof LuaString s ? s.toString() : "ERR unknown error";
        } else {
            err = "ERR " + (v == null ? "nil" : Conversions.toStringValue(v).toString());
        }
        String where = e.raisedAt();
        if (where == null && v instanceof LuaString s) {
            where = s.toString();
        }
        return ScriptErrorReply.format(err, name, source(where), line(where));
    }

    /** The raw source of a {@code chunk:line: } position: {@code @user_script}, or {@code =[C]}. */
    private static String source(String where) {
        Matcher m = where == null ? null : POSITION.matcher(where);
        return m != null && m.find() ? "@" + m.group(1) : "=[C]";
    }

    private static int line(String where) {
        Matcher m = where == null ? null : POSITION.matcher(where);
        return m != null && m.find() ? Integer.parseInt(m.group(2)) : -1;
    }
}
