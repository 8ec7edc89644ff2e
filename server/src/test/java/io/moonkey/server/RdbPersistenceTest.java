package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SAVE, BGSAVE, save points, loading at startup, SHUTDOWN's save, DEBUG RELOAD, FLUSHALL's save
 * and the INFO persistence figures, end to end on our server.
 */
class RdbPersistenceTest {
    private static String info(RespConnection c, String field) throws Exception {
        return ReplicaTest.info(c, "persistence", field);
    }

    private static TestServer server(Path dir, String... extra) throws Exception {
        String[] base = {"--dir", dir.toString(), "--enable-debug-command", "yes"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return new TestServer(all);
    }

    /** SHUTDOWN, waiting until the server closed the connection (it has saved by then). */
    private static void shutdown(RespConnection c, String... args) throws Exception {
        c.sendRaw(RespConnection.encode(RespConnection.args(args)));
        try {
            String reply = c.readReply();
            throw new AssertionError("SHUTDOWN replied " + reply);
        } catch (java.io.IOException closed) {
            // expected: no reply, the connection closes
        }
    }

    @Test
    void saveThenRestartLoadsTheSameData() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        String digest;
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            RdbDataset.fill(c, 21);
            assertTrue(Long.parseLong(info(c, "rdb_changes_since_last_save")) > 0);
            assertEquals("+OK\r\n", c.call("save"));
            assertEquals("0", info(c, "rdb_changes_since_last_save"));
            assertEquals("1", info(c, "rdb_saves"));
            assertEquals(":" + info(c, "rdb_last_save_time") + "\r\n", c.call("lastsave"));
            digest = c.call("debug", "digest");
        }
        assertTrue(Files.exists(dir.resolve("dump.rdb")));
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            assertEquals(digest, c.call("debug", "digest"));
            assertEquals(":42\r\n", c.call("fcall", "rdbf", "0"));
            assertEquals("0", info(c, "rdb_changes_since_last_save"));
            assertEquals("22", info(c, "rdb_last_load_keys_loaded"));
        }
    }

    @Test
    void bgsaveWritesInTheBackground() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", "", "--dbfilename", "other.rdb"); RespConnection c = s.connect()) {
            c.call("set", "k", "v");
            assertEquals("-ERR syntax error\r\n", c.call("bgsave", "now"));
            assertEquals("+Background saving started\r\n", c.call("bgsave"));
            ReplicaTest.await("bgsave done", () -> "0".equals(info(c, "rdb_bgsave_in_progress")) && "1".equals(info(c, "rdb_saves")));
            assertEquals("ok", info(c, "rdb_last_bgsave_status"));
            assertEquals("0", info(c, "rdb_changes_since_last_save"));
            assertEquals("+Background saving started\r\n", c.call("bgsave", "schedule"));
        }
        assertTrue(Files.exists(dir.resolve("other.rdb")));
    }

    @Test
    void savePointsTriggerABackgroundSave() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", "1 2"); RespConnection c = s.connect()) {
            assertEquals("*2\r\n$4\r\nsave\r\n$3\r\n1 2\r\n", c.call("config", "get", "save"));
            c.call("set", "a", "1");
            c.call("set", "b", "2");
            ReplicaTest.await("a save point reached", () -> "1".equals(info(c, "rdb_saves")));
            assertTrue(Files.exists(dir.resolve("dump.rdb")));
        }
    }

    @Test
    void shutdownSavesWithSavePointsButNotWithNosave() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", "3600 1"); RespConnection c = s.connect()) {
            c.call("set", "kept", "1");
            assertEquals("-ERR syntax error\r\n", c.call("shutdown", "save", "nosave"));
            shutdown(c, "shutdown");
        }
        try (TestServer s = server(dir, "--save", "3600 1"); RespConnection c = s.connect()) {
            assertEquals("$1\r\n1\r\n", c.call("get", "kept"));
            c.call("set", "lost", "1");
            shutdown(c, "shutdown", "nosave");
        }
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            assertEquals(":1\r\n", c.call("exists", "kept"));
            assertEquals(":0\r\n", c.call("exists", "lost"));
            c.call("set", "forced", "1");
            shutdown(c, "shutdown", "save");
        }
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            assertEquals(":1\r\n", c.call("exists", "forced"));
        }
    }

    @Test
    void debugReloadAndFlushall() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", "3600 1"); RespConnection c = s.connect()) {
            RdbDataset.fill(c, 22);
            String digest = c.call("debug", "digest");
            assertEquals("+OK\r\n", c.call("debug", "reload"));
            assertEquals(digest, c.call("debug", "digest"));
            assertEquals("-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n", c.call("debug", "reload", "x"));
            assertEquals("+OK\r\n", c.call("flushall"));
            assertEquals("1", info(c, "rdb_changes_since_last_save"));
        }
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            assertEquals(":0\r\n", c.call("dbsize")); // FLUSHALL saved the empty dataset
        }
    }

    @Test
    void theAofHasPriorityAndACorruptFileStopsStartup() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            c.call("set", "from-rdb", "1");
            c.call("save");
        }
        try (TestServer s = server(dir, "--save", "", "--appendonly", "yes"); RespConnection c = s.connect()) {
            assertEquals(":0\r\n", c.call("exists", "from-rdb")); // an AOF was created from nothing
        }
        byte[] file = Files.readAllBytes(dir.resolve("dump.rdb"));
        file[12] ^= 0x55;
        Files.write(dir.resolve("dump.rdb"), file);
        ConfigException e = assertThrows(ConfigException.class, () -> server(dir, "--save", "").close());
        assertTrue(e.getMessage().contains("Wrong RDB checksum"), e.getMessage());
    }

    @Test
    void aFailedSaveIsReported() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-rdb");
        try (TestServer s = server(dir, "--save", ""); RespConnection c = s.connect()) {
            c.call("set", "k", "v");
            Files.delete(dir);
            assertEquals("-ERR\r\n", c.call("save"));
            assertEquals("+Background saving started\r\n", c.call("bgsave"));
            ReplicaTest.await("bgsave done", () -> "0".equals(info(c, "rdb_bgsave_in_progress")));
            assertEquals("err", info(c, "rdb_last_bgsave_status"));
            assertFalse("0".equals(info(c, "rdb_changes_since_last_save")));
            assertEquals("+OK\r\n", c.call("set", "k", "v2")); // no save points: writes go on
            c.call("config", "set", "save", "3600 1");
            String misconf = "-MISCONF Valkey is configured to save RDB snapshots, but it's currently unable to persist to disk. "
                    + "Commands that may modify the data set are disabled, because this instance is configured to report errors during writes "
                    + "if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Valkey logs for details about the RDB error.\r\n";
            assertEquals(misconf, c.call("set", "k", "v3"));
            assertEquals(misconf, c.call("ping"));
            assertEquals("$2\r\nv2\r\n", c.call("get", "k"));
            c.call("config", "set", "stop-writes-on-bgsave-error", "no");
            assertEquals("+OK\r\n", c.call("set", "k", "v3"));
        }
    }
}
