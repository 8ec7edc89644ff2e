package io.moonkey.server.replication;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.persistence.DatasetCommands;
import java.util.List;

/**
 * The whole dataset as one RDB payload, for a replica's full synchronisation. Streams have no
 * plain RDB form here: they travel as the commands that rebuild them, right after the payload
 * ({@link #streamCommands}).
 */
public final class RdbSnapshot {
    private RdbSnapshot() {}

    /** The RDB payload; the commands for stream keys go to {@code streamCommands}. */
    public static byte[] of(Keyspace keyspace, String version, List<byte[][]> streamCommands) {
        RdbWriter w = new RdbWriter();
        w.aux("redis-ver", version);
        w.aux("redis-bits", "64");
        long now = keyspace.now();
        for (int i = 0; i < keyspace.databases(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) continue;
            w.selectDb(i, db.size(), db.expiresSize());
            byte[][] select = {"SELECT".getBytes(), Integer.toString(i).getBytes()};
            boolean[] selected = {false};
            db.forEachEntry((key, v) -> {
                long when = db.expireTime(key);
                if (when >= 0 && when <= now) return; // logically expired
                if (v instanceof Stream) {
                    if (!selected[0]) streamCommands.add(select);
                    selected[0] = true;
                    DatasetCommands.rebuild(key, v, streamCommands::add);
                    if (when >= 0) streamCommands.add(new byte[][] {"PEXPIREAT".getBytes(), key, Long.toString(when).getBytes()});
                    return;
                }
                write(w, when, key, v);
            });
        }
        return w.finish();
    }

    private static void write(RdbWriter w, long expireAt, byte[] key, Value v) {
        if (v instanceof StringValue s) {
            w.record(expireAt, RdbWriter.TYPE_STRING, key);
            w.string(s.bytes());
        } else if (v instanceof ListValue l) {
            w.record(expireAt, RdbWriter.TYPE_LIST, key);
            w.length(l.size());
            l.forEachElement(w::string);
        } else if (v instanceof SetValue set) {
            w.record(expireAt, RdbWriter.TYPE_SET, key);
            w.length(set.size());
            for (int p = set.first(); p >= 0; p = set.next(p)) w.string(set.member(p));
        } else if (v instanceof SortedSetValue z) {
            w.record(expireAt, RdbWriter.TYPE_ZSET_2, key);
            w.length(z.size());
            z.forEach((member, score) -> {
                w.string(member);
                w.binaryDouble(score);
            });
        } else if (v instanceof HashValue h) {
            w.record(expireAt, RdbWriter.TYPE_HASH, key);
            w.length(h.size());
            for (int p = h.first(); p >= 0; p = h.next(p)) {
                w.string(h.field(p));
                w.string(h.value(p));
            }
        } else {
            throw new IllegalStateException("no RDB form for " + v.type().typeName() + " values");
        }
    }
}
