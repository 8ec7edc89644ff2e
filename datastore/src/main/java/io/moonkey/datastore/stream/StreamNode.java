package io.moonkey.datastore.stream;

import io.moonkey.datastore.Memory;
import java.util.Arrays;

/**
 * A run of consecutive stream entries, the unit Valkey keeps in one listpack under one radix-tree
 * key (the ID of the node's first entry, its "master" ID). Entries are kept in ID order as
 * parallel arrays; a deleted entry stays as a tombstone (its fields dropped) until the whole node
 * goes, because Valkey's node sizes and trimming count tombstones.
 */
final class StreamNode {
    private static final int INITIAL_CAPACITY = 4;
    /** Object header and fields. */
    private static final long OBJECT_BYTES = 56;

    final long masterMs, masterSeq;
    /** The field names of the master entry: entries with the same fields store only values. */
    private final byte[][] masterFields;
    private final int masterBytes;
    /** ms and seq of entry i at 2i and 2i+1. */
    long[] ids;
    /** Fields and values alternating; null for a deleted entry. */
    byte[][][] entries;
    /** Entries stored, tombstones included. */
    int count;
    /** Entries not deleted. */
    int live;
    /** Emulated listpack bytes of the entries (the master entry and header excluded). */
    private long entryBytes;

    StreamNode(long ms, long seq, byte[][] fieldsAndValues) {
        masterMs = ms;
        masterSeq = seq;
        int n = fieldsAndValues.length / 2;
        masterFields = new byte[n][];
        int b = ListpackSize.ofInteger(n) + ListpackSize.ofInteger(0);
        for (int i = 0; i < n; i++) {
            masterFields[i] = fieldsAndValues[2 * i];
            b += ListpackSize.ofString(masterFields[i]);
        }
        masterBytes = b;
        ids = new long[2 * INITIAL_CAPACITY];
        entries = new byte[INITIAL_CAPACITY][][];
    }

    private StreamNode(StreamNode o) {
        masterMs = o.masterMs;
        masterSeq = o.masterSeq;
        masterFields = o.masterFields;
        masterBytes = o.masterBytes;
        ids = o.ids.clone();
        entries = o.entries.clone();
        count = o.count;
        live = o.live;
        entryBytes = o.entryBytes;
    }

    StreamNode copy() {
        return new StreamNode(this);
    }

    long ms(int i) {
        return ids[2 * i];
    }

    long seq(int i) {
        return ids[2 * i + 1];
    }

    boolean isDeleted(int i) {
        return entries[i] == null;
    }

    /** Valkey's lpBytes of this node's listpack. */
    long listpackBytes() {
        return ListpackSize.EMPTY + ListpackSize.ofInteger(live) + ListpackSize.ofInteger(count - live) + masterBytes + entryBytes;
    }

    /** Appends an entry (its ID above every stored one); returns the heap bytes added. */
    long append(long ms, long seq, byte[][] fieldsAndValues) {
        long added = 0;
        if (count == entries.length) {
            int cap = count * 2;
            added += 16L * count + 4L * count; // ids (two longs an entry) and entries double
            ids = Arrays.copyOf(ids, 2 * cap);
            entries = Arrays.copyOf(entries, cap);
        }
        ids[2 * count] = ms;
        ids[2 * count + 1] = seq;
        entries[count] = fieldsAndValues;
        count++;
        live++;
        entryBytes += encodedBytes(ms, seq, fieldsAndValues);
        return added + entryHeapBytes(fieldsAndValues);
    }

    /** Listpack bytes of one entry: flags, ID deltas, the fields unless same as the master's, the values, lp-count. */
    private long encodedBytes(long ms, long seq, byte[][] fv) {
        int n = fv.length / 2;
        boolean sameFields = n == masterFields.length;
        for (int i = 0; sameFields && i < n; i++) sameFields = Arrays.equals(fv[2 * i], masterFields[i]);
        long b = ListpackSize.ofInteger(sameFields ? 2 : 0) + ListpackSize.ofInteger(ms - masterMs) + ListpackSize.ofInteger(seq - masterSeq);
        long lpCount = n + 3;
        if (!sameFields) {
            b += ListpackSize.ofInteger(n);
            for (int i = 0; i < n; i++) b += ListpackSize.ofString(fv[2 * i]);
            lpCount += n + 1;
        }
        for (int i = 0; i < n; i++) b += ListpackSize.ofString(fv[2 * i + 1]);
        return b + ListpackSize.ofInteger(lpCount);
    }

    /** Marks entry i deleted; returns the heap bytes freed. */
    long delete(int i) {
        byte[][] fv = entries[i];
        entries[i] = null;
        live--;
        return entryHeapBytes(fv);
    }

    /** Index of the first stored entry (tombstones included) whose ID is >= (ms, seq); count if none. */
    int lowerBound(long ms, long seq) {
        int lo = 0, hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (StreamId.compare(ids[2 * mid], ids[2 * mid + 1], ms, seq) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Index of the entry with exactly this ID (tombstones included), or -1. */
    int indexOf(long ms, long seq) {
        int i = lowerBound(ms, seq);
        return i < count && ids[2 * i] == ms && ids[2 * i + 1] == seq ? i : -1;
    }

    long heapBytes() {
        long b = OBJECT_BYTES + 16 + 8L * ids.length + 16 + 4L * entries.length + 16 + 4L * masterFields.length;
        for (int i = 0; i < count; i++) if (entries[i] != null) b += entryHeapBytes(entries[i]);
        return b;
    }

    static long entryHeapBytes(byte[][] fv) {
        long b = (16 + 4L * fv.length + 7) & ~7L;
        for (byte[] x : fv) b += Memory.byteArray(x.length);
        return b;
    }
}
