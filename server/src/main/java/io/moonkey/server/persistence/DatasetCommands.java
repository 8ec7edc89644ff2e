package io.moonkey.server.persistence;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.list.ListValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dataset as the commands that rebuild it (an AOF rewrite's base): SELECT per database, one
 * command per key (collections in batches), then PEXPIREAT for keys with a time to live.
 */
public final class DatasetCommands {
    /** Elements per command for collections, as Valkey's AOF_REWRITE_ITEMS_PER_CMD. */
    static final int ITEMS_PER_COMMAND = 64;

    private DatasetCommands() {}

    public static void forEach(Keyspace keyspace, Consumer<byte[][]> out) {
        long now = keyspace.now();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) continue;
            out.accept(new byte[][] {bytes("SELECT"), bytes(Integer.toString(i))});
            List<byte[]> keys = new ArrayList<>(db.size());
            List<Value> values = new ArrayList<>(db.size());
            long cursor = 0;
            do {
                cursor = db.scan(cursor, (k, v) -> {
                    keys.add(k);
                    values.add(v);
                });
            } while (cursor != 0);
            for (int j = 0; j < keys.size(); j++) {
                byte[] key = keys.get(j);
                long when = db.expireTime(key);
                if (when >= 0 && when <= now) continue;
                rebuild(key, values.get(j), out);
                if (when >= 0) out.accept(new byte[][] {bytes("PEXPIREAT"), key, bytes(Long.toString(when))});
            }
        }
    }

    private static void rebuild(byte[] key, Value v, Consumer<byte[][]> out) {
        if (v instanceof StringValue s) {
            out.accept(new byte[][] {bytes("SET"), key, s.bytes()});
            return;
        }
        if (v instanceof ListValue l) { // RPUSH in batches, as Valkey's rewriteListObject
            List<byte[]> batch = new ArrayList<>(ITEMS_PER_COMMAND + 2);
            l.forEachElement(e -> {
                if (batch.isEmpty()) {
                    batch.add(bytes("RPUSH"));
                    batch.add(key);
                }
                batch.add(e);
                if (batch.size() == ITEMS_PER_COMMAND + 2) {
                    out.accept(batch.toArray(new byte[0][]));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) out.accept(batch.toArray(new byte[0][]));
            return;
        }
        throw new IllegalStateException("no rewrite form for " + v.type().typeName() + " values yet");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
