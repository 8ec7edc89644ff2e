package io.moonkey.server.persistence.rdb;

import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.zset.SortedSetValue;

/**
 * Writes a value as its type byte and record, in the types redis-server 7.0 reads: strings,
 * quicklist-free plain lists, sets, ZSET_2 sorted sets, hashes and STREAM_LISTPACKS_2 streams.
 * A loader picks its own compact encodings, so the plain forms lose nothing.
 */
public final class RdbValueWriter {
    private RdbValueWriter() {}

    /** The type byte, the key (a file record) or nothing (a DUMP payload), then the value. */
    public static void write(RdbWriter w, byte[] key, Value v) {
        if (v instanceof StringValue s) {
            start(w, RdbFormat.TYPE_STRING, key);
            w.string(s.bytes());
        } else if (v instanceof ListValue l) {
            start(w, RdbFormat.TYPE_LIST, key);
            w.length(l.size());
            l.forEachElement(w::string);
        } else if (v instanceof SetValue set) {
            start(w, RdbFormat.TYPE_SET, key);
            w.length(set.size());
            for (int p = set.first(); p >= 0; p = set.next(p)) w.string(set.member(p));
        } else if (v instanceof SortedSetValue z) {
            start(w, RdbFormat.TYPE_ZSET_2, key);
            w.length(z.size());
            z.forEach((member, score) -> {
                w.string(member);
                w.binaryDouble(score);
            });
        } else if (v instanceof HashValue h) {
            start(w, RdbFormat.TYPE_HASH, key);
            w.length(h.size());
            for (int p = h.first(); p >= 0; p = h.next(p)) {
                w.string(h.field(p));
                w.string(h.value(p));
            }
        } else if (v instanceof Stream st) {
            start(w, RdbFormat.TYPE_STREAM_LISTPACKS_2, key);
            RdbStreamWriter.write(w, st);
        } else {
            throw new IllegalStateException("no RDB form for " + v.type().typeName() + " values");
        }
    }

    private static void start(RdbWriter w, int type, byte[] key) {
        w.type(type);
        if (key != null) w.string(key);
    }
}
