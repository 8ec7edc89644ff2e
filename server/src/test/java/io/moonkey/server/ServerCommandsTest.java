package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerCommandsTest {
    private final LocalClient c;

    ServerCommandsTest() throws Exception {
        c = new LocalClient(new Server("--enable-debug-command", "yes"));
    }

    @Test
    void infoSections() {
        c.call("SET", "a", "1");
        c.call("GET", "a");
        c.call("GET", "nope");
        c.call("NOPE");
        String all = c.call("INFO", "all");
        for (String f : new String[] {"redis_version:", "run_id:", "tcp_port:", "uptime_in_seconds:", "connected_clients:",
                "used_memory:", "used_memory_human:", "maxmemory:", "maxmemory_policy:noeviction", "total_commands_processed:",
                "keyspace_hits:1", "keyspace_misses:1", "expired_keys:0", "evicted_keys:0", "role:master",
                "db0:keys=1,expires=0", "total_error_replies:", "blocked_clients:0", "cmdstat_get:calls=2",
                "# Persistence", "# CPU", "# Errorstats"}) {
            assertTrue(all.contains(f), f);
        }
        String ks = c.call("INFO", "keyspace");
        assertTrue(!ks.contains("# Server") && ks.contains("# Keyspace"));
        assertEquals("+OK\r\n", c.call("CONFIG", "RESETSTAT"));
        assertTrue(c.call("INFO", "stats").contains("keyspace_hits:0"));
    }

    @Test
    void flushAndDbsize() {
        c.call("MSET", "a", "1", "b", "2");
        assertEquals(":2\r\n", c.call("DBSIZE"));
        assertEquals("-ERR syntax error\r\n", c.call("FLUSHDB", "NOW"));
        assertEquals("+OK\r\n", c.call("FLUSHDB", "ASYNC"));
        assertEquals(":0\r\n", c.call("DBSIZE"));
        c.call("SELECT", "3");
        c.call("SET", "x", "1");
        assertEquals("+OK\r\n", c.call("FLUSHALL", "SYNC"));
        assertEquals(":0\r\n", c.call("DBSIZE"));
        assertEquals("-ERR invalid first DB index\r\n", c.call("SWAPDB", "x", "1"));
    }

    @Test
    void slowlogLatencyWaitTime() {
        c.call("CONFIG", "SET", "slowlog-log-slower-than", "0");
        c.call("SET", "k", "v");
        assertTrue(c.call("SLOWLOG", "LEN").startsWith(":"));
        assertTrue(c.call("SLOWLOG", "GET", "1").startsWith("*1\r\n*6\r\n"));
        assertEquals("+OK\r\n", c.call("SLOWLOG", "RESET"));
        assertEquals("*0\r\n", c.call("LATENCY", "LATEST"));
        assertEquals(":0\r\n", c.call("WAIT", "1", "0"));
        assertTrue(c.call("TIME").startsWith("*2\r\n$10\r\n"));
        assertEquals("-ERR unknown subcommand 'FOO'. Try SLOWLOG HELP.\r\n", c.call("SLOWLOG", "FOO"));
    }

    /** The latency monitor records commands at or over latency-monitor-threshold, one sample per second. */
    @Test
    void latencyMonitor() {
        assertEquals("*0\r\n", c.call("LATENCY", "LATEST"));
        c.call("CONFIG", "SET", "latency-monitor-threshold", "20");
        c.call("DEBUG", "SLEEP", "0.03"); // DEBUG is not a fast command: event "command"
        c.call("GET", "k");               // fast, and far under the threshold: not recorded
        String latest = c.call("LATENCY", "LATEST");
        assertTrue(latest.startsWith("*1\r\n*4\r\n$7\r\ncommand\r\n:"), latest);
        String[] fields = latest.split("\r\n");
        long latestMs = Long.parseLong(fields[5].substring(1));
        long maxMs = Long.parseLong(fields[6].substring(1));
        assertTrue(latestMs >= 30 && maxMs >= latestMs, latest);
        assertTrue(c.call("LATENCY", "HISTORY", "command").startsWith("*1\r\n*2\r\n:"));
        assertEquals("*0\r\n", c.call("LATENCY", "HISTORY", "fast-command"));
        String graph = c.call("LATENCY", "GRAPH", "command");
        assertTrue(graph.startsWith("$") && graph.contains("command - high ") && graph.matches("(?s).*-{80}\n#\n#\n#\n#\n[0-9]\ns\n.*"), graph);
        assertEquals("-ERR No samples available for event 'fast-command'\r\n", c.call("LATENCY", "GRAPH", "fast-command"));
        assertEquals(":1\r\n", c.call("LATENCY", "RESET", "nosuch", "command"));
        assertEquals(":0\r\n", c.call("LATENCY", "RESET"));
        assertEquals("*0\r\n", c.call("LATENCY", "LATEST"));
        c.call("CONFIG", "SET", "latency-monitor-threshold", "0");
    }

    @Test
    void commandIntrospection() {
        assertTrue(c.call("COMMAND", "COUNT").startsWith(":"));
        String info = c.call("COMMAND", "INFO", "get");
        assertTrue(info.startsWith("*1\r\n*10\r\n$3\r\nget\r\n:2\r\n*2\r\n+readonly\r\n+fast\r\n:1\r\n:1\r\n:1\r\n"), info);
        assertTrue(info.contains("+@read\r\n+@string\r\n+@fast\r\n"));
        assertEquals("*1\r\n$-1\r\n", c.call("COMMAND", "INFO", "nosuch"));
        assertEquals("*2\r\n$1\r\na\r\n$1\r\nc\r\n", c.call("COMMAND", "GETKEYS", "MSET", "a", "b", "c", "d"));
        assertEquals("-ERR Invalid command specified\r\n", c.call("COMMAND", "GETKEYS", "nosuch", "a"));
        assertTrue(c.call("COMMAND", "LIST", "FILTERBY", "PATTERN", "config*").contains("config|get"));
        assertTrue(c.call("COMMAND", "DOCS", "get").contains("summary"));
        assertTrue(c.call("COMMAND", "INFO", "config").contains("config|set"));
    }

    @Test
    void debugSubcommands() throws Exception {
        assertEquals("+" + "0".repeat(40) + "\r\n", c.call("DEBUG", "DIGEST"));
        c.call("SET", "k", "v");
        String d1 = c.call("DEBUG", "DIGEST");
        c.call("SET", "k", "w");
        assertTrue(!d1.equals(c.call("DEBUG", "DIGEST")));
        assertTrue(c.call("DEBUG", "OBJECT", "k").startsWith("+Value at:"));
        assertEquals("-ERR no such key\r\n", c.call("DEBUG", "OBJECT", "zz"));
        assertEquals("+OK\r\n", c.call("DEBUG", "SET-ACTIVE-EXPIRE", "0"));
        assertEquals("+OK\r\n", c.call("DEBUG", "SLEEP", "0"));
        assertEquals("+OK\r\n", c.call("DEBUG", "LOG", "hello"));
        assertTrue(c.call("DEBUG", "DIGEST-VALUE", "k", "zz").startsWith("*2\r\n+"));
        String stats = c.call("MEMORY", "STATS");
        assertTrue(stats.startsWith("*") && stats.contains("$14\r\npeak.allocated\r\n:") && stats.contains("$4\r\ndb.0\r\n*6\r\n")
                && stats.contains("$19\r\nfragmentation.bytes\r\n:"), stats);
        assertEquals("$45\r\nStats not supported for the current allocator\r\n", c.call("MEMORY", "MALLOC-STATS"));
        LocalClient off = new LocalClient(new Server());
        assertTrue(off.call("DEBUG", "DIGEST").startsWith("-ERR DEBUG command not allowed."));
    }

    @Test
    void memoryUsage() {
        c.call("SET", "k", "x".repeat(100));
        long n = Long.parseLong(c.call("MEMORY", "USAGE", "k").substring(1).trim());
        assertTrue(n > 100 && n < 300, "usage " + n);
        assertEquals("$-1\r\n", c.call("MEMORY", "USAGE", "nokey"));
        assertEquals("+OK\r\n", c.call("MEMORY", "PURGE"));
    }

    @Test
    void lfuPolicy() {
        c.call("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        c.call("SET", "k", "v");
        for (int i = 0; i < 100; i++) c.call("GET", "k");
        String freq = c.call("OBJECT", "FREQ", "k");
        assertTrue(Integer.parseInt(freq.substring(1).trim()) > 5, freq);
        assertTrue(c.call("OBJECT", "IDLETIME", "k").startsWith("-ERR An LFU maxmemory policy is selected"));
    }
}
