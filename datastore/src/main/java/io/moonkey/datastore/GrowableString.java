package io.moonkey.datastore;

import java.util.Arrays;

/**
 * A string edited in place (APPEND, SETRANGE, SETBIT): the array has spare room like an sds
 * string's free space, and only the first {@code len} bytes are the string. Encoding "raw".
 */
public final class GrowableString extends StringValue {
    private byte[] buf;
    private int len;

    GrowableString(byte[] content) {
        this.buf = Arrays.copyOf(content, content.length + Math.max(1, Math.min(content.length, 1 << 20)));
        this.len = content.length;
    }

    @Override
    public byte[] bytes() {
        return Arrays.copyOf(buf, len);
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
        int at = len;
        ensureLength(len + b.length);
        System.arraycopy(b, 0, buf, at, b.length);
    }

    /** Grows the string to at least {@code newLen} bytes, zero-filled (SETRANGE, SETBIT). */
    public void ensureLength(int newLen) {
        if (newLen <= len) return;
        if (newLen > buf.length) {
            int cap = newLen < (1 << 20) ? newLen * 2 : newLen + (1 << 20);
            buf = Arrays.copyOf(buf, Math.max(cap, newLen));
        }
        Arrays.fill(buf, len, newLen, (byte) 0);
        len = newLen;
    }

    /** Shortens the string to {@code newLen} bytes (HyperLogLog opcode merges); the room is kept. */
    public void truncate(int newLen) {
        if (newLen < len) {
            java.util.Arrays.fill(buf, newLen, len, (byte) 0);
            len = newLen;
        }
    }

    @Override
    public String encoding() {
        return "raw";
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + 8 + Memory.byteArray(buf.length);
    }

    @Override
    public Value duplicate() {
        GrowableString g = new GrowableString(new byte[0]);
        g.buf = buf.clone();
        g.len = len;
        return g;
    }
}
