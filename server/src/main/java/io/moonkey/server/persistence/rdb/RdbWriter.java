package io.moonkey.server.persistence.rdb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the RDB primitives and records into memory: the header, auxiliary fields, database
 * selectors, key/value records with their expire time, function libraries, and the trailers of
 * a file (EOF and CRC-64) or of a DUMP payload (RDB version and CRC-64).
 */
public final class RdbWriter {
    /** The bytes written so far: a plain growable array (no per-byte locking, as ByteArrayOutputStream has). */
    private final Buffer out = new Buffer();

    private static final class Buffer {
        private byte[] buf = new byte[4096];
        private int size;

        private void ensure(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }

        void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeBytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** rdbcompression: strings as integers when they are one, long ones LZF-compressed when it pays. */
    private boolean compress;
    private int[] lzfTable;

    /** A writer for a DUMP payload: no header. */
    public RdbWriter() {}

    /** Turns on the compact string forms Valkey writes with rdbcompression yes. */
    public RdbWriter compressing(boolean on) {
        compress = on;
        return this;
    }

    /** A writer for a file or replication payload: starts with "REDIS" and the 4-digit version. */
    public static RdbWriter file() {
        RdbWriter w = new RdbWriter();
        w.out.writeBytes(String.format("REDIS%04d", RdbFormat.FILE_VERSION).getBytes(StandardCharsets.US_ASCII));
        return w;
    }

    /** An auxiliary field (redis-ver, ctime...). */
    public void aux(String key, String value) {
        out.write(RdbFormat.OP_AUX);
        string(key.getBytes(StandardCharsets.US_ASCII));
        string(value.getBytes(StandardCharsets.US_ASCII));
    }

    public void selectDb(int db, long keys, long expires) {
        out.write(RdbFormat.OP_SELECTDB);
        length(db);
        out.write(RdbFormat.OP_RESIZEDB);
        length(keys);
        length(expires);
    }

    /** A function library's code (the FUNCTION2 opcode, as FUNCTION DUMP writes it too). */
    public void function(byte[] code) {
        out.write(RdbFormat.OP_FUNCTION2);
        string(code);
    }

    /** An expire time (absolute unix ms) for the record that follows. */
    public void expireAt(long whenMs) {
        out.write(RdbFormat.OP_EXPIRETIME_MS);
        millis(whenMs);
    }

    /** The idle seconds (LRU policies) of the record that follows. */
    public void idle(long seconds) {
        out.write(RdbFormat.OP_IDLE);
        length(seconds);
    }

    /** The LFU counter (LFU policies) of the record that follows. */
    public void frequency(int counter) {
        out.write(RdbFormat.OP_FREQ);
        out.write(counter);
    }

    public void type(int type) {
        out.write(type);
    }

    /** A length: 6-bit, 14-bit, 32-bit or 64-bit form (unsigned; -1 takes the 64-bit form). */
    public void length(long n) {
        if (Long.compareUnsigned(n, 64) < 0) {
            out.write((int) n);
        } else if (Long.compareUnsigned(n, 16384) < 0) {
            out.write(0x40 | (int) (n >>> 8));
            out.write((int) n);
        } else if (Long.compareUnsigned(n, 0xffffffffL) <= 0) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) out.write((int) (n >>> (8 * i)));
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) out.write((int) (n >>> (8 * i)));
        }
    }

    /**
     * A string: as Valkey's rdbSaveRawString, an integer in 1, 2 or 4 bytes if it is the
     * canonical text of one (up to 11 characters), else (compressing, over 20 bytes) LZF when
     * that saves at least 4 bytes, else length-prefixed.
     */
    public void string(byte[] b) {
        if (compress) {
            if (b.length <= 11 && b.length > 0 && integer(b)) return;
            if (b.length > 20 && lzf(b)) return;
        }
        length(b.length);
        out.writeBytes(b);
    }

    private boolean integer(byte[] b) {
        long v = 0;
        int i = 0;
        boolean neg = b[0] == '-';
        if (neg) i = 1;
        if (i >= b.length || (b[i] == '0' && b.length > i + 1) || (neg && b[i] == '0')) return false;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return false;
            v = v * 10 + d; // at most 11 characters: no overflow
        }
        if (neg) v = -v;
        if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            out.write(0xC0);
            out.write((int) v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            out.write(0xC1);
            out.write((int) v);
            out.write((int) (v >>> 8));
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write(0xC2);
            for (int k = 0; k < 4; k++) out.write((int) (v >>> (8 * k)));
        } else {
            return false;
        }
        return true;
    }

    private boolean lzf(byte[] b) {
        if (lzfTable == null) lzfTable = new int[1 << 13];
        byte[] c = Lzf.compress(b, b.length - 4, lzfTable);
        if (c == null) return false;
        out.write(0xC3);
        length(c.length);
        length(b.length);
        out.writeBytes(c);
        return true;
    }

    /** Bytes with no prefix (the raw 128-bit IDs of stream PEL records). */
    public void raw(byte[] b) {
        out.writeBytes(b);
    }

    /** A millisecond time: 8 bytes little endian. */
    public void millis(long ms) {
        for (int i = 0; i < 8; i++) out.write((int) (ms >>> (8 * i)));
    }

    /** A binary double (the score of a ZSET_2 record): 8 bytes little-endian. */
    public void binaryDouble(double d) {
        millis(Double.doubleToRawLongBits(d));
    }

    /** Bytes written so far. */
    public int size() {
        return out.size();
    }

    /** Ends a file: EOF, then the CRC-64 of everything before it, little-endian. */
    public byte[] finish() {
        out.write(RdbFormat.OP_EOF);
        return withCrc();
    }

    /** Ends a DUMP payload: the RDB version (2 bytes little endian), then the CRC-64. */
    public byte[] finishDump(int version) {
        out.write(version & 0xFF);
        out.write(version >>> 8);
        return withCrc();
    }

    private byte[] withCrc() {
        long crc = Crc64.update(0, out.buf, 0, out.size);
        for (int i = 0; i < 8; i++) out.write((int) (crc >>> (8 * i)));
        return out.toByteArray();
    }
}
