package io.moonkey.server.scripting.lua;

import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.cluster.ScriptSlotGuard;
import io.moonkey.server.command.CommandFlag;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.resp.RespWriter;
import io.moonkey.server.scripting.ScriptingEngine;
import io.moonkey.server.scripting.ldb.DebugSession;
import io.moonkey.server.scripting.ldb.ReplyTee;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What {@code server.call} and the rest of the API do in the server: the per-command checks a
 * script's commands go through (scripting.md §4.6), then execution through the same dispatcher
 * as network clients, with the reply built straight into Lua values.
 */
final class LuaBridge implements ServerApi.Bridge {
    private final Server server;
    private final Session client;
    private ScriptingEngine.Run run;
    private int resp = 2;
    private boolean wrote;
    private boolean oomAtStart;
    /** The debugging session of the run, or null (ldb.md): command tracing, breakpoint(), debug(). */
    private DebugSession debugger;
    /** Cluster mode's per-command slot checks (scripting.md §11). */
    private final ScriptSlotGuard slots;

    LuaBridge(Server server, Session client) {
        this.server = server;
        this.client = client;
        this.slots = server.cluster().scriptGuard();
    }

    /** Prepares a run: the script client takes the caller's database and starts in RESP2. */
    void begin(ScriptingEngine.Run r) {
        run = r;
        resp = 2;
        client.setPropagationTargets(io.moonkey.server.PropagationStream.ALL);
        wrote = false;
        client.select(r.caller().dbIndex());
        client.setUser(r.caller().user());
        client.setProtocol(2);
        oomAtStart = server.maxmemory() > 0 && !server.keyspace().enforceMaxmemory(server.maxmemory());
        slots.begin(server.cluster().requestSlot(), r.allowCrossSlot());
    }

    void end() {
        run = null;
        debugger = null;
    }

    /** The run being started is debugged by {@code session}. */
    void debugWith(DebugSession session) {
        debugger = session;
    }

    @Override
    public boolean breakpoint() {
        return debugger != null && debugger.breakpoint();
    }

    @Override
    public void argumentsRefused(String message) {
        if (debugger != null && debugger.tracing()) {
            debugger.traceRejected(message);
        }
    }

    @Override
    public void debug(Object[] values) {
        if (debugger != null) {
            debugger.debug(values);
        }
    }

    int resp() {
        return resp;
    }

    /** Whether the run attempted a write: it can no longer be killed. */
    boolean wrote() {
        return wrote;
    }

    @Override
    public Object call(CallContext cx, byte[][] argv) {
        DebugSession tracer = debugger != null && debugger.tracing() ? debugger : null;
        if (tracer != null) {
            tracer.traceCommand(argv); // ldb.md §5.5
        }
        CommandSpec cmd = server.commands().lookup(argv[0]);
        if (cmd == null) {
            return rejected(null, "ERR Unknown command called from script");
        }
        if (cmd.isContainer()) {
            if (argv.length < 2) {
                return rejected(cmd, "ERR Wrong number of args calling command from script");
            }
            CommandSpec sub = cmd.subcommands().get(new String(argv[1], StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
            if (sub == null) {
                return rejected(null, "ERR Unknown command called from script");
            }
            cmd = sub;
        }
        if (!cmd.arityAccepts(argv.length)) {
            return rejected(cmd, "ERR Wrong number of args calling command from script");
        }
        if (cmd.has(CommandFlag.NOSCRIPT)) {
            return rejected(cmd, "ERR This Redis command is not allowed from script");
        }
        String denied = server.acl().denyInScript(run.caller(), cmd, argv); // scripting.md §4.6 item 4
        if (denied != null) {
            return rejected(cmd, denied);
        }
        boolean write = cmd.has(CommandFlag.WRITE);
        if (run.readOnly() && (write || cmd.has(CommandFlag.MAY_REPLICATE))) {
            return rejected(cmd, "ERR Write commands are not allowed from read-only scripts.");
        }
        // scripting.md §4.6 step 5: a script that has started writing is not stopped by state changes
        if (write && !wrote && !run.caller().isMasterLink() && server.isReplica() && server.config().getBool("replica-read-only")) {
            return rejected(cmd, "READONLY You can't write against a read only replica.");
        }
        if (write && !wrote && !run.caller().isMasterLink() && server.rdb().deniesWrites()) {
            return rejected(cmd, io.moonkey.server.Dispatcher.MISCONF);
        }
        // A script that has started writing can no longer be stopped by memory pressure.
        if (!run.allowOom() && oomAtStart && !wrote && cmd.has(CommandFlag.DENYOOM)) {
            return rejected(cmd, "OOM command not allowed when used memory > 'maxmemory'.");
        }
        if (write) {
            wrote = true;
        }
        String clusterRefusal = slots.check(cmd, argv); // after marking the write, as Valkey
        if (clusterRefusal != null) {
            return rejected(cmd, clusterRefusal);
        }
        // A command's error is counted at the command, as Valkey does; the script's reply,
        // if it passes the error on, does not count it again.
        LuaReplyReader reply = new LuaReplyReader(resp).observingErrors(server.stats()::errorReplied);
        if (tracer != null) {
            RespWriter raw = new RespWriter();
            raw.setProtocol(resp);
            server.dispatcher().call(client, cmd, argv, new ReplyTee(reply, raw));
            tracer.traceReply(raw.toByteArray());
            return reply.result();
        }
        server.dispatcher().call(client, cmd, argv, reply);
        return reply.result();
    }

    private Object rejected(CommandSpec cmd, String error) {
        if (debugger != null && debugger.tracing()) {
            // ERR checks log their plain text, shared server errors their raw line (ldb.md §5.5).
            debugger.traceRejected(error.startsWith("ERR ") ? error.substring(4) : "-" + error + "\r\n");
        }
        if (cmd != null) {
            cmd.rejectedCalls++;
        }
        server.stats().errorReplied(error, true);
        return ServerApi.errorTable("-" + error, true);
    }

    @Override
    public void log(int level, byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        switch (level) {
            case 0 -> server.log().debug(text);
            case 1 -> server.log().verbose(text);
            case 2 -> server.log().notice(text);
            default -> server.log().warning(text);
        }
    }

    @Override
    public void setResp(int version) {
        resp = version;
    }

    @Override
    public void setRepl(int flags) {
        client.setPropagationTargets(flags); // REPL_AOF and REPL_REPLICA are the stream's target bits
    }

    @Override
    public Boolean aclCheck(byte[][] argv) {
        CommandSpec cmd = server.commands().lookup(argv[0]);
        if (cmd == null) {
            return null;
        }
        if (cmd.isContainer() && argv.length > 1
                && cmd.subcommands().get(new String(argv[1], StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)) == null) {
            return null;
        }
        CommandSpec resolved = cmd.isContainer() && argv.length > 1 ? server.commands().resolve(argv) : cmd;
        return server.acl().permits(run.caller(), resolved, argv);
    }
}
