package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCommandsTest {
    private final LocalClient c;
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    KeyCommandsTest() throws Exception {
        c = new LocalClient();
        c.server.keyspace().setClock(clock::get);
    }

    @Test
    void existenceAndDeletion() {
        c.call("MSET", "a", "1", "b", "2");
        assertEquals(":3\r\n", c.call("EXISTS", "a", "b", "a"));
        assertEquals(":2\r\n", c.call("DEL", "a", "b", "c"));
        assertEquals("+none\r\n", c.call("TYPE", "a"));
        c.call("SET", "s", "x");
        assertEquals("+string\r\n", c.call("TYPE", "s"));
        assertEquals(":1\r\n", c.call("UNLINK", "s"));
    }

    @Test
    void renameCopyMove() {
        assertEquals("-ERR no such key\r\n", c.call("RENAME", "a", "b"));
        c.call("SET", "a", "1", "EX", "100");
        assertEquals("+OK\r\n", c.call("RENAME", "a", "b"));
        assertEquals(":100\r\n", c.call("TTL", "b"));
        c.call("SET", "c", "3");
        assertEquals(":0\r\n", c.call("RENAMENX", "b", "c"));
        assertEquals(":1\r\n", c.call("COPY", "b", "d"));
        assertEquals(":0\r\n", c.call("COPY", "b", "d"));
        assertEquals(":1\r\n", c.call("COPY", "b", "d", "REPLACE"));
        assertEquals("-ERR source and destination objects are the same\r\n", c.call("COPY", "b", "b"));
        assertEquals(":1\r\n", c.call("MOVE", "d", "1"));
        assertEquals(":0\r\n", c.call("EXISTS", "d"));
        assertEquals("+OK\r\n", c.call("SELECT", "1"));
        assertEquals("$1\r\n1\r\n", c.call("GET", "d"));
        assertEquals("-ERR DB index is out of range\r\n", c.call("SELECT", "16"));
        assertEquals("+OK\r\n", c.call("SWAPDB", "0", "1"));
        assertEquals(":2\r\n", c.call("DBSIZE"));
    }

    @Test
    void expiry() {
        c.call("SET", "k", "v");
        assertEquals(":1\r\n", c.call("EXPIRE", "k", "10"));
        assertEquals(":10\r\n", c.call("TTL", "k"));
        assertEquals(":10000\r\n", c.call("PTTL", "k"));
        assertEquals(":0\r\n", c.call("EXPIRE", "k", "5", "GT"));
        assertEquals(":1\r\n", c.call("EXPIRE", "k", "5", "LT"));
        assertEquals(":0\r\n", c.call("EXPIRE", "k", "5", "NX"));
        assertEquals("-ERR NX and XX, GT or LT options at the same time are not compatible\r\n", c.call("EXPIRE", "k", "5", "NX", "XX"));
        assertEquals(":" + (clock.get() + 5000) + "\r\n", c.call("PEXPIRETIME", "k"));
        clock.addAndGet(5001);
        assertEquals("$-1\r\n", c.call("GET", "k"));
        assertEquals(":-2\r\n", c.call("TTL", "k"));
        c.call("SET", "p", "v", "PX", "100");
        assertEquals(":1\r\n", c.call("PERSIST", "p"));
        assertEquals(":-1\r\n", c.call("TTL", "p"));
        assertEquals(":1\r\n", c.call("EXPIRE", "p", "-1"));
        assertEquals(":0\r\n", c.call("EXISTS", "p"));
    }

    @Test
    void activeExpiry() {
        for (int i = 0; i < 1000; i++) c.call("SET", "k" + i, "v", "PX", "10");
        clock.addAndGet(20);
        for (int i = 0; i < 200 && c.server.keyspace().db(0).size() > 0; i++) c.server.cron();
        assertEquals(0, c.server.keyspace().db(0).size());
        assertEquals(1000, c.server.keyspace().expiredKeys());
    }

    @Test
    void keysAndScan() {
        for (int i = 0; i < 500; i++) c.call("SET", "key:" + i, "v");
        c.call("SET", "other", "v");
        String keys = c.call("KEYS", "key:1?");
        assertTrue(keys.startsWith("*10\r\n"), keys);
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        do {
            String r = c.call("SCAN", cursor, "MATCH", "key:*", "COUNT", "50");
            String[] lines = r.split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.length; i += 2) seen.add(lines[i]);
        } while (!cursor.equals("0"));
        assertEquals(500, seen.size());
        assertEquals("-ERR invalid cursor\r\n", c.call("SCAN", "x"));
        assertTrue(c.call("RANDOMKEY").startsWith("$"));
    }

    @Test
    void objectAndTouch() {
        c.call("SET", "n", "100");
        assertEquals(":2147483647\r\n", c.call("OBJECT", "REFCOUNT", "n"));
        assertEquals(":0\r\n", c.call("OBJECT", "IDLETIME", "n"));
        assertTrue(c.call("OBJECT", "FREQ", "n").startsWith("-ERR An LFU maxmemory policy is not selected"));
        assertEquals(":1\r\n", c.call("TOUCH", "n", "zz"));
        assertEquals("-ERR unknown subcommand 'NOPE'. Try OBJECT HELP.\r\n", c.call("OBJECT", "NOPE"));
        assertTrue(c.call("OBJECT", "HELP").endsWith("+    Print this help.\r\n"));
    }
}
