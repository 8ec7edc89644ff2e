package io.moonkey.server.persistence.rdb;

/**
 * The CRC-64 that closes an RDB file: the Jones polynomial (0xad93d23594c935a9), reflected,
 * initial value 0, no final xor; crc64("123456789") = 0xe9c6d914c4b8d9ca.
 */
public final class Crc64 {
    private static final long POLY_REFLECTED = 0x95ac9329ac4bc9b5L; // bit-reversed 0xad93d23594c935a9
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ POLY_REFLECTED : c >>> 1;
            TABLE[i] = c;
        }
    }

    private Crc64() {}

    public static long update(long crc, byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) crc = TABLE[(int) ((crc ^ b[i]) & 0xff)] ^ (crc >>> 8);
        return crc;
    }
}
