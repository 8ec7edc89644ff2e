package io.moonkey.datastore.stream;

import java.util.Arrays;

/**
 * One entry's ID, fields and values, viewed where they are stored (a node's buffer, or its
 * master field names): string k is {@code buffer(k)[offset(k) .. offset(k)+length(k))}, fields
 * at even k, values at odd k. A reusable view, valid until the stream changes.
 */
public final class StreamEntry {
    long ms, seq;
    int size;
    byte[][] buffers = new byte[4][];
    int[] offsets = new int[4];
    int[] lengths = new int[4];

    public long ms() {
        return ms;
    }

    public long seq() {
        return seq;
    }

    /** Number of strings: twice the number of fields. */
    public int size() {
        return size;
    }

    public byte[] buffer(int k) {
        return buffers[k];
    }

    public int offset(int k) {
        return offsets[k];
    }

    public int length(int k) {
        return lengths[k];
    }

    /** Copies of the fields and values, alternating. */
    public byte[][] toArrays() {
        byte[][] r = new byte[size][];
        for (int k = 0; k < size; k++) r[k] = Arrays.copyOfRange(buffers[k], offsets[k], offsets[k] + lengths[k]);
        return r;
    }

    void reset(long ms, long seq, int size) {
        this.ms = ms;
        this.seq = seq;
        this.size = size;
        if (buffers.length < size) {
            buffers = new byte[size][];
            offsets = new int[size];
            lengths = new int[size];
        }
    }

    void set(int k, byte[] buffer, int offset, int length) {
        buffers[k] = buffer;
        offsets[k] = offset;
        lengths[k] = length;
    }
}
