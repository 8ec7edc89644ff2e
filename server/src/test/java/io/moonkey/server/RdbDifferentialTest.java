package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RDB files across servers: we load the dump.rdb redis-server 7.0.15 saves and it loads ours,
 * each time with the same DEBUG DIGEST (and the same per-key digests, TTLs and functions).
 * Skipped with a message when redis-server is not installed.
 */
class RdbDifferentialTest {
    private static String dirOf(RespConnection c) throws Exception {
        String r = c.call("config", "get", "dir");
        String[] lines = r.split("\r\n");
        return lines[lines.length - 1];
    }

    private static void assertSameData(RespConnection a, RespConnection b) throws Exception {
        for (String key : RdbDataset.KEYS) {
            assertEquals(a.call("type", key), b.call("type", key), key);
            assertEquals(a.call("debug", "digest-value", key), b.call("debug", "digest-value", key), key);
        }
        assertEquals(a.call("pexpiretime", "ttl:s"), b.call("pexpiretime", "ttl:s"));
        assertEquals(a.call("xinfo", "stream", "x:groups", "full"), b.call("xinfo", "stream", "x:groups", "full").replace("$0\r\n\r\n", "$0\r\n\r\n"));
        assertEquals(a.call("fcall", "rdbf", "0"), b.call("fcall", "rdbf", "0"));
        assertEquals(a.call("debug", "digest"), b.call("debug", "digest"));
    }

    @Test
    void weLoadTheFileRedisSaves() throws Exception {
        ReferenceServer ref = ReferenceServer.start();
        Assumptions.assumeTrue(ref != null, ReferenceServer.SKIP_MESSAGE);
        Path ours = Files.createTempDirectory("moonkey-rdb");
        try (ref; RespConnection r = new RespConnection(ref.port)) {
            RdbDataset.fill(r, 1);
            assertEquals("+OK\r\n", r.call("save"));
            Files.copy(Path.of(dirOf(r), "dump.rdb"), ours.resolve("dump.rdb"), StandardCopyOption.REPLACE_EXISTING);
            try (TestServer s = new TestServer("--dir", ours.toString(), "--save", "", "--enable-debug-command", "yes"); RespConnection m = s.connect()) {
                assertSameData(r, m);
                assertTrue(m.call("info", "persistence").contains("rdb_last_load_keys_loaded:22\r\n"));
            }
        }
    }

    @Test
    void weLoadRedisAofWithAnRdbPreamble() throws Exception {
        ReferenceServer ref = ReferenceServer.start("--appendonly", "yes", "--appendfsync", "always", "--aof-use-rdb-preamble", "yes");
        Assumptions.assumeTrue(ref != null, ReferenceServer.SKIP_MESSAGE);
        Path ours = Files.createTempDirectory("moonkey-rdb");
        try (ref; RespConnection r = new RespConnection(ref.port)) {
            RdbDataset.fill(r, 4);
            r.call("bgrewriteaof");
            ReplicaTest.await("rewrite done", () -> ReplicaTest.info(r, "persistence", "aof_rewrite_in_progress").equals("0")
                    && ReplicaTest.info(r, "persistence", "aof_rewrite_scheduled").equals("0")
                    && ReplicaTest.info(r, "persistence", "aof_rewrites").equals("1"));
            ReplicaTest.randomWrites(r, new java.util.Random(3), 200); // into the incremental file
            Thread.sleep(300); // keys written with a few ms to live are gone on both sides
            Path src = Path.of(dirOf(r), "appendonlydir");
            Files.createDirectories(ours.resolve("appendonlydir"));
            try (var files = Files.list(src)) {
                for (Path f : files.toList()) Files.copy(f, ours.resolve("appendonlydir").resolve(f.getFileName()));
            }
            try (var files = Files.list(ours.resolve("appendonlydir"))) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".base.rdb")));
            }
            try (TestServer s = new TestServer("--dir", ours.toString(), "--save", "", "--appendonly", "yes", "--enable-debug-command", "yes");
                    RespConnection m = s.connect()) {
                assertEquals(r.call("debug", "digest"), m.call("debug", "digest"));
            }
        }
    }

    @Test
    void redisLoadsTheFileWeSave() throws Exception {
        Assumptions.assumeTrue(ReferenceServer.executable() != null, ReferenceServer.SKIP_MESSAGE);
        Path ours = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = new TestServer("--dir", ours.toString(), "--save", "", "--enable-debug-command", "yes"); RespConnection m = s.connect()) {
            RdbDataset.fill(m, 2);
            assertEquals("+OK\r\n", m.call("save"));
            ReferenceServer ref = ReferenceServer.start("--dir", ours.toString());
            try (ref; RespConnection r = new RespConnection(ref.port)) {
                assertSameData(m, r);
            }
        }
    }
}
