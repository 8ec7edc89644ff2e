package io.moonkey.datastore.hash;

import io.moonkey.datastore.Memory;
import java.util.Arrays;

/**
 * A small hash in one byte array, Valkey's "listpack" encoding: field/value pairs in insertion
 * order, each string prefixed by its {@link Varint} length. Lookups are linear scans, which is
 * what makes the encoding compact and is why it is only used up to a few hundred entries.
 *
 * <p>A position is the byte offset of a pair's field entry; positions stay valid until the next
 * change.
 */
final class ListPack {
    private static final byte[] NONE = new byte[0];

    private byte[] buf = NONE;
    private int used;
    private int pairs;

    ListPack() {}

    private ListPack(byte[] buf, int used, int pairs) {
        this.buf = buf;
        this.used = used;
        this.pairs = pairs;
    }

    ListPack copy() {
        return new ListPack(Arrays.copyOf(buf, used), used, pairs);
    }

    int pairs() {
        return pairs;
    }

    byte[] buffer() {
        return buf;
    }

    /** Heap bytes of the array (the object holding it is counted by the hash). */
    long arrayBytes() {
        return buf == NONE ? 0 : Memory.byteArray(buf.length);
    }

    /** First pair's position, or -1. */
    int first() {
        return used == 0 ? -1 : 0;
    }

    /** The pair after {@code pos}, or -1. */
    int next(int pos) {
        int v = valueEntry(pos);
        int n = v + Varint.sizeAt(buf, v) + Varint.read(buf, v);
        return n >= used ? -1 : n;
    }

    int fieldOffset(int pos) {
        return pos + Varint.sizeAt(buf, pos);
    }

    int fieldLength(int pos) {
        return Varint.read(buf, pos);
    }

    /** Offset of the value's length prefix. */
    private int valueEntry(int pos) {
        return fieldOffset(pos) + Varint.read(buf, pos);
    }

    int valueOffset(int pos) {
        int v = valueEntry(pos);
        return v + Varint.sizeAt(buf, v);
    }

    int valueLength(int pos) {
        return Varint.read(buf, valueEntry(pos));
    }

    /** The position of {@code field}, or -1. */
    int find(byte[] field) {
        byte[] b = buf;
        int p = 0, end = used, flen = field.length;
        while (p < end) {
            int len = Varint.read(b, p);
            int data = p + Varint.sizeAt(b, p);
            if (len == flen && Arrays.equals(b, data, data + len, field, 0, flen)) return p;
            int v = data + len;
            p = v + Varint.sizeAt(b, v) + Varint.read(b, v);
        }
        return -1;
    }

    /** The position of the {@code index}-th pair (0-based), by walking. */
    int positionOf(int index) {
        int p = 0;
        for (int i = 0; i < index; i++) p = next(p);
        return p;
    }

    /** Appends a pair whose field is known to be absent. */
    void append(byte[] field, byte[] value) {
        int need = Varint.size(field.length) + field.length + Varint.size(value.length) + value.length;
        ensure(used + need);
        int p = Varint.write(buf, used, field.length);
        System.arraycopy(field, 0, buf, p, field.length);
        p = Varint.write(buf, p + field.length, value.length);
        System.arraycopy(value, 0, buf, p, value.length);
        used = p + value.length;
        pairs++;
    }

    /** Replaces the value of the pair at {@code pos}, moving the rest of the buffer if its size changes. */
    void replaceValue(int pos, byte[] value) {
        int v = valueEntry(pos);
        int oldLen = Varint.sizeAt(buf, v) + Varint.read(buf, v);
        int newLen = Varint.size(value.length) + value.length;
        int tail = v + oldLen;
        if (newLen != oldLen) {
            ensure(used - oldLen + newLen);
            System.arraycopy(buf, tail, buf, v + newLen, used - tail);
            used += newLen - oldLen;
        }
        int d = Varint.write(buf, v, value.length);
        System.arraycopy(value, 0, buf, d, value.length);
    }

    /** Removes the pair at {@code pos}. */
    void remove(int pos) {
        int n = next(pos);
        int end = n < 0 ? used : n;
        System.arraycopy(buf, end, buf, pos, used - end);
        used -= end - pos;
        pairs--;
        if (buf.length > 64 && used < buf.length / 4) buf = Arrays.copyOf(buf, used * 2);
    }

    private void ensure(int capacity) {
        if (capacity <= buf.length) return;
        // grow by half: appends stay amortised O(1) while the slack stays small for small hashes
        int n = Math.max(capacity, buf.length + (buf.length >> 1));
        buf = Arrays.copyOf(buf, Math.max(n, 16));
    }
}
