package io.moonkey.server.resp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes replies as RESP2 or RESP3 into a growable byte array, from which the connection
 * writes to its socket. Allocation-free for the common replies.
 */
public final class RespWriter implements ReplySink {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_BULK = "$-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_ARRAY = "*-1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL3 = "_\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Observes error replies for INFO errorstats. */
    public interface ErrorObserver {
        void errorReplied(String message, boolean counted);
    }

    private byte[] buf = new byte[16 * 1024];
    private ByteBuffer view = ByteBuffer.wrap(buf);
    private int start, end;
    private int protocol = 2;
    private ErrorObserver errorObserver;

    public void setErrorObserver(ErrorObserver o) {
        errorObserver = o;
    }

    @Override
    public int protocol() {
        return protocol;
    }

    public void setProtocol(int protocol) {
        this.protocol = protocol;
    }

    /** Bytes waiting to be written. */
    public int pending() {
        return end - start;
    }

    /** Current buffer capacity (for memory accounting and output limits). */
    public int capacity() {
        return buf.length;
    }

    /** Position to pass to {@link #truncate} to drop everything written after it. */
    public int mark() {
        return end;
    }

    public void truncate(int mark) {
        end = mark;
    }

    /** Writes as much as the channel takes; returns true when everything was written. */
    public boolean drainTo(WritableByteChannel ch) throws IOException {
        while (start < end) {
            view.limit(end).position(start);
            int n = ch.write(view);
            if (n <= 0) return false;
            start += n;
        }
        start = end = 0;
        if (buf.length > 1024 * 1024) { // release a burst's memory
            buf = new byte[16 * 1024];
            view = ByteBuffer.wrap(buf);
        }
        return true;
    }

    /** The pending bytes (tests and in-process capture). */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(buf, start, end);
    }

    public void clear() {
        start = end = 0;
    }

    private void ensure(int n) {
        if (end + n <= buf.length) return;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
            if (end + n <= buf.length) return;
        }
        int cap = buf.length;
        while (cap < end + n) cap = cap < (1 << 30) ? cap * 2 : Integer.MAX_VALUE - 8;
        buf = Arrays.copyOf(buf, cap);
        view = ByteBuffer.wrap(buf);
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, end, b.length);
        end += b.length;
    }

    /** Appends raw protocol bytes (MONITOR lines, pre-encoded replies). */
    public void raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    private void header(char type, long n) {
        ensure(24);
        buf[end++] = (byte) type;
        end = io.moonkey.datastore.Numbers.writeLong(n, buf, end);
        buf[end++] = '\r';
        buf[end++] = '\n';
    }

    private void ascii(char type, String s) {
        int n = s.length();
        ensure(n + 3);
        buf[end++] = (byte) type;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[end++] = (byte) (c == '\r' || c == '\n' ? ' ' : c < 256 ? c : '?');
        }
        buf[end++] = '\r';
        buf[end++] = '\n';
    }

    @Override
    public void simple(String s) {
        if (s.equals("OK")) put(OK);
        else ascii('+', s);
    }

    @Override
    public void ok() {
        put(OK);
    }

    @Override
    public void error(String message) {
        if (errorObserver != null) errorObserver.errorReplied(message, true);
        ascii('-', message);
    }

    @Override
    public void errorCountedElsewhere(String message) {
        if (errorObserver != null) errorObserver.errorReplied(message, false);
        ascii('-', message);
    }

    @Override
    public void integer(long v) {
        header(':', v);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        ensure(len + 24);
        buf[end++] = '$';
        end = io.moonkey.datastore.Numbers.writeLong(len, buf, end);
        buf[end++] = '\r';
        buf[end++] = '\n';
        System.arraycopy(b, off, buf, end, len);
        end += len;
        buf[end++] = '\r';
        buf[end++] = '\n';
    }

    @Override
    public void nullBulk() {
        put(protocol == 3 ? NULL3 : NULL_BULK);
    }

    @Override
    public void nullArray() {
        put(protocol == 3 ? NULL3 : NULL_ARRAY);
    }

    @Override
    public void arrayHeader(int n) {
        header('*', n);
    }

    @Override
    public void mapHeader(int n) {
        if (protocol == 3) header('%', n);
        else header('*', 2L * n);
    }

    @Override
    public void setHeader(int n) {
        header(protocol == 3 ? '~' : '*', n);
    }

    @Override
    public void pushHeader(int n) {
        header(protocol == 3 ? '>' : '*', n);
    }

    @Override
    public void doubleValue(double d) {
        String s = DoubleFormat.format(d);
        if (protocol == 3) ascii(',', s);
        else bulk(s);
    }

    @Override
    public void doubleText(byte[] text) {
        if (protocol == 3) ascii(',', new String(text, java.nio.charset.StandardCharsets.US_ASCII));
        else bulk(text);
    }

    @Override
    public void bool(boolean b) {
        if (protocol == 3) ascii('#', b ? "t" : "f");
        else integer(b ? 1 : 0);
    }

    @Override
    public void verbatim(String format, byte[] text) {
        if (protocol != 3) {
            bulk(text);
            return;
        }
        header('=', text.length + 4L);
        put(format.getBytes(StandardCharsets.US_ASCII));
        ensure(1);
        buf[end++] = ':';
        put(text);
        put(CRLF);
    }

    @Override
    public void bigNumber(String decimal) {
        if (protocol == 3) ascii('(', decimal);
        else bulk(decimal);
    }
}
