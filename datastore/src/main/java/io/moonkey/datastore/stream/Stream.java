package io.moonkey.datastore.stream;

import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import it.unimi.dsi.fastutil.objects.Object2ObjectAVLTreeMap;
import java.util.Arrays;
import java.util.Collection;

/**
 * A stream: entries in ID order, kept in {@link StreamNode}s that split where Valkey's listpack
 * nodes split (so approximate trimming removes the same entries), found by binary search over
 * the nodes' first IDs and then within the node; plus the bookkeeping IDs XINFO reports and the
 * consumer groups in name order. The memory estimate is kept incrementally.
 */
public final class Stream extends Value {
    /** Valkey caps a listpack at 1 GB whatever stream-node-max-bytes says. */
    private static final long LISTPACK_MAX_SIZE = 1L << 30;
    private static final long OBJECT_BYTES = 96;

    /** Live nodes are nodes[head .. head+nodeCount). */
    private StreamNode[] nodes = new StreamNode[4];
    private int head, nodeCount;
    private long length;
    private long entriesAdded;
    private long lastMs, lastSeq;
    private long firstMs, firstSeq;
    private long maxDeletedMs, maxDeletedSeq;
    private Object2ObjectAVLTreeMap<byte[], ConsumerGroup> groups;
    private long bytes = OBJECT_BYTES + 16 + 4 * 4;

    @Override
    public ValueType type() {
        return ValueType.STREAM;
    }

    @Override
    public String encoding() {
        return "stream";
    }

    @Override
    public long memoryUsage() {
        return bytes;
    }

    /** Adds {@code delta} heap bytes to the estimate (groups report their changes here). */
    void account(long delta) {
        bytes += delta;
    }

    @Override
    public Stream duplicate() {
        Stream s = new Stream();
        s.nodes = new StreamNode[Math.max(4, nodeCount)];
        for (int i = 0; i < nodeCount; i++) s.nodes[i] = nodes[head + i].copy();
        s.nodeCount = nodeCount;
        s.length = length;
        s.entriesAdded = entriesAdded;
        s.lastMs = lastMs;
        s.lastSeq = lastSeq;
        s.firstMs = firstMs;
        s.firstSeq = firstSeq;
        s.maxDeletedMs = maxDeletedMs;
        s.maxDeletedSeq = maxDeletedSeq;
        s.bytes = bytes + 4L * (s.nodes.length - nodes.length);
        if (groups != null) {
            s.groups = newGroupMap();
            for (ConsumerGroup g : groups.values()) s.groups.put(g.name, g.copy(s));
        }
        return s;
    }

    private static Object2ObjectAVLTreeMap<byte[], ConsumerGroup> newGroupMap() {
        return new Object2ObjectAVLTreeMap<>(Arrays::compareUnsigned);
    }

    // ---- bookkeeping -----------------------------------------------------------------------------

    /** Number of entries (tombstones excluded). */
    public long length() {
        return length;
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    public long lastMs() {
        return lastMs;
    }

    public long lastSeq() {
        return lastSeq;
    }

    /** recorded-first-entry-id: the first entry's ID as last recorded (0-0 when empty). */
    public long firstMs() {
        return firstMs;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long maxDeletedMs() {
        return maxDeletedMs;
    }

    public long maxDeletedSeq() {
        return maxDeletedSeq;
    }

    /** XSETID: the last ID, and optionally the entries-added counter and the max deleted ID. */
    public void setLastId(long ms, long seq) {
        lastMs = ms;
        lastSeq = seq;
    }

    public void setEntriesAdded(long n) {
        entriesAdded = n;
    }

    public void setMaxDeletedId(long ms, long seq) {
        maxDeletedMs = ms;
        maxDeletedSeq = seq;
    }

    /** Number of nodes (XINFO's radix-tree-keys). */
    public int nodeCount() {
        return nodeCount;
    }

    // ---- adding --------------------------------------------------------------------------------

    /**
     * Appends an entry whose ID the caller checked to be above {@link #lastMs()}-{@link #lastSeq()}.
     * A new node starts when the last one would reach {@code nodeMaxBytes} of listpack or already
     * holds {@code nodeMaxEntries} entries (tombstones included; 0 = no limit), as Valkey's
     * streamAppendItem decides. The fields and values are argv[from, to), alternating (copied).
     */
    public void append(long ms, long seq, byte[][] argv, int from, int to, long nodeMaxBytes, long nodeMaxEntries) {
        StreamNode last = nodeCount == 0 ? null : nodes[head + nodeCount - 1];
        if (last != null) {
            long maxBytes = nodeMaxBytes <= 0 || nodeMaxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : nodeMaxBytes;
            long total = 0;
            for (int k = from; k < to; k++) total += argv[k].length;
            if (last.listpackBytes() + total >= maxBytes || (nodeMaxEntries > 0 && last.count >= nodeMaxEntries)) last = null;
        }
        if (last == null) {
            last = new StreamNode(ms, seq, argv, from, to);
            bytes += last.heapBytes();
            addNode(last);
        }
        bytes += last.append(ms, seq, argv, from, to);
        length++;
        entriesAdded++;
        lastMs = ms;
        lastSeq = seq;
        if (length == 1) {
            firstMs = ms;
            firstSeq = seq;
        }
    }

    private void addNode(StreamNode n) {
        if (head + nodeCount == nodes.length) {
            if (head > nodes.length / 2) {
                System.arraycopy(nodes, head, nodes, 0, nodeCount);
                Arrays.fill(nodes, nodeCount, nodes.length, null);
            } else {
                int cap = nodes.length * 2;
                StreamNode[] a = new StreamNode[cap];
                System.arraycopy(nodes, head, a, 0, nodeCount);
                bytes += 4L * (cap - nodes.length);
                nodes = a;
            }
            head = 0;
        }
        nodes[head + nodeCount++] = n;
    }

    private void removeNode(int index) {
        bytes -= nodes[index].heapBytes();
        if (index == head) {
            nodes[head++] = null;
            nodeCount--;
        } else {
            int end = head + nodeCount;
            System.arraycopy(nodes, index + 1, nodes, index, end - index - 1);
            nodes[end - 1] = null;
            nodeCount--;
        }
        if (nodeCount == 0) head = 0;
    }

    // ---- lookup ---------------------------------------------------------------------------------

    /** Absolute index of the node that would hold (ms, seq): the last one whose master ID is <= it (or the first node). */
    int nodeFor(long ms, long seq) {
        int lo = head, hi = head + nodeCount - 1, found = head;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (StreamId.compare(nodes[mid].masterMs, nodes[mid].masterSeq, ms, seq) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    StreamNode node(int absoluteIndex) {
        return nodes[absoluteIndex];
    }

    int firstNode() {
        return head;
    }

    int endNode() {
        return head + nodeCount;
    }

    /** Reads entry (ms, seq) into {@code into}; false if there is no such (live) entry. */
    public boolean read(long ms, long seq, StreamEntry into) {
        if (nodeCount == 0) return false;
        StreamNode n = nodes[nodeFor(ms, seq)];
        int i = n.indexOf(ms, seq);
        if (i < 0 || n.isDeleted(i)) return false;
        n.read(i, into);
        return true;
    }

    /** Copies of the fields and values of entry (ms, seq), or null if there is no such (live) entry. */
    public byte[][] entry(long ms, long seq) {
        StreamEntry e = new StreamEntry();
        return read(ms, seq, e) ? e.toArrays() : null;
    }

    public boolean contains(long ms, long seq) {
        if (nodeCount == 0) return false;
        StreamNode n = nodes[nodeFor(ms, seq)];
        int i = n.indexOf(ms, seq);
        return i >= 0 && !n.isDeleted(i);
    }

    /** Live entries with IDs in [start, end], forward or backward. */
    public StreamCursor range(long startMs, long startSeq, long endMs, long endSeq, boolean reverse) {
        return new StreamCursor(this, startMs, startSeq, endMs, endSeq, reverse);
    }

    /** Every live entry, in order. */
    public StreamCursor all() {
        return range(0, 0, -1L, -1L, false);
    }

    /** The last live entry's ID into {@code out} (ms, seq); false if the stream is empty. */
    public boolean lastLiveId(long[] out) {
        StreamCursor c = range(0, 0, -1L, -1L, true);
        if (!c.next()) return false;
        out[0] = c.ms();
        out[1] = c.seq();
        return true;
    }

    /** The first stored ID, a tombstone's included (the maximum ID when there is no node). */
    public StreamId firstStoredId() {
        if (nodeCount == 0) return StreamId.MAX;
        StreamNode n = nodes[head];
        return new StreamId(n.ms(0), n.seq(0));
    }

    // ---- deleting -------------------------------------------------------------------------------

    /**
     * Deletes entry (ms, seq) as XDEL: false if there is no such entry. Tracks the max deleted
     * ID and the recorded first ID; a node left without live entries goes.
     */
    public boolean delete(long ms, long seq) {
        if (nodeCount == 0) return false;
        int ni = nodeFor(ms, seq);
        StreamNode n = nodes[ni];
        int i = n.indexOf(ms, seq);
        if (i < 0 || n.isDeleted(i)) return false;
        n.delete(i);
        length--;
        if (n.live == 0) removeNode(ni);
        if (StreamId.compare(ms, seq, maxDeletedMs, maxDeletedSeq) > 0) {
            maxDeletedMs = ms;
            maxDeletedSeq = seq;
        }
        if (length == 0) {
            firstMs = 0;
            firstSeq = 0;
        } else if (ms == firstMs && seq == firstSeq) {
            refreshFirstId();
        }
        return true;
    }

    private void refreshFirstId() {
        StreamCursor c = all();
        if (c.next()) {
            firstMs = c.ms();
            firstSeq = c.seq();
        } else {
            firstMs = -1L; // Valkey records the maximum ID when no live entry is left
            firstSeq = -1L;
        }
    }

    /** Trims to at most {@code maxLen} entries (XTRIM/XADD MAXLEN); returns how many went. */
    public long trimToLength(long maxLen, boolean approx, long limit) {
        return trim(true, maxLen, 0, 0, approx, limit);
    }

    /** Trims the entries with IDs below (ms, seq) (MINID); returns how many went. */
    public long trimBelow(long ms, long seq, boolean approx, long limit) {
        return trim(false, 0, ms, seq, approx, limit);
    }

    /**
     * Valkey's streamTrim: whole nodes go from the front while they may; then, unless
     * approximate, entries inside the next node are marked deleted. {@code limit} (0 = none)
     * caps the entries removed by whole nodes.
     */
    private long trim(boolean byLength, long maxLen, long minMs, long minSeq, boolean approx, long limit) {
        long deleted = 0;
        while (nodeCount > 0) {
            if (byLength && length <= maxLen) break;
            StreamNode n = nodes[head];
            long entries = n.live;
            if (limit != 0 && deleted + entries > limit) break;
            boolean removeNode = byLength
                    ? length - entries >= maxLen
                    : StreamId.compare(n.ms(n.count - 1), n.seq(n.count - 1), minMs, minSeq) < 0;
            if (removeNode) {
                removeNode(head);
                length -= entries;
                deleted += entries;
                continue;
            }
            if (approx) break;
            for (int i = 0; i < n.count; i++) {
                boolean stop = byLength ? length <= maxLen : StreamId.compare(n.ms(i), n.seq(i), minMs, minSeq) >= 0;
                if (stop) break;
                if (!n.isDeleted(i)) {
                    n.delete(i);
                    length--;
                    deleted++;
                }
            }
            break;
        }
        if (length == 0) {
            firstMs = 0;
            firstSeq = 0;
        } else {
            refreshFirstId();
        }
        return deleted;
    }

    // ---- radix tree shape -----------------------------------------------------------------------

    /**
     * XINFO's radix-tree-nodes: the node count of Valkey's radix tree holding the nodes' master
     * IDs as 16-byte big-endian keys (a compressed trie: a tree node at the root, at each key, at
     * each branching point and at each child of one).
     */
    public long radixTreeNodes() {
        int n = nodeCount;
        if (n == 0) return 1;
        byte[][] keys = new byte[n][];
        for (int i = 0; i < n; i++) {
            StreamNode sn = nodes[head + i];
            byte[] k = new byte[16];
            for (int b = 0; b < 8; b++) {
                k[b] = (byte) (sn.masterMs >>> (56 - 8 * b));
                k[8 + b] = (byte) (sn.masterSeq >>> (56 - 8 * b));
            }
            keys[i] = k;
        }
        return 1 + nodesBelow(keys, 0, n, 0);
    }

    /** Tree nodes strictly below the one at depth {@code d} holding keys[lo..hi) (sorted). */
    private static long nodesBelow(byte[][] keys, int lo, int hi, int d) {
        if (d == 16) return 0;
        int common = commonPrefix(keys[lo], keys[hi - 1]);
        if (common > d) return 1 + nodesBelow(keys, lo, hi, common);
        long total = 0;
        int i = lo;
        while (i < hi) {
            int j = i + 1;
            while (j < hi && keys[j][d] == keys[i][d]) j++;
            total += 1 + nodesBelow(keys, i, j, d + 1);
            i = j;
        }
        return total;
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int i = 0;
        while (i < 16 && a[i] == b[i]) i++;
        return i;
    }

    /** The heap estimate computed from scratch (what {@link #memoryUsage()} keeps incrementally). */
    long recomputedMemoryUsage() {
        long b = OBJECT_BYTES + 16 + 4L * nodes.length;
        for (int i = 0; i < nodeCount; i++) b += nodes[head + i].heapBytes();
        for (ConsumerGroup g : groups()) b += g.heapBytes();
        return b;
    }

    // ---- consumer groups ------------------------------------------------------------------------

    public ConsumerGroup group(byte[] name) {
        return groups == null ? null : groups.get(name);
    }

    public int groupCount() {
        return groups == null ? 0 : groups.size();
    }

    /** The groups in name order. */
    public Collection<ConsumerGroup> groups() {
        return groups == null ? java.util.List.of() : groups.values();
    }

    /** Creates a group; null if the name is taken. */
    public ConsumerGroup createGroup(byte[] name, long lastMs, long lastSeq, long entriesRead) {
        if (groups == null) groups = newGroupMap();
        if (groups.containsKey(name)) return null;
        ConsumerGroup g = new ConsumerGroup(this, name, lastMs, lastSeq, entriesRead);
        groups.put(name, g);
        bytes += g.heapBytes();
        return g;
    }

    public boolean destroyGroup(byte[] name) {
        ConsumerGroup g = groups == null ? null : groups.remove(name);
        if (g == null) return false;
        bytes -= g.heapBytes();
        return true;
    }

    // ---- lag ------------------------------------------------------------------------------------

    /** Whether a deleted entry may lie at or after (ms, seq) (Valkey's streamRangeHasTombstones with no end). */
    public boolean hasTombstonesFrom(long ms, long seq) {
        if (length == 0 || (maxDeletedMs == 0 && maxDeletedSeq == 0)) return false;
        if (StreamId.compare(firstMs, firstSeq, maxDeletedMs, maxDeletedSeq) > 0) return false;
        return StreamId.compare(ms, seq, maxDeletedMs, maxDeletedSeq) <= 0;
    }

    /**
     * The logical read counter of ID (ms, seq): its distance from the first entry ever added, when
     * it can be known; else {@link ConsumerGroup#UNKNOWN_ENTRIES_READ}.
     */
    public long estimateEntriesRead(long ms, long seq) {
        if (entriesAdded == 0) return 0;
        if (length == 0 && StreamId.compare(ms, seq, lastMs, lastSeq) < 1) return entriesAdded;
        int cmpLast = StreamId.compare(ms, seq, lastMs, lastSeq);
        if (cmpLast == 0) return entriesAdded;
        if (cmpLast > 0) return ConsumerGroup.UNKNOWN_ENTRIES_READ;
        int cmpFirst = StreamId.compare(ms, seq, firstMs, firstSeq);
        boolean noTombstones = (maxDeletedMs == 0 && maxDeletedSeq == 0)
                || StreamId.compare(maxDeletedMs, maxDeletedSeq, firstMs, firstSeq) < 0;
        if (noTombstones) {
            if (cmpFirst < 0) return entriesAdded - length;
            if (cmpFirst == 0) return entriesAdded - length + 1;
        }
        return ConsumerGroup.UNKNOWN_ENTRIES_READ;
    }

    /** A group's lag (entries not yet delivered), or {@link Long#MIN_VALUE} when it cannot be known. */
    public long lag(ConsumerGroup g) {
        if (entriesAdded == 0) return 0;
        if (g.entriesRead != ConsumerGroup.UNKNOWN_ENTRIES_READ && !hasTombstonesFrom(g.lastMs, g.lastSeq)) {
            return entriesAdded - g.entriesRead;
        }
        long read = estimateEntriesRead(g.lastMs, g.lastSeq);
        return read == ConsumerGroup.UNKNOWN_ENTRIES_READ ? Long.MIN_VALUE : entriesAdded - read;
    }

    /**
     * Records that entry (ms, seq) was delivered to group {@code g} past its last ID: moves the
     * group's position and keeps its read counter, as Valkey's streamReplyWithRange does.
     */
    public void advanceGroup(ConsumerGroup g, long ms, long seq) {
        if (StreamId.compare(ms, seq, g.lastMs, g.lastSeq) <= 0) return;
        if (g.entriesRead != ConsumerGroup.UNKNOWN_ENTRIES_READ && !hasTombstonesFrom(ms, seq)) {
            g.entriesRead++;
        } else if (entriesAdded != 0) {
            g.entriesRead = estimateEntriesRead(ms, seq);
        }
        g.lastMs = ms;
        g.lastSeq = seq;
    }
}
