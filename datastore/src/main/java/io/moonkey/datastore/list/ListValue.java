package io.moonkey.datastore.list;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.function.Consumer;

/**
 * A list value, laid out as Valkey's quicklist: a ring of {@link ListPack} nodes, each packing
 * elements into one byte array up to the node size list-max-listpack-size sets (the default, -2,
 * is 8 KB; a positive value is a count of elements, within 8 KB). Pushes
 * and pops at both ends are amortised O(1); access by index walks the node counts from the
 * nearer end, then the entries of one node; edits in the middle move bytes within one node and
 * split it when it outgrows the limit. An element larger than a node gets a node of its own.
 *
 * <p>The heap estimate (the nodes' arrays plus the ring) is kept up to date on every change, so
 * {@link #memoryUsage()} is O(1). OBJECT ENCODING says "quicklist" whatever the size, as Redis
 * 7.0 does (the small-list "listpack" encoding arrived in 7.2).
 */
public final class ListValue extends Value implements Elements {
    /** Object header, the access word and this class's fields. */
    private static final int OBJECT_BYTES = 48;
    /** Bytes of entries per node, as list-max-listpack-size -2 (8 KB); also the bound for a count limit. */
    static final int NODE_BYTES = 8192;
    private static final int MIN_RING = 2;

    /** Bytes of entries a node may hold; more only as a single element. */
    private final int nodeLimit;
    /** Elements a node may hold. */
    private final int maxEntries;
    private ListPack[] ring;
    private int first;
    private int nodeCount;
    private int size;
    /** Sum of the nodes' {@link ListPack#memoryUsage()}. */
    private long packBytes;

    public ListValue() {
        this(NODE_BYTES, Integer.MAX_VALUE);
    }

    /** A list whose nodes hold up to {@code nodeLimit} bytes and {@code maxEntries} elements. */
    ListValue(int nodeLimit, int maxEntries) {
        this.nodeLimit = nodeLimit;
        this.maxEntries = maxEntries;
        this.ring = new ListPack[MIN_RING];
    }

    /**
     * An empty list with the node size of list-max-listpack-size {@code fill}: -1 to -5 for 4 to
     * 64 KB (lower values count as -5), a positive count of elements within 8 KB, 0 for one
     * element per node, as Valkey's quicklist fill.
     */
    public static ListValue withFill(long fill) {
        if (fill >= 0) return new ListValue(NODE_BYTES, (int) Math.max(1, Math.min(fill, Integer.MAX_VALUE)));
        int level = (int) Math.min(5, -fill);
        return new ListValue(4096 << (level - 1), Integer.MAX_VALUE);
    }

    /** Whether node {@code p} has no room for one more entry of {@code need} bytes. */
    private boolean full(ListPack p, int need) {
        return p.used() + need > nodeLimit || p.count >= maxEntries;
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public String encoding() {
        return "quicklist";
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + ((16L + 4L * ring.length + 7) & ~7L) + packBytes;
    }

    @Override
    public ListValue duplicate() {
        ListValue d = new ListValue(nodeLimit, maxEntries);
        d.ring = new ListPack[ring.length];
        for (int i = 0; i < nodeCount; i++) d.ring[i] = node(i).copy();
        d.nodeCount = nodeCount;
        d.size = size;
        d.packBytes = packBytes;
        return d;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public long elementCount() {
        return size;
    }

    @Override
    public void forEachElement(Consumer<byte[]> action) {
        for (int n = 0; n < nodeCount; n++) {
            ListPack p = node(n);
            for (int i = 0, off = p.start; i < p.count; i++, off = p.entryAfter(off)) action.accept(p.elementAt(off));
        }
    }

    /** The elements as new arrays, head first. */
    public byte[][] toArray() {
        byte[][] r = new byte[size][];
        int[] at = {0};
        forEachElement(e -> r[at[0]++] = e);
        return r;
    }

    // ---- the ring of nodes ---------------------------------------------------------------------

    /** The node at position {@code n} (0 = head node). */
    ListPack node(int n) {
        return ring[(first + n) & (ring.length - 1)];
    }

    int nodeCount() {
        return nodeCount;
    }

    private void growRing() {
        ListPack[] r = new ListPack[ring.length << 1];
        for (int i = 0; i < nodeCount; i++) r[i] = node(i);
        ring = r;
        first = 0;
    }

    private void shrinkRingIfSparse() {
        int capacity = ring.length;
        while (capacity > MIN_RING && nodeCount <= capacity >> 2) capacity >>= 1;
        if (capacity == ring.length) return;
        ListPack[] r = new ListPack[capacity];
        for (int i = 0; i < nodeCount; i++) r[i] = node(i);
        ring = r;
        first = 0;
    }

    private ListPack addNode(int position, int capacity) {
        if (nodeCount == ring.length) growRing();
        ListPack p = new ListPack(capacity);
        int mask = ring.length - 1;
        if (position == 0) {
            first = (first - 1) & mask;
        } else {
            for (int i = nodeCount; i > position; i--) ring[(first + i) & mask] = ring[(first + i - 1) & mask];
        }
        ring[(first + position) & mask] = p;
        nodeCount++;
        packBytes += p.memoryUsage();
        return p;
    }

    private void removeNode(int position) {
        packBytes -= node(position).memoryUsage();
        int mask = ring.length - 1;
        if (position == 0) {
            ring[first] = null;
            first = (first + 1) & mask;
        } else {
            for (int i = position; i < nodeCount - 1; i++) ring[(first + i) & mask] = ring[(first + i + 1) & mask];
            ring[(first + nodeCount - 1) & mask] = null;
        }
        nodeCount--;
        shrinkRingIfSparse();
    }

    /** Compacts a node that has just stopped being an end node to its exact size. */
    private void seal(ListPack p) {
        long before = p.memoryUsage();
        p.fit(p.used());
        packBytes += p.memoryUsage() - before;
    }

    // ---- ends ----------------------------------------------------------------------------------

    /** Adds a copy of {@code e} before the first element. */
    public void pushHead(byte[] e) {
        int need = ListPack.entrySize(e.length);
        ListPack p = nodeCount == 0 ? null : node(0);
        if (p == null || full(p, need)) {
            if (p != null) seal(p);
            p = addNode(0, need);
        }
        long before = p.memoryUsage();
        p.pushHead(e);
        packBytes += p.memoryUsage() - before;
        size++;
    }

    /** Adds a copy of {@code e} after the last element. */
    public void pushTail(byte[] e) {
        int need = ListPack.entrySize(e.length);
        ListPack p = nodeCount == 0 ? null : node(nodeCount - 1);
        if (p == null || full(p, need)) {
            if (p != null) seal(p);
            p = addNode(nodeCount, need);
        }
        long before = p.memoryUsage();
        p.pushTail(e);
        packBytes += p.memoryUsage() - before;
        size++;
    }

    /** Adds at the head when {@code atHead}, else at the tail. */
    public void push(byte[] e, boolean atHead) {
        if (atHead) pushHead(e);
        else pushTail(e);
    }

    /** Removes the first (or last) element, handing its bytes to {@code sink} first; the list must not be empty. */
    public void pop(boolean fromHead, ElementSink sink) {
        int n = fromHead ? 0 : nodeCount - 1;
        ListPack p = node(n);
        int off = fromHead ? p.start : p.entryBefore(p.end);
        int len = p.lengthAt(off);
        sink.element(p.buf, ListPack.dataOffset(off, len), len);
        dropEnd(n, p, fromHead);
    }

    /** Removes and returns the first (or last) element; the list must not be empty. */
    public byte[] pop(boolean fromHead) {
        int n = fromHead ? 0 : nodeCount - 1;
        ListPack p = node(n);
        byte[] e = p.elementAt(fromHead ? p.start : p.entryBefore(p.end));
        dropEnd(n, p, fromHead);
        return e;
    }

    public byte[] popHead() {
        return pop(true);
    }

    public byte[] popTail() {
        return pop(false);
    }

    private void dropEnd(int n, ListPack p, boolean head) {
        size--;
        if (p.count == 1) {
            removeNode(n);
            return;
        }
        long before = p.memoryUsage();
        if (head) p.dropHead();
        else p.dropTail();
        p.shrinkIfSparse();
        packBytes += p.memoryUsage() - before;
    }

    // ---- by index ------------------------------------------------------------------------------

    /** The node position and the index within it of element {@code index}, packed in a long. */
    private long locate(int index) {
        if (index < size >> 1) {
            for (int n = 0; ; n++) {
                int c = node(n).count;
                if (index < c) return ((long) n << 32) | index;
                index -= c;
            }
        }
        int fromEnd = size - 1 - index;
        for (int n = nodeCount - 1; ; n--) {
            int c = node(n).count;
            if (fromEnd < c) return ((long) n << 32) | (c - 1 - fromEnd);
            fromEnd -= c;
        }
    }

    /** A copy of the element at {@code index} (0 = head), which must be in range. */
    public byte[] get(int index) {
        long at = locate(index);
        ListPack p = node((int) (at >>> 32));
        return p.elementAt(p.offsetOf((int) at));
    }

    /** A cursor on the element at {@code index} (in range), to walk from there in either direction. */
    public ListCursor cursor(int index) {
        long at = locate(index);
        int n = (int) (at >>> 32);
        return new ListCursor(this, n, node(n).offsetOf((int) at));
    }

    /** Replaces the element at {@code index} (in range) with a copy of {@code e}. */
    public void set(int index, byte[] e) {
        long at = locate(index);
        int n = (int) (at >>> 32);
        ListPack p = node(n);
        long before = p.memoryUsage();
        p.set((int) at, e);
        packBytes += p.memoryUsage() - before;
        splitIfOversized(n);
    }

    /** Inserts a copy of {@code e} so that it becomes element {@code index} (0..size). */
    public void insert(int index, byte[] e) {
        if (index == 0) {
            pushHead(e);
            return;
        }
        if (index == size) {
            pushTail(e);
            return;
        }
        long at = locate(index);
        int n = (int) (at >>> 32);
        ListPack p = node(n);
        long before = p.memoryUsage();
        p.insert((int) at, e);
        packBytes += p.memoryUsage() - before;
        size++;
        splitIfOversized(n);
    }

    /** Splits node {@code n} in two when it holds more than a node's worth in several entries. */
    private void splitIfOversized(int n) {
        ListPack p = node(n);
        if ((p.used() <= nodeLimit && p.count <= maxEntries) || p.count < 2) return;
        long before = p.memoryUsage();
        ListPack tail = p.splitAt(p.count >> 1);
        p.fit(p.used());
        packBytes += p.memoryUsage() - before;
        if (nodeCount == ring.length) growRing();
        int mask = ring.length - 1;
        for (int i = nodeCount; i > n + 1; i--) ring[(first + i) & mask] = ring[(first + i - 1) & mask];
        ring[(first + n + 1) & mask] = tail;
        nodeCount++;
        packBytes += tail.memoryUsage();
    }

    /** Index of the first element equal to {@code e}, or -1. */
    public int indexOf(byte[] e) {
        int base = 0;
        for (int n = 0; n < nodeCount; n++) {
            ListPack p = node(n);
            for (int i = 0, off = p.start; i < p.count; i++, off = p.entryAfter(off)) {
                if (p.matches(off, e)) return base + i;
            }
            base += p.count;
        }
        return -1;
    }

    /**
     * Removes elements equal to {@code e}: the first {@code count} from the head when positive,
     * the last {@code -count} from the tail when negative, all when 0. Returns how many went.
     */
    public int removeMatching(byte[] e, long count) {
        long remaining = count == 0 ? Long.MAX_VALUE : Math.abs(count);
        int removed = 0;
        for (int i = 0; i < nodeCount && remaining > 0; i++) {
            int n = count >= 0 ? i : nodeCount - 1 - i;
            ListPack p = node(n);
            long before = p.memoryUsage();
            int r;
            if (count >= 0) {
                r = p.removeMatching(e, 0, remaining);
            } else {
                int matches = p.countMatching(e);
                int take = (int) Math.min(matches, remaining);
                r = take == 0 ? 0 : p.removeMatching(e, matches - take, take);
            }
            if (r > 0) p.shrinkIfSparse();
            packBytes += p.memoryUsage() - before;
            removed += r;
            remaining -= r;
        }
        size -= removed;
        for (int n = nodeCount - 1; n >= 0; n--) {
            if (node(n).count == 0) removeNode(n);
        }
        return removed;
    }

    /** Keeps only the elements from {@code start} to {@code stop} inclusive (in range, start <= stop + 1). */
    public void trim(int start, int stop) {
        int dropTail = size - 1 - stop;
        int dropHead = start;
        while (dropHead > 0) {
            ListPack p = node(0);
            if (p.count <= dropHead) {
                dropHead -= p.count;
                size -= p.count;
                removeNode(0);
            } else {
                long before = p.memoryUsage();
                p.keep(dropHead, p.count);
                p.shrinkIfSparse();
                packBytes += p.memoryUsage() - before;
                size -= dropHead;
                dropHead = 0;
            }
        }
        while (dropTail > 0) {
            ListPack p = node(nodeCount - 1);
            if (p.count <= dropTail) {
                dropTail -= p.count;
                size -= p.count;
                removeNode(nodeCount - 1);
            } else {
                long before = p.memoryUsage();
                p.keep(0, p.count - dropTail);
                p.shrinkIfSparse();
                packBytes += p.memoryUsage() - before;
                size -= dropTail;
                dropTail = 0;
            }
        }
    }

    /** The heap estimate recomputed from the nodes (tests check it equals the running total). */
    long recomputedUsage() {
        long packs = 0;
        for (int n = 0; n < nodeCount; n++) packs += node(n).memoryUsage();
        return OBJECT_BYTES + ((16L + 4L * ring.length + 7) & ~7L) + packs;
    }

    /** Removes every element. */
    public void clear() {
        ring = new ListPack[MIN_RING];
        first = 0;
        nodeCount = 0;
        size = 0;
        packBytes = 0;
    }
}
