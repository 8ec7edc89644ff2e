package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BZPOPMIN, BZPOPMAX and BZMPOP with real client connections: served by another client's ZADD,
 * in arrival order, timing out with nil, and what they propagate (ZPOPMIN/ZPOPMAX forms, as 7.0).
 */
class SortedSetBlockingTest {
    private static TestServer server;
    private static final List<String> stream = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer("--save", "", "--appendonly", "no");
        server.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            stream.add(b.toString());
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() throws Exception {
        try (RespConnection c = server.connect()) {
            c.call("FLUSHALL");
        }
        stream.clear();
    }

    private static void awaitBlocked(RespConnection c, int n) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (c.call("INFO", "clients").contains("blocked_clients:" + n + "\r\n")) return;
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + n + " blocked clients");
    }

    private static void send(RespConnection c, String... args) throws Exception {
        c.sendRaw(RespConnection.encode(RespConnection.args(args)));
    }

    private static List<String> written() {
        synchronized (stream) {
            return stream.stream().filter(l -> !l.startsWith("SELECT") && !l.startsWith("FLUSHALL")).toList();
        }
    }

    @Test
    void zaddFromAnotherClientServesTheBlockedPop() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "BZPOPMIN", "none", "z", "0");
            awaitBlocked(b, 1);
            assertEquals(":2\r\n", b.call("ZADD", "z", "2", "b", "1", "a"));
            assertEquals("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n", a.readReply());
            assertEquals("*2\r\n$1\r\nb\r\n$1\r\n2\r\n", b.call("ZRANGE", "z", "0", "-1", "WITHSCORES"));
            assertEquals(List.of("ZADD z 2 b 1 a", "ZPOPMIN z"), written());
            assertEquals("+PONG\r\n", a.call("PING"));
        }
    }

    @Test
    void clientsAreServedInArrivalOrder() throws Exception {
        try (RespConnection a = server.connect(); RespConnection c = server.connect(); RespConnection b = server.connect()) {
            send(a, "BZPOPMAX", "z", "0");
            awaitBlocked(b, 1);
            send(c, "BZPOPMAX", "z", "0");
            awaitBlocked(b, 2);
            b.call("ZADD", "z", "1", "x");
            assertEquals("*3\r\n$1\r\nz\r\n$1\r\nx\r\n$1\r\n1\r\n", a.readReply());
            awaitBlocked(b, 1);
            b.call("ZADD", "z", "5", "y", "7", "w");
            assertEquals("*3\r\n$1\r\nz\r\n$1\r\nw\r\n$1\r\n7\r\n", c.readReply());
            assertEquals(":1\r\n", b.call("ZCARD", "z"));
            assertEquals(List.of("ZADD z 1 x", "ZPOPMAX z", "ZADD z 5 y 7 w", "ZPOPMAX z"), written());
        }
    }

    @Test
    void oneZaddCanServeSeveralClients() throws Exception {
        try (RespConnection a = server.connect(); RespConnection c = server.connect(); RespConnection b = server.connect()) {
            send(a, "BZPOPMIN", "z", "0");
            awaitBlocked(b, 1);
            send(c, "BZMPOP", "0", "1", "z", "MIN", "COUNT", "5");
            awaitBlocked(b, 2);
            b.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
            assertEquals("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n", a.readReply());
            assertEquals("*2\r\n$1\r\nz\r\n*2\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n", c.readReply());
            assertEquals(":0\r\n", b.call("EXISTS", "z"));
            assertEquals(List.of("ZADD z 1 a 2 b 3 c", "ZPOPMIN z", "ZPOPMIN z 5"), written());
        }
    }

    @Test
    void timeoutRepliesNil() throws Exception {
        try (RespConnection a = server.connect()) {
            long t0 = System.nanoTime();
            assertEquals("*-1\r\n", a.call("BZPOPMIN", "z", "0.1"));
            assertEquals("*-1\r\n", a.call("BZMPOP", "0.1", "2", "z", "y", "MAX"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 190 && ms < 2000, "waited " + ms + " ms");
            a.call("HELLO", "3");
            assertEquals("_\r\n", a.call("BZPOPMAX", "z", "0.05"));
            assertEquals(List.of(), written());
        }
    }

    @Test
    void aKeyOfAnotherTypeDoesNotServe() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            send(a, "BZPOPMIN", "k", "0.3");
            awaitBlocked(b, 1);
            b.call("SET", "k", "string");
            assertEquals("*-1\r\n", a.readReply()); // still blocked, then timed out (7.0 keeps it blocked)
            assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", a.call("BZPOPMIN", "k", "0"));
        }
    }

    @Test
    void servedFromTheSecondKeyAndRespThree() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            a.call("HELLO", "3");
            send(a, "BZMPOP", "1", "2", "k1", "k2", "MAX");
            awaitBlocked(b, 1);
            b.call("ZADD", "k2", "1.5", "m", "0.1", "n");
            assertEquals("*2\r\n$2\r\nk2\r\n*1\r\n*2\r\n$1\r\nm\r\n,1.5\r\n", a.readReply());
            send(a, "BZPOPMIN", "k1", "k2", "1");
            assertEquals("*3\r\n$2\r\nk2\r\n$1\r\nn\r\n,0.1\r\n", a.readReply()); // Valkey: shortest form
            assertEquals(List.of("ZADD k2 1.5 m 0.1 n", "ZPOPMAX k2 1", "ZPOPMIN k2"), written());
        }
    }

    @Test
    void insideMultiTheyDoNotBlock() throws Exception {
        try (RespConnection a = server.connect()) {
            a.call("MULTI");
            a.call("BZPOPMIN", "z", "0");
            a.call("BZMPOP", "0", "1", "z", "MIN");
            assertEquals("*2\r\n*-1\r\n*-1\r\n", a.call("EXEC"));
        }
    }

    @Test
    void insideMultiWithDataTheyPopAndPropagateAsZpop() throws Exception {
        try (RespConnection a = server.connect()) {
            a.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
            a.call("MULTI");
            a.call("BZPOPMAX", "z", "0");
            a.call("BZMPOP", "0", "1", "z", "MIN", "COUNT", "1");
            assertEquals("*2\r\n*3\r\n$1\r\nz\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n",
                    a.call("EXEC"));
            assertEquals(List.of("ZADD z 1 a 2 b 3 c", "MULTI", "ZPOPMAX z", "ZPOPMIN z 1", "EXEC"), written());
        }
    }

    @Test
    void zmpopPropagatesAsZpopWithCount() throws Exception {
        try (RespConnection a = server.connect()) {
            a.call("ZADD", "z", "1", "a", "2", "b", "3", "c");
            a.call("ZMPOP", "2", "none", "z", "MAX");
            a.call("ZMPOP", "1", "z", "MIN", "COUNT", "10");
            assertEquals("*-1\r\n", a.call("ZMPOP", "1", "z", "MIN"));
            assertEquals(List.of("ZADD z 1 a 2 b 3 c", "ZPOPMAX z 1", "ZPOPMIN z 10"), written());
        }
    }
}
