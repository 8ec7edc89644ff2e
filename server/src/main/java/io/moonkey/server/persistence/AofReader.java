package io.moonkey.server.persistence;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the commands of an AOF file: RESP arrays of bulk strings. {@link #next()} returns null
 * at a clean end; {@link #goodBytes()} is where the last complete command ended, so a truncated
 * tail can be cut off (aof-load-truncated).
 */
final class AofReader implements AutoCloseable {
    private final InputStream in;
    private long position;
    private long good;

    AofReader(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next command, or null at the end; throws EOFException on a truncated command. */
    byte[][] next() throws IOException {
        int c = read();
        if (c < 0) return null;
        if (c != '*') throw new IOException("Bad file format reading the append only file");
        long n = readNumber();
        if (n < 1 || n > Integer.MAX_VALUE) throw new IOException("Bad file format reading the append only file");
        byte[][] argv = new byte[(int) n][];
        for (int i = 0; i < n; i++) {
            int d = read();
            if (d < 0) throw new EOFException();
            if (d != '$') throw new IOException("Bad file format reading the append only file");
            long len = readNumber();
            if (len < 0 || len > Integer.MAX_VALUE - 8) throw new IOException("Bad file format reading the append only file");
            byte[] a = in.readNBytes((int) len);
            if (a.length != len) throw new EOFException();
            position += len;
            if (read() != '\r' || read() != '\n') throw new EOFException();
            argv[i] = a;
        }
        good = position;
        return argv;
    }

    long goodBytes() {
        return good;
    }

    private int read() throws IOException {
        int c = in.read();
        if (c >= 0) position++;
        return c;
    }

    private long readNumber() throws IOException {
        long v = 0;
        boolean neg = false;
        int c = read();
        if (c == '-') {
            neg = true;
            c = read();
        }
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            c = read();
        }
        if (c < 0) throw new EOFException();
        if (c != '\r' || read() != '\n') throw new IOException("Bad file format reading the append only file");
        return neg ? -v : v;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
