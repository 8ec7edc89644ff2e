package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Over a real loopback socket: protocol handling, pipelining, RESP3, pub/sub, client commands. */
class NetworkEndToEndTest {
    static TestServer ts;

    @BeforeAll
    static void start() throws Exception {
        ts = new TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        ts.close();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void inlineAndPipelined() throws Exception {
        try (RespConnection c = ts.connect()) {
            c.sendRaw(ascii("PING\r\nSET \"in line\" 'a b'\r\nGET \"in line\"\n\r\n"));
            assertEquals("+PONG\r\n", c.readReply());
            assertEquals("+OK\r\n", c.readReply());
            assertEquals("$3\r\na b\r\n", c.readReply());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < 5000; i++) b.writeBytes(RespConnection.encode(RespConnection.args("INCR", "pipe")));
            c.sendRaw(b.toByteArray());
            for (int i = 1; i <= 5000; i++) assertEquals(":" + i + "\r\n", c.readReply());
        }
    }

    @Test
    void argumentSplitAcrossReadsAndBinarySafe() throws Exception {
        try (RespConnection c = ts.connect()) {
            byte[] big = new byte[3 * 1024 * 1024];
            for (int i = 0; i < big.length; i++) big[i] = (byte) i;
            byte[] req = RespConnection.encode(ascii("SET"), ascii("big"), big);
            c.sendRaw(Arrays.copyOf(req, 10));
            Thread.sleep(20);
            c.sendRaw(Arrays.copyOfRange(req, 10, req.length));
            assertEquals("+OK\r\n", c.readReply());
            assertEquals(":" + big.length + "\r\n", c.call("STRLEN", "big"));
            String got = c.call("GETRANGE", "big", "0", "3");
            assertEquals("$4\r\n\0\1\2\3\r\n", got);
        }
    }

    @Test
    void protocolErrorClosesOnlyThatClient() throws Exception {
        try (RespConnection good = ts.connect(); RespConnection bad = ts.connect()) {
            bad.sendRaw(ascii("*1\r\n+PING\r\n"));
            assertEquals("-ERR Protocol error: expected '$', got '+'\r\n", bad.readReply());
            assertTrue(bad.closedByPeer());
            assertEquals("+PONG\r\n", good.call("PING"));
        }
        try (RespConnection bad = ts.connect()) {
            bad.sendRaw(ascii("*x\r\n"));
            assertEquals("-ERR Protocol error: invalid multibulk length\r\n", bad.readReply());
            assertTrue(bad.closedByPeer());
        }
        try (RespConnection bad = ts.connect()) {
            bad.sendRaw(ascii("SET \"a b\r\n"));
            assertEquals("-ERR Protocol error: unbalanced quotes in request\r\n", bad.readReply());
        }
    }

    @Test
    void hello3AndResp3Replies() throws Exception {
        try (RespConnection c = ts.connect()) {
            String h = c.call("HELLO", "3", "SETNAME", "me");
            assertTrue(h.startsWith("%7\r\n$6\r\nserver\r\n$6\r\nvalkey\r\n"), h);
            assertTrue(h.contains("$5\r\nproto\r\n:3\r\n"));
            assertEquals("_\r\n", c.call("GET", "nothing-here"));
            assertEquals("$2\r\nme\r\n", c.call("CLIENT", "GETNAME"));
            assertTrue(c.call("CONFIG", "GET", "maxmemory").startsWith("%1\r\n"));
            assertEquals("-NOPROTO unsupported protocol version\r\n", c.call("HELLO", "4"));
            assertTrue(c.call("HELLO", "2").startsWith("*14\r\n"));
        }
    }

    @Test
    void pubsubResp2AndResp3() throws Exception {
        try (RespConnection sub = ts.connect(); RespConnection sub3 = ts.connect(); RespConnection pub = ts.connect()) {
            assertEquals("*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n", sub.call("SUBSCRIBE", "ch"));
            assertEquals("*3\r\n$10\r\npsubscribe\r\n$2\r\nc*\r\n:2\r\n", sub.call("PSUBSCRIBE", "c*"));
            sub3.call("HELLO", "3");
            assertEquals(">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n", sub3.call("SUBSCRIBE", "ch"));
            assertEquals(":3\r\n", pub.call("PUBLISH", "ch", "hi"));
            assertEquals("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", sub.readReply());
            assertEquals("*4\r\n$8\r\npmessage\r\n$2\r\nc*\r\n$2\r\nch\r\n$2\r\nhi\r\n", sub.readReply());
            assertEquals(">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", sub3.readReply());
            assertEquals("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n",
                    sub.call("GET", "x"));
            assertEquals("*2\r\n$4\r\npong\r\n$0\r\n\r\n", sub.call("PING"));
            assertEquals("$-1\r\n", sub3.call("GET", "x").equals("_\r\n") ? "$-1\r\n" : "bad");
            assertEquals("*2\r\n$2\r\nch\r\n:2\r\n", pub.call("PUBSUB", "NUMSUB", "ch"));
            assertEquals(":1\r\n", pub.call("PUBSUB", "NUMPAT"));
            assertEquals("*3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n:1\r\n", sub.call("UNSUBSCRIBE"));
            assertEquals("+RESET\r\n", sub.call("RESET"));
            assertEquals("$-1\r\n", sub.call("GET", "x"));
        }
    }

    @Test
    void slowSubscriberHitsOutputLimit() throws Exception {
        try (RespConnection sub = ts.connect(); RespConnection pub = ts.connect()) {
            pub.call("CONFIG", "SET", "client-output-buffer-limit", "pubsub 2mb 1mb 60");
            sub.call("SUBSCRIBE", "flood");
            String big = "x".repeat(100_000);
            for (int i = 0; i < 300; i++) pub.call("PUBLISH", "flood", big); // the subscriber never reads
            assertEquals("*2\r\n$5\r\nflood\r\n:0\r\n", pub.call("PUBSUB", "NUMSUB", "flood"));
            assertEquals("+PONG\r\n", pub.call("PING"));
            pub.call("CONFIG", "SET", "client-output-buffer-limit", "normal 0 0 0 pubsub 33554432 8388608 60");
        }
    }

    @Test
    void keyspaceNotifications() throws Exception {
        try (RespConnection sub = ts.connect(); RespConnection c = ts.connect()) {
            assertEquals("+OK\r\n", c.call("CONFIG", "SET", "notify-keyspace-events", "KEA"));
            assertEquals("*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n", c.call("CONFIG", "GET", "notify-keyspace-events"));
            sub.call("PSUBSCRIBE", "__key*__:*");
            c.call("SET", "ev", "1");
            assertEquals("*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$17\r\n__keyspace@0__:ev\r\n$3\r\nset\r\n", sub.readReply());
            assertEquals("*4\r\n$8\r\npmessage\r\n$10\r\n__key*__:*\r\n$18\r\n__keyevent@0__:set\r\n$2\r\nev\r\n", sub.readReply());
            c.call("DEL", "ev");
            assertTrue(sub.readReply().endsWith("$3\r\ndel\r\n"));
            assertTrue(sub.readReply().endsWith("$2\r\nev\r\n"));
            assertTrue(c.call("CONFIG", "SET", "notify-keyspace-events", "Q").contains("Invalid event class character"));
            c.call("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    @Test
    void clientPauseWritePostponesWrites() throws Exception {
        try (RespConnection admin = ts.connect(); RespConnection w = ts.connect(); RespConnection r = ts.connect()) {
            assertEquals("+OK\r\n", admin.call("CLIENT", "PAUSE", "100000", "WRITE"));
            w.sendRaw(RespConnection.encode(RespConnection.args("SET", "paused", "1")));
            assertEquals("$-1\r\n", r.call("GET", "paused")); // reads still run, the write waits
            assertEquals("+OK\r\n", admin.call("CLIENT", "UNPAUSE"));
            assertEquals("+OK\r\n", w.readReply());
            assertEquals("$1\r\n1\r\n", r.call("GET", "paused"));
            assertEquals("+OK\r\n", admin.call("CLIENT", "PAUSE", "50"));
            long t0 = System.nanoTime();
            assertEquals("+PONG\r\n", r.call("PING")); // ALL: held until the timeout passes
            assertTrue(System.nanoTime() - t0 >= 40_000_000L);
        }
    }

    @Test
    void clientCommands() throws Exception {
        try (RespConnection a = ts.connect(); RespConnection b = ts.connect()) {
            String id = a.call("CLIENT", "ID").substring(1).trim();
            assertEquals("+OK\r\n", a.call("CLIENT", "SETNAME", "alice"));
            assertTrue(b.call("CLIENT", "LIST").contains("name=alice"));
            assertTrue(a.call("CLIENT", "INFO").contains("id=" + id + " "));
            a.sendRaw(RespConnection.encode(RespConnection.args("CLIENT", "REPLY", "OFF")));
            a.sendRaw(RespConnection.encode(RespConnection.args("SET", "silent", "1")));
            a.sendRaw(RespConnection.encode(RespConnection.args("CLIENT", "REPLY", "ON")));
            assertEquals("+OK\r\n", a.readReply());
            assertEquals(":1\r\n", b.call("CLIENT", "KILL", "ID", id));
            assertTrue(a.closedByPeer());
            assertEquals("$1\r\n1\r\n", b.call("GET", "silent"));
        }
    }

    @Test
    void quitAndInfo() throws Exception {
        try (RespConnection c = ts.connect()) {
            String info = c.call("INFO");
            assertTrue(info.contains("redis_version:"), info);
            assertTrue(info.contains("# Keyspace"));
            assertTrue(c.call("INFO", "commandstats").contains("cmdstat_info:calls="));
            assertEquals("+OK\r\n", c.call("QUIT"));
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void monitorSeesCommands() throws Exception {
        try (RespConnection m = ts.connect(); RespConnection c = ts.connect()) {
            assertEquals("+OK\r\n", m.call("MONITOR"));
            c.call("SET", "mon", "x y");
            String line = m.readReply();
            assertTrue(line.matches("\\+\\d+\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+\\] \"SET\" \"mon\" \"x y\"\r\n"), line);
        }
    }

    @Test
    void clientKillByUserAndAge() throws Exception {
        try (RespConnection a = ts.connect(); RespConnection b = ts.connect()) {
            String bid = b.call("CLIENT", "ID").substring(1).trim();
            assertEquals("-ERR No such user 'nosuch'\r\n", a.call("CLIENT", "KILL", "USER", "nosuch"));
            assertEquals("-ERR value is not an integer or out of range\r\n", a.call("CLIENT", "KILL", "MAXAGE", "x"));
            // Both connections are seconds old at most: an hour's age limit spares them.
            assertEquals(":0\r\n", a.call("CLIENT", "KILL", "ID", bid, "MAXAGE", "3600"));
            assertEquals(":1\r\n", a.call("CLIENT", "KILL", "USER", "default", "ID", bid));
            assertEquals("+PONG\r\n", a.call("PING"));
        }
    }

    /** The 'n' (new key) and 'm' (key miss) classes, spelled and fired as redis-server 7.0.15 does. */
    @Test
    void newKeyAndKeyMissNotifications() throws Exception {
        try (RespConnection sub = ts.connect(); RespConnection c = ts.connect()) {
            c.call("CONFIG", "SET", "notify-keyspace-events", "Kgn");
            assertEquals("*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\ngnK\r\n", c.call("CONFIG", "GET", "notify-keyspace-events"));
            c.call("CONFIG", "SET", "notify-keyspace-events", "KEAnm");
            assertEquals("*2\r\n$22\r\nnotify-keyspace-events\r\n$4\r\nAKEm\r\n", c.call("CONFIG", "GET", "notify-keyspace-events"));
            c.call("CONFIG", "SET", "notify-keyspace-events", "Enm");
            sub.call("PSUBSCRIBE", "__keyevent@0__:*");
            c.call("DEL", "fresh", "absent");
            c.call("SET", "fresh", "1");
            c.call("SET", "fresh", "2"); // exists already: no second "new"
            c.call("GET", "absent");
            c.call("SET", "done", "x");
            assertTrue(sub.readReply().endsWith("__keyevent@0__:new\r\n$5\r\nfresh\r\n"));
            assertTrue(sub.readReply().endsWith("__keyevent@0__:keymiss\r\n$6\r\nabsent\r\n"));
            assertTrue(sub.readReply().endsWith("__keyevent@0__:new\r\n$4\r\ndone\r\n"));
            c.call("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }
}
