package io.moonkey.server;

/**
 * The two sides of a differential test: redis-server 7.0.15 and our server, each with one open
 * connection. {@link #start} gives null when redis-server is not installed (the test then skips
 * with {@link ReferenceServer#SKIP_MESSAGE}).
 */
final class ReferencePair implements AutoCloseable {
    final ReferenceServer reference;
    final TestServer ours;
    final RespConnection refConn;
    final RespConnection ourConn;

    private ReferencePair(ReferenceServer reference, TestServer ours) throws Exception {
        this.reference = reference;
        this.ours = ours;
        this.refConn = new RespConnection(reference.port);
        this.ourConn = ours.connect();
    }

    /** Starts both servers; ours with {@code ourArgs} (valkey-server style). */
    static ReferencePair start(String... ourArgs) throws Exception {
        ReferenceServer reference = ReferenceServer.start();
        if (reference == null) return null;
        return new ReferencePair(reference, new TestServer(ourArgs));
    }

    @Override
    public void close() throws Exception {
        refConn.close();
        ourConn.close();
        ours.close();
        reference.close();
    }
}
