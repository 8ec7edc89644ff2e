package io.moonkey.server;

import io.moonkey.server.command.CommandFlag;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;

/**
 * Runs requests in one total order: command lookup, arity, authentication, busy-script, OOM,
 * pub/sub-context and MULTI-queueing checks (Valkey's processCommand), then the call itself
 * with statistics, slow log, MONITOR feed and propagation (Valkey's call).
 */
public final class Dispatcher {
    /** stop-writes-on-bgsave-error: writes (and PING) after a failed background save. */
    public static final String MISCONF = "MISCONF Valkey is configured to save RDB snapshots, but it's currently unable to persist to disk. "
            + "Commands that may modify the data set are disabled, because this instance is configured to report errors during writes "
            + "if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Valkey logs for details about the RDB error.";

    private final Server server;
    private int depth;

    Dispatcher(Server server) {
        this.server = server;
    }

    /**
     * Executes one client request; the reply (or error) goes to {@code out}. Returns false when
     * the request was not run because of CLIENT PAUSE: the caller must keep it and submit it
     * again when the pause ends (see {@link Server#pauseEnded}).
     */
    public boolean execute(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 0) return true;
        CommandSpec cmd = server.commands().lookup(argv[0]);
        if (cmd == null) {
            reject(s, out, unknownCommandError(argv));
            return true;
        }
        if (cmd.isContainer() && !(argv.length == 1 && cmd.handler() != null)) {
            if (argv.length < 2) {
                reject(s, out, "ERR wrong number of arguments for '" + cmd.name() + "' command");
                return true;
            }
            CommandSpec sub = cmd.subcommands().get(latin1(argv[1]).toLowerCase(java.util.Locale.ROOT));
            if (sub == null) {
                reject(s, out, "ERR unknown subcommand '" + clip(latin1(argv[1])) + "'. Try "
                        + cmd.name().toUpperCase(java.util.Locale.ROOT) + " HELP.");
                return true;
            }
            cmd = sub;
        }
        if (!cmd.arityAccepts(argv.length)) {
            reject(s, cmd, out, "ERR wrong number of arguments for '" + cmd.fullName() + "' command");
            return true;
        }
        if (cmd.has(CommandFlag.PROTECTED)) {
            // DEBUG and MODULE's loading subcommands, refused unless their startup option allows
            // them for this client; at queue time too, so a transaction holding one aborts
            boolean debug = (cmd.parent() != null ? cmd.parent() : cmd).name().equals("debug");
            String option = debug ? "enable-debug-command" : "enable-module-command";
            if (!protectedAllowed(s, option)) {
                reject(s, cmd, out, "ERR " + (debug ? "DEBUG" : "MODULE") + " command not allowed. If the " + option
                        + " option is set to \"local\", you can run it from a local connection, otherwise you need to set"
                        + " this option in the configuration file, and then restart the server.");
                return true;
            }
        }
        if (!s.authenticated() && !cmd.has(CommandFlag.NO_AUTH)) {
            reject(s, cmd, out, "NOAUTH Authentication required.");
            return true;
        }
        if (!s.user().unrestricted()) { // ACL: one flag test for users that may run anything
            String denied = server.acl().denyAtDispatch(s, cmd, argv);
            if (denied != null) {
                reject(s, cmd, out, denied);
                return true;
            }
        }
        if (server.cluster().enabled() && refusedByCluster(s, cmd, argv, out)) {
            return true;
        }
        if (server.busyMessage() != null && !cmd.has(CommandFlag.ALLOW_BUSY)) {
            reject(s, cmd, out, server.busyMessage());
            return true;
        }
        boolean transactionControl = isTransactionControl(cmd);
        // a script whose flags are known counts as a write unless no-writes (scripting.md §4.4)
        Boolean scriptWrites = cmd.has(CommandFlag.NOSCRIPT) && !s.isMasterLink() ? server.scriptWrites(cmd, argv) : null;
        boolean writes = scriptWrites != null ? scriptWrites : cmd.has(CommandFlag.WRITE);
        if (server.isReplica() && !s.isMasterLink() && writes && server.config().getBool("replica-read-only")) {
            reject(s, cmd, out, "READONLY You can't write against a read only replica.");
            return true;
        }
        if ((writes || cmd.name().equals("ping")) && !s.isMasterLink() && server.rdb().deniesWrites()) {
            reject(s, cmd, out, MISCONF);
            return true;
        }
        if (server.maxmemory() > 0 && !s.isScriptCaller() && !s.isMasterLink()) {
            boolean fits = server.keyspace().enforceMaxmemory(server.maxmemory());
            Boolean scriptFlag = cmd.has(CommandFlag.NOSCRIPT) ? server.scriptDenyOom(cmd, argv) : null;
            boolean denyoom = (scriptFlag != null ? scriptFlag : cmd.has(CommandFlag.DENYOOM))
                    || (s.inMulti() && !transactionControl)
                    || (cmd.name().equals("exec") && queuedDenyOom(s));
            if (!fits && denyoom) {
                reject(s, cmd, out, "OOM command not allowed when used memory > 'maxmemory'.");
                return true;
            }
        }
        if (s.inPubSubContext() && !allowedInPubSub(cmd)) {
            reject(s, cmd, out, "ERR Can't execute '" + cmd.fullName()
                    + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
            return true;
        }
        if (server.isPaused() && s.channel() != null && !(s.inMulti() && !transactionControl)
                && !cmd.fullName().equals("client|unpause")) {
            boolean mayReplicate = cmd.has(CommandFlag.WRITE) || cmd.has(CommandFlag.MAY_REPLICATE)
                    || (cmd.name().equals("exec") && queuedMayReplicate(s));
            if (!server.pauseWritesOnly() || mayReplicate) return false;
        }
        if (s.inMulti() && !transactionControl) {
            if (cmd.has(CommandFlag.NO_MULTI)) {
                reject(s, cmd, out, "ERR Command not allowed inside a transaction");
                return true;
            }
            s.queued.add(argv);
            s.queuedSpecs.add(cmd);
            out.simple("QUEUED");
            return true;
        }
        call(s, cmd, argv, out);
        return true;
    }

    /**
     * Cluster mode: the request's keys (EXEC: all queued commands' keys) must hash to one slot
     * this node serves while the cluster is up (scripting.md §11). A refused EXEC discards the
     * transaction; another refused command inside MULTI makes EXEC fail.
     */
    private boolean refusedByCluster(Session s, CommandSpec cmd, byte[][] argv, ReplySink out) {
        boolean exec = cmd.parent() == null && cmd.name().equals("exec");
        boolean write = cmd.has(CommandFlag.WRITE);
        if (!server.cluster().state().ok() && cmd.has(CommandFlag.NOSCRIPT)) {
            // only a down cluster asks whether a script writes; knowing it can cost a SHA1
            Boolean scriptWrites = server.scriptWrites(cmd, argv);
            if (scriptWrites != null) write = scriptWrites;
        }
        String error = exec ? server.cluster().refuseTransaction(s.inMulti(), s.queuedSpecs, s.queued)
                : server.cluster().refuse(cmd, argv, write);
        if (error == null) return false;
        if (exec) MultiState.discard(s);
        reject(s, cmd, out, error);
        return true;
    }

    private static boolean isTransactionControl(CommandSpec cmd) {
        String n = cmd.parent() == null ? cmd.name() : "";
        return n.equals("exec") || n.equals("discard") || n.equals("multi") || n.equals("watch")
                || n.equals("quit") || n.equals("reset");
    }

    private static boolean queuedMayReplicate(Session s) {
        for (CommandSpec c : s.queuedSpecs) if (c.has(CommandFlag.WRITE) || c.has(CommandFlag.MAY_REPLICATE)) return true;
        return false;
    }

    private static boolean queuedDenyOom(Session s) {
        for (CommandSpec c : s.queuedSpecs) if (c.has(CommandFlag.DENYOOM)) return true;
        return false;
    }

    /** Whether a protected command is enabled for {@code s} by {@code option}: yes, or local for a loopback client. */
    private boolean protectedAllowed(Session s, String option) {
        String mode = server.config().get(option);
        if (mode.equals("yes")) return true;
        if (!mode.equals("local")) return false;
        ClientChannel ch = s.channel();
        if (ch == null) return true;
        String a = ch.remoteAddress();
        return a.startsWith("127.") || a.startsWith("::1");
    }

    private static boolean allowedInPubSub(CommandSpec cmd) {
        String n = cmd.parent() == null ? cmd.name() : "";
        return switch (n) {
            case "ping", "subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe",
                 "quit", "reset" -> true;
            default -> false;
        };
    }

    private void reject(Session s, ReplySink out, String error) {
        reject(s, null, out, error);
    }

    private void reject(Session s, CommandSpec cmd, ReplySink out, String error) {
        if (s.inMulti()) s.multiError = true;
        if (cmd != null) cmd.rejectedCalls++;
        out.error(error);
    }

    /** Valkey's text: {@code ERR unknown command 'foo', with args beginning with: 'a' 'b' }. */
    public static String unknownCommandError(byte[][] argv) {
        StringBuilder b = new StringBuilder("ERR unknown command '").append(clip(latin1(argv[0])))
                .append("', with args beginning with: ");
        for (int i = 1; i < argv.length && b.length() < 128 + 60; i++) {
            b.append('\'').append(clip(latin1(argv[i]))).append("' ");
        }
        return b.toString();
    }

    private static String clip(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs a resolved command without the client-level checks, counting statistics and
     * propagating its effects. This is the entry the scripting engine uses for server.call after
     * doing its own per-command checks (scripting.md §4.6) with the script's session.
     */
    public void call(Session s, CommandSpec cmd, byte[][] argv, ReplySink out) {
        boolean top = depth++ == 0;
        PropagationStream prop = server.propagation();
        if (top) {
            current = s;
            server.keyspace().freezeClock();
            commandStartMicros = currentMicros();
            prop.begin();
        }
        long dirtyBefore = server.dirty();
        byte[][] savedAs = s.propagateAs;
        boolean savedPrevented = s.propagationPrevented;
        boolean savedForced = s.propagationForced;
        s.propagateAs = null;
        s.propagationPrevented = false;
        s.propagationForced = false;
        long outerCallErrors = server.stats().callErrors;
        server.stats().callErrors = 0;
        if (!cmd.has(CommandFlag.SKIP_MONITOR) && !cmd.has(CommandFlag.ADMIN)) server.feedMonitors(s, argv);
        s.lastCommand = cmd;
        long t0 = System.nanoTime();
        try {
            cmd.handler().execute(s, argv, out);
        } catch (io.moonkey.server.command.CommandError e) {
            out.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            server.log().warning("command " + cmd.fullName() + " failed: " + e);
            out.error("ERR internal error: " + e.getClass().getSimpleName());
        } finally {
            long micros = (System.nanoTime() - t0) / 1000;
            cmd.calls++;
            cmd.microseconds += micros;
            if (server.stats().callErrors > 0) cmd.failedCalls++;
            server.stats().callErrors = outerCallErrors;
            server.stats().commandsProcessed++;
            if ((server.dirty() > dirtyBefore || s.propagationForced) && !s.propagationPrevented) {
                prop.add(s.dbIndex(), s.propagateAs != null ? s.propagateAs : argv, s.propagationTargets);
            }
            s.propagateAs = savedAs;
            s.propagationPrevented = savedPrevented;
            s.propagationForced = savedForced;
            long latencyThreshold = server.latencyThreshold();
            if (latencyThreshold > 0 && micros / 1000 >= latencyThreshold) {
                server.latency().add(cmd.has(CommandFlag.FAST) ? "fast-command" : "command", micros / 1000);
            }
            long threshold = server.slowlogThreshold();
            if (threshold >= 0 && micros >= threshold && !cmd.has(CommandFlag.SKIP_SLOWLOG)) {
                ClientChannel ch = s.channel();
                server.slowLog().record(micros, argv, ch == null ? "" : ch.remoteAddress(),
                        s.name == null ? "" : latin1(s.name), (int) Math.min(Integer.MAX_VALUE, server.slowlogMaxLen()));
            }
            if (server.tracking().clients() > 0) track(cmd, argv, top);
            if (top) {
                prop.end();
                server.keyspace().unfreezeClock();
            }
            depth--;
        }
        if (top) {
            current = null;
            if (!s.pendingInvalidations.isEmpty()) server.tracking().afterCommand(s);
            server.blocked().serveReadyKeys();
        }
    }

    /** The client whose command (or script, or EXEC) is running, null between commands. */
    private Session current;

    public Session currentClient() {
        return current;
    }

    /**
     * Client-side caching after a command: the keys a read-only command read are remembered for
     * the calling client (for a script, the client that ran it; the read-only script commands
     * themselves are not key reads), and CLIENT CACHING's answer lasts one command (to EXEC in MULTI).
     */
    private void track(CommandSpec cmd, byte[][] argv, boolean top) {
        Session caller = current;
        if (caller == null) return;
        String name = cmd.name();
        if (cmd.has(CommandFlag.READONLY) && !name.equals("eval_ro") && !name.equals("evalsha_ro") && !name.equals("fcall_ro")) {
            server.tracking().remember(caller, cmd, argv);
        }
        if (top && caller.tracking != null && !caller.inMulti()
                && !(cmd.parent() != null ? cmd.parent() : cmd).name().equals("client")) {
            caller.tracking.caching = false;
        }
    }

    private long commandStartMicros;

    private static long currentMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /**
     * The unix time in microseconds at which the current execution unit started: TIME reports
     * it, so a script sees one frozen time throughout, as in Valkey.
     */
    public long commandStartMicros() {
        return depth > 0 ? commandStartMicros : currentMicros();
    }

    /** Whether a command is executing (a script or EXEC is running commands). */
    public boolean executing() {
        return depth > 0;
    }
}
