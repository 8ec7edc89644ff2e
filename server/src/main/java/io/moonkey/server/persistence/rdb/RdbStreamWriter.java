package io.moonkey.server.persistence.rdb;

import io.moonkey.datastore.stream.Consumer;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.PendingEntry;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
import io.moonkey.datastore.stream.StreamEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a stream as a STREAM_LISTPACKS_2 record (what redis-server 7.0 reads): the live entries
 * in listpack nodes of at most 100 entries / about 4 KB, each node keyed by its first ID and
 * opened by a master entry holding the first entry's field names (entries with the same fields
 * store only values); then the counters; then groups, their pending entries and consumers.
 */
final class RdbStreamWriter {
    private static final int NODE_MAX_ENTRIES = 100, NODE_MAX_BYTES = 4096;

    private RdbStreamWriter() {}

    static void write(RdbWriter w, Stream s) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> packs = new ArrayList<>();
        List<byte[][]> pending = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        StreamCursor c = s.all();
        int bytes = 0;
        while (c.next()) {
            StreamEntry e = c.entry();
            byte[][] fv = e.toArrays();
            if (!pending.isEmpty() && (pending.size() >= NODE_MAX_ENTRIES || bytes >= NODE_MAX_BYTES)) {
                flushNode(keys, packs, pending, ids);
                bytes = 0;
            }
            pending.add(fv);
            ids.add(new long[] {e.ms(), e.seq()});
            for (byte[] b : fv) bytes += b.length + 2;
        }
        if (!pending.isEmpty()) flushNode(keys, packs, pending, ids);

        w.length(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            w.string(keys.get(i));
            w.string(packs.get(i));
        }
        w.length(s.length());
        w.length(s.lastMs());
        w.length(s.lastSeq());
        w.length(s.firstMs());
        w.length(s.firstSeq());
        w.length(s.maxDeletedMs());
        w.length(s.maxDeletedSeq());
        w.length(s.entriesAdded());
        w.length(s.groupCount());
        for (ConsumerGroup g : s.groups()) {
            w.string(g.name());
            w.length(g.lastMs());
            w.length(g.lastSeq());
            w.length(g.entriesRead()); // -1 (unknown) takes the 64-bit form, as valkey writes it
            w.length(g.pending().size());
            for (var it = g.pending().iterator(); it.hasNext(); ) {
                PendingEntry p = it.next();
                w.raw(id128(p.ms(), p.seq()));
                w.millis(p.deliveryTime());
                w.length(p.deliveryCount());
            }
            w.length(g.consumerCount());
            for (Consumer con : g.consumers()) {
                w.string(con.name());
                w.millis(con.seenTime());
                w.length(con.pending().size());
                for (var it = con.pending().iterator(); it.hasNext(); ) {
                    PendingEntry p = it.next();
                    w.raw(id128(p.ms(), p.seq()));
                }
            }
        }
    }

    /** One node: master entry (count, deleted, fields, 0), then the entries relative to the first ID. */
    private static void flushNode(List<byte[]> keys, List<byte[]> packs, List<byte[][]> entries, List<long[]> ids) {
        long masterMs = ids.get(0)[0], masterSeq = ids.get(0)[1];
        byte[][] first = entries.get(0);
        int masterFields = first.length / 2;
        ListpackWriter lp = new ListpackWriter();
        lp.addInt(entries.size());
        lp.addInt(0);
        lp.addInt(masterFields);
        for (int i = 0; i < masterFields; i++) lp.addString(first[2 * i]);
        lp.addInt(0);
        for (int k = 0; k < entries.size(); k++) {
            byte[][] fv = entries.get(k);
            int n = fv.length / 2;
            boolean same = n == masterFields;
            for (int i = 0; same && i < n; i++) same = Arrays.equals(fv[2 * i], first[2 * i]);
            lp.addInt(same ? RdbStreamReader.FLAG_SAME_FIELDS : 0);
            lp.addInt(ids.get(k)[0] - masterMs);
            lp.addInt(ids.get(k)[1] - masterSeq);
            if (same) {
                for (int i = 0; i < n; i++) lp.addString(fv[2 * i + 1]);
                lp.addInt(n + 3); // lp-count: values plus flags and the two ID parts
            } else {
                lp.addInt(n);
                for (byte[] b : fv) lp.addString(b);
                lp.addInt(2L * n + 4); // fields, values, their count, flags and the ID parts
            }
        }
        keys.add(id128(masterMs, masterSeq));
        packs.add(lp.toBytes());
        entries.clear();
        ids.clear();
    }

    static byte[] id128(long ms, long seq) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (ms >>> (56 - 8 * i));
            b[8 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        return b;
    }
}
