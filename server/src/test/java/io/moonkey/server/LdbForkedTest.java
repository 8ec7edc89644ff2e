package io.moonkey.server;

import static io.moonkey.server.LdbClient.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Forked debugging sessions (SCRIPT DEBUG YES, ldb.md §2.1): a private dataset, the server keeps serving. */
@Timeout(60)
class LdbForkedTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void changesAreDiscardedAndOthersAreServedMeanwhile() throws Exception {
        try (RespConnection other = server.connect(); LdbClient c = new LdbClient(server.port)) {
            other.call("SET", "fk:existing", "old");
            other.call("DEL", "fk:new");
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   redis.call('set','fk:new','1')"),
                    c.start("yes", "redis.call('set','fk:new','1')\nredis.call('set','fk:existing','new')\nreturn redis.call('get','fk:existing')"));
            c.cmd("s");
            c.cmd("s");
            // Stopped inside the session: the server answers others, without the session's writes.
            assertEquals("+PONG\r\n", other.call("PING"));
            assertEquals("$-1\r\n", other.call("GET", "fk:new"));
            assertEquals("$3\r\nold\r\n", other.call("GET", "fk:existing"));
            assertFalse(other.call("CLIENT", "LIST").contains("cmd=eval"), "the debugged client left the server");
            assertEquals(log("<command> get fk:new", "<reply> \"1\""), c.cmd("r", "get", "fk:new"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals("$3\r\nnew\r\n", c.readReply());
            assertTrue(c.closedByPeer());
            assertEquals("$-1\r\n", other.call("GET", "fk:new"));
            assertEquals("$3\r\nold\r\n", other.call("GET", "fk:existing"));
        }
    }

    @Test
    void theCopyHasEveryDatabaseExpiresAndTheClientsProtocol() throws Exception {
        try (RespConnection other = server.connect(); LdbClient c = new LdbClient(server.port)) {
            other.call("SELECT", "3");
            other.call("SET", "fk:db3", "three", "PX", "100000");
            c.cmd("SELECT", "3");
            c.cmd("HELLO", "3");
            c.start("yes", "local v = redis.call('get','fk:db3')\nlocal ttl = redis.call('pttl','fk:db3')\nif v == 'three' and ttl > 0 then return nil end\nreturn 0");
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals("_\r\n", c.readReply()); // RESP3's null: the client's protocol, db 3 with its expire
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void concurrentSessionsAndCompileErrors() throws Exception {
        try (LdbClient a = new LdbClient(server.port); LdbClient b = new LdbClient(server.port)) {
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   return 'a'"), a.start("yes", "return 'a'"));
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   return 'b'"), b.start("yes", "return 'b'"));
            assertEquals(log("<endsession>"), b.cmd("c"));
            assertEquals("$1\r\nb\r\n", b.readReply());
            assertEquals(log("<endsession>"), a.cmd("c"));
            assertEquals("$1\r\na\r\n", a.readReply());
        }
        try (LdbClient c = new LdbClient(server.port)) {
            c.cmd("SCRIPT", "DEBUG", "yes");
            assertEquals(log("<endsession>"), c.cmd("EVAL", "retur 1", "0"));
            assertEquals("-ERR Error compiling script (new function): user_script:1: '=' expected near '1'\r\n", c.readReply());
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void abortInAForkedSessionKeepsNothing() throws Exception {
        try (RespConnection other = server.connect(); LdbClient c = new LdbClient(server.port)) {
            other.call("DEL", "fk:aborted");
            c.start("yes", "redis.call('set','fk:aborted','1')\nreturn 1");
            c.cmd("s");
            assertEquals(log("<endsession>"), c.cmd("abort"));
            assertTrue(c.readReply().startsWith("-ERR script aborted for user request script: "));
            assertEquals("$-1\r\n", other.call("GET", "fk:aborted"));
        }
    }

    /** §2.1: on shutdown all forked sessions are killed; the debugged client sees its connection end. */
    @Test
    void shutdownEndsForkedSessions() throws Exception {
        TestServer own = new TestServer();
        try (LdbClient c = new LdbClient(own.port)) {
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   local a = 1"), c.start("yes", "local a = 1\nreturn a"));
            own.close();
            assertTrue(c.closedByPeer());
        }
    }
}
