package io.moonkey.server.net;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The selector loop: accepts connections, reads and executes requests, writes replies and runs
 * the periodic cron, all on one thread, which is therefore the single command-execution thread
 * (one total order, no locks). {@link #pollWhileBusy} lets a long-running script serve other
 * clients (BUSY replies, SCRIPT KILL) from inside its own execution.
 */
public final class EventLoop {
    private final Server server;
    private final Selector selector;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<Connection> pendingFlush = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private volatile boolean stopping;
    private Thread thread;
    private long nextCronMs;
    private int port;

    public EventLoop(Server server) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        server.setEventLoop(this);
    }

    /**
     * Binds the configured addresses on {@code port} (0 = an ephemeral port, for tests) and
     * returns the port actually bound.
     */
    public int bind(int port) throws IOException {
        String bind = server.config().get("bind");
        List<InetSocketAddress> addrs = new ArrayList<>();
        for (String a : bind.trim().split("\\s+")) {
            boolean optional = a.startsWith("-");
            String host = optional ? a.substring(1) : a;
            if (host.equals("*")) addrs.add(new InetSocketAddress(port));
            else if (host.equals("::*")) continue; // the "*" wildcard socket is dual-stack already
            else addrs.add(new InetSocketAddress(InetAddress.getByName(host), port));
        }
        for (InetSocketAddress a : addrs) {
            ServerSocketChannel ss = ServerSocketChannel.open();
            ss.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ss.bind(port == 0 && !listeners.isEmpty() ? new InetSocketAddress(a.getAddress(), this.port) : a,
                    (int) server.config().getLong("tcp-backlog"));
            ss.configureBlocking(false);
            ss.register(selector, SelectionKey.OP_ACCEPT);
            listeners.add(ss);
            if (this.port == 0) this.port = ((InetSocketAddress) ss.getLocalAddress()).getPort();
        }
        return this.port;
    }

    public int port() {
        return port;
    }

    /** Runs the loop on the calling thread until {@link #stop()}. */
    public void run() {
        thread = Thread.currentThread();
        nextCronMs = System.currentTimeMillis();
        while (!stopping) {
            long wake = Math.min(nextCronMs, server.blocked().nextDeadline());
            pollOnce(Math.max(1, wake - System.currentTimeMillis()));
            long now = System.currentTimeMillis();
            if (now >= nextCronMs) {
                try {
                    server.cron();
                } catch (RuntimeException e) {
                    server.log().warning("cron failed: " + e);
                }
                long hz = Math.max(1, Math.min(500, server.config().getLong("hz")));
                nextCronMs = now + 1000 / hz;
            }
        }
        closeAll();
        server.stopped();
    }

    /** Starts the loop on a new thread (tests, embedding). */
    public Thread start(String name) {
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks the loop to finish after the current iteration; callable from any thread. */
    public void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** Wakes the loop from a select (another thread has work for it); callable from any thread. */
    public void wakeup() {
        selector.wakeup();
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Waits for the loop thread to finish (SIGTERM handler). */
    public void awaitTermination(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) t.join(millis);
    }

    /**
     * Processes ready events once without blocking; a busy script calls this periodically so other
     * clients are answered (the busy connection itself is paused by the scripting engine).
     */
    public void pollWhileBusy() {
        pollOnce(0);
    }

    private void pollOnce(long timeoutMs) {
        try {
            // Not the action form of select: a busy script polls again from inside a handler,
            // and the selector refuses a select while an action-form select is in progress.
            if (timeoutMs == 0) selector.selectNow();
            else selector.select(timeoutMs);
        } catch (IOException e) {
            server.log().warning("selector failed: " + e.getMessage());
            return;
        }
        java.util.Set<SelectionKey> ready = selector.selectedKeys();
        if (!ready.isEmpty()) {
            SelectionKey[] keys = ready.toArray(new SelectionKey[0]);
            ready.clear();
            for (SelectionKey k : keys) {
                handle(k);
            }
        }
        long now = System.currentTimeMillis();
        server.blocked().expireTimeouts(now);
        server.replicaMode().tick(now);
        server.replication().tick(now);
        server.tracking().broadcastPending(); // BCAST invalidations gathered during this round
        server.aof().flush(now, false); // written before the replies that acknowledge it
        flushPending();
    }

    private void handle(SelectionKey k) {
        if (!k.isValid()) return;
        if (k.isAcceptable()) {
            accept((ServerSocketChannel) k.channel());
            return;
        }
        Connection c = (Connection) k.attachment();
        if (c == null) return;
        try {
            if (k.isWritable()) c.flush();
            if (k.isValid() && k.isReadable()) c.onReadable();
        } catch (RuntimeException | OutOfMemoryError e) {
            // a request that breaks the server's code costs that client its connection, nothing more
            server.log().warning("closing client " + c.remoteAddress() + " after internal error: " + e);
            c.close(false);
        }
    }

    private void flushPending() {
        for (int i = 0; i < pendingFlush.size(); i++) pendingFlush.get(i).flush();
        pendingFlush.clear();
    }

    void queueFlush(Connection c) {
        pendingFlush.add(c);
    }

    /**
     * Executes a request from a connection, applying CLIENT REPLY OFF/SKIP to its reply; false
     * if CLIENT PAUSE postponed it.
     */
    boolean execute(Session s, byte[][] argv, io.moonkey.server.resp.RespWriter out) {
        int mark = out.mark();
        s.replyStarting();
        if (!server.dispatcher().execute(s, argv, out)) {
            s.replyPostponed();
            return false;
        }
        if (s.replySuppressed()) out.truncate(mark);
        return true;
    }

    private void accept(ServerSocketChannel ss) {
        for (int i = 0; i < 64; i++) {
            SocketChannel ch;
            try {
                ch = ss.accept();
            } catch (IOException e) {
                return;
            }
            if (ch == null) return;
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (server.config().getLong("tcp-keepalive") > 0) ch.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                if (server.clientCount() >= server.config().getLong("maxclients")) {
                    refuse(ch, "-ERR max number of clients reached\r\n");
                    continue;
                }
                if (deniedByProtectedMode(ch)) {
                    refuse(ch, "-DENIED Running in protected mode because protected mode is enabled and no password is set for the default user. "
                            + "In this mode connections are only accepted from the loopback interface.\r\n");
                    continue;
                }
                SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
                Connection c = new Connection(this, server, ch, key);
                key.attach(c);
                connections.add(c);
            } catch (IOException e) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    private boolean deniedByProtectedMode(SocketChannel ch) throws IOException {
        if (!server.config().getBool("protected-mode") || server.authRequired()) return false;
        if (!server.config().get("bind").equals("* -::*")) return false;
        InetAddress a = ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
        return !a.isLoopbackAddress();
    }

    private void refuse(SocketChannel ch, String msg) throws IOException {
        server.countRejectedConnection();
        ch.write(java.nio.ByteBuffer.wrap(msg.getBytes(StandardCharsets.US_ASCII)));
        ch.close();
    }

    void connectionClosed(Connection c) {
        connections.remove(c);
    }

    private void closeAll() {
        for (Connection c : new ArrayList<>(connections)) {
            c.flush();
            c.close(false);
        }
        for (ServerSocketChannel ss : listeners) {
            try {
                ss.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
