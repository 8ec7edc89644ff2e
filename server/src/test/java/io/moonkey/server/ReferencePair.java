package io.moonkey.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The two sides of a differential test: redis-server 7.0.15 and our server. {@link #start} gives
 * null when redis-server is not installed (the test then skips with
 * {@link ReferenceServer#SKIP_MESSAGE}). Connections opened through the pair are closed with it.
 */
final class ReferencePair implements AutoCloseable {
    final ReferenceServer reference;
    final TestServer ours;
    private final List<RespConnection> opened = new ArrayList<>();
    private RespConnection refConn, ourConn;

    private ReferencePair(ReferenceServer reference, TestServer ours) {
        this.reference = reference;
        this.ours = ours;
    }

    /** Starts both servers; ours with {@code ourArgs} (valkey-server style). */
    static ReferencePair start(String... ourArgs) throws Exception {
        return start(List.of(), ourArgs);
    }

    /** Starts both servers, the reference with {@code referenceArgs} after its defaults. */
    static ReferencePair start(List<String> referenceArgs, String... ourArgs) throws Exception {
        ReferenceServer reference = ReferenceServer.start(referenceArgs.toArray(new String[0]));
        if (reference == null) return null;
        try {
            return new ReferencePair(reference, new TestServer(ourArgs));
        } catch (Exception | Error e) {
            reference.close(); // otherwise the redis-server process outlives the test run
            throw e;
        }
    }

    /**
     * The shared connection to the reference, opened on first use: a test that opens its own
     * connections then sees no extra client.
     */
    RespConnection refConn() throws Exception {
        if (refConn == null) refConn = connectReference();
        return refConn;
    }

    /** The shared connection to ours, opened on first use. */
    RespConnection ourConn() throws Exception {
        if (ourConn == null) ourConn = connectOurs();
        return ourConn;
    }

    /** A further connection to the reference, closed with the pair. */
    RespConnection connectReference() throws Exception {
        return owned(new RespConnection(reference.port));
    }

    /** A further connection to ours, closed with the pair. */
    RespConnection connectOurs() throws Exception {
        return owned(ours.connect());
    }

    private RespConnection owned(RespConnection c) {
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws Exception {
        try {
            for (RespConnection c : opened) c.close();
        } finally {
            try {
                ours.close();
            } finally {
                reference.close();
            }
        }
    }
}
