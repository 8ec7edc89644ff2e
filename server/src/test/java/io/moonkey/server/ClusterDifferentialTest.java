package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster mode against redis-server 7.0.15 started with cluster-enabled and all slots added:
 * keyed commands, MULTI/EXEC, scripts and FCALL, the CLUSTER subcommands, and the cluster-down
 * rules, compared byte for byte after replacing node ids and ports and the differences.md §2
 * substitutions (7.0 says "non local key" where Valkey names the cross-slot or unserved slot).
 */
class ClusterDifferentialTest {
    private static final String R7_NON_LOCAL = "Script attempted to access a non local key in a cluster node";
    private static final String LOAD_LIB = "#!lua name=clib\n"
            + "redis.register_function('plain', function(keys, args) redis.call('get', keys[1]); return redis.call('get', args[1]) end)\n"
            + "redis.register_function{function_name='crossok', callback=function(keys, args) redis.call('set', args[1], 'x'); "
            + "return redis.call('get', args[2]) end, flags={'allow-cross-slot-keys'}}\n"
            + "redis.register_function{function_name='nocluster', callback=function() return 1 end, flags={'no-cluster'}}\n"
            + "redis.register_function('mixed', function(keys, args) return redis.pcall('mget', args[1], args[2]) end)";

    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension(ClusterDifferentialTest::startPair);
    private static RespConnection ref, our;
    private static String refId, ourId;
    private static int refBusPort, ourBusPort;

    private static ReferencePair startPair() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster-ref");
        dir.toFile().deleteOnExit();
        refBusPort = freePort();
        Path ourDir = Files.createTempDirectory("moonkey-cluster-ours");
        ourDir.toFile().deleteOnExit();
        ourBusPort = freePort();
        return ReferencePair.start(List.of("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                "--dir", dir.toString(), "--cluster-port", Integer.toString(refBusPort)),
                "--cluster-enabled", "yes", "--dir", ourDir.toString(), "--cluster-port", Integer.toString(ourBusPort));
    }

    @BeforeAll
    static void start() throws Exception {
        if (!pair.started()) return; // each test is then reported skipped by the extension
        ref = pair.refConn();
        our = pair.ourConn();
        refId = bulkText(ref.call("CLUSTER", "MYID"));
        ourId = bulkText(our.call("CLUSTER", "MYID"));
        assertEquals("+OK\r\n", ref.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383"));
        assertEquals("+OK\r\n", our.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383"));
        awaitOk(ref);
        awaitOk(our);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String bulkText(String reply) {
        return reply.substring(reply.indexOf('\n') + 1, reply.length() - 2);
    }

    /** Waits for cluster_state:ok (Valkey keeps a new master down for a while after startup). */
    static void awaitOk(RespConnection c) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!c.call("CLUSTER", "INFO").contains("cluster_state:ok")) {
            assertTrue(System.currentTimeMillis() < deadline, "cluster_state did not become ok");
            Thread.sleep(50);
        }
    }

    /** A command, and what the oracle's "non local key" text stands for in Valkey for it (or null). */
    private record Step(String nonLocalMeans, String... argv) {}

    private static Step c(String... argv) {
        return new Step(null, argv);
    }

    private static Step crossSlot(String cmd, String... argv) {
        return new Step("Command '" + cmd + "' in script attempted to access keys that don't hash to the same slot", argv);
    }

    private static Step notServed(String... argv) {
        return new Step("Script attempted to access a slot not served", argv);
    }

    private static void compare(List<Step> steps) throws Exception {
        for (Step s : steps) {
            String expected = normalise(ref.call(s.argv()), refId, pair.get().reference.port, refBusPort);
            if (s.nonLocalMeans() != null) expected = expected.replace(R7_NON_LOCAL, s.nonLocalMeans()); // error lines carry no length
            String actual = normalise(our.call(s.argv()), ourId, pair.get().ours.port, ourBusPort);
            assertEquals(expected, actual, () -> "reply to " + Arrays.toString(s.argv()));
        }
    }

    /** Node ids and ports replaced by same-length placeholders, so RESP lengths stay right. */
    private static String normalise(String reply, String id, int port, int busPort) {
        String p = Integer.toString(port), b = Integer.toString(busPort);
        return reply.replace(id, "N".repeat(40)).replace(b, "B".repeat(b.length())).replace(p, "P".repeat(p.length()));
    }

    @Test
    void keyedCommands() throws Exception {
        compare(List.of(
                c("FLUSHALL"),
                c("SET", "a", "1"),
                c("MSET", "a", "1", "b", "2"),
                c("MSET", "{a}1", "1", "{a}2", "2"),
                c("MGET", "{a}1", "{a}2", "a"),
                c("MGET", "{a}1", "b"),
                c("DEL", "x", "y"),
                c("DEL", "{x}1", "{x}2", "x"),
                c("EXISTS", "a", "b"),
                c("RENAME", "a", "b"),
                c("RENAME", "a", "{a}z"),
                c("SUNIONSTORE", "{s}d", "{s}1", "s2"),
                c("ZUNIONSTORE", "{s}d", "2", "{s}1", "{s}2"),
                c("ZUNIONSTORE", "{s}d", "2", "{s}1", "z"),
                c("LMOVE", "l1", "l2", "LEFT", "RIGHT"),
                c("SELECT", "1"),
                c("SELECT", "0"),
                c("SELECT", "x"),
                c("SWAPDB", "0", "1"),
                c("MOVE", "{a}z", "1"),
                c("COPY", "{a}z", "{a}c", "DB", "1"),
                c("COPY", "{a}z", "{a}c", "DB", "0"),
                c("COPY", "{a}z", "c"),
                c("WATCH", "a", "b"),
                c("WATCH", "{a}1", "{a}2"),
                c("UNWATCH"),
                c("PING"),
                c("DBSIZE"),
                c("EXISTS", "{a}c", "{a}z", "{a}2"),
                c("INFO", "cluster"),
                c("READONLY"),
                c("READWRITE"),
                c("ASKING"),
                c("READONLY", "x")));
    }

    @Test
    void transactions() throws Exception {
        compare(List.of(
                c("MULTI"),
                c("SET", "a", "1"),
                c("SET", "b", "2"),
                c("EXEC"),
                c("EXEC"),
                c("MULTI"),
                c("MSET", "a", "1", "b", "2"),
                c("SET", "a", "1"),
                c("EXEC"),
                c("MULTI"),
                c("SET", "{t}1", "1"),
                c("INCR", "{t}2"),
                c("PING"),
                c("EXEC"),
                c("MULTI"),
                c("EVAL", "return 1", "0"),
                c("GET", "{t}1"),
                c("EXEC"),
                c("MULTI"),
                c("EVAL", "return redis.call('get', KEYS[1])", "1", "a"),
                c("GET", "b"),
                c("EXEC"),
                c("MULTI"),
                c("DISCARD")));
    }

    @Test
    void clusterSubcommands() throws Exception {
        compare(List.of(
                c("FLUSHALL"),
                c("MSET", "{a}1", "1", "{a}2", "2", "{a}3", "3"),
                c("SET", "b", "1"),
                c("CLUSTER", "INFO"),
                c("CLUSTER", "NODES"),
                c("CLUSTER", "SLOTS"),
                c("CLUSTER", "SHARDS"),
                c("CLUSTER", "KEYSLOT", "foo"),
                c("CLUSTER", "KEYSLOT", "{user}.x"),
                c("CLUSTER", "KEYSLOT"),
                c("CLUSTER", "COUNTKEYSINSLOT", "15495"),
                c("CLUSTER", "COUNTKEYSINSLOT", "3300"),
                c("CLUSTER", "COUNTKEYSINSLOT", "16384"),
                c("CLUSTER", "COUNTKEYSINSLOT", "-1"),
                c("CLUSTER", "COUNTKEYSINSLOT", "x"),
                c("CLUSTER", "GETKEYSINSLOT", "3300", "10"),
                c("CLUSTER", "GETKEYSINSLOT", "15495", "0"),
                c("CLUSTER", "GETKEYSINSLOT", "1", "-1"),
                c("CLUSTER", "GETKEYSINSLOT", "16384", "1"),
                c("CLUSTER", "GETKEYSINSLOT", "x", "1"),
                c("CLUSTER", "ADDSLOTS", "1"),
                c("CLUSTER", "ADDSLOTS", "16384"),
                c("CLUSTER", "ADDSLOTS", "x"),
                c("CLUSTER", "ADDSLOTSRANGE", "5", "1"),
                c("CLUSTER", "ADDSLOTSRANGE", "1", "2", "3"),
                c("CLUSTER", "DELSLOTS", "1", "1"),
                c("CLUSTER", "DELSLOTSRANGE", "1", "3"),
                c("CLUSTER", "DELSLOTS", "1"),
                c("CLUSTER", "DELSLOTSRANGE", "0", "2"),
                c("CLUSTER", "ADDSLOTS", "1", "1"),
                c("CLUSTER", "ADDSLOTS", "0", "1"),
                c("CLUSTER", "ADDSLOTS", "1", "2"),
                c("CLUSTER", "NODES"),
                c("CLUSTER", "SLOTS"),
                c("CLUSTER", "ADDSLOTS", "3"),
                c("CLUSTER", "SLOTS"),
                c("CLUSTER", "NOSUCH"),
                c("CLUSTER", "INFO", "x"),
                c("CLUSTER", "RESET", "foo"),
                c("CLUSTER", "RESET"),
                c("CLUSTER", "FLUSHSLOTS"),
                c("CLUSTER", "COUNT-FAILURE-REPORTS", "abc"),
                c("CLUSTER", "COUNT-FAILURE-REPORTS", "0".repeat(40)),
                c("CLUSTER", "FORGET", "abc"),
                c("CLUSTER", "REPLICATE", "abc"),
                c("CLUSTER", "REPLICAS", "abc"),
                c("CLUSTER", "SLAVES", "abc"),
                c("CLUSTER", "SETSLOT", "1", "stable"),
                c("CLUSTER", "SETSLOT", "1", "node", "abc"),
                c("CLUSTER", "SETSLOT", "1", "foo"),
                c("CLUSTER", "SETSLOT", "99999", "stable"),
                c("CLUSTER", "SETSLOT", "1", "migrating", "abc"),
                c("CLUSTER", "LINKS"),
                c("CLUSTER", "FAILOVER"),
                c("CLUSTER", "FAILOVER", "bogus"),
                c("CLUSTER", "MEET", "1.2.3.4", "x"),
                c("CLUSTER", "SAVECONFIG")));
        // node-id arguments: each server gets its own id
        for (String sub : new String[] {"FORGET", "REPLICATE", "REPLICAS", "COUNT-FAILURE-REPORTS"}) {
            assertEquals(normalise(ref.call("CLUSTER", sub, refId), refId, pair.get().reference.port, refBusPort),
                    normalise(our.call("CLUSTER", sub, ourId), ourId, pair.get().ours.port, ourBusPort), sub);
        }
        assertEquals(ref.call("CLUSTER", "SETSLOT", "4", "importing", refId), our.call("CLUSTER", "SETSLOT", "4", "importing", ourId));
    }

    @Test
    void scripts() throws Exception {
        compare(List.of(
                c("FLUSHALL"),
                c("SET", "a", "va"),
                c("SET", "b", "vb"),
                crossSlot("mget", "EVAL", "return redis.call('mget','a','b')", "0"),
                crossSlot("mget", "EVAL", "return redis.pcall('mget','a','b')", "0"),
                crossSlot("mset", "EVAL", "#!lua\nreturn redis.call('mset','a','1','b','2')", "0"),
                c("EVAL", "return redis.call('get','a')", "1", "b"),
                c("EVAL", "redis.call('get','b'); return redis.call('get','a')", "0"),
                c("EVAL", "#!lua\nreturn redis.call('get','a')", "1", "b"),
                c("EVAL", "#!lua\nreturn redis.call('get','a')", "1", "{a}x"),
                c("EVAL", "#!lua\nredis.call('get','b'); return redis.call('get','a')", "0"),
                c("EVAL", "#!lua\nredis.call('get','b'); return redis.pcall('get','a')", "0"),
                c("EVAL", "#!lua\nredis.call('get','{a}1'); return redis.call('get','a')", "0"),
                c("EVAL", "#!lua flags=allow-cross-slot-keys\nredis.call('get','b'); return redis.call('get','a')", "0"),
                c("EVAL", "#!lua flags=allow-cross-slot-keys\nreturn redis.call('get','a')", "1", "b"),
                c("EVAL", "#!lua flags=no-cluster\nreturn 1", "0"),
                c("EVAL", "#!lua flags=no-writes,no-cluster\nreturn 1", "0"),
                c("EVAL", "return 1", "2", "a", "b"),
                c("EVAL", "#!lua\nreturn 1", "2", "a", "b"),
                c("EVAL", "#!lua\nreturn redis.call('ping')", "0"),
                c("EVAL", "#!lua\nredis.call('set','a','1'); return redis.call('get','b')", "1", "a"),
                c("GET", "a"),
                c("EVAL_RO", "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", "1", "a"),
                c("SCRIPT", "LOAD", "#!lua\nredis.call('get','b'); return redis.call('get','a')"),
                c("FUNCTION", "FLUSH"),
                c("FUNCTION", "LOAD", LOAD_LIB),
                c("FCALL", "plain", "1", "a", "a"),
                c("FCALL", "plain", "1", "a", "b"),
                c("FCALL", "plain", "1", "b", "b"),
                c("FCALL", "plain", "2", "a", "b", "x"),
                c("FCALL", "crossok", "1", "a", "c", "b"),
                c("FCALL", "nocluster", "0"),
                c("FCALL_RO", "nocluster", "0"),
                crossSlot("mget", "FCALL", "mixed", "0", "a", "b"),
                c("FCALL", "mixed", "0", "{a}1", "{a}2"),
                c("FUNCTION", "FLUSH")));
    }

    @Test
    void clusterDownRules() throws Exception {
        String slotOfA = "15495";
        try {
            compare(List.of(
                    c("FLUSHALL"),
                    c("SET", "a", "1"),
                    c("CONFIG", "SET", "cluster-allow-reads-when-down", "no"),
                    c("CLUSTER", "DELSLOTS", slotOfA),
                    c("GET", "a"),
                    c("GET", "b"),
                    c("PING"),
                    c("MSET", "b", "1", "a", "2"),
                    c("MSET", "a", "1", "b", "2"),
                    c("EVAL", "return 1", "1", "a"),
                    c("EVAL", "return redis.call('get','b')", "0"),
                    c("EVAL", "return redis.pcall('get','b')", "0"),
                    notServed("EVAL", "return redis.call('get','a')", "0"),
                    c("EVAL", "return 1", "0"),
                    c("SPUBLISH", "b", "m"),
                    c("SPUBLISH", "a", "m"),
                    c("PFCOUNT", "b"),
                    c("CONFIG", "SET", "cluster-allow-pubsubshard-when-down", "no"),
                    c("SPUBLISH", "b", "m"),
                    c("EVAL", "return redis.call('spublish', 'b', 'm')", "0"),
                    c("CONFIG", "SET", "cluster-allow-pubsubshard-when-down", "yes"),
                    c("EVAL", "return redis.call('spublish', 'b', 'm')", "0"),
                    c("MULTI"),
                    c("GET", "b"),
                    c("EXEC"),
                    c("CONFIG", "SET", "cluster-allow-reads-when-down", "yes"),
                    c("GET", "b"),
                    c("SET", "b", "2"),
                    c("EVAL", "return redis.call('get','b')", "0"),
                    c("EVAL", "return redis.call('set','b','3')", "0"),
                    c("EVAL", "#!lua\nreturn redis.call('get',KEYS[1])", "1", "b"),
                    c("EVAL", "#!lua flags=no-writes\nreturn redis.call('get',KEYS[1])", "1", "b"),
                    c("EVAL_RO", "#!lua flags=no-writes\nreturn redis.call('get',KEYS[1])", "1", "b"),
                    c("MULTI"),
                    c("GET", "b"),
                    c("SET", "{b}1", "1"),
                    c("EXEC"),
                    c("CLUSTER", "INFO")));
        } finally {
            ref.call("CONFIG", "SET", "cluster-allow-reads-when-down", "no");
            our.call("CONFIG", "SET", "cluster-allow-reads-when-down", "no");
            ref.call("CLUSTER", "ADDSLOTS", slotOfA);
            our.call("CLUSTER", "ADDSLOTS", slotOfA);
            awaitOk(ref);
            awaitOk(our);
        }
        compare(List.of(c("GET", "a"), c("CLUSTER", "INFO")));
    }

    @Test
    void partialCoverage() throws Exception {
        try {
            compare(List.of(
                    c("FLUSHALL"),
                    c("CONFIG", "SET", "cluster-require-full-coverage", "no"),
                    c("CLUSTER", "DELSLOTSRANGE", "0", "100"),
                    c("CLUSTER", "INFO"),
                    c("SET", "b", "1"),
                    c("GET", "{06S}"),
                    c("CLUSTER", "SLOTS"),
                    c("CLUSTER", "SHARDS")));
        } finally {
            for (RespConnection conn : List.of(ref, our)) {
                conn.call("CONFIG", "SET", "cluster-require-full-coverage", "yes");
                conn.call("CLUSTER", "ADDSLOTSRANGE", "0", "100");
                awaitOk(conn);
            }
        }
    }

    @Test
    void announcedAddress() throws Exception {
        try {
            for (RespConnection conn : List.of(ref, our)) {
                assertEquals("+OK\r\n", conn.call("CONFIG", "SET", "cluster-announce-ip", "127.0.0.1"));
                assertEquals("+OK\r\n", conn.call("CONFIG", "SET", "cluster-announce-port", "7777"));
                assertEquals("+OK\r\n", conn.call("CONFIG", "SET", "cluster-announce-bus-port", "8888"));
            }
            Thread.sleep(300); // the oracle applies them in its cluster cron (every 100 ms)
            compare(List.of(c("CLUSTER", "NODES"), c("CLUSTER", "SLOTS"), c("CLUSTER", "SHARDS")));
        } finally {
            for (RespConnection conn : List.of(ref, our)) {
                conn.call("CONFIG", "SET", "cluster-announce-ip", "");
                conn.call("CONFIG", "SET", "cluster-announce-port", "0");
                conn.call("CONFIG", "SET", "cluster-announce-bus-port", "0");
            }
            Thread.sleep(300);
        }
        compare(List.of(c("CLUSTER", "NODES")));
    }

    /**
     * Every multi-key command with its keys in two slots, then in one: the key positions our
     * key specs give must match the oracle's, or one side answers CROSSSLOT and the other not.
     */
    @Test
    void multiKeyCommandsAcrossSlots() throws Exception {
        String[] templates = {
            "MSET A 1 B 2", "MSETNX A 1 B 2", "MGET A B", "DEL A B", "UNLINK A B", "EXISTS A B", "TOUCH A B",
            "RENAME A B", "RENAMENX A B", "COPY A B", "SMOVE A B m", "SINTER A B", "SINTERSTORE A B", "SINTERCARD 2 A B",
            "SUNION A B", "SUNIONSTORE A B", "SDIFF A B", "SDIFFSTORE A B", "ZUNION 2 A B", "ZUNIONSTORE A 1 B",
            "ZINTER 2 A B", "ZINTERSTORE A 1 B", "ZINTERCARD 2 A B", "ZDIFF 2 A B", "ZDIFFSTORE A 1 B",
            "ZRANGESTORE A B 0 -1", "LMOVE A B LEFT RIGHT", "RPOPLPUSH A B", "BLMOVE A B LEFT RIGHT 0.01",
            "BRPOPLPUSH A B 0.01", "BLPOP A B 0.01", "BRPOP A B 0.01", "BZPOPMIN A B 0.01", "BZPOPMAX A B 0.01",
            "LMPOP 2 A B LEFT", "BLMPOP 0.01 2 A B LEFT", "ZMPOP 2 A B MIN", "BZMPOP 0.01 2 A B MIN",
            "BITOP AND A B", "XREAD STREAMS A B 0 0", "SORT A STORE B", "SORT_RO A", "LCS A B",
            "OBJECT ENCODING A", "WATCH A B", "EVAL return 1 2 A B", "FCALL nosuch 2 A B", "SET A 1 GET",
            "XREADGROUP GROUP g c STREAMS A B > >", "GETEX A", "PFCOUNT A B", "PFMERGE A B", "SPUBLISH A m",
            "EVAL return redis.call('spublish',KEYS[1],'m') 1 A",
            "GEOSEARCHSTORE B A FROMLONLAT 0 0 BYRADIUS 1 km", "GEORADIUS A 0 0 1 km STORE B", "GEORADIUS A 0 0 1 km STOREDIST B",
            "GEORADIUSBYMEMBER A m 1 km STORE B", "GEORADIUS_RO A 0 0 1 km"};
        List<Step> steps = new ArrayList<>();
        steps.add(c("FLUSHALL"));
        for (String t : templates) {
            steps.add(c(t.replace("A", "ka").replace("B", "kb").split(" ")));
            steps.add(c(t.replace("A", "{t}a").replace("B", "{t}b").split(" ")));
        }
        steps.add(c("SSUBSCRIBE", "ka", "kb")); // refused: the connection stays out of subscriber mode
        compare(steps);
    }

    /** Deleting a slot unsubscribes the subscribers of its shard channels, with sunsubscribe pushes. */
    @Test
    void deletedSlotsDropShardSubscriptions() throws Exception {
        List<String> seen = new ArrayList<>();
        for (boolean oracle : new boolean[] {true, false}) {
            RespConnection main = oracle ? ref : our;
            StringBuilder b = new StringBuilder();
            try (RespConnection sub = oracle ? new RespConnection(pair.get().reference.port) : pair.get().ours.connect()) {
                b.append(sub.call("SSUBSCRIBE", "b", "{b}x")).append(sub.readReply()).append(sub.call("SSUBSCRIBE", "{a}y"));
                b.append(main.call("CLUSTER", "DELSLOTS", "3300"));
                b.append(sub.readReply()).append(sub.readReply());
                b.append(sub.call("PING")); // still subscribed to {a}y: the RESP2 pub/sub form of PONG
                b.append(main.call("CLUSTER", "ADDSLOTS", "3300"));
            }
            awaitOk(main);
            seen.add(b.toString());
        }
        assertEquals(seen.get(0), seen.get(1));
    }
}
