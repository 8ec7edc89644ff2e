package io.moonkey.datastore;

/**
 * maxmemory enforcement by sampling, as Valkey approximates LRU/LFU/TTL: each round looks at
 * {@code samples} random candidates per database and evicts the best one found, until memory is
 * under the limit.
 */
final class Eviction {
    private final Keyspace ks;
    private int samples = 5;
    private int nextRandomDb;

    Eviction(Keyspace ks) {
        this.ks = ks;
    }

    void setSamples(int n) {
        samples = Math.max(1, n);
    }

    boolean evictUntil(long maxmemory) {
        EvictionPolicy policy = ks.policy();
        if (!policy.evicts()) return false;
        while (ks.usedMemory() > maxmemory) {
            if (!evictOne(policy)) return false;
        }
        return true;
    }

    private boolean evictOne(EvictionPolicy policy) {
        Database bestDb = null;
        byte[] bestKey = null;
        double bestScore = -Double.MAX_VALUE;
        int n = ks.databases();
        if (policy == EvictionPolicy.ALLKEYS_RANDOM || policy == EvictionPolicy.VOLATILE_RANDOM) {
            for (int i = 0; i < n; i++) {
                Database d = ks.db((nextRandomDb + i) % n);
                byte[] k = policy.volatileOnly() ? d.sampleVolatileKey() : d.sampleKey();
                if (k != null) {
                    nextRandomDb = (nextRandomDb + i + 1) % n;
                    return remove(d, k);
                }
            }
            return false;
        }
        for (int i = 0; i < n; i++) {
            Database d = ks.db(i);
            if ((policy.volatileOnly() ? d.expiresSize() : d.size()) == 0) continue;
            for (int s = 0; s < samples; s++) {
                byte[] k = policy.volatileOnly() ? d.sampleVolatileKey() : d.sampleKey();
                if (k == null) break;
                double score = score(policy, d, k);
                if (score > bestScore) {
                    bestScore = score;
                    bestKey = k;
                    bestDb = d;
                }
            }
        }
        return bestKey != null && remove(bestDb, bestKey);
    }

    /** Higher is a better eviction candidate. */
    private double score(EvictionPolicy policy, Database d, byte[] k) {
        Value v = d.peek(k);
        if (v == null) return -Double.MAX_VALUE;
        if (policy.isLru()) return ks.idleTimeMs(v);
        if (policy.isLfu()) return 255 - ks.lfuDecrAndReturn(v);
        return -(double) d.expireTime(k); // volatile-ttl: soonest expire first
    }

    private boolean remove(Database d, byte[] k) {
        d.evict(k);
        ks.countEvicted();
        ks.listener().keyRemoved(d, k, KeyspaceListener.Cause.EVICTED);
        return true;
    }
}
