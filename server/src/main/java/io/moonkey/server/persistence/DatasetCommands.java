package io.moonkey.server.persistence;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamRebuildCommands;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.resp.DoubleFormat;
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
            db.forEachEntry((key, v) -> {
                long when = db.expireTime(key);
                if (when >= 0 && when <= now) return; // logically expired
                rebuild(key, v, out);
                if (when >= 0) out.accept(new byte[][] {bytes("PEXPIREAT"), key, bytes(Long.toString(when))});
            });
        }
    }

    /** The commands that recreate {@code v} under {@code key}, as Valkey's AOF rewrite writes them. */
    public static void rebuild(byte[] key, Value v, Consumer<byte[][]> out) {
        if (v instanceof StringValue s) {
            out.accept(new byte[][] {bytes("SET"), key, s.bytes()});
        } else if (v instanceof ListValue l) {
            Batch b = new Batch(out, "RPUSH", key, 1);
            l.forEachElement(e -> b.add(e.clone()));
            b.flush();
        } else if (v instanceof SetValue set) {
            Batch b = new Batch(out, "SADD", key, 1);
            for (int p = set.first(); p >= 0; p = set.next(p)) b.add(set.member(p));
            b.flush();
        } else if (v instanceof SortedSetValue z) {
            Batch b = new Batch(out, "ZADD", key, 2);
            z.forEach((member, score) -> b.add(bytes(DoubleFormat.format(score)), member));
            b.flush();
        } else if (v instanceof HashValue h) {
            Batch b = new Batch(out, "HMSET", key, 2);
            for (int p = h.first(); p >= 0; p = h.next(p)) b.add(h.field(p), h.value(p));
            b.flush();
        } else if (v instanceof Stream st) {
            StreamRebuildCommands.forEach(key, st, out); // the stream package knows groups and pending entries
        } else {
            throw new IllegalStateException("no rewrite form for " + v.type().typeName() + " values");
        }
    }

    /** Collects a collection's items into commands of at most ITEMS_PER_COMMAND items each. */
    private static final class Batch {
        private final Consumer<byte[][]> out;
        private final byte[] name, key;
        private final int width;
        private final List<byte[]> items = new ArrayList<>();

        Batch(Consumer<byte[][]> out, String name, byte[] key, int width) {
            this.out = out;
            this.name = bytes(name);
            this.key = key;
            this.width = width;
        }

        void add(byte[]... item) {
            for (byte[] b : item) items.add(b);
            if (items.size() >= ITEMS_PER_COMMAND * width) flush();
        }

        void flush() {
            if (items.isEmpty()) return;
            byte[][] argv = new byte[2 + items.size()][];
            argv[0] = name;
            argv[1] = key;
            for (int i = 0; i < items.size(); i++) argv[2 + i] = items.get(i);
            out.accept(argv);
            items.clear();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
