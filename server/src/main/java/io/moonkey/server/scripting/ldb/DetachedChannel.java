package io.moonkey.server.scripting.ldb;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.resp.RespWriter;
import java.nio.channels.SocketChannel;

/**
 * The debugged client as the private server of a forked session sees it (ldb.md §2.1): the
 * socket taken over from the real server, replies collected to be written when the session ends.
 */
final class DetachedChannel implements ClientChannel {
    private final SocketChannel socket;
    private final String remote;
    private final String local;
    private final RespWriter writer = new RespWriter();

    DetachedChannel(SocketChannel socket, String remote, String local) {
        this.socket = socket;
        this.remote = remote;
        this.local = local;
    }

    @Override
    public RespWriter writer() {
        return writer;
    }

    @Override
    public void flushSoon() {
        // written by the session when the EVAL is done
    }

    @Override
    public void close(boolean afterReply) {
        // the session closes the socket after writing the EVAL reply
    }

    @Override
    public void pauseInput(boolean paused) {
        // nothing else is read from this client
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
        return -1;
    }

    @Override
    public int queryBufferBytes() {
        return 0;
    }

    @Override
    public int queryBufferCapacity() {
        return 0;
    }

    @Override
    public SocketChannel socket() {
        return socket;
    }
}
