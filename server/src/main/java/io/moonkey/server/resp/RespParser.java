package io.moonkey.server.resp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Incremental request parser owning a client's input buffer. Accepts RESP multibulk requests
 * ({@code *N\r\n$len\r\n...}) and inline commands (a line of space-separated words, quotes as
 * valkey-cli writes them). Parsing resumes where it stopped, so a large argument arriving in
 * many reads is scanned once; each argument is copied once into its own array, which commands
 * may keep (stored keys and values use it directly).
 */
public final class RespParser {
    /** Longest inline line or count line accepted without a newline. */
    static final int INLINE_MAX = 64 * 1024;
    private static final byte[][] NO_ARGS = new byte[0][];

    private byte[] buf = new byte[16 * 1024];
    private int rpos, wpos;
    private ByteBuffer view = ByteBuffer.wrap(buf);

    private long maxBulkLen = 512L * 1024 * 1024;
    private boolean authenticated = true;

    // multibulk state, kept across reads
    private int remaining = -1; // args still to read of the current multibulk, -1 = none
    private byte[][] argv;
    private int argc;
    private long bulkLen = -1;

    public void setMaxBulkLen(long n) {
        maxBulkLen = n;
    }

    /** Unauthenticated clients get tight limits (10 args, 16 KiB args), as Valkey does. */
    public void setAuthenticated(boolean a) {
        authenticated = a;
    }

    /** Bytes buffered and not yet parsed. */
    public int buffered() {
        return wpos - rpos;
    }

    public int capacity() {
        return buf.length;
    }

    /** Reads what the channel has; returns the byte count, or -1 at end of stream. */
    public int readFrom(ReadableByteChannel ch) throws IOException {
        if (rpos == wpos) rpos = wpos = 0;
        int want = 16 * 1024;
        if (remaining > 0 && bulkLen >= 32 * 1024) {
            // grow towards a big argument as its bytes arrive (doubling), never just because a
            // client announced a length: a liar gets no more memory than it sends
            long missing = bulkLen + 2 - (wpos - rpos);
            want = (int) Math.min(missing, Math.max(64 * 1024, Math.min(wpos - rpos, 64L * 1024 * 1024)));
        }
        ensureSpace(Math.max(want, 1024));
        view.limit(buf.length).position(wpos);
        int n = ch.read(view);
        if (n > 0) wpos += n;
        return n;
    }

    /** Appends bytes as if read from a socket (tests, in-process use). */
    public void feed(byte[] b, int off, int len) {
        ensureSpace(len);
        System.arraycopy(b, off, buf, wpos, len);
        wpos += len;
    }

    private void ensureSpace(int n) {
        if (buf.length - wpos >= n) return;
        int live = wpos - rpos;
        if (rpos > 0 && buf.length - live >= n && live < buf.length / 2) {
            System.arraycopy(buf, rpos, buf, 0, live);
            rpos = 0;
            wpos = live;
            return;
        }
        long cap = buf.length;
        while (cap - live < n) cap *= 2;
        byte[] nb = new byte[(int) Math.min(cap, Integer.MAX_VALUE - 16)];
        System.arraycopy(buf, rpos, nb, 0, live);
        buf = nb;
        view = ByteBuffer.wrap(buf);
        rpos = 0;
        wpos = live;
    }

    /** Shrinks an idle oversized buffer (after a large request). */
    public void trim() {
        if (rpos == wpos && buf.length > 64 * 1024) {
            buf = new byte[16 * 1024];
            view = ByteBuffer.wrap(buf);
            rpos = wpos = 0;
        }
    }

    /**
     * The next complete request, an empty array for an empty request (to be ignored), or null
     * when more bytes are needed.
     */
    public byte[][] next() throws ProtocolException {
        if (remaining < 0) {
            if (rpos >= wpos) return null;
            if (buf[rpos] != '*') return inline();
            int eol = findCrlf(rpos);
            if (eol < 0) {
                if (wpos - rpos > INLINE_MAX) throw new ProtocolException("ERR Protocol error: too big mbulk count string");
                return null;
            }
            long n = parseNumber(rpos + 1, eol);
            if (n == Long.MIN_VALUE || n > Integer.MAX_VALUE || (!authenticated && n > 10)) {
                throw new ProtocolException("ERR Protocol error: invalid multibulk length");
            }
            rpos = eol + 2;
            if (n <= 0) return NO_ARGS;
            remaining = (int) n;
            argv = new byte[(int) Math.min(n, 1024)][];
            argc = 0;
            bulkLen = -1;
        }
        while (remaining > 0) {
            if (bulkLen < 0) {
                if (rpos >= wpos) return null;
                if (buf[rpos] != '$') {
                    char got = (char) (buf[rpos] & 0xff);
                    throw new ProtocolException("ERR Protocol error: expected '$', got '" + got + "'");
                }
                int eol = findCrlf(rpos);
                if (eol < 0) {
                    if (wpos - rpos > INLINE_MAX) throw new ProtocolException("ERR Protocol error: too big bulk count string");
                    return null;
                }
                long n = parseNumber(rpos + 1, eol);
                if (n < 0 || n > maxBulkLen || (!authenticated && n > 16384)) {
                    throw new ProtocolException("ERR Protocol error: invalid bulk length");
                }
                rpos = eol + 2;
                bulkLen = n;
            }
            if (wpos - rpos < bulkLen + 2) return null; // readFrom makes room as the bytes arrive
            byte[] arg = Arrays.copyOfRange(buf, rpos, rpos + (int) bulkLen);
            rpos += (int) bulkLen + 2; // the CRLF is not checked, as in Valkey
            if (argc == argv.length) argv = Arrays.copyOf(argv, Math.min(argv.length * 2, argc + remaining));
            argv[argc++] = arg;
            remaining--;
            bulkLen = -1;
        }
        remaining = -1;
        byte[][] out = argc == argv.length ? argv : Arrays.copyOf(argv, argc);
        argv = null;
        return out;
    }

    private int findCrlf(int from) {
        for (int i = from; i < wpos - 1; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') return i;
        }
        return -1;
    }

    /** A decimal number in buf[from, to), or Long.MIN_VALUE if malformed. */
    private long parseNumber(int from, int to) {
        if (from >= to || to - from > 19) return Long.MIN_VALUE;
        boolean neg = buf[from] == '-';
        int i = neg ? from + 1 : from;
        if (i >= to) return Long.MIN_VALUE;
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) return Long.MIN_VALUE;
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private byte[][] inline() throws ProtocolException {
        int nl = -1;
        for (int i = rpos; i < wpos; i++) {
            if (buf[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            if (wpos - rpos > INLINE_MAX) throw new ProtocolException("ERR Protocol error: too big inline request");
            return null;
        }
        int end = nl;
        if (end > rpos && buf[end - 1] == '\r') end--;
        byte[][] args = InlineSplitter.split(buf, rpos, end);
        rpos = nl + 1;
        if (args == null) throw new ProtocolException("ERR Protocol error: unbalanced quotes in request");
        return args;
    }
}
