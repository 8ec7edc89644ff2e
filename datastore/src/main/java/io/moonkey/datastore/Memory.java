package io.moonkey.datastore;

/** Heap size estimates for the objects the keyspace allocates (64-bit JVM, compressed oops). */
public final class Memory {
    private Memory() {}

    /** A byte[] of {@code n} bytes: 16-byte header, then data, rounded up to 8. */
    public static long byteArray(int n) {
        return (16L + n + 7) & ~7L;
    }

    /** What one key costs besides its value: the key array plus its two table slots. */
    public static long keyEntry(byte[] key) {
        return byteArray(key.length) + 8;
    }

    /** Extra cost of a key's entry in the expires table (a slot reference plus a long). */
    public static final long EXPIRE_ENTRY = 16;

    /** Human form used by INFO (used_memory_human etc.), like Valkey's bytesToHuman. */
    public static String human(long n) {
        double d = n;
        if (n < 1024) return n + "B";
        if (n < 1024L * 1024) return fixed2(d / 1024) + "K";
        if (n < 1024L * 1024 * 1024) return fixed2(d / (1024 * 1024)) + "M";
        if (n < 1024L * 1024 * 1024 * 1024) return fixed2(d / (1024.0 * 1024 * 1024)) + "G";
        return fixed2(d / (1024.0 * 1024 * 1024 * 1024)) + "T";
    }

    private static String fixed2(double d) {
        long hundredths = Math.round(d * 100);
        long frac = hundredths % 100;
        return (hundredths / 100) + "." + (frac < 10 ? "0" : "") + frac;
    }
}
