package io.moonkey.server;

import io.moonkey.datastore.EvictionPolicy;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.KeyspaceListener;
import io.moonkey.server.command.BitCommands;
import io.moonkey.server.command.GeoCommands;
import io.moonkey.server.command.HyperLogLogCommands;
import io.moonkey.server.command.ModuleCommand;
import io.moonkey.server.command.ClientCommand;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.ConfigCommand;
import io.moonkey.server.command.ConnectionCommands;
import io.moonkey.server.command.DebugCommand;
import io.moonkey.server.command.IntrospectionCommands;
import io.moonkey.server.command.HashCommands;
import io.moonkey.server.command.KeyCommands;
import io.moonkey.server.command.ListCommands;
import io.moonkey.server.command.PubSubCommands;
import io.moonkey.server.command.ServerCommands;
import io.moonkey.server.command.SetCommands;
import io.moonkey.server.command.SortCommand;
import io.moonkey.server.command.SortedSetCommands;
import io.moonkey.server.command.StreamCommands;
import io.moonkey.server.command.StringCommands;
import io.moonkey.server.command.TransactionCommands;
import io.moonkey.server.config.Config;
import io.moonkey.server.config.ServerParams;
import io.moonkey.server.net.EventLoop;
import io.moonkey.server.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's state and wiring: configuration, keyspace, command table, dispatcher, clients,
 * pub/sub, the propagation stream, statistics. Everything here is touched only by the
 * execution thread (the event loop), so there is no locking.
 */
public final class Server {
    private final Config config = new Config();
    private final Log log = new Log();
    private final Keyspace keyspace;
    private final CommandTable commands = new CommandTable();
    private io.moonkey.server.scripting.EvalCommands scripting;
    private io.moonkey.server.scripting.FunctionCommands functions;

    /**
     * A script's own deny-oom flag for EVAL-family and FCALL requests, when known at dispatch
     * (scripting.md §4.4); null to use the command's flags.
     */
    public Boolean scriptDenyOom(io.moonkey.server.command.CommandSpec cmd, byte[][] argv) {
        return switch (cmd.name()) {
            case "eval", "eval_ro" -> scripting.effectiveDenyOom(argv, false);
            case "evalsha", "evalsha_ro" -> scripting.effectiveDenyOom(argv, true);
            case "fcall", "fcall_ro" -> functions.effectiveDenyOom(argv);
            default -> null;
        };
    }

    /** A script's own write flag for EVAL-family and FCALL requests when known at dispatch (§4.4); null otherwise. */
    public Boolean scriptWrites(io.moonkey.server.command.CommandSpec cmd, byte[][] argv) {
        return switch (cmd.name()) {
            case "eval", "eval_ro" -> scripting.effectiveWrite(argv, false);
            case "evalsha", "evalsha_ro" -> scripting.effectiveWrite(argv, true);
            case "fcall", "fcall_ro" -> functions.effectiveWrite(argv);
            default -> null;
        };
    }

    /** INFO's scripting figures. */
    public io.moonkey.server.scripting.ScriptingStats scriptingStats() {
        return scripting.stats(functions);
    }
    private final Dispatcher dispatcher;
    private final io.moonkey.server.cluster.Cluster cluster;
    private final PubSub pubsub = new PubSub();
    private final PropagationStream propagation = new PropagationStream();
    private final Stats stats = new Stats();
    private final SlowLog slowLog = new SlowLog();
    private final ClientTracking tracking = new ClientTracking(this);
    private final Map<Long, Session> clients = new LinkedHashMap<>();
    final List<Session> monitors = new ArrayList<>();
    private final String runId;
    private final long startMs = System.currentTimeMillis();
    private long nextClientId = 1;
    private long dirty;
    private long maxmemory;
    private String requirepass = "";
    private final io.moonkey.server.acl.Acl acl;
    private volatile EventLoop eventLoop;
    private String busyMessage;
    private boolean activeExpire = true;
    private long pauseEndMs;
    private boolean pauseWritesOnly;
    private final List<Runnable> postponed = new ArrayList<>();
    // hot-path copies of configuration values, kept current by change hooks
    private long slowlogThreshold, slowlogMaxLen, queryBufferLimit, latencyThreshold;
    private final LatencyMonitor latency = new LatencyMonitor();
    private final OutputLimits outputLimits = new OutputLimits();
    private final KeyspaceEvents events = new KeyspaceEvents(pubsub);
    private final BlockedClients blocked = new BlockedClients(this);
    private final io.moonkey.server.persistence.AppendOnlyFile aof = new io.moonkey.server.persistence.AppendOnlyFile(this);
    private final io.moonkey.server.replication.ReplicationSource replication = new io.moonkey.server.replication.ReplicationSource(this);
    private final io.moonkey.server.persistence.RdbFile rdb = new io.moonkey.server.persistence.RdbFile(this);
    private final io.moonkey.server.replication.ReplicaMode replicaMode = new io.moonkey.server.replication.ReplicaMode(this, replication);
    private boolean loading;

    /**
     * Creates a server configured like valkey-server's command line: an optional config file
     * path, then {@code --name value} overrides.
     */
    public Server(String... args) throws java.io.IOException, io.moonkey.server.config.ConfigException {
        ServerParams.registerAll(config);
        config.applyArgs(args);
        keyspace = new Keyspace((int) config.getLong("databases"));
        acl = new io.moonkey.server.acl.Acl(this);
        hook();
        keyspace.setListener(new KeyspaceListener() {
            @Override
            public void keyRemoved(io.moonkey.datastore.Database db, byte[] key, Cause cause) {
                keyRemovedByKeyspace(db, key, cause);
            }

            @Override
            public void keyAdded(io.moonkey.datastore.Database db, byte[] key) {
                blocked.signalKeyReady(db, key);
                events.notify(KeyspaceEvents.NEW, "new", key, db.id());
            }

            @Override
            public void keyModified(io.moonkey.datastore.Database db, byte[] key) {
                if (tracking.clients() > 0) tracking.keyModified(key, dispatcher.currentClient());
            }

            @Override
            public void keyMissed(io.moonkey.datastore.Database db, byte[] key) {
                events.notify(KeyspaceEvents.KEY_MISS, "keymiss", key, db.id());
            }
        });
        keyspace.setExternalBytes(() -> clientBytes);
        dispatcher = new Dispatcher(this);
        cluster = new io.moonkey.server.cluster.Cluster(this);
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        runId = HexFormat.of().formatHex(id);
        new ConnectionCommands(this).register(commands);
        new StringCommands(this).register(commands);
        new BitCommands(this).register(commands);
        new HyperLogLogCommands(this).register(commands);
        new ModuleCommand(this).register(commands);
        new KeyCommands(this).register(commands);
        new ListCommands(this).register(commands);
        new HashCommands(this).register(commands);
        new SetCommands(this).register(commands);
        SortedSetCommands sortedSets = new SortedSetCommands(this);
        sortedSets.register(commands);
        new GeoCommands(this, sortedSets).register(commands);
        new StreamCommands(this).register(commands);
        new SortCommand(this).register(commands);
        new io.moonkey.server.replication.ReplicationCommands(this, replication).register(commands);
        new ServerCommands(this).register(commands);
        new ConfigCommand(this).register(commands);
        // One math.random generator for the process, shared by EVAL and functions (lua-api.md §8.3).
        io.moonkey.lua.text.LuaRandom.Lrand48 random = new io.moonkey.lua.text.LuaRandom.Lrand48();
        scripting = new io.moonkey.server.scripting.EvalCommands(this, random);
        scripting.register(commands);
        functions = new io.moonkey.server.scripting.FunctionCommands(this, random, scripting);
        functions.register(commands);
        new ClientCommand(this).register(commands);
        new IntrospectionCommands(this).register(commands);
        new io.moonkey.server.persistence.DumpCommands(this).register(commands);
        new DebugCommand(this).register(commands);
        new TransactionCommands(this).register(commands);
        new PubSubCommands(this).register(commands);
        new io.moonkey.server.cluster.ClusterCommand(cluster).register(commands);
        new io.moonkey.server.persistence.PersistenceCommands(this).register(commands);
        new io.moonkey.server.acl.AclCommand(acl).register(commands);
        io.moonkey.server.command.CommandTips.apply(commands);
        String aclError = acl.loadAtStartup(config.userLines());
        if (aclError != null) throw new io.moonkey.server.config.ConfigException(aclError);
        config.setUsersForRewrite(acl::configLines);
        cluster.start(); // cluster-enabled yes: nodes.conf loaded or created, slot counts on
        aof.start(); // appendonly yes: replay the AOF before serving anyone
        if (!config.getBool("appendonly")) rdb.loadAtStartup(); // the AOF has priority, as in Valkey
        String[] upstream = config.get("replicaof").trim().split("\\s+");
        if (upstream.length == 2) { // "replicaof host port" in the configuration: a replica from the start
            try {
                replicaMode.follow(upstream[0], Integer.parseInt(upstream[1]));
            } catch (NumberFormatException e) {
                throw new io.moonkey.server.config.ConfigException("Invalid master port in replicaof: " + upstream[1]);
            }
        }
        startupMemory = keyspace.usedMemory() - keyspace.datasetBytes();
    }

    /** Connects configuration parameters to the running server. */
    private void hook() {
        applyAndWatch("maxmemory", v -> maxmemory = Long.parseLong(v));
        applyAndWatch("maxmemory-policy", v -> keyspace.setPolicy(EvictionPolicy.byName(v)));
        applyAndWatch("lfu-log-factor", v -> keyspace.setLfuLogFactor(Integer.parseInt(v)));
        applyAndWatch("lfu-decay-time", v -> keyspace.setLfuDecayTime(Integer.parseInt(v)));
        applyAndWatch("maxmemory-samples", v -> keyspace.setEvictionSamples(Integer.parseInt(v)));
        applyAndWatch("requirepass", v -> {
            requirepass = v;
            acl.requirepassChanged(v);
        });
        applyAndWatch("loglevel", log::setLevel);
        applyAndWatch("slowlog-log-slower-than", v -> slowlogThreshold = Long.parseLong(v));
        applyAndWatch("slowlog-max-len", v -> slowlogMaxLen = Long.parseLong(v));
        applyAndWatch("latency-monitor-threshold", v -> latencyThreshold = Long.parseLong(v));
        applyAndWatch("client-query-buffer-limit", v -> queryBufferLimit = Long.parseLong(v));
        applyAndWatch("client-output-buffer-limit", outputLimits::parse);
        applyAndWatch("notify-keyspace-events", events::configure);
        applyAndWatch("save", rdb::setSavePoints);
        config.register(config.param("appendonly").onChange(v -> aof.setEnabled(v.equals("yes"))));
    }

    private void applyAndWatch(String name, java.util.function.Consumer<String> apply) {
        var p = config.param(name);
        apply.accept(p.value());
        config.register(p.onChange(apply));
    }

    private void keyRemovedByKeyspace(io.moonkey.datastore.Database db, byte[] key, KeyspaceListener.Cause cause) {
        propagation.add(db.id(), new byte[][] {"DEL".getBytes(StandardCharsets.US_ASCII), key});
        if (cause == KeyspaceListener.Cause.EXPIRED) events.notify(KeyspaceEvents.EXPIRED, "expired", key, db.id());
        else events.notify(KeyspaceEvents.EVICTED, "evicted", key, db.id());
    }

    /** Client buffer bytes, recomputed each cron tick (summing per command would cost O(clients)). */
    private long clientBytes;
    private long startupMemory;

    /** used_memory when the server became ready (MEMORY STATS startup.allocated). */
    public long startupMemory() {
        return startupMemory;
    }

    /** The clients' buffers counted in used_memory, as of the last cron. */
    public long clientOutputBytes() {
        return clientBytes;
    }

    private long computeClientBytes() {
        long n = 0;
        for (Session s : clients.values()) {
            ClientChannel ch = s.channel();
            if (ch != null) n += ch.writer().capacity() + ch.queryBufferCapacity() + 1024;
        }
        return n;
    }

    // ---- accessors ------------------------------------------------------------------------------

    public Config config() {
        return config;
    }

    public Log log() {
        return log;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    public CommandTable commands() {
        return commands;
    }

    /** Client-side caching: who tracks which keys (CLIENT TRACKING). */
    public ClientTracking tracking() {
        return tracking;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Cluster mode: slots, state, and the slot checks of dispatch and scripts. */
    public io.moonkey.server.cluster.Cluster cluster() {
        return cluster;
    }

    public PubSub pubsub() {
        return pubsub;
    }

    /** The stream of data-changing commands (AOF, replicas and script effects attach here). */
    public PropagationStream propagation() {
        return propagation;
    }

    public Stats stats() {
        return stats;
    }

    public SlowLog slowLog() {
        return slowLog;
    }

    public void slowLogReset() {
        slowLog.reset();
    }

    /** CONFIG RESETSTAT: statistics, command stats, error stats and slow log. */
    public void resetStats() {
        stats.reset();
        keyspace.resetStats();
        slowLog.reset();
        for (var c : commands.allWithSubcommands()) {
            c.calls = c.microseconds = c.rejectedCalls = c.failedCalls = 0;
        }
    }

    public String runId() {
        return runId;
    }

    public long startMs() {
        return startMs;
    }

    public long maxmemory() {
        return maxmemory;
    }

    /** latency-monitor-threshold in milliseconds; 0 disables the monitor. */
    public long latencyThreshold() {
        return latencyThreshold;
    }

    public LatencyMonitor latency() {
        return latency;
    }

    public long slowlogThreshold() {
        return slowlogThreshold;
    }

    public long slowlogMaxLen() {
        return slowlogMaxLen;
    }

    /** Keyspace notifications; commands report their events here. */
    /** The append-only file (appendonly yes). */
    public io.moonkey.server.persistence.AppendOnlyFile aof() {
        return aof;
    }

    /** This server's master side of replication: replicas, offsets, WAIT. */
    public io.moonkey.server.replication.ReplicationSource replication() {
        return replication;
    }

    /** The clients blocked on keys (BLPOP, XREAD BLOCK...). */
    public BlockedClients blocked() {
        return blocked;
    }

    public KeyspaceEvents events() {
        return events;
    }

    public OutputLimits outputLimits() {
        return outputLimits;
    }

    public long queryBufferLimit() {
        return queryBufferLimit;
    }

    /** Whether the default user has a password (protected mode and AUTH's one-argument form ask). */
    public boolean authRequired() {
        return !acl.defaultUser().nopass();
    }

    public io.moonkey.server.acl.Acl acl() {
        return acl;
    }

    public String requirepass() {
        return requirepass;
    }

    public long dirty() {
        return dirty;
    }

    void addDirty(long n) {
        dirty += n;
    }

    public long lastSaveTime() {
        return rdb.lastSaveTime();
    }

    /** The function libraries (FUNCTION LOAD...), which RDB snapshots carry. */
    public io.moonkey.server.scripting.FunctionCommands functions() {
        return functions;
    }

    /** The RDB file: SAVE, BGSAVE, save points. */
    public io.moonkey.server.persistence.RdbFile rdb() {
        return rdb;
    }

    /** Whether this server replicates a master (REPLICAOF host port). */
    public boolean isReplica() {
        return replicaMode.active();
    }

    /** This server's replica side: REPLICAOF, the link to the master. */
    public io.moonkey.server.replication.ReplicaMode replicaMode() {
        return replicaMode;
    }

    /** Whether a dataset is being loaded (INFO persistence loading). */
    public boolean loading() {
        return loading;
    }

    public void setLoading(boolean b) {
        loading = b;
    }

    public EventLoop eventLoop() {
        return eventLoop;
    }

    public void setEventLoop(EventLoop loop) {
        eventLoop = loop;
    }

    /**
     * The BUSY error other clients get while a script runs too long, or null when not busy. The
     * scripting engine sets it when a script passes busy-reply-threshold and clears it after.
     */
    public String busyMessage() {
        return busyMessage;
    }

    public void setBusyMessage(String m) {
        busyMessage = m;
    }

    // ---- clients --------------------------------------------------------------------------------

    /** Registers a new client (network or in-process) and returns its session. */
    public Session newSession(ClientChannel channel) {
        Session s = new Session(this, nextClientId++, channel);
        if (channel != null) {
            clients.put(s.id(), s);
            channel.writer().setErrorObserver(stats::errorReplied);
            stats.connectionsReceived++;
        }
        return s;
    }

    /** An in-process caller without a connection (scripts' fake client, tests). */
    public Session newInternalSession() {
        return new Session(this, nextClientId++, null);
    }

    /** Forgets a session whose connection closed: unwatch, unsubscribe, stop monitoring. */
    public void sessionClosed(Session s) {
        clients.remove(s.id());
        tracking.disable(s);
        blocked.sessionClosed(s);
        replication.sessionClosed(s);
        replication.waiterClosed(s);
        s.unwatchAll();
        pubsub.removeAll(s);
        monitors.remove(s);
    }

    public Iterable<Session> clients() {
        return clients.values();
    }

    public int clientCount() {
        return clients.size();
    }

    public Session client(long id) {
        return clients.get(id);
    }

    public void countRejectedConnection() {
        stats.rejectedConnections++;
    }

    /** Counts bytes received/sent for INFO stats. */
    public void countNetwork(long in, long out) {
        stats.netInputBytes += in;
        stats.netOutputBytes += out;
    }

    /** Periodic work (Valkey's serverCron): active expiry, client timeouts. */
    public void cron() {
        clientBytes = computeClientBytes();
        long hz = Math.max(1, Math.min(500, config.getLong("hz")));
        boolean paused = isPaused(); // also resumes postponed clients once the pause is over
        if (activeExpire && !(paused)) keyspace.activeExpireCycle(1_000_000_000L / hz / 4); // at most 25% of a tick, as Valkey
        long timeout = config.getLong("timeout");
        if (timeout > 0) {
            long now = System.currentTimeMillis();
            for (Session s : new ArrayList<>(clients.values())) {
                if (s.subscriptions.total() == 0 && !s.monitor && now - s.lastInteractionMs > timeout * 1000) {
                    s.channel().close(false);
                }
            }
        }
        rdb.cron();
        if (maxmemory > 0) keyspace.enforceMaxmemory(maxmemory);
        cluster.cron();
        compactWhenIdle();
    }

    private long compactedAtBytes, idleSinceMs, commandsAtCheck;

    /**
     * After the dataset grew by a lot (a bulk load), and once the server has been idle for two
     * seconds, runs one full GC so the JVM can give the load's garbage (old table arrays,
     * buffers) back to the OS; with a heap-shrinking collector this keeps RSS near the live size.
     */
    private void compactWhenIdle() {
        long now = System.currentTimeMillis();
        if (stats.commandsProcessed != commandsAtCheck) {
            commandsAtCheck = stats.commandsProcessed;
            idleSinceMs = now;
            return;
        }
        long dataset = keyspace.datasetBytes();
        if (now - idleSinceMs >= 2000 && Math.abs(dataset - compactedAtBytes) > 32L * 1024 * 1024) {
            compactedAtBytes = dataset;
            System.gc();
        }
    }

    /** CLIENT PAUSE: until {@code endMs}, postpone write commands ({@code writesOnly}) or all. */
    public void pause(long endMs, boolean writesOnly) {
        pauseEndMs = endMs;
        pauseWritesOnly = writesOnly;
    }

    public boolean isPaused() {
        if (pauseEndMs == 0) return false;
        if (System.currentTimeMillis() < pauseEndMs) return true;
        pauseEnded();
        return false;
    }

    public boolean pauseWritesOnly() {
        return pauseWritesOnly;
    }

    /** Registers what to run when the pause ends (a postponed client resuming its input). */
    public void whenUnpaused(Runnable r) {
        postponed.add(r);
    }

    /** CLIENT UNPAUSE or timeout: resumes postponed clients in the order they were paused. */
    public void pauseEnded() {
        pauseEndMs = 0;
        List<Runnable> resume = new ArrayList<>(postponed);
        postponed.clear();
        for (Runnable r : resume) r.run();
    }

    /** DEBUG SET-ACTIVE-EXPIRE: turns the periodic expiry cycle on or off (lazy expiry stays). */
    public void setActiveExpire(boolean on) {
        activeExpire = on;
    }

    private volatile boolean saveOnStop;

    /** SIGTERM: save the RDB file when the loop stops, if save points are configured. */
    public void requestSaveOnStop() {
        saveOnStop = true;
    }

    /** SHUTDOWN has dealt with saving already. */
    public void shutdownSaved() {
        saveOnStop = false;
    }

    /** Called by the event loop once it has stopped: what must end with the server. */
    public void stopped() {
        if (saveOnStop && rdb.hasSavePoints()) {
            log.notice("Saving the final RDB snapshot before exiting.");
            rdb.awaitBackgroundSave();
            try {
                rdb.save();
            } catch (java.io.IOException e) {
                log.warning("Error trying to save the DB: " + e.getMessage());
            }
        }
        aof.close();
        scripting.shutdown();
    }

    /** Asks the event loop to stop (SHUTDOWN, SIGTERM). */
    public void shutdown() {
        EventLoop l = eventLoop;
        if (l != null) l.stop();
    }

    /** Makes a session a MONITOR client. */
    public void addMonitor(Session s) {
        if (!monitors.contains(s)) monitors.add(s);
    }

    /** Sends a monitor line for a command to every MONITOR client. */
    public void feedMonitors(Session s, byte[][] argv) {
        if (monitors.isEmpty()) return;
        long now = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
        StringBuilder b = new StringBuilder(64);
        b.append('+').append(now / 1_000_000).append('.');
        String us = Long.toString(now % 1_000_000);
        b.append("000000", 0, 6 - us.length()).append(us).append(" [").append(s.dbIndex()).append(' ');
        if (s.isScriptCaller()) b.append("lua");
        else if (s.channel() == null) b.append("internal");
        else b.append(s.channel().remoteAddress());
        b.append(']');
        for (byte[] a : argv) b.append(' ').append(Repr.quote(a));
        b.append("\r\n");
        byte[] line = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (Session m : monitors) {
            RespWriter w = m.channel().writer();
            w.raw(line, 0, line.length);
            m.channel().flushSoon();
        }
    }
}
