package io.moonkey.server.replication;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;

/**
 * The connection to our master, on its own thread with blocking I/O: the handshake (PING,
 * AUTH, REPLCONF listening-port, REPLCONF capa eof capa psync2, PSYNC), the snapshot of a full
 * synchronisation (a sized bulk or an EOF-marked diskless transfer), then the command stream
 * split into commands with their byte sizes. Nothing here touches the server: everything
 * received becomes a {@link LinkEvent} for the execution thread ({@link ReplicaMode}); the only
 * thing written after the handshake is REPLCONF ACK, whose offset that thread supplies.
 */
final class MasterLink implements Runnable {
    private static final int EOF_MARK_LENGTH = 40;

    private final String host;
    private final int port;
    private final int listeningPort;
    private final String user, password;
    private final String cachedId;
    private final long cachedOffset;
    private final int timeoutMs;
    private final BlockingQueue<LinkEvent> events;
    private final Runnable wake;
    private volatile boolean stopped;
    private volatile Socket socket;
    private volatile OutputStream out;

    /** {@code cachedId}/{@code cachedOffset}: the history we hold, for PSYNC (null id: none). */
    MasterLink(String host, int port, int listeningPort, String user, String password, String cachedId, long cachedOffset,
            int timeoutMs, BlockingQueue<LinkEvent> events, Runnable wake) {
        this.host = host;
        this.port = port;
        this.listeningPort = listeningPort;
        this.user = user;
        this.password = password;
        this.cachedId = cachedId;
        this.cachedOffset = cachedOffset;
        this.timeoutMs = timeoutMs;
        this.events = events;
        this.wake = wake;
    }

    void stop() {
        stopped = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void post(LinkEvent e) {
        if (stopped) return;
        events.add(e);
        wake.run();
    }

    @Override
    public void run() {
        try (Socket s = new Socket()) {
            socket = s;
            if (stopped) return;
            post(new LinkEvent.State("connecting"));
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = s.getOutputStream();
            handshake(in);
            stream(in);
        } catch (IOException | RuntimeException e) {
            post(new LinkEvent.Lost(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void handshake(InputStream in) throws IOException {
        post(new LinkEvent.State("handshake"));
        expectOk(in, command("PING"), true);
        if (!password.isEmpty()) {
            expectOk(in, user.isEmpty() ? command("AUTH", password) : command("AUTH", user, password), false);
        }
        expectOk(in, command("REPLCONF", "listening-port", Integer.toString(listeningPort)), false);
        expectOk(in, command("REPLCONF", "capa", "eof", "capa", "psync2"), true);
        send(command("PSYNC", cachedId == null ? "?" : cachedId, cachedId == null ? "-1" : Long.toString(cachedOffset + 1)));
        String reply = line(in);
        while (reply.isEmpty()) reply = line(in); // keep-alive newlines while the master prepares
        if (reply.startsWith("+FULLRESYNC")) {
            String[] parts = reply.split(" ");
            if (parts.length < 3) throw new IOException("bad FULLRESYNC reply: " + reply);
            post(new LinkEvent.State("sync"));
            byte[] rdb = snapshot(in);
            post(new LinkEvent.FullSync(parts[1], Long.parseLong(parts[2].trim()), rdb));
        } else if (reply.startsWith("+CONTINUE")) {
            String[] parts = reply.trim().split(" ");
            post(new LinkEvent.Continue(parts.length > 1 ? parts[1] : null));
        } else {
            throw new IOException("unexpected reply to PSYNC: " + reply);
        }
    }

    /** Sends a handshake command; an error reply ends the attempt unless {@code tolerant} (old masters, NOAUTH on PING). */
    private void expectOk(InputStream in, byte[] cmd, boolean tolerant) throws IOException {
        send(cmd);
        String reply = line(in);
        if (reply.startsWith("-") && !tolerant) throw new IOException("master refused the handshake: " + reply.substring(1));
        if (reply.startsWith("-NOAUTH")) throw new IOException("master requires authentication (masterauth)");
    }

    /** The RDB after +FULLRESYNC: {@code $<len>} then the bytes, or {@code $EOF:<mark>} then bytes ending with the mark. */
    private byte[] snapshot(InputStream in) throws IOException {
        String header = line(in);
        while (header.isEmpty()) header = line(in);
        if (!header.startsWith("$")) throw new IOException("bad snapshot header: " + header);
        if (header.startsWith("$EOF:")) {
            byte[] mark = header.substring(5).getBytes(StandardCharsets.ISO_8859_1);
            if (mark.length != EOF_MARK_LENGTH) throw new IOException("bad EOF mark");
            // the master streams nothing after the mark until we acknowledge the snapshot
            byte[] buf = new byte[1 << 16];
            int size = 0;
            while (true) {
                if (buf.length - size < 1 << 14) buf = Arrays.copyOf(buf, buf.length * 2);
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) throw new EOFException("master closed during the transfer");
                size += n;
                if (size >= EOF_MARK_LENGTH && Arrays.equals(buf, size - EOF_MARK_LENGTH, size, mark, 0, EOF_MARK_LENGTH)) {
                    return Arrays.copyOf(buf, size - EOF_MARK_LENGTH);
                }
            }
        }
        long len = Long.parseLong(header.substring(1).trim());
        if (len < 0 || len > Integer.MAX_VALUE - 16) throw new IOException("snapshot too large: " + len);
        byte[] rdb = new byte[(int) len];
        int got = 0;
        while (got < len) {
            int n = in.read(rdb, got, rdb.length - got);
            if (n < 0) throw new EOFException("master closed during the transfer");
            got += n;
        }
        return rdb;
    }

    /** The command stream: each RESP array becomes a command event with its exact bytes. */
    private void stream(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(256);
        while (!stopped) {
            raw.reset();
            int first = in.read();
            if (first < 0) throw new EOFException("connection lost");
            if (first == '\n' || first == '\r') continue; // keep-alive
            raw.write(first);
            if (first != '*') throw new IOException("protocol error in the replication stream");
            int n = (int) number(in, raw);
            byte[][] argv = new byte[Math.max(0, n)][];
            for (int i = 0; i < argv.length; i++) {
                int t = in.read();
                if (t != '$') throw new IOException("protocol error in the replication stream");
                raw.write(t);
                int len = (int) number(in, raw);
                if (len < 0) throw new IOException("protocol error in the replication stream");
                argv[i] = in.readNBytes(len);
                if (argv[i].length != len) throw new EOFException("connection lost");
                raw.write(argv[i], 0, len);
                if (in.read() != '\r' || in.read() != '\n') throw new IOException("protocol error in the replication stream");
                raw.write('\r');
                raw.write('\n');
            }
            post(new LinkEvent.Command(argv, raw.toByteArray()));
        }
    }

    /** Digits up to CRLF (after a type byte), copied into {@code raw}. */
    private static long number(InputStream in, ByteArrayOutputStream raw) throws IOException {
        long v = 0;
        boolean neg = false;
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("connection lost");
            raw.write(c);
            if (c == '\r') {
                if (in.read() != '\n') throw new IOException("protocol error in the replication stream");
                raw.write('\n');
                return neg ? -v : v;
            }
            if (c == '-') neg = true;
            else if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
            else throw new IOException("protocol error in the replication stream");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("connection lost");
            if (c == '\n') {
                int len = b.length();
                if (len > 0 && b.charAt(len - 1) == '\r') b.setLength(len - 1);
                return b.toString();
            }
            b.append((char) c);
        }
    }

    private static byte[] command(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private synchronized void send(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** REPLCONF ACK offset; any thread. A failure shows up as the reader's lost connection. */
    void acknowledge(long offset) {
        if (out == null || stopped) return;
        try {
            send(command("REPLCONF", "ACK", Long.toString(offset)));
        } catch (IOException ignored) {
            // the reading side notices
        }
    }
}
