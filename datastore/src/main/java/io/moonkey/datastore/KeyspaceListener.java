package io.moonkey.datastore;

/**
 * Told about deletions the keyspace performs by itself (not on behalf of a command): lazy and
 * active expiry, and eviction. The server turns them into propagated DELs and statistics.
 * Also told of key creation and of read misses, for the "new" and "keymiss" notifications.
 */
public interface KeyspaceListener {
    enum Cause { EXPIRED, EVICTED }

    void keyRemoved(Database db, byte[] key, Cause cause);

    /** A key that did not exist was stored. */
    default void keyAdded(Database db, byte[] key) {}

    /** A key's value was written or the key deleted (what WATCH and client-side caching watch). */
    default void keyModified(Database db, byte[] key) {}

    /** A reading command looked up a key that does not exist. */
    default void keyMissed(Database db, byte[] key) {}

    KeyspaceListener NONE = (db, key, cause) -> {};
}
