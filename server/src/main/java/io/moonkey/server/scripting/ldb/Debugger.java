package io.moonkey.server.scripting.ldb;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.resp.RespWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Starts and ends the debugging session of an EVAL (ldb.md §2.3): the session around the
 * normal EVAL steps, {@code <endsession>}, the EVAL reply, then the connection closes.
 */
public final class Debugger {
    /** EVAL's steps 4–8 run with the session (scripting.md §2.1), replying to {@code out}. */
    public interface EvalSteps {
        void run(DebugSession session, ReplySink out);
    }

    /** A connection the debugger cannot talk to (an in-process client): the script just runs. */
    private static final DebugLink NO_CLIENT = new DebugLink() {
        @Override
        public int read(byte[] buf) {
            return -1;
        }

        @Override
        public void write(byte[] data) {}

        @Override
        public void close() {}
    };

    private final Server server;
    /** The connections of running forked sessions, closed at shutdown. */
    private final java.util.Set<SocketChannel> forkedSockets = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Debugger(Server server) {
        this.server = server;
    }

    public void eval(Session s, byte[][] argv, ReplySink out, DebugMode mode, EvalSteps steps) {
        ClientChannel ch = s.channel();
        SocketChannel socket = ch == null ? null : ch.socket();
        if (mode == DebugMode.FORKED && socket != null) {
            fork(s, ch, argv, out);
            return;
        }
        runSync(socket, argv[1], out, steps);
        if (ch != null) {
            ch.close(true); // after the EVAL reply (§1)
        }
    }

    /**
     * A forked session (§2.1): a private copy of the server made now, the connection handed
     * over to a thread of its own that runs the EVAL there under the debugger, writes the reply
     * and closes; the server forgets the client and keeps serving the others.
     */
    private void fork(Session s, ClientChannel ch, byte[][] argv, ReplySink out) {
        Server copy;
        try {
            copy = ForkedDataset.copyOf(server);
        } catch (Exception | OutOfMemoryError e) {
            // Debug mode is already off for the client; the connection stays (§2.1).
            out.error("ERR Fork() failed: can't run EVAL in debugging mode: " + e.getMessage());
            return;
        }
        byte[] earlier = ch.writer().toByteArray(); // replies to commands before the EVAL
        ch.writer().clear();
        String remote = ch.remoteAddress();
        String local = ch.localAddress();
        SocketChannel socket = ch.detach();
        forkedSockets.add(socket);
        DetachedChannel client = new DetachedChannel(socket, remote, local);
        Session forked = copy.newSession(client);
        forked.select(s.dbIndex());
        forked.setProtocol(s.protocol());
        Thread t = new Thread(() -> runForked(copy, forked, client, argv, earlier), "moonkey-ldb-" + s.id());
        t.setDaemon(true);
        t.start();
    }

    private void runForked(Server copy, Session forked, DetachedChannel client, byte[][] argv, byte[] earlier) {
        SocketLink link = new SocketLink(client.socket());
        try {
            if (earlier.length > 0) {
                link.write(earlier);
            }
            RespWriter ignored = new RespWriter();
            copy.dispatcher().execute(forked, new byte[][] {bytes("SCRIPT"), bytes("DEBUG"), bytes("SYNC")}, ignored);
            copy.dispatcher().execute(forked, argv, client.writer());
            link.write(client.writer().toByteArray());
        } catch (RuntimeException | Error e) {
            server.log().warning("forked Lua debugging session failed: " + e);
        } finally {
            forkedSockets.remove(client.socket());
            link.close();
        }
    }

    /**
     * At shutdown (§2.1: forked sessions are killed): closes every forked session's connection;
     * its debugger detaches and the private copy is dropped with its thread.
     */
    public void killForkedSessions() {
        for (SocketChannel s : forkedSockets.toArray(new SocketChannel[0])) {
            try {
                s.close();
            } catch (java.io.IOException e) {
                // already gone
            }
        }
        forkedSockets.clear();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A synchronous session (§2.2): on this thread, the server waits. */
    private void runSync(SocketChannel socket, byte[] body, ReplySink out, EvalSteps steps) {
        SocketLink socketLink = socket == null ? null : new SocketLink(socket);
        DebugLink link = socketLink == null ? NO_CLIENT : socketLink;
        DebugSession session = new DebugSession(new ScriptSource(body), link, server.config().getLong("busy-reply-threshold"));
        try {
            steps.run(session, out);
        } finally {
            session.end();
            if (socketLink != null) {
                socketLink.release();
            }
        }
    }
}
