package io.moonkey.server;

import io.moonkey.server.resp.RespWriter;

/** The network side of a session: where its replies and pushes go and how it is closed. */
public interface ClientChannel {
    RespWriter writer();

    /** Arranges for pending output to be written soon (after pushes from other clients' commands). */
    void flushSoon();

    /** Closes the connection, after writing pending replies when {@code afterReply}. */
    void close(boolean afterReply);

    /**
     * Stops (true) or resumes (false) executing this client's further requests; a busy script
     * pauses its caller so the event loop can serve others without reentering that client.
     */
    void pauseInput(boolean paused);

    String remoteAddress();

    String localAddress();

    int fd();

    /** Bytes buffered in the query buffer, not yet parsed. */
    int queryBufferBytes();

    int queryBufferCapacity();

    /**
     * The client's socket, which the Lua debugger reads and writes directly during a session
     * (ldb.md §4); null for channels without one.
     */
    default java.nio.channels.SocketChannel socket() {
        return null;
    }

    /**
     * Stops serving this connection without closing its socket, which the caller now owns (a
     * forked Lua debugging session, ldb.md §2.1): the server forgets the client. Returns the
     * socket, or null for channels without one.
     */
    default java.nio.channels.SocketChannel detach() {
        return null;
    }
}
