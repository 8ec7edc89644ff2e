package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.Server;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.config.Config;
import io.moonkey.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Cluster mode ({@code cluster-enabled yes}) for a node alone in its cluster: its state and
 * configuration file, the dispatcher's slot check on every request, and what the CLUSTER
 * command and scripts ask of it. With cluster mode off, {@link #enabled()} is false and nothing
 * else here is used.
 */
public final class Cluster {
    private final Server server;
    private final boolean enabled;
    private final ClusterState state;
    private final SlotRouting routing;
    private NodesConfigFile file;
    private boolean requireFullCoverage;
    private boolean allowReadsWhenDown;
    private boolean allowPubSubShardWhenDown;
    private long nodeTimeoutMs;
    /** The slot of the keys of the request being executed (Valkey's client->slot), or -1. */
    private int requestSlot = -1;

    public Cluster(Server server) {
        this.server = server;
        Config config = server.config();
        enabled = config.getBool("cluster-enabled");
        state = new ClusterState(System.currentTimeMillis());
        routing = new SlotRouting(state, this);
        watch(config, "cluster-require-full-coverage", v -> requireFullCoverage = v.equals("yes"));
        watch(config, "cluster-allow-reads-when-down", v -> allowReadsWhenDown = v.equals("yes"));
        watch(config, "cluster-allow-pubsubshard-when-down", v -> allowPubSubShardWhenDown = v.equals("yes"));
        watch(config, "cluster-node-timeout", v -> nodeTimeoutMs = Long.parseLong(v));
    }

    private static void watch(Config config, String name, java.util.function.Consumer<String> apply) {
        var p = config.param(name);
        apply.accept(p.value());
        config.register(p.onChange(apply));
    }

    /**
     * Loads (or creates) the cluster configuration file and starts counting keys per slot.
     * Called once at startup when cluster mode is on.
     */
    public void start() throws ConfigException {
        if (!enabled) return;
        Path dir = Path.of(server.config().get("dir"));
        file = new NodesConfigFile(dir.resolve(server.config().get("cluster-config-file")));
        if (file.load(state)) {
            server.log().notice("Node configuration loaded, I'm " + state.myId().substring(0, 8));
        } else {
            server.log().notice("No cluster configuration found, I'm " + state.myId());
        }
        server.keyspace().db(0).countSlots();
        saveConfig();
        state.update(System.currentTimeMillis(), requireFullCoverage, nodeTimeoutMs);
    }

    public boolean enabled() {
        return enabled;
    }

    public ClusterState state() {
        return state;
    }

    SlotRouting routing() {
        return routing;
    }

    boolean allowReadsWhenDown() {
        return allowReadsWhenDown;
    }

    boolean allowPubSubShardWhenDown() {
        return allowPubSubShardWhenDown;
    }

    /** Periodic state update (Valkey's clusterCron). */
    public void cron() {
        if (enabled) state.update(System.currentTimeMillis(), requireFullCoverage, nodeTimeoutMs);
    }

    /** Unassigns slots; shard channel subscribers of those slots are unsubscribed (Valkey's removeChannelsInSlot). */
    void unassign(java.util.BitSet slots) {
        if (slots.isEmpty()) return;
        for (int s = slots.nextSetBit(0); s >= 0; s = slots.nextSetBit(s + 1)) state.unassign(s);
        io.moonkey.server.PubSubSession.dropShardChannels(server, slots::get);
    }

    /** Unassigns every slot this node serves. */
    void unassignAll() {
        java.util.BitSet all = new java.util.BitSet(HashSlot.COUNT);
        for (int s = state.nextServed(0); s >= 0; s = state.nextServed(s + 1)) all.set(s);
        unassign(all);
    }

    /** After a configuration change: recompute the state and save the file (Valkey does both before sleeping). */
    void changed() {
        state.update(System.currentTimeMillis(), requireFullCoverage, nodeTimeoutMs);
        saveConfig();
    }

    /** CLUSTER SAVECONFIG; false when the file could not be written. */
    boolean saveConfig() {
        try {
            file.save(state, TopologyReplies.nodeLine(this, true));
            return true;
        } catch (IOException e) {
            server.log().warning("Could not save the cluster configuration to " + file.path() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * The dispatcher's check of one request (not EXEC): the error to reply, or null to run it.
     * {@code write} is the request's effective write flag (a script's own flags when known,
     * scripting.md §4.4). Remembers the slot of its keys for a script it starts.
     */
    public String refuse(CommandSpec cmd, byte[][] argv, boolean write) {
        SlotRouting.Verdict v = routing.route(cmd, argv, write);
        requestSlot = routing.slot();
        return SlotRouting.clientError(v);
    }

    /** The dispatcher's check of EXEC on the queued commands ({@code inMulti} false: EXEC will just fail). */
    public String refuseTransaction(boolean inMulti, List<CommandSpec> cmds, List<byte[][]> argvs) {
        if (!inMulti) {
            requestSlot = -1;
            return null;
        }
        SlotRouting.Verdict v = routing.routeTransaction(cmds, argvs);
        requestSlot = routing.slot();
        return SlotRouting.clientError(v);
    }

    /** The slot of the declared keys of the request now executing, or -1 (a script's starting slot). */
    public int requestSlot() {
        return enabled ? requestSlot : -1;
    }

    /** A guard for a script client's commands. */
    public ScriptSlotGuard scriptGuard() {
        return new ScriptSlotGuard(this);
    }

    Server server() {
        return server;
    }

    /**
     * The address the node announces: cluster-announce-ip, else empty, as a lone Valkey node
     * that no peer has told its address (clients then use the address they connected to).
     */
    String ip() {
        return server.config().get("cluster-announce-ip");
    }

    /** The client port the node announces: cluster-announce-port, else the port it listens on. */
    int port() {
        long announced = server.config().getLong("cluster-announce-port");
        if (announced != 0) return (int) announced;
        return server.eventLoop() != null ? server.eventLoop().port() : (int) server.config().getLong("port");
    }

    /** The cluster bus port it announces: cluster-announce-bus-port, cluster-port, or the client port plus 10000. */
    int busPort() {
        long announced = server.config().getLong("cluster-announce-bus-port");
        if (announced != 0) return (int) announced;
        long p = server.config().getLong("cluster-port");
        return p != 0 ? (int) p : port() + 10000;
    }

    /** Keys in a slot of the cluster's database (db 0). */
    int keysInSlot(int slot) {
        return server.keyspace().db(0).keysInSlot(slot);
    }

    static boolean validSlot(long slot) {
        return slot >= 0 && slot < HashSlot.COUNT;
    }
}
