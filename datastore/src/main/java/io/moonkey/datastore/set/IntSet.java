package io.moonkey.datastore.set;

import java.util.Arrays;

/**
 * Valkey's "intset" encoding: the members of an all-integer set as a sorted array of longs,
 * searched by bisection. Iteration order is ascending, as Valkey's.
 */
final class IntSet {
    private long[] values;
    private int size;

    IntSet(int capacity) {
        values = new long[Math.max(capacity, 4)];
    }

    private IntSet(long[] values, int size) {
        this.values = values;
        this.size = size;
    }

    IntSet copy() {
        return new IntSet(Arrays.copyOf(values, Math.max(size, 4)), size);
    }

    int size() {
        return size;
    }

    long get(int index) {
        return values[index];
    }

    /** Heap bytes of the array. */
    long arrayBytes() {
        return 16 + 8L * values.length;
    }

    /** The index of {@code v}, or (-(insertion point) - 1). */
    int indexOf(long v) {
        return Arrays.binarySearch(values, 0, size, v);
    }

    boolean contains(long v) {
        return indexOf(v) >= 0;
    }

    /** Adds {@code v}; false if already present. */
    boolean add(long v) {
        int i = indexOf(v);
        if (i >= 0) return false;
        i = -i - 1;
        if (size == values.length) values = Arrays.copyOf(values, size + (size >> 1) + 1);
        System.arraycopy(values, i, values, i + 1, size - i);
        values[i] = v;
        size++;
        return true;
    }

    /** Removes {@code v}; false if absent. */
    boolean remove(long v) {
        int i = indexOf(v);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    void removeAt(int i) {
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        if (values.length > 16 && size < values.length / 4) values = Arrays.copyOf(values, size * 2);
    }

}
