package io.moonkey.datastore.stream;

import io.moonkey.datastore.Memory;
import java.util.Arrays;

/**
 * A run of consecutive stream entries, the unit Valkey keeps in one listpack under one radix-tree
 * key (the ID of the node's first entry, its "master" ID). IDs are kept in a long array; fields
 * and values are packed in one byte buffer, each entry a header (field count, and whether its
 * fields are the master entry's, which are then not repeated) and length-prefixed strings. A
 * deleted entry stays as a tombstone until the whole node goes, as in Valkey, whose node sizes
 * and trimming count tombstones.
 */
final class StreamNode {
    private static final int INITIAL_CAPACITY = 4;
    /** Object header and fields. */
    private static final long OBJECT_BYTES = 64;

    final long masterMs, masterSeq;
    /** The field names of the master entry (the node's first). */
    private final byte[][] masterFields;
    private final int masterBytes;
    /** ms and seq of entry i at 2i and 2i+1. */
    private long[] ids;
    /** Where entry i starts in {@link #data}; starts[count] is the end of the last. */
    private int[] starts;
    private boolean[] deleted;
    private byte[] data;
    /** Entries stored, tombstones included. */
    int count;
    /** Entries not deleted. */
    int live;
    /** Emulated listpack bytes of the entries (the master entry and header excluded). */
    private long entryBytes;

    StreamNode(long ms, long seq, byte[][] argv, int from, int to) {
        masterMs = ms;
        masterSeq = seq;
        int n = (to - from) / 2;
        masterFields = new byte[n][];
        int b = ListpackSize.ofInteger(n) + ListpackSize.ofInteger(0);
        for (int i = 0; i < n; i++) {
            masterFields[i] = argv[from + 2 * i].clone();
            b += ListpackSize.ofString(masterFields[i]);
        }
        masterBytes = b;
        ids = new long[2 * INITIAL_CAPACITY];
        starts = new int[INITIAL_CAPACITY + 1];
        deleted = new boolean[INITIAL_CAPACITY];
        data = new byte[64];
    }

    private StreamNode(StreamNode o) {
        masterMs = o.masterMs;
        masterSeq = o.masterSeq;
        masterFields = o.masterFields; // never changed after construction
        masterBytes = o.masterBytes;
        ids = o.ids.clone();
        starts = o.starts.clone();
        deleted = o.deleted.clone();
        data = o.data.clone();
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
        return deleted[i];
    }

    /** Valkey's lpBytes of this node's listpack. */
    long listpackBytes() {
        return ListpackSize.EMPTY + ListpackSize.ofInteger(live) + ListpackSize.ofInteger(count - live) + masterBytes + entryBytes;
    }

    private boolean sameFields(byte[][] argv, int from, int to) {
        int n = (to - from) / 2;
        if (n != masterFields.length) return false;
        for (int i = 0; i < n; i++) if (!Arrays.equals(argv[from + 2 * i], masterFields[i])) return false;
        return true;
    }

    /** Appends an entry (its ID above every stored one) from argv[from, to); returns the heap bytes added. */
    long append(long ms, long seq, byte[][] argv, int from, int to) {
        long before = heapBytes();
        if (count == deleted.length) {
            int cap = count * 2;
            ids = Arrays.copyOf(ids, 2 * cap);
            starts = Arrays.copyOf(starts, cap + 1);
            deleted = Arrays.copyOf(deleted, cap);
        }
        boolean same = sameFields(argv, from, to);
        int n = (to - from) / 2;
        int need = varintSize(2 * n + 1);
        for (int k = from + (same ? 1 : 0); k < to; k += same ? 2 : 1) need += varintSize(argv[k].length) + argv[k].length;
        int at = starts[count];
        if (at + need > data.length) data = Arrays.copyOf(data, Math.max(at + need, data.length + (data.length >> 1)));
        at = putVarint(2 * n + (same ? 1 : 0), at);
        for (int k = from + (same ? 1 : 0); k < to; k += same ? 2 : 1) {
            byte[] s = argv[k];
            at = putVarint(s.length, at);
            System.arraycopy(s, 0, data, at, s.length);
            at += s.length;
        }
        ids[2 * count] = ms;
        ids[2 * count + 1] = seq;
        count++;
        starts[count] = at;
        live++;
        entryBytes += encodedBytes(ms, seq, argv, from, to, same);
        return heapBytes() - before;
    }

    /** Listpack bytes of one entry: flags, ID deltas, the fields unless same as the master's, the values, lp-count. */
    private long encodedBytes(long ms, long seq, byte[][] argv, int from, int to, boolean same) {
        int n = (to - from) / 2;
        long b = ListpackSize.ofInteger(same ? 2 : 0) + ListpackSize.ofInteger(ms - masterMs) + ListpackSize.ofInteger(seq - masterSeq);
        long lpCount = n + 3;
        if (!same) {
            b += ListpackSize.ofInteger(n);
            for (int i = 0; i < n; i++) b += ListpackSize.ofString(argv[from + 2 * i]);
            lpCount += n + 1;
        }
        for (int i = 0; i < n; i++) b += ListpackSize.ofString(argv[from + 2 * i + 1]);
        return b + ListpackSize.ofInteger(lpCount);
    }

    /** Decodes entry i into {@code e}. */
    void read(int i, StreamEntry e) {
        int at = starts[i];
        long h = 0;
        int shift = 0;
        int b;
        do { // the header varint
            b = data[at++];
            h |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        int n = (int) (h >>> 1);
        boolean same = (h & 1) != 0;
        e.reset(ids[2 * i], ids[2 * i + 1], 2 * n);
        for (int k = 0; k < 2 * n; k++) {
            if (same && (k & 1) == 0) {
                byte[] f = masterFields[k >> 1];
                e.set(k, f, 0, f.length);
                continue;
            }
            int len = 0;
            shift = 0;
            do {
                b = data[at++];
                len |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            e.set(k, data, at, len);
            at += len;
        }
    }

    /** Marks entry i deleted (its bytes stay until the node goes, as in a listpack). */
    void delete(int i) {
        deleted[i] = true;
        live--;
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
        long b = OBJECT_BYTES + 16 + 8L * ids.length + ((16 + 4L * starts.length + 7) & ~7L) + Memory.byteArray(deleted.length)
                + Memory.byteArray(data.length) + ((16 + 4L * masterFields.length + 7) & ~7L);
        for (byte[] f : masterFields) b += Memory.byteArray(f.length);
        return b;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) n++;
        return n;
    }

    private int putVarint(int v, int at) {
        while ((v & ~0x7f) != 0) {
            data[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        data[at++] = (byte) v;
        return at;
    }
}
