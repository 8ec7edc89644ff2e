package io.moonkey.server.scripting.ldb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A {@link DebugLink} over the client's non-blocking socket: waits on a private selector of
 * its own, so it works both on the main thread (sync sessions block the server, ldb.md §2.2)
 * and on a forked session's thread.
 */
public final class SocketLink implements DebugLink {
    /** How long a write may wait for a client that does not read (the reference's send timeout). */
    private static final long WRITE_TIMEOUT_MS = 5000;

    private final SocketChannel channel;
    private Selector selector;
    private boolean failed;

    public SocketLink(SocketChannel channel) {
        this.channel = channel;
    }

    private boolean await(int op, long timeoutMs) throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            key = channel.register(selector, op);
        } else {
            key.interestOps(op);
        }
        selector.selectedKeys().clear();
        return selector.select(timeoutMs) > 0;
    }

    @Override
    public int read(byte[] buf) {
        if (failed) {
            return -1;
        }
        ByteBuffer bb = ByteBuffer.wrap(buf);
        try {
            while (true) {
                int n = channel.read(bb);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    failed = true;
                    return -1;
                }
                await(SelectionKey.OP_READ, 0);
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            return -1;
        }
    }

    @Override
    public void write(byte[] data) {
        if (failed) {
            return;
        }
        ByteBuffer bb = ByteBuffer.wrap(data);
        long deadline = System.currentTimeMillis() + WRITE_TIMEOUT_MS;
        try {
            while (bb.hasRemaining()) {
                if (channel.write(bb) == 0) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        failed = true;
                        return;
                    }
                    await(SelectionKey.OP_WRITE, left);
                }
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
        }
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Releases the private selector, leaving the socket to its owner (sync sessions). */
    public void release() {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // nothing to release
        }
        selector = null;
    }
}
