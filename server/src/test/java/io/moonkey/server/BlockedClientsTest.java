package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.StringValue;
import io.moonkey.server.command.CommandSpec;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blocking machinery on its own, through a test command TESTPOP key timeout (pops a string
 * key, or blocks until one is created): wake-up by another client, arrival order, timeouts,
 * CLIENT UNBLOCK, pipelined requests held back, MULTI and disconnects.
 */
class BlockedClientsTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer("--save", "", "--appendonly", "no");
        server.server.commands().add(new CommandSpec("testpop", 3, "write", "generic", "1.0.0", "Test: pop a string key, blocking.",
                (s, argv, out) -> {
                    long deadline = s.server().blocked().deadline(argv[2], true);
                    var v = s.db().lookupWrite(argv[1]);
                    if (v != null) {
                        s.db().delete(argv[1]);
                        s.dirty();
                        out.bulk(((StringValue) v).bytes());
                    } else if (!s.canBlock()) {
                        out.nullArray();
                    } else {
                        s.server().blocked().block(s, new byte[][] {argv[1]}, deadline, argv, o -> o.nullArray());
                    }
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    /** Waits until {@code n} clients are blocked (the blocking request has reached the server). */
    private static void awaitBlocked(RespConnection c, int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (c.call("info", "clients").contains("blocked_clients:" + n + "\r\n")) return;
            Thread.sleep(10);
        }
        throw new AssertionError("never saw " + n + " blocked clients: " + c.call("info", "clients"));
    }

    @Test
    void anotherClientsWriteWakesTheBlockedClient() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k1", "0")));
            awaitBlocked(b, 1);
            assertTrue(b.call("client", "list").contains("flags=b"));
            assertEquals("+OK\r\n", b.call("set", "k1", "hello"));
            assertEquals(bulk("hello"), a.readReply());
            assertEquals(":0\r\n", b.call("exists", "k1"));
            assertEquals("+PONG\r\n", a.call("ping"));
        }
    }

    @Test
    void clientsAreServedInArrivalOrder() throws Exception {
        try (RespConnection a = server.connect(); RespConnection c = server.connect(); RespConnection b = server.connect()) {
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k2", "0")));
            awaitBlocked(b, 1);
            c.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k2", "0")));
            awaitBlocked(b, 2);
            b.call("set", "k2", "first");
            assertEquals(bulk("first"), a.readReply());
            awaitBlocked(b, 1);
            b.call("set", "k2", "second");
            assertEquals(bulk("second"), c.readReply());
        }
    }

    @Test
    void timeoutRepliesWithTheCommandsTimeoutReply() throws Exception {
        try (RespConnection a = server.connect()) {
            long t0 = System.nanoTime();
            assertEquals("*-1\r\n", a.call("testpop", "k3", "0.1"));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L, "answered before the timeout");
            assertEquals("+PONG\r\n", a.call("ping"));
        }
    }

    @Test
    void pipelinedRequestsWaitForTheBlockedOne() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            byte[] first = RespConnection.encode(RespConnection.args("testpop", "k4", "0"));
            byte[] second = RespConnection.encode(RespConnection.args("echo", "after"));
            byte[] both = new byte[first.length + second.length];
            System.arraycopy(first, 0, both, 0, first.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            a.sendRaw(both);
            awaitBlocked(b, 1);
            b.call("set", "k4", "v");
            assertEquals(bulk("v"), a.readReply());
            assertEquals(bulk("after"), a.readReply());
        }
    }

    @Test
    void clientUnblockAnswersAsTimeoutOrError() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            String id = a.call("client", "id").substring(1).trim();
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k5", "0")));
            awaitBlocked(b, 1);
            assertEquals(":1\r\n", b.call("client", "unblock", id));
            assertEquals("*-1\r\n", a.readReply());
            assertEquals(":0\r\n", b.call("client", "unblock", id));
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k5", "0")));
            awaitBlocked(b, 1);
            assertEquals(":1\r\n", b.call("client", "unblock", id, "error"));
            assertEquals("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", a.readReply());
            assertEquals("-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n", b.call("client", "unblock", id, "foo"));
            assertEquals("-ERR value is not an integer or out of range\r\n", b.call("client", "unblock", "x"));
        }
    }

    @Test
    void aWriteInsideExecWakesAfterExec() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k6", "0")));
            awaitBlocked(b, 1);
            b.call("multi");
            b.call("set", "k6", "x");
            b.call("set", "k6", "y");
            assertEquals("*2\r\n+OK\r\n+OK\r\n", b.call("exec"));
            assertEquals(bulk("y"), a.readReply());
        }
    }

    @Test
    void insideMultiTheCommandDoesNotBlock() throws Exception {
        try (RespConnection a = server.connect()) {
            a.call("multi");
            a.call("testpop", "k7", "0");
            assertEquals("*1\r\n*-1\r\n", a.call("exec"));
        }
    }

    @Test
    void badTimeoutsAreRefused() throws Exception {
        try (RespConnection a = server.connect()) {
            assertEquals("-ERR timeout is negative\r\n", a.call("testpop", "k8", "-1"));
            assertEquals("-ERR timeout is not a float or out of range\r\n", a.call("testpop", "k8", "abc"));
        }
    }

    @Test
    void aClientThatDisconnectsWhileBlockedIsForgotten() throws Exception {
        try (RespConnection b = server.connect()) {
            RespConnection a = server.connect();
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k9", "0")));
            awaitBlocked(b, 1);
            a.close();
            awaitBlocked(b, 0);
            b.call("set", "k9", "kept");
            assertEquals(bulk("kept"), b.call("get", "k9"));
        } catch (SocketTimeoutException e) {
            throw new IOException("server stopped answering", e);
        }
    }

    @Test
    void swapdbServesClientsWhoseKeyNowExists() throws Exception {
        try (RespConnection a = server.connect(); RespConnection b = server.connect()) {
            b.call("select", "1");
            b.call("set", "k10", "from1");
            a.sendRaw(RespConnection.encode(RespConnection.args("testpop", "k10", "0")));
            awaitBlocked(b, 1);
            assertEquals("+OK\r\n", b.call("swapdb", "0", "1"));
            assertEquals(bulk("from1"), a.readReply());
        }
    }
}
