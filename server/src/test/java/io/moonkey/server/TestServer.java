package io.moonkey.server;

import io.moonkey.server.net.EventLoop;

/** Our server running in-process on an ephemeral loopback port, for end-to-end tests. */
final class TestServer implements AutoCloseable {
    final Server server;
    final EventLoop loop;
    final int port;
    private final Thread thread;

    TestServer(String... args) throws Exception {
        // its own directory, so no dump.rdb of the working directory is loaded or written
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("moonkey-test");
        dir.toFile().deleteOnExit();
        String[] all = new String[args.length + 4];
        all[0] = "--bind";
        all[1] = "127.0.0.1";
        all[2] = "--dir";
        all[3] = dir.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        server = new Server(all);
        server.log().setLevel(System.getenv().getOrDefault("MOONKEY_TEST_LOGLEVEL", "warning"));
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
