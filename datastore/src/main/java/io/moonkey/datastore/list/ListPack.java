package io.moonkey.datastore.list;

import io.moonkey.datastore.Memory;
import java.util.Arrays;

/**
 * A run of list elements packed into one byte array, as a Valkey listpack: each entry is its
 * length (a varint), its bytes, and the length again with the varint's bytes reversed, so the
 * run can be walked from either end. The live entries sit between {@code start} and
 * {@code end}, with free room kept on both sides so pushes at either end are amortised O(1).
 *
 * <p>Each run also keeps {@link #lpBytes}, the size the same elements take in Valkey's listpack
 * format ({@link ListpackBytes}), because the list's encoding rules are stated in those bytes.
 * A "plain" run holds one element too large for a node, as Valkey's plain quicklist nodes.
 */
final class ListPack {
    /** Object header plus six fields. */
    static final int OBJECT_BYTES = 40;
    private static final int MIN_CAPACITY = 16;

    byte[] buf;
    int start, end, count;
    /** Bytes of these elements as a Valkey listpack (header and end marker included), or the element's length when plain. */
    int lpBytes = ListpackBytes.EMPTY;
    /** A node of one large element, which never takes another. */
    boolean plain;

    ListPack(int capacity) {
        buf = new byte[Math.max(MIN_CAPACITY, capacity)];
        start = end = buf.length >> 1;
    }

    private ListPack(byte[] buf, int start, int end, int count, int lpBytes, boolean plain) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.count = count;
        this.lpBytes = lpBytes;
        this.plain = plain;
    }

    /** A plain node holding {@code e} alone. */
    static ListPack plain(byte[] e) {
        ListPack p = new ListPack(entrySize(e.length));
        p.pushTail(e);
        p.plain = true;
        p.lpBytes = e.length;
        return p;
    }

    ListPack copy() {
        return new ListPack(buf.clone(), start, end, count, lpBytes, plain);
    }

    /** The listpack bytes of the entry at {@code off}. */
    private int lpEntry(int off) {
        int len = lengthAt(off);
        return ListpackBytes.entry(buf, dataOffset(off, len), len);
    }

    /** Recounts {@link #lpBytes} from the entries (after a bulk change). */
    private void recountLpBytes() {
        int n = ListpackBytes.EMPTY;
        for (int i = 0, off = start; i < count; i++, off = entryAfter(off)) n += lpEntry(off);
        lpBytes = n;
    }

    long memoryUsage() {
        return OBJECT_BYTES + Memory.byteArray(buf.length);
    }

    /** Bytes the entries take. */
    int used() {
        return end - start;
    }

    // ---- entry format --------------------------------------------------------------------------

    static int varintSize(int len) {
        return len < 1 << 7 ? 1 : len < 1 << 14 ? 2 : len < 1 << 21 ? 3 : len < 1 << 28 ? 4 : 5;
    }

    /** The bytes an element of {@code len} bytes takes as an entry. */
    static int entrySize(int len) {
        return len + 2 * varintSize(len);
    }

    /** The element length of the entry at {@code off}. */
    int lengthAt(int off) {
        int len = 0, shift = 0, b;
        do {
            b = buf[off++];
            len |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return len;
    }

    /** Where the element bytes of the entry at {@code off} (of element length {@code len}) begin. */
    static int dataOffset(int off, int len) {
        return off + varintSize(len);
    }

    /** The start of the entry that ends just before {@code entryEnd}. */
    int entryBefore(int entryEnd) {
        int len = 0, shift = 0, b, p = entryEnd;
        do {
            b = buf[--p];
            len |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return entryEnd - entrySize(len);
    }

    /** The start of the entry after the one at {@code off}. */
    int entryAfter(int off) {
        return off + entrySize(lengthAt(off));
    }

    private void writeEntry(int off, byte[] e) {
        int len = e.length, n = varintSize(len);
        for (int i = 0, v = len; i < n; i++, v >>>= 7) {
            byte b = (byte) ((v & 0x7f) | (i < n - 1 ? 0x80 : 0));
            buf[off + i] = b;
            buf[off + n + len + n - 1 - i] = b;
        }
        System.arraycopy(e, 0, buf, off + n, len);
    }

    /** A copy of the element of the entry at {@code off}. */
    byte[] elementAt(int off) {
        int len = lengthAt(off);
        int d = dataOffset(off, len);
        return Arrays.copyOfRange(buf, d, d + len);
    }

    boolean matches(int off, byte[] e) {
        int len = lengthAt(off);
        int d = dataOffset(off, len);
        return Arrays.equals(buf, d, d + len, e, 0, e.length);
    }

    /** The entry offset of the element at {@code index} (0..count-1), walking from the nearer end. */
    int offsetOf(int index) {
        if (index <= count >> 1) {
            int off = start;
            for (int i = 0; i < index; i++) off = entryAfter(off);
            return off;
        }
        int off = end;
        for (int i = count; i > index; i--) off = entryBefore(off);
        return off;
    }

    // ---- changes -------------------------------------------------------------------------------

    /** Makes room for {@code front} more bytes before start and {@code back} more after end. */
    private void ensureRoom(int front, int back) {
        if (start >= front && buf.length - end >= back) return;
        int used = end - start;
        int capacity = Math.max(MIN_CAPACITY, Math.max(2 * used, used + front + back + (used >> 1)));
        byte[] b = new byte[capacity];
        int spare = capacity - used - front - back;
        int newStart = front + spare / 2;
        System.arraycopy(buf, start, b, newStart, used);
        buf = b;
        start = newStart;
        end = newStart + used;
    }

    void pushHead(byte[] e) {
        lpBytes += ListpackBytes.entry(e);
        int size = entrySize(e.length);
        ensureRoom(size, 0);
        start -= size;
        writeEntry(start, e);
        count++;
    }

    void pushTail(byte[] e) {
        lpBytes += ListpackBytes.entry(e);
        int size = entrySize(e.length);
        ensureRoom(0, size);
        writeEntry(end, e);
        end += size;
        count++;
    }

    /** Removes the first entry. */
    void dropHead() {
        lpBytes -= lpEntry(start);
        start = entryAfter(start);
        count--;
    }

    /** Removes the last entry. */
    void dropTail() {
        end = entryBefore(end);
        lpBytes -= lpEntry(end);
        count--;
    }

    /** Inserts {@code e} to become entry {@code index} (0..count). */
    void insert(int index, byte[] e) {
        if (index == 0) {
            pushHead(e);
            return;
        }
        lpBytes += ListpackBytes.entry(e);
        int size = entrySize(e.length);
        ensureRoom(0, size);
        int off = index == count ? end : offsetOf(index);
        System.arraycopy(buf, off, buf, off + size, end - off);
        writeEntry(off, e);
        end += size;
        count++;
    }

    /** Replaces the element at {@code index}. */
    void set(int index, byte[] e) {
        int off = offsetOf(index);
        lpBytes += ListpackBytes.entry(e) - lpEntry(off);
        int oldSize = entrySize(lengthAt(off)), newSize = entrySize(e.length);
        int delta = newSize - oldSize;
        if (delta > 0) {
            ensureRoom(0, delta);
            off = offsetOf(index);
        }
        System.arraycopy(buf, off + oldSize, buf, off + newSize, end - off - oldSize);
        end += delta;
        writeEntry(off, e);
    }

    /**
     * Removes the entries equal to {@code e} whose match ordinal (0 = first match in this run)
     * is at least {@code skip}, at most {@code limit} of them; returns how many went.
     */
    int removeMatching(byte[] e, int skip, long limit) {
        int w = start, r = start, seen = 0, removed = 0;
        for (int i = 0, n = count; i < n; i++) {
            int size = entrySize(lengthAt(r));
            boolean drop = false;
            if (matches(r, e)) {
                drop = seen >= skip && removed < limit;
                seen++;
            }
            if (drop) {
                lpBytes -= lpEntry(r);
                removed++;
            } else {
                if (w != r) System.arraycopy(buf, r, buf, w, size);
                w += size;
            }
            r += size;
        }
        end = w;
        count -= removed;
        return removed;
    }

    /** How many entries equal {@code e}. */
    int countMatching(byte[] e) {
        int n = 0;
        for (int i = 0, off = start; i < count; i++, off = entryAfter(off)) {
            if (matches(off, e)) n++;
        }
        return n;
    }

    /** Keeps entries [from, to) only. */
    void keep(int from, int to) {
        int newStart = offsetOf(from);
        int newEnd = to == count ? end : offsetOf(to);
        start = newStart;
        end = newEnd;
        count = to - from;
        recountLpBytes();
    }

    /** The listpack bytes the entry {@code index} would take once replaced by {@code e}: lpEstimateReplacementBytes. */
    int lpBytesReplacing(int index, byte[] e) {
        return lpBytes - lpEntry(offsetOf(index)) + ListpackBytes.entry(e);
    }

    /** Appends the entries of {@code other} (a merge of two neighbouring nodes). */
    void append(ListPack other) {
        int n = other.used();
        ensureRoom(0, n);
        System.arraycopy(other.buf, other.start, buf, end, n);
        end += n;
        count += other.count;
        lpBytes += other.lpBytes - ListpackBytes.EMPTY;
    }

    /** Moves entries [index, count) into a new run, which is returned. */
    ListPack splitAt(int index) {
        int off = offsetOf(index);
        int n = end - off;
        ListPack tail = new ListPack(n + (n >> 1));
        tail.start = (tail.buf.length - n) >> 1;
        System.arraycopy(buf, off, tail.buf, tail.start, n);
        tail.end = tail.start + n;
        tail.count = count - index;
        end = off;
        count = index;
        recountLpBytes();
        tail.recountLpBytes();
        return tail;
    }

    /** Gives back room when at most a quarter of the array is in use. */
    void shrinkIfSparse() {
        int used = end - start;
        if (buf.length > MIN_CAPACITY && used <= buf.length >> 2) fit(used + (used >> 1));
    }

    /** Reallocates to {@code capacity} bytes (at least what is used), entries centred. */
    void fit(int capacity) {
        int used = end - start;
        byte[] b = new byte[Math.max(MIN_CAPACITY, Math.max(used, capacity))];
        int newStart = (b.length - used) >> 1;
        System.arraycopy(buf, start, b, newStart, used);
        buf = b;
        start = newStart;
        end = newStart + used;
    }
}
