package io.moonkey.lua.text;

import java.util.Arrays;

/**
 * A growable byte buffer: the output side of every formatter in this package. The backing array
 * is exposed ({@link #array()}, {@link #length()}) so callers can wrap the result without a copy.
 */
public final class ByteBuilder {
    private byte[] bytes;
    private int length;

    public ByteBuilder() {
        this(32);
    }

    public ByteBuilder(int capacity) {
        bytes = new byte[Math.max(capacity, 8)];
    }

    /** The backing array; bytes {@code [0, length())} are valid. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Truncates (or, never, extends) the content to {@code newLength} bytes. */
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException(newLength);
        }
        length = newLength;
    }

    public void clear() {
        length = 0;
    }

    public byte byteAt(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return bytes[i];
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void ensureSpare(int n) {
        if (bytes.length - length < n) {
            long wanted = Math.max((long) length + n, (long) bytes.length * 2);
            if (wanted > Integer.MAX_VALUE - 8) {
                if ((long) length + n > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("string too large");
                }
                wanted = Integer.MAX_VALUE - 8;
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    public ByteBuilder append(byte b) {
        ensureSpare(1);
        bytes[length++] = b;
        return this;
    }

    /** Appends the low 8 bits of {@code c}. */
    public ByteBuilder appendChar(int c) {
        return append((byte) c);
    }

    public ByteBuilder append(byte[] src) {
        return append(src, 0, src.length);
    }

    public ByteBuilder append(byte[] src, int off, int len) {
        ensureSpare(len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends an ASCII string (each char's low 8 bits). */
    public ByteBuilder appendAscii(String s) {
        int n = s.length();
        ensureSpare(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends {@code n} copies of {@code b}. */
    public ByteBuilder fill(byte b, int n) {
        ensureSpare(n);
        Arrays.fill(bytes, length, length + n, b);
        length += n;
        return this;
    }

    /** Inserts {@code n} copies of {@code b} at index {@code at}, shifting the tail right. */
    void insertFill(int at, byte b, int n) {
        ensureSpare(n);
        System.arraycopy(bytes, at, bytes, at + n, length - at);
        Arrays.fill(bytes, at, at + n, b);
        length += n;
    }

    /** Appends the decimal digits of {@code v} (with a '-' if negative). */
    public ByteBuilder appendLong(long v) {
        ensureSpare(20);
        length = DecimalExpansion.writeLong(v, bytes, length);
        return this;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
