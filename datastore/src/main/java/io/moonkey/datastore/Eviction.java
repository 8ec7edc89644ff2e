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
            for (int k = 0; k < samples; k++) {
                byte[] key = policy.volatileOnly() ? d.sampleVolatileKey() : d.sampleKey();
                if (key == null) break;
                offer(d, key, score(policy, d, key));
            }
        }
        // best candidates are at the end of the pool; skip ones deleted since they were pooled
        while (poolSize > 0) {
            int last = --poolSize;
            Database d = poolDb[last];
            byte[] key = poolKey[last];
            poolDb[last] = null;
            poolKey[last] = null;
            if (d.peek(key) != null && (!policy.volatileOnly() || d.expireTime(key) >= 0)) return remove(d, key);
        }
        return false;
    }

    // Valkey's eviction pool: the best candidates seen over recent sampling rounds, sorted by
    // ascending score, so each eviction picks among many more keys than one round samples.
    private static final int POOL_SIZE = 16;
    private final Database[] poolDb = new Database[POOL_SIZE];
    private final byte[][] poolKey = new byte[POOL_SIZE][];
    private final double[] poolScore = new double[POOL_SIZE];
    private int poolSize;

    private void offer(Database d, byte[] key, double score) {
        for (int i = 0; i < poolSize; i++) {
            if (poolDb[i] == d && java.util.Arrays.equals(poolKey[i], key)) return; // already pooled
        }
        int pos = 0;
        while (pos < poolSize && poolScore[pos] < score) pos++;
        if (poolSize == POOL_SIZE) {
            if (pos == 0) return; // worse than everything pooled
            pos--; // drop the worst (index 0) and insert
            System.arraycopy(poolDb, 1, poolDb, 0, pos);
            System.arraycopy(poolKey, 1, poolKey, 0, pos);
            System.arraycopy(poolScore, 1, poolScore, 0, pos);
        } else {
            System.arraycopy(poolDb, pos, poolDb, pos + 1, poolSize - pos);
            System.arraycopy(poolKey, pos, poolKey, pos + 1, poolSize - pos);
            System.arraycopy(poolScore, pos, poolScore, pos + 1, poolSize - pos);
            poolSize++;
        }
        poolDb[pos] = d;
        poolKey[pos] = key;
        poolScore[pos] = score;
    }

    /** Forgets pooled candidates (FLUSHALL, SWAPDB make them meaningless). */
    void clearPool() {
        java.util.Arrays.fill(poolDb, null);
        java.util.Arrays.fill(poolKey, null);
        poolSize = 0;
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
