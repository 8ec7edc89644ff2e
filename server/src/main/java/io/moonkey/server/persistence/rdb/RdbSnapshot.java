package io.moonkey.server.persistence.rdb;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.EvictionPolicy;
import io.moonkey.datastore.Keyspace;
import java.util.List;

/**
 * The whole dataset as one RDB file (SAVE, BGSAVE, DEBUG RELOAD, a replica's full
 * synchronisation): aux fields, the function libraries, then per non-empty database its
 * selector, sizes and records. It is taken on the execution thread, so it is one consistent
 * point in time; writing the bytes out can then happen elsewhere.
 */
public final class RdbSnapshot {
    private RdbSnapshot() {}

    /**
     * The file's bytes. {@code replication} adds the aux fields a replica reads (repl-id,
     * repl-offset); it may be null.
     */
    public static byte[] of(Keyspace keyspace, String version, List<byte[]> functions, String[] replication) {
        return of(keyspace, version, functions, replication, false);
    }

    /** {@code compress}: rdbcompression (integer-encoded and LZF-compressed strings). */
    public static byte[] of(Keyspace keyspace, String version, List<byte[]> functions, String[] replication, boolean compress) {
        RdbWriter w = RdbWriter.file().compressing(compress);
        w.aux("redis-ver", version);
        w.aux("redis-bits", "64");
        w.aux("ctime", Long.toString(System.currentTimeMillis() / 1000));
        w.aux("used-mem", Long.toString(keyspace.usedMemory()));
        if (replication != null) {
            w.aux("repl-stream-db", "0");
            w.aux("repl-id", replication[0]);
            w.aux("repl-offset", replication[1]);
        }
        w.aux("aof-base", "0");
        for (byte[] code : functions) w.function(code);
        long now = keyspace.now();
        EvictionPolicy policy = keyspace.policy();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) continue;
            w.selectDb(i, db.size(), db.expiresSize());
            db.forEachEntry((key, v) -> {
                long when = db.expireTime(key);
                if (when >= 0 && when <= now) return; // logically expired
                if (when >= 0) w.expireAt(when);
                if (policy.isLfu()) w.frequency(keyspace.lfuDecrAndReturn(v));
                else if (policy.isLru()) w.idle(keyspace.idleTimeMs(v) / 1000);
                RdbValueWriter.write(w, key, v);
            });
        }
        return w.finish();
    }
}
