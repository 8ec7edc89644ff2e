package io.moonkey.datastore;

import java.util.Arrays;

/**
 * A string kept as bytes. The array may be longer than the string (room left by APPEND and
 * SETRANGE, like an sds string's free space); {@code len} bytes are the string.
 */
public final class RawString extends StringValue {
    private byte[] buf;
    private int len;

    RawString(byte[] buf, int len) {
        this.buf = buf;
        this.len = len;
    }

    @Override
    public byte[] bytes() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /** The backing array; only the first {@link #length()} bytes are the string. */
    public byte[] buffer() {
        return buf;
    }

    @Override
    public int length() {
        return len;
    }

    /** Appends {@code b}, growing the array greedily as sds does (double below 1 MiB). */
    public void append(byte[] b) {
        ensureLength(len + b.length);
        System.arraycopy(b, 0, buf, len - b.length, b.length);
    }

    /** Grows the string to at least {@code newLen} bytes, zero-filled (SETRANGE, SETBIT). */
    public void ensureLength(int newLen) {
        if (newLen <= len) return;
        if (newLen >= buf.length) { // keep spare room: a grown string stays "raw"
            int cap = newLen < (1 << 20) ? newLen * 2 : newLen + (1 << 20);
            buf = Arrays.copyOf(buf, Math.max(cap, newLen + 1));
        }
        Arrays.fill(buf, len, newLen, (byte) 0);
        len = newLen;
    }

    /** Makes the string mutable in place: afterwards it reports encoding raw, as Valkey does. */
    public void makeRaw() {
        if (buf.length == len) buf = Arrays.copyOf(buf, len + 1);
    }

    @Override
    public String encoding() {
        return len <= EMBSTR_LIMIT && buf.length == len ? "embstr" : "raw";
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + Memory.byteArray(buf.length);
    }

    @Override
    public Value duplicate() {
        return new RawString(Arrays.copyOf(buf, buf.length), len);
    }
}
