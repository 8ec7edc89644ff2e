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
 * The Lua engine: one sandboxed Lua state for EVAL scripts (lua-api.md §1), compiled chunks
 * named {@code @user_script}, a script client session whose commands go through
 * {@link LuaBridge}, and the script's reply or error reply (scripting.md §7).
 */
public final class LuaEngine implements ScriptingEngine {
    private static final String CHUNK = "@user_script";
    private static final Pattern POSITION = Pattern.compile("^(.*?):(\\d+): ", Pattern.DOTALL);
    private static final LuaString ERR = LuaString.latin1("err");
    private static final String BUSY = "BUSY Valkey is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    private static final String KILLED = "ERR Script killed by user with SCRIPT KILL.";
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

    /** A compiled chunk. */
    private record Chunk(LuaFunction function) implements Compiled {}

    /**
     * @param random the process-wide generator behind math.random: not reset by SCRIPT FLUSH
     */
    public LuaEngine(Server server, LuaRandom.Source random) {
        this.server = server;
        this.random = random;
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
        state = ScriptEnvironment.create(ServerApi.Context.EVAL, bridge, random);
        state.setChunkLoader(new CompiledChunkLoader());
    }

    @Override
    public Compiled compile(byte[] body, int from) {
        try {
            return new Chunk(state.load(Arrays.copyOfRange(body, from, body.length), CHUNK));
        } catch (LuaError e) {
            throw new CompileError(String.valueOf(e.value()));
        }
    }

    @Override
    public void run(Compiled script, Run run, ReplySink out) {
        bridge.begin(run);
        current = run;
        busy = false;
        killed = false;
        running = true;
        long threshold = server.config().getLong("busy-reply-threshold");
        ScheduledFuture<?> watchdog = threshold > 0
                ? WATCHDOG.scheduleAtFixedRate(() -> {
                    if (running) {
                        state.requestInterrupt(onInterrupt);
                    }
                }, threshold, BUSY_POLL_MS, TimeUnit.MILLISECONDS)
                : null;
        try {
            ScriptEnvironment.setKeysAndArgs(state, run.keys(), run.args());
            Object[] results = state.call(((Chunk) script).function());
            new LuaReplyWriter(out, bridge.resp()).write(results.length == 0 ? null : results[0]);
        } catch (LuaError e) {
            out.error(errorReply(e, run.name()));
        } catch (ScriptInterrupted e) {
            out.error(ScriptErrorReply.format(KILLED, run.name(), source(killedAt), line(killedAt)));
        } catch (OutOfMemoryError e) {
            // A script that allocates without bound must not take the server down: what it built
            // is unreachable once unwound. The VM stays, as after Lua's own memory errors.
            out.error(ScriptErrorReply.format("ERR not enough memory", run.name(), "=[C]", -1));
            server.log().warning("script " + run.name() + " ran out of memory");
        } finally {
            running = false;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
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
                        + "using the SCRIPT KILL command. Script name is: " + current.name() + ".");
                server.setBusyMessage(BUSY);
                ClientChannel ch = current.caller().channel();
                if (ch != null) {
                    ch.pauseInput(true);
                }
            }
            if (server.eventLoop() != null) {
                server.eventLoop().pollWhileBusy(); // may run SCRIPT KILL
            }
        }
        if (killed) {
            killedAt = CallStack.where(0);
            throw new ScriptInterrupted(KILLED);
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
