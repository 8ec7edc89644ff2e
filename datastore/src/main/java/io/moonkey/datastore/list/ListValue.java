package io.moonkey.datastore.list;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Memory;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A list value: a ring of element arrays with O(1) push and pop at both ends and O(1) access by
 * index; inserts and removals in the middle shift the shorter side.
 *
 * <p>Elements are byte arrays owned by the list (a pushed request argument is kept by reference,
 * never copied) and never modified in place, so copies of the list may share them. The ring's
 * capacity is a power of two that doubles when full and halves when three quarters are empty,
 * so a list that shrinks gives its memory back. The heap estimate is kept up to date on every
 * change, making {@link #memoryUsage()} O(1).
 *
 * <p>OBJECT ENCODING says "quicklist" whatever the size: Redis 7.0 stores every list as a
 * quicklist (the small-list "listpack" encoding arrived in 7.2).
 */
public final class ListValue extends Value implements Elements {
    /** Object header, the access word and this class's fields, as the JVM lays them out. */
    private static final int OBJECT_BYTES = 40;
    private static final int MIN_CAPACITY = 4;

    private byte[][] ring;
    private int head;
    private int size;
    /** Sum of {@link Memory#byteArray} over the elements. */
    private long elementBytes;

    public ListValue() {
        ring = new byte[MIN_CAPACITY][];
    }

    private ListValue(byte[][] ring, int size, long elementBytes) {
        this.ring = ring;
        this.size = size;
        this.elementBytes = elementBytes;
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
        return OBJECT_BYTES + referenceArray(ring.length) + elementBytes;
    }

    private static long referenceArray(int n) {
        return (16L + 4L * n + 7) & ~7L;
    }

    /** A copy with its own ring; the elements (never modified in place) are shared. */
    @Override
    public ListValue duplicate() {
        byte[][] r = new byte[ring.length][];
        copyOut(r, 0, 0, size);
        return new ListValue(r, size, elementBytes);
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
        for (int i = 0; i < size; i++) action.accept(ring[slot(i)]);
    }

    private int slot(int index) {
        return (head + index) & (ring.length - 1);
    }

    // ---- ends ----------------------------------------------------------------------------------

    /** Adds {@code e} (kept by reference) before the first element. */
    public void pushHead(byte[] e) {
        if (size == ring.length) resize(ring.length << 1);
        head = (head - 1) & (ring.length - 1);
        ring[head] = e;
        size++;
        elementBytes += Memory.byteArray(e.length);
    }

    /** Adds {@code e} (kept by reference) after the last element. */
    public void pushTail(byte[] e) {
        if (size == ring.length) resize(ring.length << 1);
        ring[slot(size)] = e;
        size++;
        elementBytes += Memory.byteArray(e.length);
    }

    /** Removes and returns the first element; the list must not be empty. */
    public byte[] popHead() {
        byte[] e = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        removed(e);
        return e;
    }

    /** Removes and returns the last element; the list must not be empty. */
    public byte[] popTail() {
        int s = slot(size - 1);
        byte[] e = ring[s];
        ring[s] = null;
        size--;
        removed(e);
        return e;
    }

    /** Adds at the head when {@code head}, else at the tail. */
    public void push(byte[] e, boolean atHead) {
        if (atHead) pushHead(e);
        else pushTail(e);
    }

    /** Pops from the head when {@code head}, else from the tail. */
    public byte[] pop(boolean fromHead) {
        return fromHead ? popHead() : popTail();
    }

    private void removed(byte[] e) {
        elementBytes -= Memory.byteArray(e.length);
        shrinkIfSparse();
    }

    private void shrinkIfSparse() {
        int capacity = ring.length;
        while (capacity > MIN_CAPACITY && size <= capacity >> 2) capacity >>= 1;
        if (capacity != ring.length) resize(capacity);
    }

    private void resize(int capacity) {
        byte[][] r = new byte[capacity][];
        copyOut(r, 0, 0, size);
        ring = r;
        head = 0;
    }

    /** Copies {@code n} elements from list index {@code from} into {@code dst} at {@code at}. */
    private void copyOut(byte[][] dst, int at, int from, int n) {
        int start = slot(from);
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, dst, at, first);
        System.arraycopy(ring, 0, dst, at + first, n - first);
    }

    // ---- by index ------------------------------------------------------------------------------

    /** The element at {@code index} (0 = head), which must be in range. */
    public byte[] get(int index) {
        return ring[slot(index)];
    }

    /** Replaces the element at {@code index} (in range) with {@code e}; returns the old one. */
    public byte[] set(int index, byte[] e) {
        int s = slot(index);
        byte[] old = ring[s];
        ring[s] = e;
        elementBytes += Memory.byteArray(e.length) - Memory.byteArray(old.length);
        return old;
    }

    /**
     * Inserts {@code e} so that it ends up at {@code index} (0..size), shifting the elements on
     * the shorter side by one.
     */
    public void insert(int index, byte[] e) {
        if (index == 0) {
            pushHead(e);
            return;
        }
        if (index == size) {
            pushTail(e);
            return;
        }
        if (size == ring.length) resize(ring.length << 1);
        int mask = ring.length - 1;
        if (index < size - index) {
            head = (head - 1) & mask;
            for (int i = 0; i < index; i++) ring[(head + i) & mask] = ring[(head + i + 1) & mask];
        } else {
            for (int i = size; i > index; i--) ring[(head + i) & mask] = ring[(head + i - 1) & mask];
        }
        ring[(head + index) & mask] = e;
        size++;
        elementBytes += Memory.byteArray(e.length);
    }

    /** Index of the first element equal to {@code e}, or -1. */
    public int indexOf(byte[] e) {
        for (int i = 0; i < size; i++) {
            if (Arrays.equals(ring[slot(i)], e)) return i;
        }
        return -1;
    }

    /**
     * Removes elements equal to {@code e}: the first {@code count} from the head when positive,
     * the last {@code -count} from the tail when negative, all when 0. Returns how many went.
     */
    public int removeMatching(byte[] e, long count) {
        int mask = ring.length - 1;
        long limit = count == 0 ? Long.MAX_VALUE : Math.abs(count);
        int removed = 0;
        if (count >= 0) {
            int w = 0; // compacts the kept elements towards the head
            for (int r = 0; r < size; r++) {
                byte[] x = ring[(head + r) & mask];
                if (removed < limit && Arrays.equals(x, e)) {
                    removed++;
                    elementBytes -= Memory.byteArray(x.length);
                } else {
                    ring[(head + w++) & mask] = x;
                }
            }
            for (int i = w; i < size; i++) ring[(head + i) & mask] = null;
        } else {
            int w = size - 1; // compacts the kept elements towards the tail
            for (int r = size - 1; r >= 0; r--) {
                byte[] x = ring[(head + r) & mask];
                if (removed < limit && Arrays.equals(x, e)) {
                    removed++;
                    elementBytes -= Memory.byteArray(x.length);
                } else {
                    ring[(head + w--) & mask] = x;
                }
            }
            for (int i = 0; i <= w; i++) ring[(head + i) & mask] = null;
            head = (head + removed) & mask;
        }
        size -= removed;
        if (removed > 0) shrinkIfSparse();
        return removed;
    }

    /** Keeps only the elements from {@code start} to {@code stop} inclusive (in range, start <= stop + 1). */
    public void trim(int start, int stop) {
        int mask = ring.length - 1;
        for (int i = 0; i < start; i++) dropSlot((head + i) & mask);
        for (int i = stop + 1; i < size; i++) dropSlot((head + i) & mask);
        head = (head + start) & mask;
        size = Math.max(0, stop - start + 1);
        shrinkIfSparse();
    }

    /** Removes every element. */
    public void clear() {
        ring = new byte[MIN_CAPACITY][];
        head = 0;
        size = 0;
        elementBytes = 0;
    }

    private void dropSlot(int s) {
        elementBytes -= Memory.byteArray(ring[s].length);
        ring[s] = null;
    }

    /** The elements as a new array, head first (tests and SORT). */
    public byte[][] toArray() {
        byte[][] r = new byte[size][];
        copyOut(r, 0, 0, size);
        return r;
    }
}
