package io.moonkey.datastore.list;

import java.util.Arrays;

/**
 * A position on one element of a {@link ListValue}, moving to the next or previous element in
 * O(1): how LRANGE and LPOS walk a list. The element is exposed as a slice of the node's array
 * ({@link #array()}, {@link #offset()}, {@link #length()}), valid until the list changes.
 */
public final class ListCursor {
    private final ListValue list;
    private int node;
    private ListPack pack;
    /** Offset of the current entry in the node's array. */
    private int entry;
    private int length, data;

    ListCursor(ListValue list, int node, int entry) {
        this.list = list;
        this.node = node;
        this.pack = list.node(node);
        at(entry);
    }

    private void at(int off) {
        entry = off;
        length = pack.lengthAt(off);
        data = ListPack.dataOffset(off, length);
    }

    public byte[] array() {
        return pack.buf;
    }

    public int offset() {
        return data;
    }

    public int length() {
        return length;
    }

    /** Whether the current element equals {@code e}. */
    public boolean matches(byte[] e) {
        return Arrays.equals(pack.buf, data, data + length, e, 0, e.length);
    }

    /** Moves to the next element toward the tail; false (not moved) at the last one. */
    public boolean forward() {
        int next = data + length + ListPack.varintSize(length);
        if (next == pack.end) {
            if (node + 1 >= list.nodeCount()) return false;
            pack = list.node(++node);
            next = pack.start;
        }
        at(next);
        return true;
    }

    /** Moves to the previous element toward the head; false (not moved) at the first one. */
    public boolean backward() {
        int prevEnd = entry;
        if (prevEnd == pack.start) {
            if (node == 0) return false;
            pack = list.node(--node);
            prevEnd = pack.end;
        }
        at(pack.entryBefore(prevEnd));
        return true;
    }
}
