package io.moonkey.server.net;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ProtocolException;
import io.moonkey.server.resp.RespParser;
import io.moonkey.server.resp.RespWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection: its socket, query buffer (the parser), output buffer (the writer) and
 * session. Reads parse and execute every complete request at once (pipelining), then the
 * replies are written in one go.
 */
final class Connection implements ClientChannel {
    private static int nextFd = 8;

    private final EventLoop loop;
    private final Server server;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final RespParser parser = new RespParser();
    private final RespWriter writer = new RespWriter();
    private final Session session;
    private final String remote, local;
    private final int fd = nextFd++;
    private boolean closeAfterReply;
    /** Over its output limit: closed at the next flush, never in the middle of a fan-out. */
    private boolean closeAsap;
    private boolean closed;
    private boolean flushQueued;
    /** Set while a busy script runs on this connection: its further input is not read. */
    boolean paused;

    Connection(EventLoop loop, Server server, SocketChannel channel, SelectionKey key) throws IOException {
        this.loop = loop;
        this.server = server;
        this.channel = channel;
        this.key = key;
        this.remote = format((InetSocketAddress) channel.getRemoteAddress());
        this.local = format((InetSocketAddress) channel.getLocalAddress());
        this.session = server.newSession(this);
        parser.setAuthenticated(session.authenticated());
        parser.setMaxBulkLen(server.config().getLong("proto-max-bulk-len"));
    }

    private static String format(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        int pct = host.indexOf('%');
        if (pct >= 0) host = host.substring(0, pct);
        if (host.equals("0:0:0:0:0:0:0:1")) host = "::1";
        return host + ":" + a.getPort();
    }

    Session session() {
        return session;
    }

    /** Reads, executes every complete request, and writes the replies. */
    void onReadable() {
        // A paused client is not read, except a blocked one: Valkey notices when it disconnects.
        if (paused && !server.blocked().isBlocked(session)) return;
        int n;
        try {
            n = parser.readFrom(channel);
        } catch (IOException e) {
            close(false);
            return;
        }
        if (n < 0) {
            close(false);
            return;
        }
        server.countNetwork(n, 0);
        processInput();
        server.aof().flush(System.currentTimeMillis(), false); // an acknowledged write is in the AOF first
        flush();
    }

    /** Executes the complete requests in the query buffer. */
    void processInput() {
        long limit = server.queryBufferLimit();
        while (!closeAfterReply && !closed && !paused) {
            byte[][] argv;
            try {
                argv = parser.next();
            } catch (ProtocolException e) {
                writer.error(e.getMessage());
                closeAfterReply = true;
                break;
            }
            if (argv == null) break;
            if (argv.length == 0) continue;
            session.touchInteraction();
            if (!loop.execute(session, argv, writer)) {
                postpone(argv);
                break;
            }
            parser.setAuthenticated(session.authenticated());
        }
        if (parser.buffered() > limit) {
            server.log().warning("Closing client that reached max query buffer length: " + remote);
            close(false);
            return;
        }
        parser.trim();
    }

    /** CLIENT PAUSE held this request: stop reading input and run it when the pause ends. */
    private void postpone(byte[][] argv) {
        paused = true;
        server.whenUnpaused(() -> {
            if (closed) return;
            paused = false;
            if (!loop.execute(session, argv, writer)) {
                postpone(argv); // paused again meanwhile
                return;
            }
            processInput();
            flushSoon();
        });
    }

    /** Writes pending output; keeps write interest if the socket is full. */
    void flush() {
        if (closed) return;
        flushQueued = false;
        if (closeAsap) {
            close(false);
            return;
        }
        int before = writer.pending();
        try {
            boolean done = writer.drainTo(channel);
            server.countNetwork(0, before - writer.pending());
            if (done) {
                if (closeAfterReply) {
                    close(false);
                    return;
                }
                if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) key.interestOps(SelectionKey.OP_READ);
            } else {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                checkOutputLimit();
            }
        } catch (IOException e) {
            close(false);
        }
    }

    private final long[] softLimitSince = new long[1];

    private void checkOutputLimit() {
        if (!closeAsap && server.outputLimits().exceeded(session, writer.pending(), softLimitSince)) {
            server.log().warning("Client id=" + session.id() + " addr=" + remote
                    + " scheduled to be closed ASAP for overcoming of output buffer limits.");
            closeAsap = true;
            writer.clear(); // its pending output will never be sent
            flushSoon();
        }
    }

    @Override
    public void pauseInput(boolean p) {
        if (paused == p) return;
        paused = p;
        if (!p) { // requests that arrived meanwhile are waiting in the query buffer
            processInput();
            flushSoon();
        }
    }

    @Override
    public RespWriter writer() {
        return writer;
    }

    @Override
    public void flushSoon() {
        if (!closeAsap && writer.pending() > 1024 * 1024) checkOutputLimit(); // pushes to a client that doesn't read
        if (!flushQueued && !closed) {
            flushQueued = true;
            loop.queueFlush(this);
        }
    }

    @Override
    public void close(boolean afterReply) {
        if (closed) return;
        if (afterReply) {
            closeAfterReply = true;
            flushSoon();
            return;
        }
        closed = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
        server.sessionClosed(session);
        loop.connectionClosed(this);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public String localAddress() {
        return local;
    }

    @Override
    public int fd() {
        return fd;
    }

    @Override
    public int queryBufferBytes() {
        return parser.buffered();
    }

    @Override
    public int queryBufferCapacity() {
        return parser.capacity();
    }

    @Override
    public SocketChannel socket() {
        return channel;
    }

    @Override
    public SocketChannel detach() {
        if (closed) return null;
        closed = true; // no more reads, writes or closing from the event loop
        key.cancel();
        server.sessionClosed(session);
        loop.connectionClosed(this);
        return channel;
    }
}
