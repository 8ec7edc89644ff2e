package io.moonkey.datastore;

/**
 * Told about deletions the keyspace performs by itself (not on behalf of a command): lazy and
 * active expiry, and eviction. The server turns them into propagated DELs and statistics.
 */
public interface KeyspaceListener {
    enum Cause { EXPIRED, EVICTED }

    void keyRemoved(Database db, byte[] key, Cause cause);

    KeyspaceListener NONE = (db, key, cause) -> {};
}
