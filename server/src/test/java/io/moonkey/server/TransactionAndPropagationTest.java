package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransactionAndPropagationTest {
    private final LocalClient c;
    private final List<String> stream = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    TransactionAndPropagationTest() throws Exception {
        c = new LocalClient();
        c.server.keyspace().setClock(clock::get);
        c.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            stream.add(b.toString());
        });
    }

    @Test
    void multiExec() {
        assertEquals("+OK\r\n", c.call("MULTI"));
        assertEquals("-ERR MULTI calls can not be nested\r\n", c.call("MULTI"));
        assertEquals("+QUEUED\r\n", c.call("SET", "a", "1"));
        assertEquals("+QUEUED\r\n", c.call("INCR", "a"));
        assertEquals("*2\r\n+OK\r\n:2\r\n", c.call("EXEC"));
        assertEquals("-ERR EXEC without MULTI\r\n", c.call("EXEC"));
        assertEquals(List.of("SELECT 0", "MULTI", "SET a 1", "INCR a", "EXEC"), stream);
    }

    @Test
    void queuedErrorAborts() {
        c.call("MULTI");
        assertEquals("-ERR wrong number of arguments for 'get' command\r\n", c.call("GET"));
        c.call("SET", "a", "1");
        assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", c.call("EXEC"));
        assertEquals("$-1\r\n", c.call("GET", "a"));
    }

    @Test
    void watch() throws Exception {
        LocalClient other = new LocalClient(c.server);
        c.call("SET", "w", "1");
        c.call("WATCH", "w");
        other.call("SET", "w", "2");
        c.call("MULTI");
        c.call("SET", "w", "3");
        assertEquals("*-1\r\n", c.call("EXEC"));
        assertEquals("$1\r\n2\r\n", c.call("GET", "w"));
        // untouched watch succeeds
        c.call("WATCH", "w");
        c.call("MULTI");
        c.call("SET", "w", "3");
        assertEquals("*1\r\n+OK\r\n", c.call("EXEC"));
        // expiry after WATCH invalidates
        c.call("SET", "e", "1", "PX", "100");
        c.call("WATCH", "e");
        clock.addAndGet(200);
        c.call("MULTI");
        c.call("PING");
        assertEquals("*-1\r\n", c.call("EXEC"));
        assertEquals("-ERR WATCH inside MULTI is not allowed\r\n", call(c, "MULTI", "WATCH", "x"));
        c.call("DISCARD");
    }

    private static String call(LocalClient c, String first, String... rest) {
        c.call(first);
        return c.call(rest);
    }

    @Test
    void rewrites() {
        c.call("SET", "k", "1");
        c.call("EXPIRE", "k", "10");
        c.call("INCRBYFLOAT", "f", "1.5");
        c.call("SET", "x", "v", "EX", "5");
        c.call("GETSET", "k", "2");
        c.call("DEL", "nothing");
        c.call("SET", "gone", "v", "PX", "5");
        clock.addAndGet(10);
        c.call("GET", "gone");
        long t = clock.get();
        assertEquals(List.of("SELECT 0", "SET k 1", "PEXPIREAT k " + (t - 10 + 10000), "SET f 1.5 KEEPTTL",
                "SET x v PXAT " + (t - 10 + 5000), "SET k 2", "SET gone v PXAT " + (t - 10 + 5), "DEL gone"), stream);
    }

    @Test
    void maxmemoryNoeviction() {
        c.call("CONFIG", "SET", "maxmemory", "1");
        assertEquals("-OOM command not allowed when used memory > 'maxmemory'.\r\n", c.call("SET", "a", "1"));
        assertEquals("$-1\r\n", c.call("GET", "a"));
        assertEquals(":0\r\n", c.call("DEL", "a"));
    }

    @Test
    void maxmemoryEvicts() {
        for (int i = 0; i < 2000; i++) c.call("SET", "key:" + i, "x".repeat(100));
        long used = c.server.keyspace().usedMemory();
        c.call("CONFIG", "SET", "maxmemory-policy", "allkeys-lru", "maxmemory", Long.toString(used / 2));
        c.call("SET", "trigger", "1");
        long after = c.server.keyspace().usedMemory();
        assertEquals(true, after <= used / 2, "used " + after);
        assertEquals(true, c.server.keyspace().evictedKeys() > 500);
    }
}
