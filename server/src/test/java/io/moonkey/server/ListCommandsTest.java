package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list commands on our server alone: blocking with several real connections (wake-up,
 * arrival order, timeouts, MULTI and scripts as wakers), what each command propagates, and the
 * memory accounting of in-place changes. Replies are checked against redis-server by
 * {@link ListDifferentialTest}; what needs several clients or our internals is here.
 */
class ListCommandsTest {
    private static TestServer server;
    private static final List<String> propagated = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer("--save", "", "--appendonly", "no");
        server.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            synchronized (propagated) {
                propagated.add(b.toString());
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void flush() throws Exception {
        try (RespConnection c = server.connect()) {
            c.call("flushall");
        }
        synchronized (propagated) {
            propagated.clear();
        }
    }

    /** The propagated commands so far, SELECTs left out. */
    private static List<String> stream() {
        synchronized (propagated) {
            List<String> r = new ArrayList<>();
            for (String p : propagated) {
                int sp = p.indexOf(' ');
                String name = (sp < 0 ? p : p.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
                if (!name.equals("SELECT")) r.add(name + (sp < 0 ? "" : p.substring(sp)));
            }
            return r;
        }
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    private static String pair(String key, String element) {
        return "*2\r\n" + bulk(key) + bulk(element);
    }

    private static void send(RespConnection c, String... args) throws Exception {
        c.sendRaw(RespConnection.encode(RespConnection.args(args)));
    }

    private static void awaitBlocked(RespConnection c, int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (c.call("info", "clients").contains("blocked_clients:" + n + "\r\n")) return;
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + n + " blocked clients");
    }

    @Test
    void blpopIsServedByAPushFromAnotherClient() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "blpop", "q1", "q2", "1");
            awaitBlocked(b, 1);
            assertEquals(":2\r\n", b.call("rpush", "q2", "x", "y"));
            assertEquals(pair("q2", "x"), a.readReply());
            assertEquals("*1\r\n" + bulk("y"), b.call("lrange", "q2", "0", "-1"));
            assertEquals(List.of("RPUSH q2 x y", "LPOP q2"), stream());
            assertEquals("+PONG\r\n", a.call("ping"));
        }
    }

    @Test
    void blockedClientsAreServedInArrivalOrder() throws Exception {
        try (RespConnection a = server.connect(); RespConnection c = server.connect(); RespConnection b = server.connect()) {
            send(a, "brpop", "q", "1");
            awaitBlocked(b, 1);
            send(c, "brpop", "q", "1");
            awaitBlocked(b, 2);
            assertEquals(":3\r\n", b.call("rpush", "q", "1", "2", "3"));
            assertEquals(pair("q", "3"), a.readReply());
            assertEquals(pair("q", "2"), c.readReply());
            assertEquals(List.of("RPUSH q 1 2 3", "RPOP q", "RPOP q"), stream());
            // one element for two waiters: the first takes it, the second times out
            send(a, "blpop", "r", "1");
            awaitBlocked(b, 1);
            send(c, "blpop", "r", "0.3");
            awaitBlocked(b, 2);
            b.call("lpush", "r", "only");
            assertEquals(pair("r", "only"), a.readReply());
            assertEquals("*-1\r\n", c.readReply());
        }
    }

    @Test
    void timeoutsReplyNullInBothProtocols() throws Exception {
        try (RespConnection a = server.connect()) {
            long t0 = System.nanoTime();
            assertEquals("*-1\r\n", a.call("blpop", "none", "0.1"));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L, "answered before the timeout");
            assertEquals("*-1\r\n", a.call("blmove", "none", "dst", "LEFT", "RIGHT", "0.1"));
            assertEquals("*-1\r\n", a.call("brpoplpush", "none", "dst", "0.1"));
            assertEquals("*-1\r\n", a.call("blmpop", "0.1", "2", "none", "none2", "LEFT"));
            a.call("hello", "3");
            assertEquals("_\r\n", a.call("brpop", "none", "0.1"));
            assertEquals("_\r\n", a.call("blmove", "none", "dst", "LEFT", "RIGHT", "0.1"));
            assertEquals(List.of(), stream());
        }
    }

    @Test
    void blmoveMovesOntoAnotherListWhenServed() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            b.call("rpush", "dst", "old");
            send(a, "blmove", "src", "dst", "RIGHT", "LEFT", "1");
            awaitBlocked(b, 1);
            b.call("rpush", "src", "a", "b");
            assertEquals(bulk("b"), a.readReply());
            assertEquals("*2\r\n" + bulk("b") + bulk("old"), b.call("lrange", "dst", "0", "-1"));
            assertEquals(List.of("RPUSH dst old", "RPUSH src a b", "LMOVE src dst RIGHT LEFT"), stream());
            send(a, "brpoplpush", "src2", "dst2", "1");
            awaitBlocked(b, 1);
            b.call("lpush", "src2", "z");
            assertEquals(bulk("z"), a.readReply());
            assertEquals(":0\r\n", b.call("exists", "src2"));
            assertEquals("*1\r\n" + bulk("z"), b.call("lrange", "dst2", "0", "-1"));
            assertEquals("RPOPLPUSH src2 dst2", stream().get(stream().size() - 1));
        }
    }

    @Test
    void blmpopServesUpToCountWhenWoken() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "blmpop", "1", "2", "m1", "m2", "RIGHT", "COUNT", "5");
            awaitBlocked(b, 1);
            b.call("rpush", "m2", "a", "b", "c");
            assertEquals("*2\r\n" + bulk("m2") + "*3\r\n" + bulk("c") + bulk("b") + bulk("a"), a.readReply());
            assertEquals(List.of("RPUSH m2 a b c", "RPOP m2 3"), stream());
            b.call("rpush", "m1", "x");
            assertEquals("*2\r\n" + bulk("m1") + "*1\r\n" + bulk("x"), a.call("lmpop", "2", "m1", "m2", "LEFT", "COUNT", "9"));
            assertEquals("LPOP m1 1", stream().get(stream().size() - 1));
        }
    }

    @Test
    void aPushInsideExecWakesTheBlockedClientAfterExec() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "blpop", "t", "1");
            awaitBlocked(b, 1);
            b.call("multi");
            b.call("lpush", "t", "x");
            b.call("lpush", "t", "y");
            assertEquals("*2\r\n:1\r\n:2\r\n", b.call("exec"));
            assertEquals(pair("t", "y"), a.readReply()); // both pushes happened before it was served
            // a push undone within the same transaction leaves it blocked
            send(a, "blpop", "u", "0.3");
            awaitBlocked(b, 1);
            b.call("multi");
            b.call("lpush", "u", "x");
            b.call("del", "u");
            b.call("exec");
            assertEquals("*-1\r\n", a.readReply());
        }
    }

    @Test
    void aPushFromAScriptWakesTheBlockedClientAfterTheScript() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "brpop", "sk", "1");
            awaitBlocked(b, 1);
            assertEquals(":2\r\n", b.call("eval", "redis.call('lpush', KEYS[1], 'x') return redis.call('lpush', KEYS[1], 'y')", "1", "sk"));
            assertEquals(pair("sk", "x"), a.readReply());
            assertEquals("*1\r\n" + bulk("y"), b.call("lrange", "sk", "0", "-1"));
        }
    }

    @Test
    void aKeyOfAnotherTypeLeavesTheClientBlocked() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "blpop", "w", "1");
            awaitBlocked(b, 1);
            b.call("set", "w", "string");
            Thread.sleep(50);
            awaitBlocked(b, 1);
            b.call("del", "w");
            b.call("rpush", "w", "v");
            assertEquals(pair("w", "v"), a.readReply());
            // BLMOVE whose destination became another type answers WRONGTYPE when served, moving nothing
            b.call("set", "d", "string");
            send(a, "blmove", "w", "d", "LEFT", "LEFT", "1");
            awaitBlocked(b, 1);
            b.call("rpush", "w", "e");
            assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", a.readReply());
            assertEquals("*1\r\n" + bulk("e"), b.call("lrange", "w", "0", "-1"));
        }
    }

    @Test
    void blockingCommandsInScriptsAndMulti() throws Exception {
        try (RespConnection a = server.connect()) {
            // Valkey lets scripts call blocking commands, which answer at once (differences.md §3 row 8)
            assertEquals("$-1\r\n", a.call("eval", "return redis.call('blpop', KEYS[1], '0')", "1", "x")); // null -> false -> nil
            a.call("rpush", "x", "v");
            assertEquals("*2\r\n" + bulk("x") + bulk("v"), a.call("eval", "return redis.call('blpop', KEYS[1], '0')", "1", "x"));
            assertEquals("$-1\r\n", a.call("eval", "return redis.call('blmove', KEYS[1], 'y', 'LEFT', 'LEFT', '0')", "1", "x"));
            assertEquals(":0\r\n", a.call("eval", "return redis.call('wait', 1, 0)", "0")); // WAIT answers at once too
            assertEquals("$-1\r\n", a.call("eval", "return redis.call('blmpop', '0', '1', KEYS[1], 'LEFT')", "1", "x"));
            a.call("multi");
            a.call("blpop", "x", "0");
            a.call("brpoplpush", "x", "y", "0");
            assertEquals("*2\r\n*-1\r\n$-1\r\n", a.call("exec"));
        }
    }

    @Test
    void propagationOfPopsAndNoOps() throws Exception {
        try (RespConnection a = server.connect()) {
            a.call("rpush", "p", "1", "2", "3", "4");
            a.call("lpop", "p", "2");
            a.call("rpop", "p");
            a.call("lpop", "missing");
            a.call("ltrim", "p", "0", "-1"); // trims nothing: not propagated
            a.call("lrem", "p", "0", "nothing");
            a.call("linsert", "p", "BEFORE", "nopivot", "x");
            a.call("rpush", "p", "5", "6");
            a.call("ltrim", "p", "1", "-1");
            assertEquals(pair("p", "5"), a.call("blpop", "p", "0"));
            a.call("rpush", "p", "a", "b");
            a.call("blmpop", "0", "1", "p", "LEFT", "COUNT", "10");
            assertEquals(List.of("RPUSH p 1 2 3 4", "LPOP p 2", "RPOP p", "RPUSH p 5 6", "LTRIM p 1 -1", "LPOP p", "RPUSH p a b", "LPOP p 3"),
                    stream());
        }
    }

    @Test
    void memoryAccountingFollowsInPlaceChanges() throws Exception {
        try (RespConnection a = server.connect()) {
            long empty = server.server.keyspace().db(0).bytes();
            a.call("rpush", "mem", "a", "b", "c");
            for (int i = 0; i < 200; i++) a.call("rpush", "mem", "element-" + i);
            a.call("lset", "mem", "0", "x".repeat(1000));
            a.call("linsert", "mem", "AFTER", "b", "inserted");
            a.call("lrem", "mem", "1", "c");
            a.call("ltrim", "mem", "0", "50");
            a.call("rpoplpush", "mem", "other");
            long afterOps = server.server.keyspace().db(0).bytes();
            // the running total equals a fresh estimate of what is stored
            long fresh = 0;
            for (String k : List.of("mem", "other")) {
                Value v = server.server.keyspace().db(0).lookup(k.getBytes(StandardCharsets.UTF_8), 3);
                fresh += io.moonkey.datastore.Memory.keyEntry(k.getBytes(StandardCharsets.UTF_8)) + v.memoryUsage();
            }
            assertEquals(empty + fresh, afterOps);
            a.call("del", "mem", "other");
            assertEquals(empty, server.server.keyspace().db(0).bytes());
        }
    }
}
