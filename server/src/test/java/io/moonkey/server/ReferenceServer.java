package io.moonkey.server;

import java.io.File;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * The reference redis-server started on an ephemeral loopback port without persistence, for
 * differential tests. {@link #start()} returns null when redis-server is not installed.
 */
final class ReferenceServer implements AutoCloseable {
    static final String SKIP_MESSAGE = "install redis-server (Debian package redis-server) to run this differential test";

    final int port;
    private final Process process;

    private ReferenceServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static String executable() {
        if (System.getenv("MOONKEY_NO_REFERENCE") != null) return null; // simulate a machine without it
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    static ReferenceServer start() throws Exception {
        return start(new String[0]);
    }

    /** Starts it with extra options after the defaults (a later option overrides an earlier one). */
    static ReferenceServer start(String... extra) throws Exception {
        String exe = executable();
        if (exe == null) return null;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // its own empty directory: a replica writes the received RDB there, and nothing stale is loaded
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("moonkey-reference");
        dir.toFile().deleteOnExit();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(exe, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--enable-debug-command", "yes", "--daemonize", "no", "--logfile", ""));
        cmd.addAll(java.util.List.of(extra));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (RespConnection c = new RespConnection(port)) {
                if (c.call("PING").equals("+PONG\r\n")) return new ReferenceServer(port, p);
            } catch (Exception e) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
