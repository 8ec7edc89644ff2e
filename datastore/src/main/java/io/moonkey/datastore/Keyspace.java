package io.moonkey.datastore;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * All databases plus what they share: the command clock used for expiry, the access clock for
 * LRU/LFU, keyspace statistics and the memory total that maxmemory is checked against.
 */
public final class Keyspace {
    private final Database[] dbs;
    private final RandomGenerator random = new SplittableRandom();
    private KeyspaceListener listener = KeyspaceListener.NONE;
    private LongSupplier clock = System::currentTimeMillis;
    private long frozenNow = -1;
    private boolean expiryEnabled = true;

    private EvictionPolicy policy = EvictionPolicy.NOEVICTION;
    private final Eviction eviction = new Eviction(this);
    private int lfuLogFactor = 10;
    private int lfuDecayTime = 1;
    private LongSupplier externalBytes = () -> 0;

    private long hits, misses, expiredKeys, evictedKeys;

    public Keyspace(int databases) {
        dbs = new Database[databases];
        for (int i = 0; i < databases; i++) dbs[i] = new Database(this, i);
    }

    public Database db(int i) {
        return dbs[i];
    }

    public int databases() {
        return dbs.length;
    }

    public void setListener(KeyspaceListener l) {
        listener = l;
    }

    KeyspaceListener listener() {
        return listener;
    }

    RandomGenerator random() {
        return random;
    }

    // ---- time ---------------------------------------------------------------------------------

    /** The time expiry decisions use: frozen during a command/script/transaction, else live. */
    public long now() {
        return frozenNow >= 0 ? frozenNow : clock.getAsLong();
    }

    /** Freezes {@link #now()} at the current time (start of a command); returns it. */
    public long freezeClock() {
        frozenNow = clock.getAsLong();
        return frozenNow;
    }

    public void unfreezeClock() {
        frozenNow = -1;
    }

    /** Replaces the wall clock (tests). */
    public void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** DEBUG SET-ACTIVE-EXPIRE's sibling for tests: when false, nothing expires. */
    public boolean expiryEnabled() {
        return expiryEnabled;
    }

    public void setExpiryEnabled(boolean enabled) {
        this.expiryEnabled = enabled;
    }

    private boolean keepExpired, showExpired;

    /**
     * A replica's mode: keys past their expire time are not deleted (its master's DEL does that)
     * but are hidden from lookups, as Valkey's replicas do; no active expiry.
     */
    public void setKeepExpired(boolean keep) {
        keepExpired = keep;
    }

    public boolean keepsExpired() {
        return keepExpired;
    }

    /** While a replica applies its master's stream: expired keys are still there for the master's commands. */
    public void setShowExpired(boolean show) {
        showExpired = show;
    }

    boolean showsExpired() {
        return showExpired;
    }

    // ---- databases ----------------------------------------------------------------------------

    public void swap(int a, int b) {
        if (a != b) Database.swapContents(dbs[a], dbs[b]);
        eviction.clearPool();
    }

    public long flushAll() {
        eviction.clearPool();
        long n = 0;
        for (Database d : dbs) n += d.clear();
        return n;
    }

    public long totalKeys() {
        long n = 0;
        for (Database d : dbs) n += d.size();
        return n;
    }

    // ---- statistics ---------------------------------------------------------------------------

    void countLookup(boolean hit) {
        if (hit) hits++;
        else misses++;
    }

    void countExpired() {
        expiredKeys++;
    }

    void countEvicted() {
        evictedKeys++;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long expiredKeys() {
        return expiredKeys;
    }

    public long evictedKeys() {
        return evictedKeys;
    }

    public void resetStats() {
        hits = misses = expiredKeys = evictedKeys = 0;
    }

    // ---- LRU / LFU -----------------------------------------------------------------------------

    static final int LRU_CLOCK_MAX = (1 << 24) - 1;
    static final int LFU_INIT_VAL = 5;

    public EvictionPolicy policy() {
        return policy;
    }

    public void setPolicy(EvictionPolicy p) {
        policy = p;
    }

    public void setLfuLogFactor(int f) {
        lfuLogFactor = f;
    }

    public void setEvictionSamples(int n) {
        eviction.setSamples(n);
    }

    public void setLfuDecayTime(int minutes) {
        lfuDecayTime = minutes;
    }

    int lruClock() {
        return (int) ((clock.getAsLong() / 1000) & LRU_CLOCK_MAX);
    }

    private int lfuMinutes() {
        return (int) ((clock.getAsLong() / 1000 / 60) & 65535);
    }

    void initAccess(Value v) {
        v.access = policy.isLfu() ? (lfuMinutes() << 8) | LFU_INIT_VAL : lruClock();
    }

    /** Updates the access word of {@code v} on a lookup, as Valkey does on every key access. */
    public void touchAccess(Value v) {
        if (policy.isLfu()) {
            int counter = lfuLogIncr(lfuDecrAndReturn(v));
            v.access = (lfuMinutes() << 8) | counter;
        } else {
            v.access = lruClock();
        }
    }

    /**
     * Sets the access word from an idle time in seconds (an RDB IDLE record, RESTORE IDLETIME);
     * only under an LRU policy, as Valkey's objectSetLRUOrLFU.
     */
    public void setIdleSeconds(Value v, long seconds) {
        if (!policy.isLru()) return;
        int clock = lruClock();
        long abs = clock - seconds;
        if (abs < 0) abs = (clock + LRU_CLOCK_MAX / 2) % LRU_CLOCK_MAX; // too old to express: half a clock ago
        v.access = (int) abs;
    }

    /** Sets the LFU counter (an RDB FREQ record, RESTORE FREQ); only under an LFU policy. */
    public void setFrequency(Value v, int counter) {
        if (!policy.isLfu()) return;
        v.access = (lfuMinutes() << 8) | (counter & 255);
    }

    /** Idle time in ms estimated from the LRU clock (OBJECT IDLETIME, LRU eviction). */
    public long idleTimeMs(Value v) {
        int now = lruClock();
        int lru = v.access & LRU_CLOCK_MAX;
        long secs = now >= lru ? now - lru : (LRU_CLOCK_MAX - lru) + now;
        return secs * 1000;
    }

    /** The LFU counter after decay (OBJECT FREQ, LFU eviction). */
    public int lfuDecrAndReturn(Value v) {
        int ldt = v.access >>> 8;
        int counter = v.access & 255;
        int now = lfuMinutes();
        int elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
        int periods = lfuDecayTime > 0 ? elapsed / lfuDecayTime : 0;
        if (periods > 0) counter = periods > counter ? 0 : counter - periods;
        return counter;
    }

    private int lfuLogIncr(int counter) {
        if (counter == 255) return 255;
        double r = random.nextDouble();
        double base = Math.max(0, counter - LFU_INIT_VAL);
        double p = 1.0 / (base * lfuLogFactor + 1);
        return r < p ? counter + 1 : counter;
    }

    // ---- memory ---------------------------------------------------------------------------------

    /** Bytes used by something other than the keyspace (client buffers, scripts...). */
    public void setExternalBytes(LongSupplier s) {
        externalBytes = s;
    }

    /** Estimated bytes of all keys and values, with the hash tables' slot arrays. */
    public long datasetBytes() {
        long n = 0;
        for (Database d : dbs) n += d.bytes() + d.tableBytes();
        return n;
    }

    /** The total reported as used_memory and compared with maxmemory. */
    public long usedMemory() {
        return datasetBytes() + externalBytes.getAsLong();
    }

    /**
     * Evicts keys per the policy until used memory is at most {@code maxmemory}. Returns false if
     * it could not get there (policy noeviction, or no candidate left), i.e. deny-oom commands
     * must be refused.
     */
    public boolean enforceMaxmemory(long maxmemory) {
        if (maxmemory <= 0 || usedMemory() <= maxmemory) return true;
        return eviction.evictUntil(maxmemory);
    }

    // ---- active expiry --------------------------------------------------------------------------

    private int expireCursorDb;

    /**
     * One active expiry cycle, like Valkey's: for each database with expires, sample 20 keys and
     * delete the expired ones, repeating while more than 10% of a sample was expired, within a
     * time budget. Returns the number of keys expired.
     */
    public int activeExpireCycle(long budgetNanos) {
        if (!expiryEnabled || keepExpired) return 0;
        long deadline = System.nanoTime() + budgetNanos;
        int total = 0;
        for (int i = 0; i < dbs.length; i++) {
            Database d = dbs[expireCursorDb];
            expireCursorDb = (expireCursorDb + 1) % dbs.length;
            int iterations = 0;
            while (d.expiresSize() > 0) {
                int expired = d.expireSample(20);
                total += expired;
                if ((++iterations & 15) == 0 && System.nanoTime() > deadline) return total;
                if (expired <= 2) break;
            }
            if (System.nanoTime() > deadline) break;
        }
        return total;
    }
}
