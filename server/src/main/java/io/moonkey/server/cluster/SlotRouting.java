package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.command.CommandFlag;
import io.moonkey.server.command.CommandSpec;
import java.util.List;

/**
 * Decides whether this node may serve a request's keys (Valkey's getNodeByQuery for a node
 * alone in its cluster): all keys must hash to one slot, the slot must be served, and the
 * cluster must be up (or, with {@code cluster-allow-reads-when-down}, the request must only
 * read). A request without keys is always served. EXEC is judged on all its queued commands.
 * Sharded pub/sub channels count as keys; publishing and subscribing to them while the cluster
 * is down follows {@code cluster-allow-pubsubshard-when-down} instead.
 *
 * <p>One instance is reused for every request (it is its own key sink), so routing allocates
 * nothing beyond what key extraction itself does.
 */
public final class SlotRouting implements CommandSpec.KeySink {
    /** Why a request cannot be served here (Valkey's CLUSTER_REDIR_* codes), or SERVE. */
    public enum Verdict { SERVE, CROSS_SLOT, DOWN_STATE, DOWN_RO_STATE, DOWN_UNBOUND }

    private final ClusterState state;
    private final Cluster cluster;

    // the request being routed
    private byte[][] argv;
    private byte[] firstKey;
    private int slot;
    private boolean crossSlot;
    private boolean unbound;
    /** A sharded pub/sub publish or subscribe is among the commands: its own cluster-down rule. */
    private boolean shardPubSub;

    SlotRouting(ClusterState state, Cluster cluster) {
        this.state = state;
        this.cluster = cluster;
    }

    /** The slot of the last routed request's keys, or -1 when it had none. */
    public int slot() {
        return slot;
    }

    /** Routes one command line; {@code write} is whether it counts as a write. */
    public Verdict route(CommandSpec cmd, byte[][] argv, boolean write) {
        start();
        collect(cmd, argv);
        return verdict(write);
    }

    /** Routes EXEC: the keys of every queued command together, a write if any of them writes. */
    public Verdict routeTransaction(List<CommandSpec> cmds, List<byte[][]> argvs) {
        start();
        boolean write = false;
        for (int i = 0; i < cmds.size() && !crossSlot && !unbound; i++) {
            collect(cmds.get(i), argvs.get(i));
            write |= cmds.get(i).has(CommandFlag.WRITE);
        }
        return verdict(write);
    }

    private void start() {
        firstKey = null;
        slot = -1;
        crossSlot = false;
        unbound = false;
        shardPubSub = false;
    }

    private void collect(CommandSpec cmd, byte[][] a) {
        if (cmd.parent() == null && (cmd.name().equals("spublish") || cmd.name().equals("ssubscribe"))) shardPubSub = true;
        argv = a;
        cmd.forEachKey(a, this);
        argv = null;
    }

    @Override
    public void key(int position, String flags) {
        if (crossSlot || unbound) return;
        byte[] key = argv[position];
        int s = HashSlot.of(key);
        if (firstKey == null) {
            firstKey = key;
            slot = s;
            if (!state.serves(s)) unbound = true; // Valkey answers this before looking at the state
        } else if (s != slot) {
            crossSlot = true;
        }
    }

    private Verdict verdict(boolean write) {
        if (unbound) return Verdict.DOWN_UNBOUND;
        if (crossSlot) return Verdict.CROSS_SLOT;
        if (firstKey == null) return Verdict.SERVE;
        if (!state.ok()) {
            if (shardPubSub) return cluster.allowPubSubShardWhenDown() ? Verdict.SERVE : Verdict.DOWN_STATE;
            if (!cluster.allowReadsWhenDown()) return Verdict.DOWN_STATE;
            if (write) return Verdict.DOWN_RO_STATE;
        }
        return Verdict.SERVE;
    }

    /** The error a client gets for a verdict (Valkey's clusterRedirectClient), or null for SERVE. */
    public static String clientError(Verdict v) {
        return switch (v) {
            case SERVE -> null;
            case CROSS_SLOT -> "CROSSSLOT Keys in request don't hash to the same slot";
            case DOWN_STATE -> "CLUSTERDOWN The cluster is down";
            case DOWN_RO_STATE -> "CLUSTERDOWN The cluster is down and only accepts read commands";
            case DOWN_UNBOUND -> "CLUSTERDOWN Hash slot not served";
        };
    }
}
