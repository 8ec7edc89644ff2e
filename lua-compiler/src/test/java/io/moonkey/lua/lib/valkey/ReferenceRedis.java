package io.moonkey.lua.lib.valkey;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference server, {@code redis-server} 7.0.15, started on a free loopback port for the
 * duration of a test class, spoken to in RESP over one socket. Tests that need it are skipped,
 * with the reason, when it is not installed.
 */
final class ReferenceRedis implements AutoCloseable {
    private final Process process;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Path dir;

    private ReferenceRedis(Process process, Socket socket, Path dir) throws IOException {
        this.process = process;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.dir = dir;
    }

    static String executable() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(d, "redis-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static ReferenceRedis start() throws Exception {
        String exe = executable();
        Assumptions.assumeTrue(exe != null,
                "redis-server is not installed: install the Debian package redis-server to run this differential test");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("moonkey-redis");
        Process p = new ProcessBuilder(exe, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
                s.setSoTimeout(30_000);
                return new ReferenceRedis(p, s, dir);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    throw new IOException("redis-server did not start on port " + port);
                }
                Thread.sleep(20);
            }
        }
    }

    /** EVAL of {@code script} with no keys; the reply as text, errors prefixed with '-'. */
    String eval(String script) throws IOException {
        byte[] body = script.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        cmd.writeBytes("*3\r\n$4\r\nEVAL\r\n".getBytes(StandardCharsets.US_ASCII));
        cmd.writeBytes(("$" + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        cmd.writeBytes(body);
        cmd.writeBytes("\r\n$1\r\n0\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(cmd.toByteArray());
        out.flush();
        return reply();
    }

    private String reply() throws IOException {
        int type = in.read();
        String line = readLine();
        switch (type) {
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return "(nil)";
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            case '-':
                return "-" + line;
            case '+':
            case ':':
                return line;
            default:
                throw new IOException("unexpected reply type " + (char) type + line);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        in.read();
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws Exception {
        socket.close();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(dir);
    }
}
