package io.moonkey.server;

import static io.moonkey.server.CommandArbitraries.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The list commands against the reference redis-server 7.0.15: jqwik-generated (seeded) command
 * sequences over a few keys, every reply compared byte for byte in RESP2 and RESP3, plus edge
 * cases as examples. Blocking commands appear only with short timeouts or inside MULTI, where
 * they cannot block.
 */
@AddLifecycleHook(ReferencePairHook.class)
class ListDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");

    private static PropagationFeeds feeds;

    @BeforeContainer
    static void start() throws Exception {
        if (!pair.started()) return;
        feeds = new PropagationFeeds(pair.get());
    }

    /**
     * What the reference propagates, read as a replica (SYNC), beside what ours propagates, from
     * its propagation stream; compared between marker writes.
     */
    static final class PropagationFeeds implements AutoCloseable {
        private final ReplicationFeed refFeed;
        private final List<String> ourFeed = new ArrayList<>();
        private final RespConnection refConn, ourConn;
        private int marker;

        PropagationFeeds(ReferencePair pair) throws Exception {
            this.refConn = pair.refConn();
            this.ourConn = pair.ourConn();
            refConn.call("CONFIG", "SET", "repl-diskless-sync-delay", "0");
            refFeed = new ReplicationFeed(pair.reference.port);
            pair.ours.server.propagation().addListener(argv -> {
                String c = ReplicationFeed.join(argv);
                synchronized (ourFeed) {
                    ourFeed.add(c);
                }
            });
        }

        /** Asserts both propagated the same since the last marker (SELECT and replication PINGs left out). */
        void compare(List<String> done) throws Exception {
            List<String>[] both = sinceLastMarker();
            assertEquals(both[0], both[1], "propagated after " + done);
        }

        /** What the reference and ours propagated since the previous marker (the reference's first). */
        @SuppressWarnings("unchecked")
        List<String>[] sinceLastMarker() throws Exception {
            String m = "marker" + (++marker);
            refConn.call("SET", m, "1");
            ourConn.call("SET", m, "1");
            List<String> ref = new ArrayList<>();
            for (String c = refFeed.next(); !c.equals("SET " + m + " 1"); c = refFeed.next()) {
                if (!c.startsWith("SELECT ") && !c.equalsIgnoreCase("PING")) ref.add(c);
            }
            List<String> our = new ArrayList<>();
            synchronized (ourFeed) {
                for (String c : ourFeed) {
                    if (c.equals("SET " + m + " 1")) break;
                    if (!c.startsWith("SELECT ")) our.add(c);
                }
                ourFeed.clear();
            }
            return new List[] {ref, our};
        }

        @Override
        public void close() throws Exception {
            refFeed.close();
        }
    }

    /**
     * A replica's view of the reference: sends SYNC, skips the RDB payload, then reads the
     * propagated commands.
     */
    static final class ReplicationFeed implements AutoCloseable {
        private final java.net.Socket socket;
        private final java.io.InputStream in;

        ReplicationFeed(int port) throws Exception {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            socket.getOutputStream().write("SYNC\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            int c;
            while ((c = in.read()) == '\n') {
                // keep-alive newlines while the reference prepares the payload
            }
            if (c != '$') throw new IllegalStateException("unexpected SYNC reply " + (char) c);
            in.readNBytes(Integer.parseInt(line()));
        }

        private String line() throws Exception {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) throw new java.io.EOFException();
                b.append((char) c);
            }
            in.read();
            return b.toString();
        }

        /** The next propagated command, words joined by spaces. */
        String next() throws Exception {
            String head = line();
            if (!head.startsWith("*")) throw new IllegalStateException("not a command: " + head);
            byte[][] argv = new byte[Integer.parseInt(head.substring(1))][];
            for (int i = 0; i < argv.length; i++) {
                int n = Integer.parseInt(line().substring(1));
                argv[i] = in.readNBytes(n);
                in.readNBytes(2);
            }
            return join(argv);
        }

        static String join(byte[][] argv) {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1));
            return b.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @AfterContainer
    static void stop() throws Exception {
        if (feeds != null) feeds.close(); // before ReferencePairHook stops the servers
    }

    private static Arbitrary<String> key() {
        return Arbitraries.of("l1", "l2", "l3", "s");
    }

    private static Arbitrary<String> element() {
        return Arbitraries.oneOf(Arbitraries.of("a", "b", "c", "a", "b", "1", "-2", "", "hello world", "a".repeat(70)),
                Arbitraries.integers().between(-20, 20).map(String::valueOf));
    }

    private static Arbitrary<String> index() {
        return Arbitraries.of("0", "1", "-1", "2", "-2", "3", "-3", "5", "10", "-100", "100", "x", "1.5", "",
                "9223372036854775807", "-9223372036854775808");
    }

    private static Arbitrary<String> end() {
        return Arbitraries.of("LEFT", "RIGHT", "left", "Right", "middle");
    }

    /** Timeouts that never wait long: the reference really blocks for them outside MULTI. */
    private static Arbitrary<String> timeout() {
        return Arbitraries.of("0.01", "0.02", "x", "-1", "0.001");
    }


    private static Arbitrary<List<String>> command() {
        Arbitrary<String> k = key(), e = element(), i = index();
        return Arbitraries.oneOf(
                Arbitraries.oneOf(
                        cmd("LPUSH", List.of(k, e)),
                        cmd("RPUSH", List.of(k, e, e, e)),
                        cmd("LPUSH", List.of(k, e, e)),
                        cmd("RPUSH", List.of(k, e)),
                        cmd("LPUSHX", List.of(k, e)),
                        cmd("RPUSHX", List.of(k, e, e)),
                        cmd("LPOP", List.of(k)),
                        cmd("RPOP", List.of(k)),
                        cmd("LPOP", List.of(k, Arbitraries.of("0", "1", "2", "5", "-1", "x", "9223372036854775807"))),
                        cmd("RPOP", List.of(k, Arbitraries.of("0", "1", "3", "-5", ""))),
                        cmd("LPOP", List.of(k, i, i)),
                        cmd("LLEN", List.of(k)),
                        cmd("LRANGE", List.of(k, i, i)),
                        cmd("LRANGE", List.of(k, Arbitraries.of("0"), Arbitraries.of("-1"))),
                        cmd("LINDEX", List.of(k, i)),
                        cmd("LSET", List.of(k, i, e)),
                        cmd("LINSERT", List.of(k, Arbitraries.of("BEFORE", "AFTER", "after", "middle"), e, e)),
                        cmd("LREM", List.of(k, Arbitraries.of("0", "1", "-1", "2", "-2", "x"), e)),
                        cmd("LTRIM", List.of(k, i, i))),
                Arbitraries.oneOf(
                        cmd("LPOS", List.of(k, e)),
                        cmd("LPOS", List.of(k, e, Arbitraries.of("RANK", "COUNT", "MAXLEN", "rank", "FOO"),
                                Arbitraries.of("0", "1", "2", "-1", "-2", "x", "-9223372036854775808"))),
                        cmd("LPOS", List.of(k, e, Arbitraries.of("RANK", "COUNT", "MAXLEN"), Arbitraries.of("0", "1", "-1", "3"),
                                Arbitraries.of("RANK", "COUNT", "MAXLEN"), Arbitraries.of("0", "2", "-2"))),
                        cmd("LPOS", List.of(k, e, Arbitraries.of("RANK", "COUNT"))),
                        cmd("RPOPLPUSH", List.of(k, k)),
                        cmd("LMOVE", List.of(k, k, end(), end())),
                        cmd("LMPOP", List.of(Arbitraries.of("1", "2", "0", "-1", "x", "3", "9223372036854775807"), k, k, end())),
                        cmd("LMPOP", List.of(Arbitraries.of("1", "2"), k, k, end(), Arbitraries.of("COUNT", "count", "FOO"),
                                Arbitraries.of("1", "2", "10", "0", "-1", "x"))),
                        cmd("LMPOP", List.of(Arbitraries.of("1"), k, end(), Arbitraries.of("COUNT"), Arbitraries.of("1"),
                                Arbitraries.of("COUNT"), Arbitraries.of("2"))),
                        cmd("LMPOP", List.of(Arbitraries.of("1"), k)),
                        cmd("BLPOP", List.of(k, k, timeout())),
                        cmd("BRPOP", List.of(k, timeout())),
                        cmd("BRPOPLPUSH", List.of(k, k, timeout())),
                        cmd("BLMOVE", List.of(k, k, end(), end(), timeout())),
                        cmd("BLMPOP", List.of(timeout(), Arbitraries.of("1", "2", "0", "x"), k, k, end())),
                        cmd("BLMPOP", List.of(timeout(), Arbitraries.of("1"), k, end(), Arbitraries.of("COUNT"), Arbitraries.of("2", "0", "5")))),
                Arbitraries.oneOf(
                        cmd("SET", List.of(k, e)),
                        cmd("DEL", List.of(k)),
                        cmd("TYPE", List.of(k)),
                        cmd("EXISTS", List.of(k)),
                        cmd("OBJECT", List.of(Arbitraries.of("ENCODING"), k)),
                        cmd("COPY", List.of(k, k, Arbitraries.of("REPLACE"))),
                        cmd("RENAME", List.of(k, k)),
                        cmd("GET", List.of(k)),
                        cmd("MULTI", List.of()),
                        cmd("EXEC", List.of()),
                        // WATCH then the client's own write: which list commands count as touching the key
                        cmd("WATCH", List.of(k)),
                        cmd("WATCH", List.of(k)),
                        cmd("UNWATCH", List.of()),
                        cmd("EXEC", List.of()),
                        cmd("LPUSH", List.of(k)),
                        cmd("LLEN", List.of(k, k)),
                        cmd("LINDEX", List.of(k)),
                        cmd("BLPOP", List.of(k)),
                        cmd("LMOVE", List.of(k, k, end())),
                        cmd("DBSIZE", List.of()),
                        // node sizes: invisible in replies, but every command must work across nodes
                        cmd("CONFIG", List.of(Arbitraries.of("SET"), Arbitraries.of("list-max-listpack-size", "list-max-ziplist-size"),
                                Arbitraries.of("1", "2", "0", "-1", "-5", "-2")))));
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return command().list().ofMinSize(1).ofMaxSize(30);
    }

    /** keyspace_hits and keyspace_misses of INFO stats: which lookups count as reads. */
    static long[] lookupStats(RespConnection c) throws Exception {
        long[] r = new long[2];
        for (String line : c.call("INFO", "stats").split("\r\n")) {
            if (line.startsWith("keyspace_hits:")) r[0] = Long.parseLong(line.substring(14));
            if (line.startsWith("keyspace_misses:")) r[1] = Long.parseLong(line.substring(16));
        }
        return r;
    }

    /** Whether {@code name} is one of the commands under test here (their hit/miss counting is compared). */
    private static boolean underTest(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.startsWith("L") || n.startsWith("R") || n.startsWith("B") || n.startsWith("SORT");
    }

    private static void reset(boolean resp3) throws Exception {
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) {
            c.call("CONFIG", "RESETSTAT");
            inMulti = false;
            c.call("HELLO", resp3 ? "3" : "2");
            c.call("DISCARD");
            c.call("UNWATCH");
            c.call("CONFIG", "SET", "list-max-listpack-size", "-2");
            c.call("SELECT", "0");
            c.call("FLUSHALL");
        }
    }

    /** Whether the connections are inside MULTI (INFO would be queued then). */
    private static boolean inMulti;

    private static void compare(List<String> done, String... a) throws Exception {
        String n = a[0].toUpperCase(java.util.Locale.ROOT);
        if (n.equals("MULTI") || n.equals("EXEC") || n.equals("DISCARD")) inMulti = n.equals("MULTI");
        if (inMulti && ValkeyEncodings.isObjectEncoding(a)) return; // see ValkeyEncodings
        if (a.length > 1 && underTest(a[0]) && !inMulti) {
            long[] refBefore = lookupStats(pair.refConn()), ourBefore = lookupStats(pair.ourConn());
            compareReply(done, a);
            long[] ref = lookupStats(pair.refConn()), our = lookupStats(pair.ourConn());
            assertEquals((ref[0] - refBefore[0]) + " hits, " + (ref[1] - refBefore[1]) + " misses",
                    (our[0] - ourBefore[0]) + " hits, " + (our[1] - ourBefore[1]) + " misses", "keyspace lookups of " + done);
            return;
        }
        compareReply(done, a);
    }

    private static void compareReply(List<String> done, String... a) throws Exception {
        done.add(String.join(" ", a));
        String expected = pair.refConn().call(a);
        String actual = pair.ourConn().call(a);
        if (ValkeyEncodings.isObjectEncoding(a)) ValkeyEncodings.assertSame(expected, actual, pair.ourConn(), a[2], "after " + done);
        else assertEquals(expected, actual, "after " + done);
    }

    @Property(tries = 250, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAsReference(@ForAll("sequences") List<List<String>> seq, @ForAll boolean resp3) throws Exception {
        reset(resp3);
        feeds.sinceLastMarker(); // what earlier examples left in the feeds
        List<String> done = new ArrayList<>();
        for (List<String> cmd : seq) compare(done, cmd.toArray(new String[0]));
        compare(done, "DISCARD");
        for (String k : List.of("l1", "l2", "l3")) compare(done, "LRANGE", k, "0", "-1");
        feeds.compare(done);
    }

    /** Runs each line (space-separated words) on both servers, in RESP2 then RESP3. */
    private static void script(String... lines) throws Exception {
        for (boolean resp3 : new boolean[] {false, true}) {
            reset(resp3);
            List<String> done = new ArrayList<>();
            for (String line : lines) compare(done, line.split(" ", -1));
        }
    }

    @Example
    void nullShapesAndCounts() throws Exception {
        script("LPOP l", "LPOP l 0", "LPOP l 3", "RPOP l 1", "RPUSH l a b c", "LPOP l 0", "RPOP l 0", "LPOP l 2", "RPOP l 5",
                "EXISTS l", "LMPOP 1 l LEFT", "RPUSH l x", "LMPOP 2 m l RIGHT COUNT 9", "LINDEX l 0", "LPOS l x", "LPOS l x COUNT 0",
                "BLPOP l 0.01", "BLMPOP 0.01 1 l LEFT", "BRPOPLPUSH l m 0.01", "BLMOVE l m LEFT RIGHT 0.01");
    }

    @Example
    void movesOntoTheSameList() throws Exception {
        script("RPUSH l a b c", "LMOVE l l LEFT RIGHT", "LRANGE l 0 -1", "RPOPLPUSH l l", "LRANGE l 0 -1", "LMOVE l l RIGHT RIGHT",
                "DEL l", "RPUSH l only", "LMOVE l l LEFT LEFT", "LRANGE l 0 -1", "SET s v", "LMOVE l s LEFT LEFT", "LRANGE l 0 -1",
                "LMOVE missing s LEFT LEFT", "LMOVE s l LEFT LEFT", "RPOPLPUSH l new", "EXISTS l", "LRANGE new 0 -1",
                "BLMOVE new l RIGHT LEFT 0", "BRPOPLPUSH l new 0", "LRANGE new 0 -1");
    }

    @Example
    void lposOptions() throws Exception {
        script("RPUSH l a b a c a b a", "LPOS l a RANK -9223372036854775808", "LPOS l a RANK -9223372036854775807",
                "LPOS l a RANK 9223372036854775807", "LPOS l a RANK -1 COUNT 0", "LPOS l a COUNT 0 RANK 2", "LPOS l a COUNT 2 MAXLEN 3",
                "LPOS l a RANK -2 MAXLEN 3 COUNT 0", "LPOS l a COUNT 2 COUNT 1", "LPOS l a MAXLEN 1", "LPOS l b MAXLEN 1",
                "LPOS l a RANK 0", "LPOS l a COUNT -1", "LPOS l a MAXLEN -1", "LPOS l a COUNT x", "LPOS l a RANK x", "LPOS l a RANK",
                "LPOS l a rank 1 foo 2", "LPOS nokey a", "LPOS nokey a COUNT 1", "LPOS nokey a RANK 0", "SET s x", "LPOS s a",
                "LPOS s a RANK 0");
    }

    @Example
    void trimsAndRanges() throws Exception {
        script("RPUSH l 0 1 2 3 4 5 6 7 8 9", "LRANGE l -100 100", "LRANGE l 5 2", "LRANGE l -3 -1", "LRANGE l 9 9", "LRANGE l 10 11",
                "LTRIM l 1 -2", "LRANGE l 0 -1", "LTRIM l -100 100", "LTRIM l 3 3", "LRANGE l 0 -1", "LTRIM l 5 1", "EXISTS l",
                "LTRIM l 0 1", "LTRIM l x 1", "LRANGE nokey x 1", "LINDEX nokey x", "LSET nokey x y", "RPUSH l a", "LSET l x y",
                "LSET l 5 y", "LSET l -1 z", "LRANGE l 0 -1", "LREM l x a", "LREM nokey 1 a", "LINSERT nokey BEFORE a b",
                "LINSERT l MIDDLE a b", "LINSERT l BEFORE nopivot b", "LINSERT l AFTER z q", "LINSERT l BEFORE z p", "LRANGE l 0 -1");
    }

    @Example
    void blockingCommandsInsideMulti() throws Exception {
        script("MULTI", "BLPOP l 0", "BRPOP l m 0", "BLMOVE l m LEFT LEFT 0", "BRPOPLPUSH l m 0", "BLMPOP 0 2 l m RIGHT COUNT 3",
                "RPUSH l a b", "BLPOP l 0", "BLMPOP 0 1 l LEFT COUNT 5", "EXEC", "MULTI", "BLPOP l x", "BLMOVE l m UP LEFT 0", "EXEC",
                "EVAL \"return redis.call('blmpop', '0', '1', KEYS[1], 'LEFT')\" 1 l",
                "EVAL \"return redis.call('blpop', KEYS[1], '0')\" 1 l");
    }

    @Example
    void argumentErrors() throws Exception {
        script("LMPOP 0 l LEFT", "LMPOP x l LEFT", "LMPOP -1 l LEFT", "LMPOP 2 l LEFT", "LMPOP 9223372036854775807 l LEFT",
                "LMPOP 1 l MIDDLE", "LMPOP 1 l LEFT COUNT 0", "LMPOP 1 l LEFT COUNT x", "LMPOP 1 l LEFT COUNT 1 COUNT 2",
                "LMPOP 1 l LEFT COUNT", "BLMPOP 0.01 0 l LEFT", "BLMPOP x 1 l LEFT", "BLMPOP -1 0 l LEFT", "BLMPOP x 1 l MIDDLE",
                "BLPOP l -1", "BLPOP l x", "BLPOP l ''", "BLMOVE l m UP DOWN x", "BLMOVE l m LEFT DOWN x", "BLMOVE l m LEFT LEFT x",
                "SET s v", "BLPOP l s 0.01", "BLPOP s l x", "BRPOPLPUSH s l 0.01", "BLMOVE l s LEFT LEFT 0.01", "LMPOP 2 l s LEFT",
                "LPUSH s a", "LPUSHX s a", "LPOP s 0", "LRANGE s 0 -1", "LLEN s", "LINDEX s 0", "LSET s 0 a", "LREM s 0 a",
                "LTRIM s 0 1", "LINSERT s BEFORE a b", "RPOPLPUSH s l", "LPOP l 1 2", "RPOP l 1 2 3", "LPUSH l", "LPOS l",
                "BLPOP l", "BLMPOP 0", "LMPOP 1");
    }

    /** Long lists: growth and shrinking of the ring, edits in the middle, both ends. */
    @Example
    void longLists() throws Exception {
        StringBuilder push = new StringBuilder("RPUSH big");
        for (int i = 0; i < 600; i++) push.append(' ').append(i % 7 == 0 ? "seven" : "e" + i);
        StringBuilder lpush = new StringBuilder("LPUSH big");
        for (int i = 0; i < 300; i++) lpush.append(' ').append("h" + i);
        script(push.toString(), lpush.toString(), "LLEN big", "LINDEX big 450", "LINDEX big -450", "LRANGE big 295 310",
                "LINSERT big BEFORE e300 mid", "LINSERT big AFTER h2 near-head", "LINSERT big AFTER e598 near-tail", "LSET big 500 set",
                "LPOS big seven RANK 3", "LPOS big seven RANK -4 COUNT 3", "LPOS big seven COUNT 0 MAXLEN 400", "LREM big 5 seven",
                "LREM big -5 seven", "LREM big 0 seven", "LLEN big", "LRANGE big 0 20", "LRANGE big -20 -1", "LTRIM big 100 -100",
                "LLEN big", "LRANGE big 340 400", "LPOP big 250", "RPOP big 300", "LRANGE big 0 -1", "LMPOP 1 big RIGHT COUNT 1000",
                "EXISTS big", "OBJECT ENCODING big", push.toString(), "OBJECT ENCODING big", "SORT big BY nosort LIMIT 10 5",
                "SORT big ALPHA LIMIT 0 10", "SORT big ALPHA DESC LIMIT 0 10", "SORT big", "COPY big big2", "RPOP big2 2", "LLEN big",
                "LRANGE big 598 600");
    }

    /** The keyspace events each command publishes, in order (notify-keyspace-events KEA). */
    @Example
    void keyspaceEvents() throws Exception {
        String[] commands = {"RPUSH l a b c", "LPUSH l z", "LPUSHX l y", "RPUSHX none x", "LPOP l", "RPOP l 2", "LSET l 0 q",
            "LINSERT l BEFORE q p", "LINSERT l BEFORE nope p", "LREM l 1 nope", "LREM l 0 p", "LTRIM l 0 -1", "RPUSH m 1 2 3",
            "LMOVE m l LEFT RIGHT", "RPOPLPUSH l n", "LMOVE n n LEFT RIGHT", "LMPOP 2 none m RIGHT COUNT 5", "BLPOP l 0",
            "RPUSH l 5 4", "BLMPOP 0 1 l LEFT COUNT 1", "BRPOPLPUSH l d 0", "BLMOVE d l RIGHT RIGHT 0", "SORT l STORE st",
            "SORT none STORE st", "LTRIM l 1 0", "LPOP n 1"};
        List<String> fromRef = events(pair.refConn(), pair.get().reference.port, commands);
        List<String> fromOurs = events(pair.ourConn(), pair.get().ours.port, commands);
        assertTrue(fromRef.size() > 40, "too few events: " + fromRef);
        assertEquals(fromRef, fromOurs);
    }

    private static List<String> events(RespConnection c, int port, String... commands) throws Exception {
        reset(false);
        c.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
        try (RespConnection sub = new RespConnection(port)) {
            sub.call("PSUBSCRIBE", "__key*@0__:*");
            for (String cmd : commands) c.call(cmd.split(" "));
            sub.sendRaw(RespConnection.encode(RespConnection.args("PING", "end")));
            List<String> got = new ArrayList<>();
            for (String m = sub.readReply(); !m.contains("end"); m = sub.readReply()) got.add(m);
            return got;
        } finally {
            c.call("CONFIG", "SET", "notify-keyspace-events", "");
        }
    }

    @Example
    void commandInfo() throws Exception {
        for (String c : List.of("lpush", "rpush", "lpushx", "rpushx", "lpop", "rpop", "llen", "lrange", "lindex", "lset", "linsert",
                "lrem", "ltrim", "lpos", "rpoplpush", "lmove", "lmpop", "blpop", "brpop", "brpoplpush", "blmove", "blmpop")) {
            if (!c.endsWith("mpop")) script("COMMAND GETKEYS " + c + " a b c d e f");
            // RESP2 only: the RESP3 shape of COMMAND INFO is the introspection code's business
            reset(false);
            // BLPOP, BRPOP, BRPOPLPUSH and BLMOVE are noscript on redis 7.0 only (differences.md §3 row 8)
            if (!List.of("blpop", "brpop", "brpoplpush", "blmove").contains(c)) compare(new ArrayList<>(), "COMMAND", "INFO", c);
        }
        script("COMMAND GETKEYS lmpop 2 a b LEFT", "COMMAND GETKEYS blmpop 0 2 a b LEFT COUNT 3", "COMMAND GETKEYS blpop a b c 0");
    }
}
