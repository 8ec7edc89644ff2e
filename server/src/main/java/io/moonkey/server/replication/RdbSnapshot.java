package io.moonkey.server.replication;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.list.ListValue;
import java.util.ArrayList;
import java.util.List;

/** The whole dataset as one RDB payload, for a replica's full synchronisation. */
public final class RdbSnapshot {
    private RdbSnapshot() {}

    public static byte[] of(Keyspace keyspace, String version) {
        RdbWriter w = new RdbWriter();
        w.aux("redis-ver", version);
        w.aux("redis-bits", "64");
        long now = keyspace.now();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) continue;
            List<byte[]> keys = new ArrayList<>(db.size());
            List<Value> values = new ArrayList<>(db.size());
            long cursor = 0;
            do {
                cursor = db.scan(cursor, (k, v) -> {
                    keys.add(k);
                    values.add(v);
                });
            } while (cursor != 0);
            w.selectDb(i, keys.size(), db.expiresSize());
            for (int j = 0; j < keys.size(); j++) {
                byte[] key = keys.get(j);
                long when = db.expireTime(key);
                if (when >= 0 && when <= now) continue; // logically expired
                write(w, when, key, values.get(j));
            }
        }
        return w.finish();
    }

    private static void write(RdbWriter w, long expireAt, byte[] key, Value v) {
        if (v instanceof StringValue s) {
            w.record(expireAt, RdbWriter.TYPE_STRING, key);
            w.string(s.bytes());
            return;
        }
        if (v instanceof ListValue l) { // the plain list type (1), which every RDB version still loads
            w.record(expireAt, RdbWriter.TYPE_LIST, key);
            w.length(l.size());
            l.forEachElement(w::string);
            return;
        }
        throw new IllegalStateException("no RDB form for " + v.type().typeName() + " values yet");
    }
}
