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
import io.moonkey.lua.text.LuaRandom;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.scripting.ScriptErrorReply;
import io.moonkey.server.scripting.ScriptingEngine;
import java.util.Arrays;
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

    private final Server server;
    private final LuaRandom.Source random;
    private final Session client;
    private LuaState state;
    private LuaBridge bridge;

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
        try {
            ScriptEnvironment.setKeysAndArgs(state, run.keys(), run.args());
            Object[] results = state.call(((Chunk) script).function());
            new LuaReplyWriter(out, bridge.resp()).write(results.length == 0 ? null : results[0]);
        } catch (LuaError e) {
            out.error(errorReply(e, run.name()));
        } finally {
            bridge.end();
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
        String source = "=[C]";
        int line = -1;
        if (where != null) {
            Matcher m = POSITION.matcher(where);
            if (m.find()) {
                source = "@" + m.group(1);
                line = Integer.parseInt(m.group(2));
            }
        }
        return ScriptErrorReply.format(err, name, source, line);
    }
}
