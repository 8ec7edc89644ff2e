package io.moonkey.server;

import io.moonkey.server.net.EventLoop;

/** Our server running in-process on an ephemeral loopback port, for end-to-end tests. */
final class TestServer implements AutoCloseable {
    final Server server;
    final EventLoop loop;
    final int port;
    private final Thread thread;

    TestServer(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--bind";
        all[1] = "127.0.0.1";
        System.arraycopy(args, 0, all, 2, args.length);
        server = new Server(all);
        server.log().setLevel("warning");
        loop = new EventLoop(server);
        port = loop.bind(0);
        thread = loop.start("moonkey-test-" + port);
    }

    RespConnection connect() throws Exception {
        return new RespConnection(port);
    }

    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
