package io.moonkey.server.scripting.ldb;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The debugger's own reader of client commands (ldb.md §4.2): RESP arrays of 1..1024 bulk
 * strings of 1..1024 bytes each, bytes before the first {@code *} skipped, anything else a
 * protocol error; incomplete input waits for more. A complete command empties the buffer
 * (bytes sent after it in the same read are dropped, as the reference does).
 */
public final class DebugCommandParser {
    /** More than this buffered without a complete command aborts the script (§4.2). */
    static final int MAX_BUFFER = 1 << 20;
    static final int MAX_ARGS = 1024;
    static final int MAX_ARG_LEN = 1024;

    /** The client broke the protocol. */
    public static final class ProtocolError extends Exception {
        ProtocolError() {
            super("protocol error", null, false, false);
        }
    }

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public void feed(byte[] data, int off, int len) {
        buffer.write(data, off, len);
    }

    public int buffered() {
        return buffer.size();
    }

    public void clear() {
        buffer.reset();
    }

    /** The next command, or null when more input is needed. */
    public byte[][] next() throws ProtocolError {
        byte[] b = buffer.toByteArray();
        if (b.length == 0) {
            return null;
        }
        int p = indexOf(b, 0, (byte) '*');
        if (p < 0) {
            throw new ProtocolError();
        }
        int eol = crlf(b, p);
        if (eol < 0) {
            return null;
        }
        int argc = atoi(b, p + 1, eol);
        if (argc <= 0 || argc > MAX_ARGS) {
            throw new ProtocolError();
        }
        p = eol + 2;
        byte[][] argv = new byte[argc][];
        for (int i = 0; i < argc; i++) {
            if (p >= b.length) {
                return null;
            }
            if (b[p] != '$') {
                throw new ProtocolError();
            }
            eol = crlf(b, p);
            if (eol < 0) {
                return null;
            }
            int len = atoi(b, p + 1, eol);
            if (len <= 0 || len > MAX_ARG_LEN) {
                throw new ProtocolError();
            }
            p = eol + 2;
            if (p + len + 2 > b.length) {
                return null;
            }
            argv[i] = Arrays.copyOfRange(b, p, p + len);
            p += len;
            if (b[p] != '\r' || b[p + 1] != '\n') {
                throw new ProtocolError();
            }
            p += 2;
        }
        buffer.reset();
        return argv;
    }

    private static int indexOf(byte[] b, int from, byte c) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int crlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** C's atoi over {@code b[from, to)}: optional blanks and sign, then digits; 0 when none. */
    static int atoi(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long v = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9' && v < Integer.MAX_VALUE) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, negative ? -v : v));
    }

    static int atoi(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return atoi(b, 0, b.length);
    }
}
