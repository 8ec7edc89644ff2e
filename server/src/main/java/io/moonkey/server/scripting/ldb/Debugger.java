package io.moonkey.server.scripting.ldb;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.nio.channels.SocketChannel;

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

    public Debugger(Server server) {
        this.server = server;
    }

    public void eval(Session s, byte[][] argv, ReplySink out, DebugMode mode, EvalSteps steps) {
        ClientChannel ch = s.channel();
        SocketChannel socket = ch == null ? null : ch.socket();
        runSync(socket, argv[1], out, steps);
        if (ch != null) {
            ch.close(true); // after the EVAL reply (§1)
        }
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
