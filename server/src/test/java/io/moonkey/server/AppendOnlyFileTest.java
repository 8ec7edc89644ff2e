package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The append-only file: what gets appended (script effects wrapped in MULTI/EXEC, set_repl
 * honoured), reloading at startup, BGREWRITEAOF, a truncated tail, turning it on at run time,
 * and redis-server 7.0.15 loading the directory we wrote.
 */
class AppendOnlyFileTest {
    private static String incr(Path dir) throws Exception {
        try (var files = Files.list(dir.resolve("appendonlydir"))) {
            Path p = files.filter(f -> f.getFileName().toString().endsWith(".incr.aof")).findFirst().orElseThrow();
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        }
    }

    private static String cmd(String... a) {
        return new String(RespConnection.encode(RespConnection.args(a)), StandardCharsets.ISO_8859_1);
    }

    private static TestServer server(Path dir, String... more) throws Exception {
        String[] base = {"--save", "", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return new TestServer(all);
    }

    @Test
    void writesAreAppendedAndReloaded(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            c.call("set", "a", "1");
            c.call("get", "a");
            c.call("eval", "redis.call('incr','a'); redis.call('set','b','x'); return 1", "0");
            c.call("eval", "redis.set_repl(redis.REPL_REPLICA); redis.call('set','replicaonly','1'); "
                    + "redis.set_repl(redis.REPL_AOF); redis.call('set','aofonly','1'); return 1", "0");
            c.call("select", "3");
            c.call("set", "in3", "three");
            assertEquals(cmd("SELECT", "0") + cmd("set", "a", "1") + cmd("MULTI") + cmd("incr", "a") + cmd("set", "b", "x") + cmd("EXEC")
                    + cmd("MULTI") + cmd("set", "aofonly", "1") + cmd("EXEC") + cmd("SELECT", "3") + cmd("set", "in3", "three"), incr(dir));
            assertTrue(c.call("info", "persistence").contains("aof_enabled:1\r\n"));
        }
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            assertEquals("*4\r\n$1\r\n2\r\n$1\r\nx\r\n$1\r\n1\r\n$-1\r\n", c.call("mget", "a", "b", "aofonly", "replicaonly"));
            c.call("select", "3");
            assertEquals("$5\r\nthree\r\n", c.call("get", "in3"));
        }
    }

    @Test
    void rewriteStartsANewBaseWithTheDataset(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            c.call("set", "k", "v", "px", "100000000");
            c.call("set", "plain", "p");
            assertEquals("+Background append only file rewriting started\r\n", c.call("bgrewriteaof"));
            String manifest = Files.readString(dir.resolve("appendonlydir/appendonly.aof.manifest"));
            assertEquals("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n", manifest);
            assertFalse(Files.exists(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof")));
            assertEquals("", incr(dir));
            c.call("set", "after", "1");
        }
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            assertEquals("*3\r\n$1\r\nv\r\n$1\r\np\r\n$1\r\n1\r\n", c.call("mget", "k", "plain", "after"));
            assertTrue(Long.parseLong(c.call("pttl", "k").substring(1).trim()) > 99_000_000L);
        }
    }

    @Test
    void aTruncatedTailIsCutOff(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            c.call("set", "whole", "1");
        }
        Path inc = dir.resolve("appendonlydir/appendonly.aof.1.incr.aof");
        Files.writeString(inc, "*3\r\n$3\r\nset\r\n$4\r\nhalf", StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            assertEquals("*2\r\n$1\r\n1\r\n$-1\r\n", c.call("mget", "whole", "half"));
        }
        assertEquals(cmd("SELECT", "0") + cmd("set", "whole", "1"), Files.readString(inc, StandardCharsets.ISO_8859_1));
    }

    @Test
    void configSetAppendonlyYesWritesTheDatasetFirst(@TempDir Path dir) throws Exception {
        try (TestServer s = new TestServer("--save", "", "--dir", dir.toString()); RespConnection c = s.connect()) {
            c.call("set", "early", "1");
            assertFalse(Files.exists(dir.resolve("appendonlydir")));
            assertEquals("+OK\r\n", c.call("config", "set", "appendonly", "yes"));
            c.call("set", "late", "2");
        }
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            assertEquals("*2\r\n$1\r\n1\r\n$1\r\n2\r\n", c.call("mget", "early", "late"));
        }
    }

    @Test
    void redisServerLoadsTheFilesWeWrote(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ReferenceServer.executable() != null, ReferenceServer.SKIP_MESSAGE);
        try (TestServer s = server(dir); RespConnection c = s.connect()) {
            c.call("set", "s", "v");
            c.call("set", "t", "w", "ex", "1000");
            c.call("bgrewriteaof");
            c.call("eval", "redis.call('incr','n'); redis.call('append','s','!'); return 1", "0");
            c.call("select", "9");
            c.call("set", "nine", "9");
        }
        try (ReferenceServer r = ReferenceServer.start("--dir", dir.toString(), "--appendonly", "yes");
                RespConnection c = new RespConnection(r.port)) {
            assertEquals("*3\r\n$2\r\nv!\r\n$1\r\nw\r\n$1\r\n1\r\n", c.call("mget", "s", "t", "n"));
            String ttl = c.call("ttl", "t");
            assertTrue(ttl.startsWith(":99") || ttl.equals(":1000\r\n"), ttl);
            c.call("select", "9");
            assertEquals("$1\r\n9\r\n", c.call("get", "nine"));
        }
    }
}
