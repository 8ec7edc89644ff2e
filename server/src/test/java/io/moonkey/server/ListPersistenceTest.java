package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists in the whole-dataset forms, checked with redis-server 7.0.15: DEBUG DIGEST and
 * DIGEST-VALUE equal the reference's, a redis-server replica of ours receives lists in the
 * initial snapshot and through the stream, and an AOF rewrite with lists reloads in both.
 */
class ListPersistenceTest {
    /** Builds lists of every shape: empty-string elements, long ones, more than one rewrite batch. */
    private static List<String[]> fill() {
        List<String[]> cmds = new ArrayList<>();
        cmds.add(new String[] {"rpush", "l", "a", "b", "c", "", "12345"});
        cmds.add(new String[] {"lpush", "l", "head"});
        List<String> many = new ArrayList<>(List.of("rpush", "many"));
        for (int i = 0; i < 150; i++) many.add("element-" + i);
        cmds.add(many.toArray(new String[0]));
        cmds.add(new String[] {"rpush", "long", "x".repeat(20000), "y"});
        cmds.add(new String[] {"pexpire", "long", "100000000"});
        cmds.add(new String[] {"select", "3"});
        cmds.add(new String[] {"rpush", "in3", "three"});
        cmds.add(new String[] {"select", "0"});
        return cmds;
    }

    private static final String[] KEYS = {"l", "many", "long", "nosuch"};

    @Test
    void digestsEqualTheReference() throws Exception {
        ReferenceServer ref = ReferenceServer.start();
        Assumptions.assumeTrue(ref != null, ReferenceServer.SKIP_MESSAGE);
        try (ref; TestServer ours = new TestServer("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");
                RespConnection a = new RespConnection(ref.port); RespConnection b = ours.connect()) {
            for (String[] c : fill()) assertEquals(a.call(c), b.call(c), String.join(" ", c));
            assertEquals(a.call("debug", "digest"), b.call("debug", "digest"));
            for (String k : KEYS) assertEquals(a.call("debug", "digest-value", k), b.call("debug", "digest-value", k), k);
            // the digest follows the order of the elements
            a.call("lmove", "l", "l", "left", "right");
            b.call("lmove", "l", "l", "left", "right");
            assertEquals(a.call("debug", "digest-value", "l"), b.call("debug", "digest-value", "l"));
        }
    }

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
    void aRedisReplicaReceivesListsInTheSnapshotAndTheStream() throws Exception {
        ReferenceServer replica = ReferenceServer.start();
        Assumptions.assumeTrue(replica != null, ReferenceServer.SKIP_MESSAGE);
        try (replica; TestServer master = new TestServer("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");
                RespConnection m = master.connect(); RespConnection r = new RespConnection(replica.port)) {
            for (String[] c : fill()) m.call(c);
            assertEquals("+OK\r\n", r.call("replicaof", "127.0.0.1", Integer.toString(master.port)));
            for (int i = 0; i < 300 && !r.call("info", "replication").contains("master_link_status:up"); i++) Thread.sleep(20);
            awaitEquals(m.call("lrange", "many", "0", "-1"), r, "lrange", "many", "0", "-1");
            assertEquals(m.call("debug", "digest"), r.call("debug", "digest"));
            assertEquals(m.call("pexpiretime", "long"), r.call("pexpiretime", "long"));
            // then through the stream: pops with counts, moves, a blocking pop served at once, SORT STORE
            m.call("lpop", "many", "3");
            m.call("lmove", "many", "l", "right", "left");
            m.call("blpop", "nosuch", "l", "0");
            m.call("lmpop", "2", "nosuch", "many", "right", "count", "10");
            m.call("sort", "l", "alpha", "store", "sorted");
            m.call("ltrim", "many", "5", "-5");
            m.call("linsert", "l", "before", "b", "inserted");
            m.call("set", "done", "1");
            awaitEquals("$1\r\n1\r\n", r, "get", "done");
            assertEquals(m.call("debug", "digest"), r.call("debug", "digest"));
            assertEquals(m.call("lrange", "sorted", "0", "-1"), r.call("lrange", "sorted", "0", "-1"));
        }
    }

    @Test
    void anAofRewriteWithListsReloadsHereAndInRedis(@TempDir Path dir) throws Exception {
        String digest;
        try (TestServer s = new TestServer("--save", "", "--dir", dir.toString(), "--appendonly", "yes", "--enable-debug-command", "yes");
                RespConnection c = s.connect()) {
            for (String[] cmd : fill()) c.call(cmd);
            c.call("bgrewriteaof");
            c.call("rpush", "l", "after-rewrite");
            c.call("rpop", "many", "2");
            digest = c.call("debug", "digest");
        }
        try (TestServer s = new TestServer("--save", "", "--dir", dir.toString(), "--appendonly", "yes", "--enable-debug-command", "yes");
                RespConnection c = s.connect()) {
            assertEquals(digest, c.call("debug", "digest"));
        }
        Assumptions.assumeTrue(ReferenceServer.executable() != null, ReferenceServer.SKIP_MESSAGE);
        try (ReferenceServer r = ReferenceServer.start("--dir", dir.toString(), "--appendonly", "yes");
                RespConnection c = new RespConnection(r.port)) {
            assertEquals(digest, c.call("debug", "digest"));
        }
    }
}
