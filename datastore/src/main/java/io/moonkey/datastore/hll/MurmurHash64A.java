package io.moonkey.datastore.hll;

/**
 * Austin Appleby's MurmurHash64A (public domain algorithm), the hash Valkey's HyperLogLog
 * applies to every element with seed 0xadc83b19. Reads 8-byte blocks little-endian, as the
 * reference does on the little-endian machines Valkey's HLL format assumes.
 */
final class MurmurHash64A {
    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;

    private MurmurHash64A() {
    }

    static long hash(byte[] data, int off, int len, int seed) {
        long h = (seed & 0xffffffffL) ^ (len * M);
        int blocks = len - (len & 7);
        int i = off;
        for (int end = off + blocks; i < end; i += 8) {
            long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        int rest = len & 7;
        if (rest > 0) {
            for (int j = rest - 1; j >= 0; j--) h ^= (data[i + j] & 0xffL) << (8 * j);
            h *= M;
        }
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h;
    }
}
