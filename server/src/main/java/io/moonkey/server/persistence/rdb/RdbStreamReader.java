package io.moonkey.server.persistence.rdb;

import static io.moonkey.server.persistence.rdb.RdbFormat.TYPE_STREAM_LISTPACKS;
import static io.moonkey.server.persistence.rdb.RdbFormat.TYPE_STREAM_LISTPACKS_3;

import io.moonkey.datastore.stream.Consumer;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.PendingEntry;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamId;

/**
 * Reads a stream record (types 15, 19 and 21): the listpack nodes, each keyed by its master ID,
 * then the length and IDs (19 and 21 add the first ID, the max deleted ID and entries-added),
 * then the consumer groups with their pending entries and consumers (21 adds each consumer's
 * active time). Entries flagged deleted in a node are tombstones and are not loaded.
 */
final class RdbStreamReader {
    /** Entry flags in a stream listpack. */
    static final int FLAG_DELETED = 1, FLAG_SAME_FIELDS = 2;

    private final EncodingLimits limits;
    private final long nowMs;

    RdbStreamReader(EncodingLimits limits, long nowMs) {
        this.limits = limits;
        this.nowMs = nowMs;
    }

    Stream read(int type, RdbInput in) throws RdbFormatException {
        Stream s = new Stream();
        long nodes = in.length();
        for (long i = 0; i < nodes; i++) {
            byte[] key = in.string();
            if (key.length != 16) throw new RdbFormatException("stream node key is not a 128-bit ID");
            node(s, bigEndian(key, 0), bigEndian(key, 8), in.string());
        }
        long length = in.length();
        if (length != s.length()) throw new RdbFormatException("stream length " + length + " differs from its entries " + s.length());
        long lastMs = in.length(), lastSeq = in.length();
        if (s.length() > 0 && StreamId.compare(lastMs, lastSeq, s.lastMs(), s.lastSeq()) < 0) {
            throw new RdbFormatException("stream last ID below its last entry");
        }
        s.setLastId(lastMs, lastSeq);
        if (type != TYPE_STREAM_LISTPACKS) {
            in.length(); // first ID: ours is the first entry's, as loaded
            in.length();
            long delMs = in.length(), delSeq = in.length();
            s.setMaxDeletedId(delMs, delSeq);
            s.setEntriesAdded(in.length());
        } else {
            s.setEntriesAdded(s.length());
        }
        long groups = in.length();
        for (long g = 0; g < groups; g++) group(s, type, in);
        return s;
    }

    private void node(Stream s, long masterMs, long masterSeq, byte[] lp) throws RdbFormatException {
        ListpackReader r = new ListpackReader(lp);
        if (!r.next()) throw new RdbFormatException("empty stream listpack");
        r.next(); // deleted count
        long masterFields = nextLong(r);
        if (masterFields < 0 || masterFields > lp.length) throw new RdbFormatException("stream master entry invalid");
        byte[][] master = new byte[(int) masterFields][];
        for (int i = 0; i < master.length; i++) master[i] = nextBytes(r);
        if (nextLong(r) != 0) throw new RdbFormatException("stream master entry not terminated");
        while (r.next()) {
            long flags = r.asLong();
            long ms = masterMs + nextLong(r), seq = masterSeq + nextLong(r);
            byte[][] fv;
            if ((flags & FLAG_SAME_FIELDS) != 0) {
                fv = new byte[2 * master.length][];
                for (int i = 0; i < master.length; i++) {
                    fv[2 * i] = master[i];
                    fv[2 * i + 1] = nextBytes(r);
                }
            } else {
                long n = nextLong(r);
                if (n < 0 || n > lp.length) throw new RdbFormatException("stream entry field count invalid");
                fv = new byte[(int) (2 * n)][];
                for (int i = 0; i < fv.length; i++) fv[i] = nextBytes(r);
            }
            nextLong(r); // lp-count, the back link to the entry's start
            if ((flags & FLAG_DELETED) != 0) continue;
            if (s.length() > 0 && StreamId.compare(ms, seq, s.lastMs(), s.lastSeq()) <= 0) {
                throw new RdbFormatException("stream entries out of order");
            }
            s.append(ms, seq, fv, 0, fv.length, limits.streamNodeMaxBytes, limits.streamNodeMaxEntries);
        }
    }

    private static long nextLong(ListpackReader r) throws RdbFormatException {
        if (!r.next()) throw new RdbFormatException("stream listpack truncated");
        return r.asLong();
    }

    private static byte[] nextBytes(ListpackReader r) throws RdbFormatException {
        if (!r.next()) throw new RdbFormatException("stream listpack truncated");
        return r.bytes();
    }

    private void group(Stream s, int type, RdbInput in) throws RdbFormatException {
        byte[] name = in.string();
        long lastMs = in.length(), lastSeq = in.length();
        long entriesRead = type == TYPE_STREAM_LISTPACKS ? ConsumerGroup.UNKNOWN_ENTRIES_READ : in.length();
        if (entriesRead < 0) entriesRead = ConsumerGroup.UNKNOWN_ENTRIES_READ;
        ConsumerGroup g = s.createGroup(name, lastMs, lastSeq, entriesRead);
        if (g == null) throw new RdbFormatException("duplicate consumer group");
        long pel = in.length();
        for (long i = 0; i < pel; i++) {
            long[] id = in.rawStreamId();
            long time = in.millis();
            long count = in.length();
            if (g.pending().get(id[0], id[1]) != null) throw new RdbFormatException("duplicate pending entry");
            PendingEntry e = g.createUnowned(id[0], id[1], time);
            e.setDeliveryCount(count);
        }
        long consumers = in.length();
        for (long c = 0; c < consumers; c++) {
            byte[] cname = in.string();
            long seen = in.millis();
            if (type == TYPE_STREAM_LISTPACKS_3) in.millis(); // active time: ours keeps one time
            Consumer consumer = g.createConsumer(cname, seen);
            if (consumer == null) throw new RdbFormatException("duplicate consumer");
            long owned = in.length();
            for (long i = 0; i < owned; i++) {
                long[] id = in.rawStreamId();
                PendingEntry e = g.pending().get(id[0], id[1]);
                if (e == null || e.consumer() != null) throw new RdbFormatException("consumer pending entry not in the group's list");
                g.claim(e, consumer);
            }
        }
        // a pending entry no consumer owns cannot be served; valkey keeps it only without deep checks
        java.util.List<PendingEntry> orphans = new java.util.ArrayList<>();
        for (var it = g.pending().iterator(); it.hasNext(); ) {
            PendingEntry e = it.next();
            if (e.consumer() == null) orphans.add(e);
        }
        for (PendingEntry e : orphans) g.remove(e);
    }

    private static long bigEndian(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[off + i] & 0xFF);
        return v;
    }
}
