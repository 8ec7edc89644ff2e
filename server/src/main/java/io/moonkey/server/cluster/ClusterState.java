package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.HexFormat;

/**
 * What this node knows of its cluster: its name (node id) and shard id, the epochs, the hash
 * slots it serves, and the resulting cluster state. The node is alone in its cluster (there is
 * no cluster bus), so every assigned slot is served by this master.
 *
 * <p>The state follows Valkey's clusterUpdateState rules as a lone master sees them: the
 * cluster is down when {@code cluster-require-full-coverage} is on and a slot is unassigned,
 * or when the node serves no slot at all (it is then a minority of a size-0 cluster). Leaving
 * such a minority waits a rejoin delay (cluster-node-timeout clamped to 0.5–5 s), and nothing
 * is recomputed during the first two seconds after startup, so that a restarted master does
 * not accept writes before it could learn of a newer configuration.
 */
public final class ClusterState {
    static final long WRITABLE_DELAY_MS = 2000;
    static final long MIN_REJOIN_DELAY_MS = 500;
    static final long MAX_REJOIN_DELAY_MS = 5000;

    private String myId;
    private String shardId;
    private long currentEpoch;
    private long configEpoch;
    private long lastVoteEpoch;
    private final BitSet served = new BitSet(HashSlot.COUNT);
    /** Slots set MIGRATING towards, or IMPORTING from, this node itself (CLUSTER SETSLOT). */
    private final BitSet migrating = new BitSet(HashSlot.COUNT);
    private final BitSet importing = new BitSet(HashSlot.COUNT);

    private boolean ok;
    private int size = 1; // as Valkey before its first state computation
    private final long startMs;
    private long minoritySinceMs = Long.MIN_VALUE / 2; // never yet

    ClusterState(long nowMs) {
        startMs = nowMs;
        myId = randomName();
        shardId = randomName();
    }

    /** A fresh 40-hex-digit node or shard name. */
    static String randomName() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public String myId() {
        return myId;
    }

    public String shardId() {
        return shardId;
    }

    public long currentEpoch() {
        return currentEpoch;
    }

    public long configEpoch() {
        return configEpoch;
    }

    public long lastVoteEpoch() {
        return lastVoteEpoch;
    }

    /** Whether the cluster state is ok (else fail). */
    public boolean ok() {
        return ok;
    }

    /** Masters serving at least one slot (CLUSTER INFO cluster_size). */
    public int size() {
        return size;
    }

    public boolean serves(int slot) {
        return served.get(slot);
    }

    public int servedCount() {
        return served.cardinality();
    }

    /** The first served slot at or after {@code from}, or -1. */
    int nextServed(int from) {
        return from >= HashSlot.COUNT ? -1 : served.nextSetBit(from);
    }

    /** The first unserved slot at or after {@code from}. */
    int nextUnserved(int from) {
        return served.nextClearBit(from);
    }

    boolean migrating(int slot) {
        return migrating.get(slot);
    }

    boolean importing(int slot) {
        return importing.get(slot);
    }

    void setMigrating(int slot, boolean on) {
        migrating.set(slot, on);
    }

    void setImporting(int slot, boolean on) {
        importing.set(slot, on);
    }

    void assign(int slot) {
        served.set(slot);
        importing.clear(slot); // Valkey: a slot given to a node stops being imported
    }

    void unassign(int slot) {
        served.clear(slot);
        migrating.clear(slot);
        importing.clear(slot);
    }

    void unassignAll() {
        served.clear();
        migrating.clear();
        importing.clear();
    }

    void restore(String id, String shard, long current, long config, long lastVote) {
        myId = id;
        shardId = shard;
        currentEpoch = current;
        configEpoch = config;
        lastVoteEpoch = lastVote;
    }

    /** CLUSTER RESET HARD: a new name and all epochs back to zero. */
    void renew() {
        myId = randomName();
        shardId = randomName();
        currentEpoch = configEpoch = lastVoteEpoch = 0;
    }

    void setConfigEpoch(long epoch) {
        configEpoch = epoch;
        if (currentEpoch < epoch) currentEpoch = epoch;
    }

    /** CLUSTER BUMPEPOCH: true if the config epoch moved (alone, this node holds the maximum). */
    boolean bumpEpoch() {
        if (configEpoch != 0) return false;
        currentEpoch++;
        configEpoch = currentEpoch;
        return true;
    }

    /** Recomputes the cluster state (Valkey's clusterUpdateState for a lone master). */
    void update(long nowMs, boolean requireFullCoverage, long nodeTimeoutMs) {
        if (!ok && nowMs - startMs < WRITABLE_DELAY_MS) return;
        int count = served.cardinality();
        boolean next = !(requireFullCoverage && count < HashSlot.COUNT);
        size = count > 0 ? 1 : 0;
        if (size == 0) { // reachable masters (0) below the quorum (size / 2 + 1)
            next = false;
            minoritySinceMs = nowMs;
        }
        if (next && !ok) {
            long rejoin = Math.max(MIN_REJOIN_DELAY_MS, Math.min(MAX_REJOIN_DELAY_MS, nodeTimeoutMs));
            if (nowMs - minoritySinceMs < rejoin) return;
        }
        ok = next;
    }
}
