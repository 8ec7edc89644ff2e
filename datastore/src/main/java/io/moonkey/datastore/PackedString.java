package io.moonkey.datastore;

/**
 * A string of at most 16 bytes kept inside the value object, in two longs, with no byte array:
 * the commonest values (ids, short tokens, {@code value:N}) then cost one 32-byte object instead
 * of a 16-byte wrapper plus a 24-byte array. This is the JVM's counterpart of Valkey's embstr,
 * which allocates the object header and the characters together. Encoding "embstr".
 */
public final class PackedString extends StringValue {
    /** The longest string packed: two longs of bytes. */
    static final int MAX = 16;

    private final long lo;
    private final long hi;
    private final byte len;

    PackedString(byte[] b) {
        long l = 0, h = 0;
        int n = b.length;
        for (int i = Math.min(n, 8) - 1; i >= 0; i--) l = (l << 8) | (b[i] & 0xff);
        for (int i = n - 1; i >= 8; i--) h = (h << 8) | (b[i] & 0xff);
        this.lo = l;
        this.hi = h;
        this.len = (byte) n;
    }

    @Override
    public byte[] bytes() {
        byte[] b = new byte[len];
        long l = lo, h = hi;
        for (int i = 0; i < len; i++) {
            if (i < 8) {
                b[i] = (byte) l;
                l >>>= 8;
            } else {
                b[i] = (byte) h;
                h >>>= 8;
            }
        }
        return b;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public String encoding() {
        return "embstr";
    }

    /** Header, the access word, two longs and the length byte, as the JVM lays them out. */
    @Override
    public long memoryUsage() {
        return 32;
    }

    @Override
    public Value duplicate() {
        return new PackedString(bytes());
    }
}
