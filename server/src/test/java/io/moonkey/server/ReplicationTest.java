package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The master side of replication, with a real redis-server 7.0.15 as our replica: the initial
 * synchronisation, script effects replication (MULTI/EXEC-wrapped), server.set_repl, WAIT, ROLE
 * and INFO. Skipped with a message when redis-server is not installed.
 */
class ReplicationTest {
    private static void awaitEquals(String expected, RespConnection c, String... cmd) throws Exception {
        String last = null;
        for (int i = 0; i < 300; i++) {
            last = c.call(cmd);
            if (last.equals(expected)) return;
            Thread.sleep(20);
        }
        assertEquals(expected, last, "replica never converged for " + String.join(" ", cmd));
    }

    @Test
    void aRedisReplicaFollowsDataAndScriptEffects() throws Exception {
        ReferenceServer replica = ReferenceServer.start();
        Assumptions.assumeTrue(replica != null, ReferenceServer.SKIP_MESSAGE);
        try (replica; TestServer master = new TestServer("--save", "", "--appendonly", "no");
                RespConnection m = master.connect(); RespConnection r = new RespConnection(replica.port)) {
            m.call("set", "before", "1");
            m.call("set", "ttl", "v", "ex", "1000");
            m.call("select", "5");
            m.call("set", "in5", "five");
            m.call("select", "0");
            assertEquals("+OK\r\n", r.call("replicaof", "127.0.0.1", Integer.toString(master.port)));
            for (int i = 0; i < 300 && !r.call("info", "replication").contains("master_link_status:up"); i++) Thread.sleep(20);
            awaitEquals("$1\r\n1\r\n", r, "get", "before");
            assertEquals(m.call("pexpiretime", "ttl"), r.call("pexpiretime", "ttl")); // the same absolute expire
            r.call("select", "5");
            assertEquals("$4\r\nfive\r\n", r.call("get", "in5"));
            r.call("select", "0");
            assertTrue(m.call("role").startsWith("*3\r\n$6\r\nmaster\r\n:"));
            assertTrue(m.call("role").contains("$9\r\n127.0.0.1\r\n"));

            // a script's writes arrive as one transaction; a read-only script sends nothing
            assertEquals(":1\r\n", m.call("eval", "redis.call('set','s1','a'); redis.call('incr','n'); return 1", "0"));
            m.call("eval", "return redis.call('get','s1')", "0");
            awaitEquals("$1\r\n1\r\n", r, "get", "n");
            assertEquals("$1\r\na\r\n", r.call("get", "s1"));

            // set_repl: REPL_NONE and REPL_AOF keep writes from the replica, REPL_REPLICA sends them
            m.call("eval", "redis.set_repl(redis.REPL_NONE); redis.call('set','hidden','1'); "
                    + "redis.set_repl(redis.REPL_AOF); redis.call('set','aofonly','1'); "
                    + "redis.set_repl(redis.REPL_REPLICA); redis.call('set','shown','1'); return 0", "0");
            awaitEquals("$1\r\n1\r\n", r, "get", "shown");
            assertEquals(":0\r\n", r.call("exists", "hidden", "aofonly"));
            assertEquals(":2\r\n", m.call("exists", "hidden", "aofonly"));

            // WAIT counts the replica once it acknowledged everything written so far
            m.call("set", "w", "1");
            assertEquals(":1\r\n", m.call("wait", "1", "5000"));
            assertTrue(m.call("info", "replication").contains("connected_slaves:1\r\n"));
            assertTrue(m.call("client", "list").contains("flags=S"));
            r.call("replicaof", "no", "one");
            for (int i = 0; i < 200 && !m.call("info", "replication").contains("connected_slaves:0\r\n"); i++) Thread.sleep(20);
            assertTrue(m.call("info", "replication").contains("connected_slaves:0\r\n"));
        }
    }

    @Test
    void psyncGetsFullResyncThenTheRdbThenTheStream() throws Exception {
        try (TestServer master = new TestServer("--save", "", "--appendonly", "no");
                RespConnection m = master.connect(); RespConnection rep = master.connect()) {
            m.call("set", "k", "v");
            assertEquals("+OK\r\n", rep.call("replconf", "listening-port", "4321"));
            assertEquals("+OK\r\n", rep.call("replconf", "capa", "eof", "capa", "psync2"));
            rep.sendRaw(RespConnection.encode(RespConnection.args("psync", "?", "-1")));
            String full = rep.readReply();
            assertTrue(full.matches("\\+FULLRESYNC [0-9a-f]{40} 0\r\n"), full);
            String rdb = rep.readRdb();
            assertTrue(rdb.startsWith("REDIS0010"), rdb);
            assertTrue(rdb.contains("k") && rdb.contains("v"));
            m.call("eval", "redis.call('set','a','1'); redis.call('set','b','2')", "0");
            assertEquals("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n", rep.readReply());
            assertEquals("*1\r\n$5\r\nMULTI\r\n", rep.readReply());
            assertEquals("*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n", rep.readReply());
            assertEquals("*3\r\n$3\r\nset\r\n$1\r\nb\r\n$1\r\n2\r\n", rep.readReply());
            assertEquals("*1\r\n$4\r\nEXEC\r\n", rep.readReply());
            assertTrue(m.call("info", "replication").contains("slave0:ip=127.0.0.1,port=4321,state=online"));
            assertEquals("-ERR Unrecognized REPLCONF option: foo\r\n", m.call("replconf", "foo", "bar"));
            assertEquals("-ERR syntax error\r\n", m.call("replconf", "foo"));
        } catch (IOException e) {
            throw new AssertionError("replication stream broken", e);
        }
    }

    /** Every type, before and after the replica attaches: its DEBUG DIGEST equals ours. */
    @Test
    void aRedisReplicaHoldsTheSameDatasetForEveryType() throws Exception {
        ReferenceServer replica = ReferenceServer.start();
        Assumptions.assumeTrue(replica != null, ReferenceServer.SKIP_MESSAGE);
        try (replica; TestServer master = new TestServer("--save", "", "--appendonly", "no", "--enable-debug-command", "yes");
                RespConnection m = master.connect(); RespConnection r = new RespConnection(replica.port)) {
            for (String[] c : DigestDifferentialTest.commands("rpush l a b c; sadd s 1 2 3; sadd t x y; hset h f v g w;"
                    + "zadd z 1 a 2.5 b -inf c; xadd st 1-1 a 1; xadd st 2-0 b 2; xgroup create st g 0; xreadgroup group g alice count 1 streams st >;"
                    + "xgroup createconsumer st g bob; set str v px 100000000; select 3; rpush l3 q")) {
                m.call(c);
            }
            r.call("replicaof", "127.0.0.1", Integer.toString(master.port));
            for (int i = 0; i < 300 && !r.call("info", "replication").contains("master_link_status:up"); i++) Thread.sleep(20);
            awaitEquals(m.call("debug", "digest"), r, "debug", "digest");
            for (String[] c : DigestDifferentialTest.commands("select 0; lpop l; spop t; hdel h f; zincrby z 1 a; xadd st 3-0 c 3; xack st g 1-1;"
                    + "eval redis.call('rpush','l','n1','n2');redis.call('zadd','z','9','q') 0; blpop nosuch 0.01")) {
                m.call(c);
            }
            awaitEquals(m.call("debug", "digest"), r, "debug", "digest");
            assertEquals(m.call("xinfo", "groups", "st"), r.call("xinfo", "groups", "st"));
            assertEquals(m.call("xpending", "st", "g"), r.call("xpending", "st", "g"));
        }
    }

    /** A replica that stops reading is dropped at the replica class's output limit, not kept growing. */
    @Test
    void aReplicaThatDoesNotReadIsDroppedAtItsOutputLimit() throws Exception {
        try (TestServer master = new TestServer("--save", "", "--appendonly", "no", "--client-output-buffer-limit", "replica 1mb 0 0");
                RespConnection m = master.connect(); RespConnection rep = master.connect()) {
            rep.sendRaw(RespConnection.encode(RespConnection.args("psync", "?", "-1")));
            for (int i = 0; i < 200 && !m.call("info", "replication").contains("connected_slaves:1\r\n"); i++) Thread.sleep(10);
            String big = "x".repeat(64 * 1024);
            for (int i = 0; i < 200 && m.call("info", "replication").contains("connected_slaves:1\r\n"); i++) {
                m.call("set", "k" + i, big); // the replica never reads: its pending output grows
            }
            assertTrue(m.call("info", "replication").contains("connected_slaves:0\r\n"));
            assertEquals("+PONG\r\n", m.call("ping"));
        }
    }
}
