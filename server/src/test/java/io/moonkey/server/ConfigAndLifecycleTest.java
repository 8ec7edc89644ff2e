package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.server.config.ConfigException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAndLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void configFileThenArgumentOverrides() throws Exception {
        Path conf = dir.resolve("valkey.conf");
        Files.writeString(conf, "# comment\nmaxmemory 100mb\nmaxmemory-policy allkeys-lru\nsave \"\"\nlist-max-ziplist-size -3\n");
        Server s = new Server(conf.toString(), "--maxmemory-policy", "volatile-ttl", "--port", "6390");
        assertEquals("104857600", s.config().get("maxmemory"));
        assertEquals("volatile-ttl", s.config().get("maxmemory-policy"));
        assertEquals("", s.config().get("save"));
        assertEquals("-3", s.config().get("list-max-listpack-size"));
        assertEquals(104857600, s.maxmemory());
        LocalClient c = new LocalClient(s);
        assertEquals("*2\r\n$21\r\nlist-max-ziplist-size\r\n$2\r\n-3\r\n", c.call("CONFIG", "GET", "list-max-ziplist-size"));
        assertEquals("-ERR Unknown option or number of arguments for CONFIG SET - 'nope'\r\n", c.call("CONFIG", "SET", "nope", "1"));
        assertEquals("-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value\r\n",
                c.call("CONFIG", "SET", "maxmemory", "lots"));
        assertEquals("-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n",
                c.call("CONFIG", "SET", "databases", "4"));
        assertEquals("+OK\r\n", c.call("CONFIG", "SET", "hz", "20", "maxmemory", "1gb"));
        assertTrue(c.call("CONFIG", "GET", "maxmemory*").contains("1073741824"));
        assertEquals("+OK\r\n", c.call("CONFIG", "REWRITE"));
        String rewritten = Files.readString(conf);
        assertTrue(rewritten.contains("maxmemory 1073741824"), rewritten);
        assertTrue(rewritten.contains("hz 20"), rewritten);
        assertTrue(rewritten.contains("# comment"));
    }

    @Test
    void badConfigIsFatal() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "maxmemory-policy sometimes\n");
        ConfigException e = assertThrows(ConfigException.class, () -> new Server(conf.toString()));
        assertTrue(e.getMessage().contains("FATAL CONFIG FILE ERROR"));
        assertThrows(ConfigException.class, () -> new Server("--no-such-option", "1"));
    }

    @Test
    void authAndRequirepass() throws Exception {
        Server s = new Server("--requirepass", "secret");
        LocalClient c = new LocalClient(s);
        assertEquals("-NOAUTH Authentication required.\r\n", c.call("GET", "x"));
        assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.call("AUTH", "nope"));
        assertEquals("+OK\r\n", c.call("AUTH", "secret"));
        assertEquals("$-1\r\n", c.call("GET", "x"));
    }

    /** The real entry point in a child JVM: SIGTERM and SHUTDOWN both stop it cleanly. */
    @Test
    void sigtermAndShutdown() throws Exception {
        for (boolean viaCommand : new boolean[] {false, true}) {
            int port;
            try (ServerSocket ss = new ServerSocket(0)) {
                port = ss.getLocalPort();
            }
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.moonkey.server.Main", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1").redirectErrorStream(true).start();
            StringBuffer output = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) output.append(l).append('\n');
                } catch (java.io.IOException ignored) {
                    // the stream closes with the process
                }
            });
            reader.start();
            long deadline = System.currentTimeMillis() + 15000;
            while (!output.toString().contains("Ready to accept connections") && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertTrue(output.toString().contains("Ready to accept connections"), "server did not start:\n" + output);
            try (RespConnection c = new RespConnection(port)) {
                assertEquals("+PONG\r\n", c.call("PING"));
                if (viaCommand) {
                    c.sendRaw(RespConnection.encode(RespConnection.args("SHUTDOWN", "NOSAVE")));
                    assertTrue(c.closedByPeer());
                } else {
                    new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor(); // not destroy(): it closes our pipes
                }
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "server did not exit");
            assertEquals(0, p.exitValue());
            reader.join(5000);
            String rest = output.toString();
            assertTrue(rest.contains(viaCommand ? "User requested shutdown" : "Received SIGTERM"), rest);
            assertTrue(rest.contains("bye bye"), rest);
        }
    }
}
