package io.moonkey.datastore.set;

import io.moonkey.datastore.Memory;
import java.util.Arrays;

/**
 * Valkey's "listpack" encoding of a small set: the members in insertion order in one byte
 * array, each prefixed by its length as a varint (7 bits a byte, low groups first, the high bit
 * saying another byte follows). Lookups are linear scans, which the small size bounds.
 *
 * <p>A position is the byte offset of a member's length prefix; positions stay valid until the
 * next change.
 */
final class MemberPack {
    private static final byte[] NONE = new byte[0];

    private byte[] buf;
    private int used;
    private int count;

    /** An empty pack with room for about {@code capacity} bytes. */
    MemberPack(int capacity) {
        buf = capacity <= 0 ? NONE : new byte[capacity];
    }

    private MemberPack(byte[] buf, int used, int count) {
        this.buf = buf;
        this.used = used;
        this.count = count;
    }

    MemberPack copy() {
        return new MemberPack(Arrays.copyOf(buf, used), used, count);
    }

    int size() {
        return count;
    }

    byte[] buffer() {
        return buf;
    }

    /** Heap bytes of the array (the object holding it is counted by the set). */
    long arrayBytes() {
        return buf == NONE ? 0 : Memory.byteArray(buf.length);
    }

    static int varintSize(int v) {
        return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;
    }

    int lengthAt(int pos) {
        int v = 0, shift = 0, c;
        do {
            c = buf[pos++];
            v |= (c & 0x7f) << shift;
            shift += 7;
        } while (c < 0);
        return v;
    }

    int offsetAt(int pos) {
        int p = pos;
        while (buf[p] < 0) p++;
        return p + 1;
    }

    /** The first position, or -1 when empty. */
    int first() {
        return used == 0 ? -1 : 0;
    }

    /** The position after {@code pos}, or -1. */
    int next(int pos) {
        int n = offsetAt(pos) + lengthAt(pos);
        return n >= used ? -1 : n;
    }

    byte[] memberAt(int pos) {
        int off = offsetAt(pos);
        return Arrays.copyOfRange(buf, off, off + lengthAt(pos));
    }

    /** The position of {@code member}, or -1. */
    int find(byte[] member) {
        int p = 0, n = member.length;
        while (p < used) {
            int len = lengthAt(p), off = offsetAt(p);
            if (len == n && Arrays.equals(buf, off, off + len, member, 0, n)) return p;
            p = off + len;
        }
        return -1;
    }

    /** The position of the {@code index}-th member (0-based), by walking. */
    int positionOf(int index) {
        int p = 0;
        for (int i = 0; i < index; i++) p = offsetAt(p) + lengthAt(p);
        return p;
    }

    /** Appends a member known to be absent. */
    void append(byte[] member) {
        int n = member.length, need = varintSize(n) + n;
        if (used + need > buf.length) {
            // grow by half: appends stay amortised O(1) while the slack stays small for small sets
            buf = Arrays.copyOf(buf, Math.max(Math.max(used + need, buf.length + (buf.length >> 1)), 16));
        }
        int p = used, v = n;
        while (v >= 0x80) {
            buf[p++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buf[p++] = (byte) v;
        System.arraycopy(member, 0, buf, p, n);
        used = p + n;
        count++;
    }

    /** Removes the member at {@code pos}. */
    void removeAt(int pos) {
        int end = offsetAt(pos) + lengthAt(pos);
        System.arraycopy(buf, end, buf, pos, used - end);
        used -= end - pos;
        count--;
        if (buf.length > 64 && used < buf.length / 4) buf = Arrays.copyOf(buf, used * 2);
    }
}
