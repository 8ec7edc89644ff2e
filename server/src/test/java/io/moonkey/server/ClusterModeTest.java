package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cluster mode end to end over a socket, on our server alone: what the oracle cannot show. */
class ClusterModeTest {
    private static String bulkOf(String text) {
        return "$" + text.length() + "\r\n" + text + "\r\n";
    }

    private static String bulk(String reply) {
        return reply.substring(reply.indexOf('\n') + 1, reply.length() - 2);
    }

    private static TestServer clusterServer(Path dir, String... extra) throws Exception {
        String[] args = {"--cluster-enabled", "yes", "--dir", dir.toString()};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return new TestServer(all);
    }

    @Test
    void withoutClusterModeTheCommandsRefuse() throws Exception {
        try (TestServer s = new TestServer(); RespConnection c = s.connect()) {
            String disabled = "-ERR This instance has cluster support disabled\r\n";
            assertEquals(disabled, c.call("CLUSTER", "INFO"));
            assertEquals(disabled, c.call("CLUSTER", "HELP"));
            assertEquals(disabled, c.call("CLUSTER", "KEYSLOT", "a"));
            assertEquals(disabled, c.call("READONLY"));
            assertEquals(disabled, c.call("READWRITE"));
            assertEquals(disabled, c.call("ASKING"));
            assertEquals("-ERR wrong number of arguments for 'cluster|keyslot' command\r\n", c.call("CLUSTER", "KEYSLOT"));
            assertTrue(c.call("INFO", "cluster").contains("cluster_enabled:0"));
            assertEquals("+OK\r\n", c.call("MSET", "a", "1", "b", "2"));
            assertEquals("+OK\r\n", c.call("SELECT", "1"));
            assertEquals(":1\r\n", c.call("EVAL", "#!lua flags=no-cluster\nreturn 1", "0"));
        }
    }

    @Test
    void modeIsReported() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            assertTrue(c.call("INFO", "cluster").contains("cluster_enabled:1"));
            assertTrue(c.call("INFO", "server").contains("redis_mode:cluster"));
            assertTrue(c.call("HELLO", "3").contains("$4\r\nmode\r\n$7\r\ncluster\r\n"));
            assertTrue(c.call("CLUSTER", "INFO").startsWith("=")); // a verbatim string in RESP3
            String help = c.call("CLUSTER", "HELP");
            assertTrue(help.contains("+MYSHARDID\r\n") && help.endsWith("+HELP\r\n+    Print this help.\r\n"), help);
        }
    }

    @Test
    void configurationSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        String id, shard;
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            id = bulk(c.call("CLUSTER", "MYID"));
            shard = bulk(c.call("CLUSTER", "MYSHARDID"));
            assertEquals(40, id.length());
            assertEquals("+OK\r\n", c.call("CLUSTER", "ADDSLOTSRANGE", "0", "100", "300", "300"));
            assertEquals("+OK\r\n", c.call("CLUSTER", "SET-CONFIG-EPOCH", "7"));
            assertEquals("-ERR Node config epoch is already non-zero\r\n", c.call("CLUSTER", "SET-CONFIG-EPOCH", "8"));
            assertEquals("+STILL 7\r\n", c.call("CLUSTER", "BUMPEPOCH"));
        }
        String conf = Files.readString(dir.resolve("nodes.conf"));
        assertTrue(conf.startsWith(id + " :"), conf);
        assertTrue(conf.contains(",,tls-port=0,shard-id=" + shard + " myself,master - 0 0 7 connected 0-100 300\n"), conf);
        assertTrue(conf.endsWith("vars currentEpoch 7 lastVoteEpoch 0\n"), conf);
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            assertEquals(id, bulk(c.call("CLUSTER", "MYID")));
            assertEquals(shard, bulk(c.call("CLUSTER", "MYSHARDID")));
            String nodes = c.call("CLUSTER", "NODES");
            assertTrue(nodes.contains(" myself,master - 0 0 7 connected 0-100 300\n"), nodes);
            assertEquals("+OK\r\n", c.call("CLUSTER", "RESET", "HARD"));
            assertNotEquals(id, bulk(c.call("CLUSTER", "MYID")));
            assertTrue(c.call("CLUSTER", "INFO").contains("cluster_slots_assigned:0\r\n"));
            assertTrue(c.call("CLUSTER", "INFO").contains("cluster_my_epoch:0\r\n"));
            assertEquals("+BUMPED 1\r\n", c.call("CLUSTER", "BUMPEPOCH"));
        }
    }

    @Test
    void aCorruptedConfigurationFileStopsStartup() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        Files.writeString(dir.resolve("nodes.conf"), "garbage\n");
        assertThrows(ConfigException.class, () -> new Server("--cluster-enabled", "yes", "--dir", dir.toString()));
    }

    @Test
    void keysPerSlot() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            ClusterDifferentialTest.awaitOk(c);
            for (int i = 0; i < 5; i++) assertEquals("+OK\r\n", c.call("SET", "{t}" + i, "v"));
            c.call("SET", "other", "v");
            int slot = Integer.parseInt(c.call("CLUSTER", "KEYSLOT", "t").substring(1).trim());
            assertEquals(":5\r\n", c.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
            assertEquals(3, keys(c.call("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "3")).size());
            assertEquals(Set.of("{t}0", "{t}1", "{t}2", "{t}3", "{t}4"), keys(c.call("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "10")));
            assertEquals(":2\r\n", c.call("DEL", "{t}0", "{t}1"));
            assertEquals(":3\r\n", c.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
            assertEquals("+OK\r\n", c.call("RENAME", "{t}2", "{t}9"));
            assertEquals(":3\r\n", c.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
            assertEquals("-ERR DB must be empty to perform CLUSTER FLUSHSLOTS.\r\n", c.call("CLUSTER", "FLUSHSLOTS"));
            assertEquals("+OK\r\n", c.call("FLUSHALL"));
            assertEquals(":0\r\n", c.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)));
            assertEquals("*0\r\n", c.call("CLUSTER", "GETKEYSINSLOT", Integer.toString(slot), "10"));
        }
    }

    private static Set<String> keys(String arrayReply) {
        Set<String> out = new HashSet<>();
        String[] lines = arrayReply.split("\r\n");
        for (int i = 2; i < lines.length; i += 2) out.add(lines[i]);
        return out;
    }

    @Test
    void aMasterThatServedNothingWaitsBeforeComingBackUp() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir, "--cluster-node-timeout", "100"); RespConnection c = s.connect()) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            ClusterDifferentialTest.awaitOk(c);
            assertEquals("+OK\r\n", c.call("CLUSTER", "FLUSHSLOTS"));
            assertTrue(c.call("CLUSTER", "INFO").contains("cluster_size:0\r\n"));
            assertEquals("+OK\r\n", c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383"));
            assertTrue(c.call("CLUSTER", "INFO").contains("cluster_state:fail\r\n")); // the rejoin delay (0.5 s at least)
            assertEquals("-CLUSTERDOWN The cluster is down\r\n", c.call("GET", "a"));
            ClusterDifferentialTest.awaitOk(c);
            assertEquals("$-1\r\n", c.call("GET", "a"));
        }
    }

    @Test
    void scriptsUseTheValkeyTexts() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            ClusterDifferentialTest.awaitOk(c);
            String r = c.call("EVAL", "return server.pcall('del','a','b')['err']", "0");
            assertEquals(bulkOf("ERR Command 'del' in script attempted to access keys that don't hash to the same slot"), r);
            r = c.call("EVAL", "#!lua\nserver.call('get','x{a}'); return server.pcall('get','b')['err']", "0");
            assertEquals(bulkOf("ERR Script attempted to access keys that do not hash to the same slot"), r);
            assertEquals("+OK\r\n", c.call("CLUSTER", "DELSLOTS", "3300"));
            r = c.call("EVAL", "return server.pcall('get','b')['err']", "0");
            assertEquals(bulkOf("ERR Script attempted to access a slot not served"), r);
            // a write-flagged script is refused up front when only reads are served
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "cluster-allow-reads-when-down", "yes"));
            assertEquals("-CLUSTERDOWN The cluster is down and only accepts read commands\r\n",
                    c.call("EVAL", "#!lua\nreturn server.call('get',KEYS[1])", "1", "a"));
            assertEquals("$-1\r\n", c.call("EVAL", "#!lua flags=no-writes\nreturn server.call('get',KEYS[1])", "1", "a"));
            assertEquals("$-1\r\n", c.call("EVAL", "return server.call('get',KEYS[1])", "1", "a"));
        }
    }

    @Test
    void sortPatternsMustStayInTheSortedKeysSlot() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            ClusterDifferentialTest.awaitOk(c);
            c.call("RPUSH", "{a}l", "2", "1");
            c.call("MSET", "{a}w_1", "9", "{a}w_2", "1", "{a}n_1", "one", "{a}n_2", "two");
            assertEquals("-ERR BY option of SORT denied in Cluster mode when keys formed by the pattern may be in different slots.\r\n",
                    c.call("SORT", "{a}l", "BY", "w_*"));
            assertEquals("-ERR GET option of SORT denied in Cluster mode when keys formed by the pattern may be in different slots.\r\n",
                    c.call("SORT", "{a}l", "GET", "n_*"));
            assertEquals("*2\r\n$1\r\n2\r\n$1\r\n1\r\n", c.call("SORT", "{a}l", "BY", "{a}w_*"));
            assertEquals("*4\r\n$3\r\ntwo\r\n$1\r\n2\r\n$3\r\none\r\n$1\r\n1\r\n",
                    c.call("SORT", "{a}l", "BY", "{a}w_*", "GET", "{a}n_*", "GET", "#"));
            assertEquals("*2\r\n$1\r\n2\r\n$1\r\n1\r\n", c.call("SORT", "{a}l", "BY", "nosort"));
        }
    }

    @Test
    void slotStats() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster");
        try (TestServer s = clusterServer(dir); RespConnection c = s.connect()) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "100", "3300", "3300");
            c.call("CONFIG", "SET", "cluster-require-full-coverage", "no");
            ClusterDifferentialTest.awaitOk(c);
            c.call("MSET", "{b}1", "1", "{b}2", "2"); // slot 3300
            String entry3300 = "*2\r\n:3300\r\n*2\r\n$9\r\nkey-count\r\n:2\r\n";
            assertEquals("*2\r\n*2\r\n:99\r\n*2\r\n$9\r\nkey-count\r\n:0\r\n*2\r\n:100\r\n*2\r\n$9\r\nkey-count\r\n:0\r\n",
                    c.call("CLUSTER", "SLOT-STATS", "SLOTSRANGE", "99", "102"));
            assertEquals("*1\r\n" + entry3300, c.call("CLUSTER", "SLOT-STATS", "SLOTSRANGE", "3000", "16383"));
            assertEquals("*2\r\n" + entry3300 + "*2\r\n:0\r\n*2\r\n$9\r\nkey-count\r\n:0\r\n",
                    c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "key-count", "LIMIT", "2"));
            assertEquals("*1\r\n*2\r\n:0\r\n*2\r\n$9\r\nkey-count\r\n:0\r\n",
                    c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "KEY-COUNT", "ASC", "LIMIT", "1"));
            assertEquals(":102\r\n", c.call("EVAL", "return #server.call('cluster', 'slot-stats', 'orderby', 'key-count')", "0"));
            assertEquals("-ERR Start slot number 5 is greater than end slot number 1\r\n", c.call("CLUSTER", "SLOT-STATS", "SLOTSRANGE", "5", "1"));
            assertEquals("-ERR Invalid or out of range slot\r\n", c.call("CLUSTER", "SLOT-STATS", "SLOTSRANGE", "0", "16384"));
            assertEquals("-ERR Unrecognized sort metric for ORDERBY.\r\n", c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "cpu-usec"));
            assertEquals("-ERR Limit has to lie in between 1 and 16384 (maximum number of slots).\r\n",
                    c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "key-count", "LIMIT", "0"));
            assertEquals("-ERR Multiple filters of the same type are disallowed.\r\n",
                    c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "key-count", "ASC", "DESC"));
            assertEquals("-ERR syntax error\r\n", c.call("CLUSTER", "SLOT-STATS", "ORDERBY", "key-count", "bogus"));
            assertEquals("-ERR unknown subcommand or wrong number of arguments for 'slot-stats'. Try CLUSTER HELP.\r\n",
                    c.call("CLUSTER", "slot-stats", "SLOTSRANGE", "1"));
        }
    }
}
