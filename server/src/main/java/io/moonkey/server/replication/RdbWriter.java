package io.moonkey.server.replication;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the RDB format (version 10, as redis-server 7.0 reads it): the header, database
 * selectors, expire times, typed key/value records, and the EOF marker with the CRC-64 trailer.
 * Only the plain (non-listpack) record types are produced; a loader converts them to its compact
 * encodings itself.
 */
public final class RdbWriter {
    static final int TYPE_STRING = 0, TYPE_LIST = 1, TYPE_SET = 2, TYPE_ZSET_2 = 5, TYPE_HASH = 4;
    private static final int OP_EXPIRETIME_MS = 0xFC, OP_SELECTDB = 0xFE, OP_RESIZEDB = 0xFB, OP_AUX = 0xFA, OP_EOF = 0xFF;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

    public RdbWriter() {
        out.writeBytes("REDIS0010".getBytes(StandardCharsets.US_ASCII));
    }

    /** An auxiliary field (redis-ver, ctime...). */
    public void aux(String key, String value) {
        out.write(OP_AUX);
        string(key.getBytes(StandardCharsets.US_ASCII));
        string(value.getBytes(StandardCharsets.US_ASCII));
    }

    public void selectDb(int db, long keys, long expires) {
        out.write(OP_SELECTDB);
        length(db);
        out.write(OP_RESIZEDB);
        length(keys);
        length(expires);
    }

    /** Starts a record: the expire (absolute unix ms, or -1), the type byte and the key. */
    public void record(long expireAtMs, int type, byte[] key) {
        if (expireAtMs >= 0) {
            out.write(OP_EXPIRETIME_MS);
            for (int i = 0; i < 8; i++) out.write((int) (expireAtMs >>> (8 * i)));
        }
        out.write(type);
        string(key);
    }

    /** A length: 6-bit, 14-bit, 32-bit or 64-bit form. */
    public void length(long n) {
        if (n < 64) {
            out.write((int) n);
        } else if (n < 16384) {
            out.write(0x40 | (int) (n >>> 8));
            out.write((int) n);
        } else if (n <= 0xffffffffL) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) out.write((int) (n >>> (8 * i)));
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) out.write((int) (n >>> (8 * i)));
        }
    }

    /** A length-prefixed string. */
    public void string(byte[] b) {
        length(b.length);
        out.writeBytes(b);
    }

    /** A binary double (the score of a ZSET_2 record): 8 bytes little-endian. */
    public void binaryDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)));
    }

    /** Ends the file: EOF, then the CRC-64 of everything before it, little-endian. */
    public byte[] finish() {
        out.write(OP_EOF);
        byte[] body = out.toByteArray();
        long crc = Crc64.update(0, body, 0, body.length);
        byte[] all = new byte[body.length + 8];
        System.arraycopy(body, 0, all, 0, body.length);
        for (int i = 0; i < 8; i++) all[body.length + i] = (byte) (crc >>> (8 * i));
        return all;
    }
}
