package io.moonkey.datastore.list;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.function.Consumer;

/**
 * A list value in one of Valkey's two encodings. A small list is a "listpack": one
 * {@link ListPack} node holding every element. A larger one is a "quicklist": a ring of nodes,
 * each packing elements up to the node size list-max-listpack-size sets (-1 to -5: 4 to 64 KB
 * of listpack bytes; a positive value: that many elements within 8 KB), with an element too
 * large for a node in a plain node of its own. Pushes and pops at both ends are amortised O(1);
 * access by index walks the node counts from the nearer end, then the entries of one node.
 *
 * <p>The commands decide the conversions, as Valkey's t_list.c: {@link #growFor} before adding
 * (listpack to quicklist once the listpack would pass the limit), {@link #shrinkIfSmall} after
 * removing (a quicklist of one node within half the limits back to listpack) and
 * {@link #packIfSmall} for a list built whole (SORT STORE). Node sizes are counted in Valkey's
 * listpack bytes ({@link ListPack#lpBytes}) and nodes are filled, split and merged by Valkey's
 * quicklist rules, so that where one list converts, the other does too.
 *
 * <p>The heap estimate (the nodes' arrays plus the ring) is kept up to date on every change, so
 * {@link #memoryUsage()} is O(1); a conversion moves no bytes and so changes no estimate.
 */
public final class ListValue extends Value implements Elements {
    /** Object header, the access word and this class's fields. */
    private static final int OBJECT_BYTES = 48;
    /** Valkey's SIZE_SAFETY_LIMIT: the byte bound of a node when the fill counts elements. */
    static final int SAFETY_BYTES = 8192;
    /** Valkey's SIZE_ESTIMATE_OVERHEAD: what a push is assumed to add to a node beyond the element. */
    private static final int INSERT_OVERHEAD = 8;
    /** The largest element count per node a quicklist takes (Valkey's FILL_MAX). */
    private static final int FILL_MAX = (1 << 15) - 1;
    private static final int MIN_RING = 2;

    /** A limit that does not apply (the other one does). */
    private static final int NONE = Integer.MAX_VALUE;

    /**
     * Listpack bytes a quicklist node may hold, {@link #NONE} when the fill counts elements, or
     * 0 while the list is in the listpack encoding (one node, no limits): one field for both
     * keeps the object at 48 bytes.
     */
    private int nodeBytes;
    /** Elements a quicklist node may hold, or {@link #NONE} when the fill counts bytes. */
    private int nodeCountLimit;
    private ListPack[] ring;
    private int first;
    private int nodeCount;
    private int size;
    /** Sum of the nodes' {@link ListPack#memoryUsage()}. */
    private long packBytes;

    /** An empty list in the listpack encoding: how every command creates a list. */
    public ListValue() {
        this.ring = new ListPack[MIN_RING];
    }

    /** An empty quicklist whose nodes hold up to {@code nodeBytes} listpack bytes and {@code maxEntries} elements (tests). */
    ListValue(long nodeBytes, long maxEntries) {
        this.ring = new ListPack[MIN_RING];
        this.nodeBytes = (int) Math.min(NONE, nodeBytes);
        this.nodeCountLimit = (int) Math.min(NONE, maxEntries);
    }

    /** An empty list in the quicklist encoding with the nodes of list-max-listpack-size {@code fill} (SORT STORE builds one). */
    public static ListValue quicklist(long fill) {
        return new ListValue().quicklistLimits(fill);
    }

    /** Sets the node limits of a quicklist from {@code fill}, clamped as Valkey's quicklistSetFill. */
    private ListValue quicklistLimits(long fill) {
        fill = Math.max(-5, Math.min(FILL_MAX, fill));
        nodeBytes = (int) Math.min(NONE, byteLimit(fill));
        nodeCountLimit = (int) Math.min(NONE, countLimit(fill));
        return this;
    }

    /** quicklistNodeLimit's size: 4096 << (level - 1) bytes for -1..-5 (lower counts as -5); none for a count. */
    private static long byteLimit(long fill) {
        return fill >= 0 ? Long.MAX_VALUE : 4096L << (Math.min(5, -fill) - 1);
    }

    /** quicklistNodeLimit's count: the fill itself (0 counts as 1); none for a byte limit. */
    private static long countLimit(long fill) {
        return fill >= 0 ? Math.max(1, fill) : Long.MAX_VALUE;
    }

    /** quicklistNodeExceedsLimit: a node of {@code bytes} listpack bytes and {@code count} elements is over the limits. */
    private static boolean exceeds(long byteLimit, long countLimit, long bytes, long count) {
        if (byteLimit < NONE) return bytes > byteLimit;
        return bytes > SAFETY_BYTES || count > countLimit;
    }

    /** isLargeElement: an element of {@code len} bytes gets a plain node of its own. */
    private boolean large(int len) {
        return nodeBytes != NONE ? len > nodeBytes : len > SAFETY_BYTES;
    }

    /** _quicklistNodeAllowInsert: node {@code p} takes one more element of {@code len} bytes. */
    private boolean allowsInsert(ListPack p, int len) {
        return !p.plain && !large(len) && !exceeds(nodeBytes, nodeCountLimit, (long) p.lpBytes + len + INSERT_OVERHEAD, p.count + 1L);
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public String encoding() {
        return nodeBytes == 0 ? "listpack" : "quicklist";
    }

    public boolean isListPack() {
        return nodeBytes == 0;
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + ((16L + 4L * ring.length + 7) & ~7L) + packBytes;
    }

    @Override
    public ListValue duplicate() {
        ListValue d = new ListValue(nodeBytes, nodeCountLimit);
        d.ring = new ListPack[ring.length];
        for (int i = 0; i < nodeCount; i++) d.ring[i] = node(i).copy();
        d.nodeCount = nodeCount;
        d.size = size;
        d.packBytes = packBytes;
        return d;
    }

    // ---- encoding conversions (t_list.c's listTypeTryConversion) --------------------------------

    /** The listpack bytes of the whole list when it is a listpack. */
    private long listpackBytes() {
        return nodeCount == 0 ? ListpackBytes.EMPTY : node(0).lpBytes;
    }

    /**
     * Before adding {@code addCount} elements of {@code addBytes} bytes in all: a listpack that
     * would then pass list-max-listpack-size {@code fill} becomes a quicklist (its one node kept
     * whole). Valkey counts the elements' raw lengths here, not their listpack entries.
     */
    public void growFor(long fill, long addBytes, long addCount) {
        if (nodeBytes != 0 || !exceeds(byteLimit(fill), countLimit(fill), listpackBytes() + addBytes, size + addCount)) return;
        quicklistLimits(fill);
    }

    /**
     * After removing elements: a quicklist left with one packed node of at most half the limits
     * of {@code fill} becomes a listpack again (half, so that a list near the limit does not
     * convert back and forth on every push and pop).
     */
    public void shrinkIfSmall(long fill) {
        packIf(fill, 2);
    }

    /** For a list built whole: a quicklist of one packed node within the limits of {@code fill} becomes a listpack. */
    public void packIfSmall(long fill) {
        packIf(fill, 1);
    }

    private void packIf(long fill, int divisor) {
        if (nodeBytes == 0 || nodeCount != 1 || node(0).plain) return;
        long bytes = byteLimit(fill), count = countLimit(fill);
        if (bytes != Long.MAX_VALUE) bytes /= divisor;
        if (count != Long.MAX_VALUE) count /= divisor;
        if (node(0).lpBytes > bytes || size > count) return;
        nodeBytes = 0;
        nodeCountLimit = 0;
    }

    /** Whether an element is stored as an integer (Valkey then pops it as a number, which LMOVE's conversion check counts as 0 bytes). */
    public static boolean storedAsInteger(byte[] e) {
        return ListpackBytes.isInteger(e);
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
        return placeNode(position, new ListPack(capacity));
    }

    /** Puts {@code p} into the ring at {@code position}, moving the nodes from there one place on. */
    private ListPack placeNode(int position, ListPack p) {
        if (nodeCount == ring.length) growRing();
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

    /** Adds a copy of {@code e} before the first element (quicklistPushHead in a quicklist). */
    public void pushHead(byte[] e) {
        ListPack p = nodeCount == 0 ? null : node(0);
        if (nodeBytes == 0) {
            if (p == null) p = addNode(0, ListPack.entrySize(e.length));
        } else if (large(e.length)) {
            if (p != null) seal(p);
            placeNode(0, ListPack.plain(e));
            size++;
            return;
        } else if (p == null || !allowsInsert(p, e.length)) {
            if (p != null) seal(p);
            p = addNode(0, ListPack.entrySize(e.length));
        }
        long before = p.memoryUsage();
        p.pushHead(e);
        packBytes += p.memoryUsage() - before;
        size++;
    }

    /** Adds a copy of {@code e} after the last element (quicklistPushTail in a quicklist). */
    public void pushTail(byte[] e) {
        ListPack p = nodeCount == 0 ? null : node(nodeCount - 1);
        if (nodeBytes == 0) {
            if (p == null) p = addNode(0, ListPack.entrySize(e.length));
        } else if (large(e.length)) {
            if (p != null) seal(p);
            placeNode(nodeCount, ListPack.plain(e));
            size++;
            return;
        } else if (p == null || !allowsInsert(p, e.length)) {
            if (p != null) seal(p);
            p = addNode(nodeCount, ListPack.entrySize(e.length));
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

    /** Runs {@code change} on node {@code p} and accounts for its new size. */
    private void edit(ListPack p, Runnable change) {
        long before = p.memoryUsage();
        change.run();
        packBytes += p.memoryUsage() - before;
    }

    /**
     * Replaces the element at {@code index} (in range) with a copy of {@code e}: in place when the
     * node stays within its limits, else as Valkey's quicklistReplaceEntry (the node split after
     * the element, the new element in a node of its own, then merged with its neighbours).
     */
    public void set(int index, byte[] e) {
        long at = locate(index);
        int n = (int) (at >>> 32), offset = (int) at;
        ListPack p = node(n);
        if (nodeBytes == 0 || (!p.plain && !large(e.length) && !exceeds(nodeBytes, nodeCountLimit, p.lpBytesReplacing(offset, e), p.count))) {
            edit(p, () -> p.set(offset, e));
            return;
        }
        if (p.plain) {
            if (large(e.length)) {
                edit(p, () -> p.set(0, e));
                p.lpBytes = e.length;
            } else {
                size--; // the insert counts the new element again
                insertNear(n, 0, true, e);
                removeNode(n);
            }
            return;
        }
        // the node is full or the element large: split after it, put the new element between
        if (offset != p.count - 1) splitNode(n, offset + 1);
        placeNode(n + 1, large(e.length) ? ListPack.plain(e) : packedNode(e));
        if (p.count == 1) {
            removeNode(n);
        } else {
            edit(p, p::dropTail);
            mergeAround(n + 1);
        }
    }

    private static ListPack packedNode(byte[] e) {
        ListPack p = new ListPack(ListPack.entrySize(e.length));
        p.pushTail(e);
        return p;
    }

    /** Moves the entries [at, count) of node {@code n} into a new node placed after it. */
    private void splitNode(int n, int at) {
        ListPack p = node(n);
        ListPack[] tail = new ListPack[1];
        edit(p, () -> {
            tail[0] = p.splitAt(at);
            p.fit(p.used());
        });
        placeNode(n + 1, tail[0]);
    }

    /**
     * Inserts a copy of {@code e} so that it becomes element {@code index} (0..size): before the
     * element now at {@code index}, or after the last one.
     */
    public void insert(int index, byte[] e) {
        if (size == 0) pushTail(e);
        else if (index == size) insertAt(size - 1, true, e);
        else insertAt(index, false, e);
    }

    /** Inserts a copy of {@code e} after (or before) the element at {@code pivot}, as LINSERT. */
    public void insertAt(int pivot, boolean after, byte[] e) {
        long at = locate(pivot);
        int n = (int) (at >>> 32), offset = (int) at;
        if (nodeBytes == 0) {
            ListPack p = node(n);
            edit(p, () -> p.insert(after ? offset + 1 : offset, e));
            size++;
            return;
        }
        insertNear(n, offset, after, e);
    }

    /** Valkey's _quicklistInsert: {@code e} after (or before) entry {@code offset} of node {@code n}. */
    private void insertNear(int n, int offset, boolean after, byte[] e) {
        ListPack p = node(n);
        int len = e.length;
        boolean full = !allowsInsert(p, len);
        boolean atTail = after && offset == p.count - 1;
        boolean atHead = !after && offset == 0;
        boolean nextTakes = atTail && n + 1 < nodeCount && allowsInsert(node(n + 1), len);
        boolean prevTakes = atHead && n > 0 && allowsInsert(node(n - 1), len);
        size++;
        if (large(len)) {
            if (p.plain || atTail || atHead) {
                placeNode(after ? n + 1 : n, ListPack.plain(e));
            } else {
                splitNode(n, after ? offset + 1 : offset);
                placeNode(n + 1, ListPack.plain(e));
            }
        } else if (!full) {
            edit(p, () -> p.insert(after ? offset + 1 : offset, e));
        } else if (nextTakes) {
            ListPack next = node(n + 1);
            edit(next, () -> next.pushHead(e));
        } else if (prevTakes) {
            ListPack prev = node(n - 1);
            edit(prev, () -> prev.pushTail(e));
        } else if (atTail || atHead) {
            placeNode(after ? n + 1 : n, packedNode(e));
        } else if (after) {
            // the node keeps [0, offset]; the new one gets the element, then the rest
            splitNode(n, offset + 1);
            ListPack next = node(n + 1);
            edit(next, () -> next.pushHead(e));
            mergeAround(n);
        } else {
            // the new node gets [0, offset) and the element; the node keeps the rest
            splitNode(n, offset);
            edit(p, () -> p.pushTail(e));
            mergeAround(n + 1);
        }
    }

    /** _quicklistNodeAllowMerge: nodes {@code a} and {@code b} (both packed) fit in one. */
    private boolean allowsMerge(int a, int b) {
        if (a < 0 || b < 0 || a >= nodeCount || b >= nodeCount) return false;
        ListPack x = node(a), y = node(b);
        if (x.plain || y.plain) return false;
        return !exceeds(nodeBytes, nodeCountLimit, (long) x.lpBytes + y.lpBytes - ListpackBytes.EMPTY, (long) x.count + y.count);
    }

    /** Merges node {@code n + 1} into node {@code n}. */
    private void merge(int n) {
        ListPack a = node(n), b = node(n + 1);
        edit(a, () -> a.append(b));
        removeNode(n + 1);
    }

    /** _quicklistMergeNodes: tries the pairs around node {@code c}, outer pairs first. */
    private void mergeAround(int c) {
        if (allowsMerge(c - 1, c - 2)) {
            merge(c - 2);
            c--;
        }
        if (allowsMerge(c + 1, c + 2)) merge(c + 1);
        int target = c;
        if (allowsMerge(c, c - 1)) {
            merge(c - 1);
            target = c - 1;
        }
        if (allowsMerge(target, target + 1)) merge(target);
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
