package io.moonkey.datastore;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenCustomHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One numbered database: the key table, the expires table (sharing key instances), the keys
 * WATCHed by clients, and the running byte estimate of its content.
 *
 * <p>Every read goes through a lookup that applies lazy expiry first, so an expired key is never
 * visible; every change goes through a method here, which keeps the memory total and tells
 * watchers. Not thread-safe: the server calls it from its single execution thread.
 */
public final class Database {
    /** Lookup flag: don't update the key's LRU/LFU access information. */
    public static final int NO_TOUCH = 1;
    /** Lookup flag: don't count a keyspace hit or miss. */
    public static final int NO_STATS = 2;

    private final Keyspace keyspace;
    private final int id;
    private KeyTable table = new KeyTable();
    private ExpireTable expires = new ExpireTable();
    private long bytes;
    private Object2ObjectOpenCustomHashMap<byte[], List<Watcher>> watched;
    /** Keys per cluster hash slot (expired ones not yet removed included), or null when not counted. */
    private int[] slotCounts;

    Database(Keyspace keyspace, int id) {
        this.keyspace = keyspace;
        this.id = id;
    }

    public int id() {
        return id;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    /** Number of keys, including expired ones not yet removed (as DBSIZE). */
    public int size() {
        return table.size();
    }

    public int expiresSize() {
        return expires.size();
    }

    /**
     * Starts counting keys per cluster hash slot (cluster mode): one int per slot, kept by every
     * insertion and removal, so CLUSTER COUNTKEYSINSLOT is O(1) without a second key index.
     */
    public void countSlots() {
        if (slotCounts != null) return;
        slotCounts = new int[HashSlot.COUNT];
        for (byte[] k : table.keySet()) slotCounts[HashSlot.of(k)]++;
    }

    /** The number of keys in hash slot {@code slot}; 0 when slots are not counted. */
    public int keysInSlot(int slot) {
        return slotCounts == null ? 0 : slotCounts[slot];
    }

    /** Estimated bytes of keys, values and expire entries. */
    public long bytes() {
        return bytes;
    }

    long tableBytes() {
        return table.tableBytes() + expires.tableBytes();
    }

    /** The main table's slot arrays (MEMORY STATS overhead.hashtable.main). */
    public long mainTableBytes() {
        return table.tableBytes();
    }

    /** The expires table's slot arrays (MEMORY STATS overhead.hashtable.expires). */
    public long expiresTableBytes() {
        return expires.tableBytes();
    }

    // ---- lookups ---------------------------------------------------------------------------

    /** The value of {@code key} for a reading command: counts a hit or miss, updates access. */
    public Value lookupRead(byte[] key) {
        return lookup(key, 0);
    }

    /** The value of {@code key} for a writing command: updates access, no hit/miss stats. */
    public Value lookupWrite(byte[] key) {
        return lookup(key, NO_STATS);
    }

    /** The value of {@code key} after lazy expiry, or null; see {@link #NO_TOUCH}, {@link #NO_STATS}. */
    public Value lookup(byte[] key, int flags) {
        Value v = table.get(key);
        if (v != null && !expires.isEmpty() && expireIfNeeded(key)) v = null;
        if ((flags & NO_STATS) == 0) {
            keyspace.countLookup(v != null);
            if (v == null) keyspace.listener().keyMissed(this, key);
        }
        if (v != null && (flags & NO_TOUCH) == 0) keyspace.touchAccess(v);
        return v;
    }

    /** Whether {@code key} exists (after lazy expiry), without stats or access update. */
    public boolean exists(byte[] key) {
        return lookup(key, NO_TOUCH | NO_STATS) != null;
    }

    /** Deletes {@code key} if its expire time has passed; true if it did (or, on a replica, hides it). */
    boolean expireIfNeeded(byte[] key) {
        long when = expires.getLong(key);
        if (when == ExpireTable.NONE || when > keyspace.now()) return false;
        if (!keyspace.expiryEnabled()) return false;
        if (keyspace.keepsExpired()) return !keyspace.showsExpired();
        removeEntry(key);
        keyspace.countExpired();
        keyspace.listener().keyRemoved(this, key, KeyspaceListener.Cause.EXPIRED);
        return true;
    }

    /** True if the key exists but its expire time has passed (it will vanish at next access). */
    public boolean isLogicallyExpired(byte[] key) {
        long when = expires.getLong(key);
        return when != ExpireTable.NONE && when <= keyspace.now();
    }

    // ---- changes ---------------------------------------------------------------------------

    /**
     * Stores {@code v} under {@code key} (SET semantics): replaces any value, and clears the
     * expire unless {@code keepTtl}. The key array is kept by reference when the key is new.
     */
    public void put(byte[] key, Value v, boolean keepTtl) {
        keyspace.initAccess(v);
        Value old = table.put(key, v);
        if (old == null) {
            bytes += Memory.keyEntry(key) + v.memoryUsage();
            if (slotCounts != null) slotCounts[HashSlot.of(key)]++;
            keyspace.listener().keyAdded(this, key);
        } else {
            bytes += v.memoryUsage() - old.memoryUsage();
            if (!keepTtl && !expires.isEmpty() && expires.containsKey(key)) {
                expires.removeLong(key);
                bytes -= Memory.EXPIRE_ENTRY;
            }
        }
        touch(key);
    }

    /** Records that a value stored under {@code key} changed size in place by {@code delta}. */
    public void resized(byte[] key, long delta) {
        bytes += delta;
        touch(key);
    }

    /**
     * Records a size change that is not a modification of the data (an encoding conversion made
     * by a read, as SORT's of a small sorted set): no WATCH signal.
     */
    public void reencoded(long delta) {
        bytes += delta;
    }

    /** Signals a change made in place to the value of {@code key} (for WATCH). */
    public void modified(byte[] key) {
        touch(key);
    }

    /** Removes {@code key}; false if it did not exist (expired keys count as absent). */
    public boolean delete(byte[] key) {
        if (!exists(key)) return false;
        removeEntry(key);
        return true;
    }

    private void removeEntry(byte[] key) {
        Value old = table.remove(key);
        if (old == null) return;
        bytes -= Memory.keyEntry(key) + old.memoryUsage();
        if (slotCounts != null) slotCounts[HashSlot.of(key)]--;
        if (!expires.isEmpty() && expires.containsKey(key)) {
            expires.removeLong(key);
            bytes -= Memory.EXPIRE_ENTRY;
        }
        touch(key);
    }

    /** Removes a key chosen by eviction. */
    void evict(byte[] key) {
        removeEntry(key);
    }

    /** The expire time of {@code key} in unix ms, or -1 if it has none. */
    public long expireTime(byte[] key) {
        return expires.isEmpty() ? -1 : expires.getLong(key);
    }

    /** Sets the expire time of an existing key (absolute unix ms). */
    public void setExpire(byte[] key, long whenMs) {
        byte[] stored = table.storedKey(key);
        if (stored == null) throw new IllegalStateException("setExpire on a missing key");
        if (expires.put(stored, whenMs) == ExpireTable.NONE) bytes += Memory.EXPIRE_ENTRY;
        touch(key);
    }

    /** Removes the expire of {@code key}; true if it had one. */
    public boolean persist(byte[] key) {
        if (expires.isEmpty() || expires.removeLong(key) == ExpireTable.NONE) return false;
        bytes -= Memory.EXPIRE_ENTRY;
        touch(key);
        return true;
    }

    /** Removes every key; returns how many there were. */
    public long clear() {
        long n = table.size();
        touchAllExisting(null);
        table = new KeyTable();
        expires = new ExpireTable();
        bytes = 0;
        if (slotCounts != null) java.util.Arrays.fill(slotCounts, 0);
        return n;
    }

    /** Exchanges the contents (not the ids or watchers) of two databases, as SWAPDB. */
    static void swapContents(Database a, Database b) {
        a.touchAllExisting(b);
        b.touchAllExisting(a);
        KeyTable t = a.table;
        a.table = b.table;
        b.table = t;
        ExpireTable e = a.expires;
        a.expires = b.expires;
        b.expires = e;
        long by = a.bytes;
        a.bytes = b.bytes;
        b.bytes = by;
        int[] sc = a.slotCounts;
        a.slotCounts = b.slotCounts;
        b.slotCounts = sc;
    }

    // ---- iteration and sampling --------------------------------------------------------------

    /** One SCAN step over the keys (expired ones included; callers filter). */
    public long scan(long cursor, BiConsumer<byte[], Value> out) {
        return table.scan(cursor, out);
    }

    /**
     * Visits every entry, logically expired ones included, without expiry or access effects:
     * the whole-dataset readers (DEBUG DIGEST, the RDB snapshot, the AOF rewrite). The visitor
     * must not change the database.
     */
    public void forEachEntry(BiConsumer<byte[], Value> out) {
        table.forEach(out);
    }

    /** Visits every key (KEYS); expired keys are skipped, not deleted during the walk. */
    public void forEachKey(Consumer<byte[]> out) {
        long now = keyspace.now();
        boolean check = !expires.isEmpty();
        for (byte[] k : table.keySet()) {
            if (check) {
                long when = expires.getLong(k);
                if (when != ExpireTable.NONE && when <= now && keyspace.expiryEnabled()) continue;
            }
            out.accept(k);
        }
    }

    /** A random key that is not expired, or null; tries a bounded number of times like Valkey. */
    public byte[] randomKey() {
        for (int tries = 0; tries < 100 && table.size() > 0; tries++) {
            byte[] k = table.randomKey(keyspace.random());
            if (k == null) return null;
            if (expires.isEmpty() || !expireIfNeeded(k)) return k;
            if (table.size() == expires.size() && tries > 50) return k;
        }
        return null;
    }

    /** A random key from the whole table, including expired ones; for eviction sampling. */
    byte[] sampleKey() {
        return table.randomKey(keyspace.random());
    }

    /** A random key with an expire, or null. */
    byte[] sampleVolatileKey() {
        return expires.randomKey(keyspace.random());
    }

    /** The value without expiry or access effects (sampling). */
    Value peek(byte[] key) {
        return table.get(key);
    }

    // ---- WATCH -------------------------------------------------------------------------------

    public void watch(byte[] key, Watcher w) {
        if (watched == null) watched = new Object2ObjectOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
        watched.computeIfAbsent(key, k -> new ArrayList<>(2)).add(w);
    }

    public void unwatch(byte[] key, Watcher w) {
        if (watched == null) return;
        List<Watcher> l = watched.get(key);
        if (l == null) return;
        l.remove(w);
        if (l.isEmpty()) watched.remove(key);
    }

    private void touch(byte[] key) {
        keyspace.listener().keyModified(this, key);
        if (watched == null || watched.isEmpty()) return;
        List<Watcher> l = watched.get(key);
        if (l != null) {
            for (int i = 0; i < l.size(); i++) l.get(i).keyTouched();
        }
    }

    /** Touches watched keys that exist here or in {@code other} (FLUSHDB, SWAPDB). */
    private void touchAllExisting(Database other) {
        if (watched == null || watched.isEmpty()) return;
        for (var e : watched.object2ObjectEntrySet()) {
            byte[] k = e.getKey();
            if (table.containsKey(k) || (other != null && other.table.containsKey(k))) {
                for (Watcher w : e.getValue()) w.keyTouched();
            }
        }
    }

    // ---- active expiry -------------------------------------------------------------------------

    /** Samples up to {@code n} keys with an expire and deletes the expired ones; returns how many. */
    int expireSample(int n) {
        int expired = 0;
        long now = keyspace.now();
        for (int i = 0; i < n && !expires.isEmpty(); i++) {
            byte[] k = expires.randomKey(keyspace.random());
            if (k != null && expires.getLong(k) <= now && expireIfNeeded(k)) expired++;
        }
        return expired;
    }
}
