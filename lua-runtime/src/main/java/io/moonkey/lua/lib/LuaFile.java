package io.moonkey.lua.lib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;

/** An open file of the io library: a byte stream with one byte of look-ahead, as C's FILE*. */
final class LuaFile {
    private final RandomAccessFile raf;
    private final InputStream in;
    private final OutputStream out;
    private final boolean standard;
    /** For the standard output: the state's current {@code stdout}, which embedders may replace. */
    private io.moonkey.lua.runtime.LuaState stateOut;
    private int peeked = -2;
    boolean closed;

    private LuaFile(RandomAccessFile raf, InputStream in, OutputStream out, boolean standard) {
        this.raf = raf;
        this.in = in;
        this.out = out;
        this.standard = standard;
    }

    static LuaFile of(RandomAccessFile raf) {
        return new LuaFile(raf, null, null, false);
    }

    static LuaFile input(InputStream in) {
        return new LuaFile(null, in, null, true);
    }

    static LuaFile output(OutputStream out) {
        return new LuaFile(null, null, out, true);
    }

    static LuaFile stateOutput(io.moonkey.lua.runtime.LuaState state) {
        LuaFile f = new LuaFile(null, null, null, true);
        f.stateOut = state;
        return f;
    }

    private OutputStream out() {
        return stateOut != null ? stateOut.stdout : out;
    }

    boolean isStandard() {
        return standard;
    }

    private int rawRead() throws IOException {
        if (raf != null) {
            return raf.read();
        }
        if (in == null) {
            throw new IOException("Bad file descriptor");
        }
        return in.read();
    }

    int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return rawRead();
    }

    int peek() throws IOException {
        if (peeked == -2) {
            peeked = rawRead();
        }
        return peeked;
    }

    /** A line without its newline, or null at end of file. */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c = read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            b.write(c);
            c = read();
        }
        return b.toByteArray();
    }

    byte[] readAll() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = read()) >= 0) {
            b.write(c);
        }
        return b.toByteArray();
    }

    /** Up to n bytes, or null at end of file. */
    byte[] read(int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (n == 0) {
            return peek() < 0 ? null : new byte[0];
        }
        for (int i = 0; i < n; i++) {
            int c = read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toByteArray();
    }

    void write(byte[] b) throws IOException {
        if (raf != null) {
            if (peeked != -2) {
                raf.seek(raf.getFilePointer() - (peeked >= 0 ? 1 : 0));
                peeked = -2;
            }
            raf.write(b);
        } else if (out() != null) {
            out().write(b);
        } else {
            throw new IOException("Bad file descriptor");
        }
    }

    void flush() throws IOException {
        if (out() != null) {
            out().flush();
        }
    }

    long seek(String whence, long offset) throws IOException {
        if (raf == null) {
            throw new IOException("Illegal seek");
        }
        long pos = raf.getFilePointer() - (peeked >= 0 ? 1 : 0);
        peeked = -2;
        long base = switch (whence) {
            case "set" -> 0;
            case "end" -> raf.length();
            default -> pos;
        };
        raf.seek(base + offset);
        return base + offset;
    }

    void close() throws IOException {
        closed = true;
        if (raf != null) {
            raf.close();
        } else if (out() != null) {
            out().flush();
        }
    }
}
