package io.moonkey.server;

import static io.moonkey.server.CommandArbitraries.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The stream commands against redis-server 7.0.15: seeded jqwik command sequences over two
 * streams and a string key, in RESP2 and RESP3, every reply compared byte for byte. Entry IDs are
 * explicit (a '*' ID comes from each server's clock); idle times and delivery timestamps are
 * masked, as they depend on when each server ran the command.
 */
@AddLifecycleHook(ReferencePairHook.class)
class StreamDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");

    private static final List<String> IDS = List.of("0-1", "1-0", "1-1", "1-2", "2", "2-1", "3-0", "3-5", "5-5", "10-1", "0", "1");
    private static final List<String> ODD_IDS = List.of("0-0", "-", "+", "(1-1", "(2", "x", "1-x", "-1", "1-", " 1", "+3", "007",
            "18446744073709551615-18446744073709551615", "18446744073709551616", "(-", "$", ">", "1-*", "9-*", "0-*");

    private static Arbitrary<String> key() {
        return Arbitraries.of("s1", "s1", "s2", "str", "none");
    }

    private static Arbitrary<String> id() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.of(IDS)), net.jqwik.api.Tuple.of(1, Arbitraries.of(ODD_IDS)));
    }

    private static Arbitrary<String> rangeId() {
        return Arbitraries.oneOf(id(), Arbitraries.of("-", "+", "(1-1", "(3-0", "(-", "(+"));
    }

    private static Arbitrary<String> field() {
        return Arbitraries.of("f", "g", "field", "1", "");
    }

    private static Arbitrary<String> value() {
        return Arbitraries.of("v", "1", "-7", "hello world", "", "3000000000", "x".repeat(70));
    }

    private static Arbitrary<String> group() {
        return Arbitraries.of("g1", "g1", "g2", "nogroup");
    }

    private static Arbitrary<String> consumer() {
        return Arbitraries.of("c1", "c2", "c3");
    }

    private static Arbitrary<String> count() {
        return Arbitraries.of("0", "1", "2", "3", "10", "-1", "x");
    }


    private static Arbitrary<List<String>> command() {
        Arbitrary<String> k = key(), i = id(), f = field(), v = value(), g = group(), c = consumer(), n = count();
        Arbitrary<String> trimKind = Arbitraries.of("MAXLEN", "MINID");
        Arbitrary<String> trimOp = Arbitraries.of("=", "~", "");
        Arbitrary<String> threshold = Arbitraries.of("0", "1", "2", "3", "1-1", "2-1", "5-5", "-1", "x");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, cmd("XADD", List.of(k, i, f, v))),
                net.jqwik.api.Tuple.of(3, cmd("XADD", List.of(k, i, f, v, f, v))),
                net.jqwik.api.Tuple.of(2, cmd("XADD", List.of(k, Arbitraries.of("NOMKSTREAM", "nomkstream"), i, f, v))),
                net.jqwik.api.Tuple.of(3, cmd("XADD", List.of(k, trimKind, trimOp, threshold, i, f, v)).map(StreamDifferentialTest::dropEmpty)),
                net.jqwik.api.Tuple.of(1, cmd("XADD", List.of(k, trimKind, Arbitraries.of("~"), threshold, Arbitraries.of("LIMIT"),
                        Arbitraries.of("0", "1", "2", "x", "-1"), i, f, v))),
                net.jqwik.api.Tuple.of(1, cmd("XADD", List.of(k, i, f))),
                net.jqwik.api.Tuple.of(1, cmd("XADD", List.of(k, Arbitraries.of("MAXLEN", "LIMIT", "MINID", "FOO"), i, f, v))),
                net.jqwik.api.Tuple.of(3, cmd("XLEN", List.of(k))),
                net.jqwik.api.Tuple.of(4, cmd("XRANGE", List.of(k, rangeId(), rangeId()))),
                net.jqwik.api.Tuple.of(2, cmd("XRANGE", List.of(k, rangeId(), rangeId(), Arbitraries.of("COUNT", "count", "LIMIT"), n))),
                net.jqwik.api.Tuple.of(3, cmd("XREVRANGE", List.of(k, rangeId(), rangeId()))),
                net.jqwik.api.Tuple.of(1, cmd("XREVRANGE", List.of(k, rangeId(), rangeId(), Arbitraries.of("COUNT"), n))),
                net.jqwik.api.Tuple.of(3, cmd("XDEL", List.of(k, i))),
                net.jqwik.api.Tuple.of(1, cmd("XDEL", List.of(k, i, i, i))),
                net.jqwik.api.Tuple.of(3, cmd("XTRIM", List.of(k, trimKind, trimOp, threshold)).map(StreamDifferentialTest::dropEmpty)),
                net.jqwik.api.Tuple.of(1, cmd("XTRIM", List.of(k, trimKind, trimOp, threshold, Arbitraries.of("LIMIT"), Arbitraries.of("0", "1", "5")))
                        .map(StreamDifferentialTest::dropEmpty)),
                net.jqwik.api.Tuple.of(3, cmd("XREAD STREAMS", List.of(k, i))),
                net.jqwik.api.Tuple.of(2, cmd("XREAD COUNT", List.of(n, Arbitraries.of("STREAMS"), k, k, i, i))),
                net.jqwik.api.Tuple.of(1, cmd("XREAD", List.of(Arbitraries.of("COUNT", "BLOCK", "STREAMS", "GROUP", "NOACK", "FOO"), k, i))),
                net.jqwik.api.Tuple.of(1, cmd("XREAD BLOCK", List.of(Arbitraries.of("10", "x", "-1"), Arbitraries.of("STREAMS"), k,
                        Arbitraries.of("$", "+", "10-1")))),
                net.jqwik.api.Tuple.of(4, cmd("XGROUP CREATE", List.of(k, g, Arbitraries.of("0", "$", "1-1", "2", "x", "-")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP CREATE", List.of(k, g, Arbitraries.of("0", "$"), Arbitraries.of("MKSTREAM", "ENTRIESREAD", "BAD"),
                        Arbitraries.of("ENTRIESREAD", "MKSTREAM", "3", "-1", "-2")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP CREATE", List.of(k, g, Arbitraries.of("0"), Arbitraries.of("ENTRIESREAD"), Arbitraries.of("0", "1", "-1", "x")))),
                net.jqwik.api.Tuple.of(2, cmd("XGROUP SETID", List.of(k, g, Arbitraries.of("0", "$", "1-1", "5-5", "-", "+", "x")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP SETID", List.of(k, g, Arbitraries.of("0", "$"), Arbitraries.of("ENTRIESREAD", "FOO"),
                        Arbitraries.of("1", "-1", "-3", "x")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP DESTROY", List.of(k, g))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP CREATECONSUMER", List.of(k, g, c))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP DELCONSUMER", List.of(k, g, c))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP", List.of(Arbitraries.of("HELP", "FOO", "CREATE", "create")))),
                net.jqwik.api.Tuple.of(6, cmd("XREADGROUP GROUP", List.of(g, c, Arbitraries.of("STREAMS"), k, Arbitraries.of(">", ">", "0", "1-1", "$", "x")))),
                net.jqwik.api.Tuple.of(2, cmd("XREADGROUP GROUP", List.of(g, c, Arbitraries.of("COUNT"), n, Arbitraries.of("NOACK", "STREAMS"),
                        Arbitraries.of("STREAMS", "s1"), k, Arbitraries.of(">", "0")))),
                net.jqwik.api.Tuple.of(1, cmd("XREADGROUP GROUP", List.of(g, c, Arbitraries.of("STREAMS"), k, k, Arbitraries.of(">", "0"), Arbitraries.of(">", "0")))),
                net.jqwik.api.Tuple.of(1, cmd("XREADGROUP", List.of(Arbitraries.of("STREAMS", "COUNT", "GROUP"), k, Arbitraries.of(">", "0")))),
                net.jqwik.api.Tuple.of(4, cmd("XACK", List.of(k, g, i))),
                net.jqwik.api.Tuple.of(1, cmd("XACK", List.of(k, g, i, i))),
                net.jqwik.api.Tuple.of(3, cmd("XPENDING", List.of(k, g))),
                net.jqwik.api.Tuple.of(3, cmd("XPENDING", List.of(k, g, rangeId(), rangeId(), n))),
                net.jqwik.api.Tuple.of(2, cmd("XPENDING", List.of(k, g, rangeId(), rangeId(), n, c))),
                net.jqwik.api.Tuple.of(1, cmd("XPENDING", List.of(k, g, Arbitraries.of("IDLE"), Arbitraries.of("0", "100000000", "x"), rangeId(), rangeId(), n))),
                net.jqwik.api.Tuple.of(1, cmd("XPENDING", List.of(k, g, Arbitraries.of("IDLE", "-"), rangeId()))),
                net.jqwik.api.Tuple.of(3, cmd("XCLAIM", List.of(k, g, c, Arbitraries.of("0", "100000000", "x", "-5"), i))),
                net.jqwik.api.Tuple.of(2, cmd("XCLAIM", List.of(k, g, c, Arbitraries.of("0"), i, i,
                        Arbitraries.of("FORCE", "JUSTID", "RETRYCOUNT", "TIME", "IDLE", "LASTID", "BAD"),
                        Arbitraries.of("3", "1000", "5-5", "FORCE", "JUSTID", "x")))),
                net.jqwik.api.Tuple.of(3, cmd("XAUTOCLAIM", List.of(k, g, c, Arbitraries.of("0", "100000000", "x"), rangeId()))),
                net.jqwik.api.Tuple.of(1, cmd("XAUTOCLAIM", List.of(k, g, c, Arbitraries.of("0"), rangeId(), Arbitraries.of("COUNT", "JUSTID", "BAD"),
                        Arbitraries.of("1", "2", "0", "JUSTID", "x")))),
                net.jqwik.api.Tuple.of(3, cmd("XINFO STREAM", List.of(k))),
                net.jqwik.api.Tuple.of(1, cmd("XINFO STREAM", List.of(k, Arbitraries.of("FULL", "full", "BAD")))),
                net.jqwik.api.Tuple.of(1, cmd("XINFO STREAM", List.of(k, Arbitraries.of("FULL"), Arbitraries.of("COUNT", "BAD"), Arbitraries.of("1", "0", "-1", "x")))),
                net.jqwik.api.Tuple.of(2, cmd("XINFO GROUPS", List.of(k))),
                net.jqwik.api.Tuple.of(2, cmd("XINFO CONSUMERS", List.of(k, g))),
                net.jqwik.api.Tuple.of(1, cmd("XINFO", List.of(Arbitraries.of("HELP", "FOO", "STREAM", "GROUPS")))),
                net.jqwik.api.Tuple.of(2, cmd("XSETID", List.of(k, Arbitraries.of("5-5", "10-1", "1-1", "0-0", "20", "x")))),
                net.jqwik.api.Tuple.of(1, cmd("XSETID", List.of(k, Arbitraries.of("20-1", "10-1"), Arbitraries.of("ENTRIESADDED", "MAXDELETEDID", "BAD"),
                        Arbitraries.of("5", "1", "-1", "3-3", "30-1", "x")))),
                net.jqwik.api.Tuple.of(2, cmd("TYPE", List.of(k))),
                net.jqwik.api.Tuple.of(1, cmd("OBJECT ENCODING", List.of(k))),
                net.jqwik.api.Tuple.of(1, cmd("DEL", List.of(k))),
                net.jqwik.api.Tuple.of(1, cmd("EXISTS", List.of(k))),
                net.jqwik.api.Tuple.of(1, cmd("SET", List.of(Arbitraries.of("str"), v))),
                net.jqwik.api.Tuple.of(1, cmd("COPY", List.of(k, k, Arbitraries.of("REPLACE", "DB")))),
                net.jqwik.api.Tuple.of(1, cmd("RENAME", List.of(k, k))),
                net.jqwik.api.Tuple.of(1, cmd("MULTI", List.of())),
                net.jqwik.api.Tuple.of(1, cmd("EXEC", List.of())),
                net.jqwik.api.Tuple.of(1, cmd("CONFIG SET stream-node-max-entries", List.of(Arbitraries.of("2", "3", "100")))),
                net.jqwik.api.Tuple.of(1, cmd("XLEN", List.of(k, k))),
                net.jqwik.api.Tuple.of(1, cmd("XDEL", List.of(k))));
    }

    private static List<String> dropEmpty(List<String> l) {
        List<String> r = new ArrayList<>(l);
        r.removeIf(String::isEmpty);
        return r;
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return command().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 250, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAsReference(@ForAll("sequences") List<List<String>> seq, @ForAll boolean resp3) throws Exception {
        reset(resp3);
        List<String> done = new ArrayList<>();
        for (List<String> cmd : seq) run(cmd, done);
    }

    /** Group-heavy sequences on a stream that starts with entries and two groups, so deliveries, claims and acks happen often. */
    @Provide
    Arbitrary<List<List<String>>> groupSequences() {
        Arbitrary<String> k = Arbitraries.of("s1"), g = Arbitraries.of("g1", "g2"), c = consumer(), i = id();
        Arbitrary<String> start = Arbitraries.of("0", "-", "1-1", "(1-1", "3-0", "(5-5");
        Arbitrary<List<String>> cmd = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, cmd("XREADGROUP GROUP", List.of(g, c, Arbitraries.of("COUNT"), Arbitraries.of("1", "2", "0"),
                        Arbitraries.of("STREAMS", "NOACK"), Arbitraries.of("STREAMS", "s1"), Arbitraries.of("s1", ">", "0"))).map(StreamDifferentialTest::fixReadGroup)),
                net.jqwik.api.Tuple.of(3, cmd("XADD", List.of(k, Arbitraries.of("*-never", "11-*", "12-*", "20-*").map(x -> x.equals("*-never") ? "13-1" : x), field(), value()))),
                net.jqwik.api.Tuple.of(2, cmd("XDEL", List.of(k, i))),
                net.jqwik.api.Tuple.of(3, cmd("XACK", List.of(k, g, i, i))),
                net.jqwik.api.Tuple.of(3, cmd("XCLAIM", List.of(k, g, c, Arbitraries.of("0", "100000000"), i, i,
                        Arbitraries.of("FORCE", "JUSTID", "RETRYCOUNT", "LASTID", "TIME", "IDLE"), Arbitraries.of("FORCE", "JUSTID", "2", "7-7", "1000")))),
                net.jqwik.api.Tuple.of(3, cmd("XAUTOCLAIM", List.of(k, g, c, Arbitraries.of("0", "100000000"), start, Arbitraries.of("COUNT", "JUSTID"),
                        Arbitraries.of("1", "2", "3", "JUSTID")))),
                net.jqwik.api.Tuple.of(3, cmd("XPENDING", List.of(k, g))),
                net.jqwik.api.Tuple.of(3, cmd("XPENDING", List.of(k, g, start, Arbitraries.of("+", "3-0", "(5-5"), Arbitraries.of("1", "3", "10"), c))),
                net.jqwik.api.Tuple.of(2, cmd("XPENDING", List.of(k, g, start, Arbitraries.of("+", "3-0"), Arbitraries.of("2", "10")))),
                net.jqwik.api.Tuple.of(2, cmd("XINFO GROUPS", List.of(k))),
                net.jqwik.api.Tuple.of(2, cmd("XINFO CONSUMERS", List.of(k, g))),
                net.jqwik.api.Tuple.of(2, cmd("XINFO STREAM", List.of(k, Arbitraries.of("FULL")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP SETID", List.of(k, g, Arbitraries.of("0", "$", "2-1", "3-5"), Arbitraries.of("ENTRIESREAD"),
                        Arbitraries.of("0", "2", "-1")))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP DELCONSUMER", List.of(k, g, c))),
                net.jqwik.api.Tuple.of(1, cmd("XGROUP CREATECONSUMER", List.of(k, g, c))),
                net.jqwik.api.Tuple.of(1, cmd("XTRIM", List.of(k, Arbitraries.of("MAXLEN", "MINID"), Arbitraries.of("~", "="),
                        Arbitraries.of("1", "3", "2-1", "5-5")))),
                net.jqwik.api.Tuple.of(1, cmd("XSETID", List.of(k, Arbitraries.of("30-1", "10-1"), Arbitraries.of("MAXDELETEDID"), Arbitraries.of("9-9", "1-1")))));
        return cmd.list().ofMinSize(1).ofMaxSize(30);
    }

    private static List<String> fixReadGroup(List<String> l) {
        // XREADGROUP GROUP g c COUNT n (STREAMS|NOACK) (STREAMS|s1) (s1|>|0): make the tail a valid STREAMS clause
        List<String> r = new ArrayList<>(l.subList(0, 6));
        boolean noack = l.get(6).equals("NOACK");
        if (noack) r.add("NOACK");
        r.add("STREAMS");
        r.add("s1");
        r.add(l.get(8).equals("0") ? "0" : ">");
        return r;
    }

    @Property(tries = 200, seed = "20261125", shrinking = ShrinkingMode.BOUNDED)
    void groupWorkflowsAsReference(@ForAll("groupSequences") List<List<String>> seq, @ForAll boolean resp3) throws Exception {
        reset(resp3);
        List<String> done = new ArrayList<>();
        for (String setup : List.of("XADD s1 1-1 a 1", "XADD s1 2-1 b 2", "XADD s1 3-0 c 3", "XADD s1 3-5 d 4", "XADD s1 5-5 e 5",
                "XADD s1 10-1 f 6", "XGROUP CREATE s1 g1 0", "XGROUP CREATE s1 g2 2-1")) {
            run(List.of(setup.split(" ")), done);
        }
        for (List<String> cmd : seq) run(cmd, done);
    }

    private static void reset(boolean resp3) throws Exception {
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) {
            c.call("HELLO", resp3 ? "3" : "2");
            c.call("DISCARD");
            c.call("FLUSHALL");
            c.call("CONFIG", "SET", "stream-node-max-entries", "100");
            c.call("CONFIG", "SET", "stream-node-max-bytes", "4096");
        }
    }

    private static void run(List<String> cmd, List<String> done) throws Exception {
        String[] a = cmd.toArray(new String[0]);
        done.add(String.join(" ", a));
        String expected = normalise(cmd, pair.refConn().call(a));
        String actual = normalise(cmd, pair.ourConn().call(a));
        assertEquals(expected, actual, "after " + done);
    }

    private static void runAll(boolean resp3, String... commands) throws Exception {
        reset(resp3);
        List<String> done = new ArrayList<>();
        for (String c : commands) run(List.of(c.split(" ")), done);
    }

    private static final Pattern TIMESTAMP = Pattern.compile(":1\\d{12}\r\n");
    private static final Pattern IDLE = Pattern.compile("(\\$4\r\nidle\r\n):\\d+\r\n");
    private static final Pattern PENDING_IDLE = Pattern.compile("(\\*4\r\n\\$\\d+\r\n[0-9-]+\r\n\\$\\d+\r\n[^\r]*\r\n):\\d+\r\n");

    /** Masks what depends on each server's clock: unix-ms timestamps, idle times. */
    static String normalise(List<String> cmd, String reply) {
        String name = cmd.get(0).toUpperCase();
        String r = TIMESTAMP.matcher(reply).replaceAll(":<time>\r\n");
        if (name.equals("XINFO")) r = IDLE.matcher(r).replaceAll("$1:<idle>\r\n");
        if (name.equals("XPENDING") || name.equals("EXEC")) r = PENDING_IDLE.matcher(r).replaceAll("$1:<idle>\r\n");
        return r;
    }

    // ---- edge cases -------------------------------------------------------------------------------

    @Example
    void idEdgeCases() throws Exception {
        for (boolean resp3 : new boolean[] {false, true}) {
            runAll(resp3, "XADD s 0-0 f v", "XADD s 0-* f v", "XADD s 0-* f v", "XADD s 5 f v", "XADD s 5 f v", "XADD s 5-* f v",
                    "XADD s 18446744073709551615-18446744073709551614 f v", "XADD s 18446744073709551615-* f v",
                    "XADD s 18446744073709551615-* f v", "XADD s 1-1 f v", "XINFO STREAM s", "XRANGE s (18446744073709551615-18446744073709551615 +",
                    "XRANGE s - (0-0", "XRANGE s (5 +", "XREVRANGE s + - COUNT 2", "XRANGE s - + COUNT 0", "XRANGE nokey - + COUNT 0",
                    "XADD t 18446744073709551616 f v", "XADD t -5 f v", "XADD t 007 f v", "XADD t +5-+5 f v", "XADD t 5-18446744073709551616 f v",
                    "XRANGE t - +", "XDEL t 7-0", "XLEN t", "XINFO STREAM t", "XADD u 1-1 f", "XADD u 1-1 f v g", "XADD u f v");
        }
    }

    @Example
    void trimmingWithSmallNodes() throws Exception {
        List<String> c = new ArrayList<>(List.of("CONFIG SET stream-node-max-entries 3"));
        for (int i = 1; i <= 20; i++) c.add("XADD s " + i + "-1 f " + i);
        c.addAll(List.of("XINFO STREAM s", "XDEL s 4-1 5-1 6-1", "XINFO STREAM s", "XTRIM s MAXLEN ~ 15", "XLEN s", "XTRIM s MINID ~ 10",
                "XLEN s", "XTRIM s MINID 12-1", "XINFO STREAM s", "XTRIM s MAXLEN ~ 2 LIMIT 3", "XLEN s", "XADD s MAXLEN ~ 1 21-1 f v", "XLEN s",
                "XTRIM s MAXLEN = 1", "XINFO STREAM s FULL", "XTRIM s MAXLEN 0", "XINFO STREAM s", "EXISTS s", "TYPE s"));
        runAll(false, c.toArray(new String[0]));
    }

    @Example
    void nodesSplitByBytes() throws Exception {
        List<String> c = new ArrayList<>(List.of("CONFIG SET stream-node-max-bytes 200"));
        String[] values = {"5", "200", "-5", "70000", "3000000000", "abc", "007", "-0", "x".repeat(70), "123456789012"};
        for (int i = 1; i <= 60; i++) {
            c.add("XADD s " + (i * 3) + "-" + (i % 4) + " " + (i % 3 == 0 ? "g" : "f") + " " + values[i % values.length]);
            if (i % 7 == 0) c.add("XINFO STREAM s");
        }
        c.addAll(List.of("XTRIM s MAXLEN ~ 30", "XINFO STREAM s", "XTRIM s MINID ~ 150", "XINFO STREAM s"));
        runAll(false, c.toArray(new String[0]));
    }

    @Example
    void groupsLifecycle() throws Exception {
        for (boolean resp3 : new boolean[] {false, true}) {
            runAll(resp3, "XADD s 1-1 a 1", "XADD s 2-1 b 2", "XADD s 3-1 c 3", "XGROUP CREATE s g 0", "XGROUP CREATE s g 0",
                    "XGROUP CREATE s h $ ENTRIESREAD 3", "XREADGROUP GROUP g c1 COUNT 1 STREAMS s >", "XREADGROUP GROUP g c2 STREAMS s >",
                    "XREADGROUP GROUP g c3 STREAMS s >", "XINFO GROUPS s", "XINFO CONSUMERS s g", "XPENDING s g", "XPENDING s g - + 10",
                    "XPENDING s g - + 10 c2", "XPENDING s g - + 10 nobody", "XDEL s 2-1", "XREADGROUP GROUP g c2 STREAMS s 0",
                    "XINFO GROUPS s", "XCLAIM s g c3 0 1-1 2-1 3-1", "XPENDING s g - + 10", "XAUTOCLAIM s g c1 0 0 COUNT 1",
                    "XAUTOCLAIM s g c1 0 0", "XAUTOCLAIM s g c1 0 0 JUSTID", "XACK s g 1-1 3-1 9-9", "XPENDING s g",
                    "XGROUP DELCONSUMER s g c1", "XGROUP CREATECONSUMER s g c9", "XINFO STREAM s FULL", "XGROUP SETID s g 0 ENTRIESREAD 0",
                    "XINFO GROUPS s", "XREADGROUP GROUP g c9 NOACK STREAMS s >", "XINFO STREAM s FULL COUNT 1", "XGROUP DESTROY s g",
                    "XGROUP DESTROY s g", "XINFO GROUPS s", "XGROUP CREATE nokey g $ MKSTREAM", "XINFO STREAM nokey", "TYPE nokey",
                    "XREADGROUP GROUP h c STREAMS s nokey > >", "XREAD STREAMS s nokey 0 0", "XREAD COUNT 1 STREAMS s nokey 0 0");
        }
    }

    @Example
    void lagAndEntriesRead() throws Exception {
        runAll(false, "XADD s 1-1 a 1", "XADD s 2-1 a 1", "XADD s 3-1 a 1", "XADD s 4-1 a 1", "XGROUP CREATE s g 0", "XGROUP CREATE s h 2-1",
                "XINFO GROUPS s", "XREADGROUP GROUP g c COUNT 2 STREAMS s >", "XINFO GROUPS s", "XDEL s 3-1", "XINFO GROUPS s",
                "XREADGROUP GROUP g c STREAMS s >", "XINFO GROUPS s", "XREADGROUP GROUP h c COUNT 1 STREAMS s >", "XINFO GROUPS s",
                "XTRIM s MAXLEN 0", "XINFO GROUPS s", "XADD s 9-1 a 1", "XINFO GROUPS s", "XSETID s 20-1 ENTRIESADDED 50 MAXDELETEDID 15-1",
                "XINFO GROUPS s", "XINFO STREAM s", "XGROUP CREATE s k 0 ENTRIESREAD 60", "XINFO GROUPS s");
    }

    @Example
    void blockingReadsInsideMulti() throws Exception {
        runAll(false, "XADD s 1-1 a 1", "MULTI", "XREAD BLOCK 0 STREAMS s $", "XREAD BLOCK 0 STREAMS s 0", "XGROUP CREATE s g $",
                "XREADGROUP GROUP g c BLOCK 0 STREAMS s >", "EXEC", "XREAD BLOCK 10 STREAMS s $", "XREAD BLOCK 10 STREAMS nokey $");
    }

    @Example
    void bigAndBinaryEntries() throws Exception {
        for (boolean resp3 : new boolean[] {false, true}) {
            reset(resp3);
            List<String> done = new ArrayList<>();
            String big = "b".repeat(5000), binary = "a\0b\r\nc\u00ff";
            List<List<String>> cmds = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                cmds.add(List.of("XADD", "s", i + "-0", i % 2 == 0 ? "f" : binary, i % 3 == 0 ? big : binary + i, "", Integer.toString(i * 1000)));
            }
            cmds.add(List.of("XINFO", "STREAM", "s"));
            cmds.add(List.of("XRANGE", "s", "-", "+", "COUNT", "5"));
            cmds.add(List.of("XREAD", "COUNT", "3", "STREAMS", "s", "nokey", "s", "4-0", "0", "9"));
            cmds.add(List.of("XTRIM", "s", "MAXLEN", "~", "4"));
            cmds.add(List.of("XINFO", "STREAM", "s", "FULL"));
            cmds.add(List.of("XGROUP", "CREATE", "s", binary, "0"));
            String consumer = "c\0\u00ff"; // no CR LF: the idle-time mask finds entries by their shape
            cmds.add(List.of("XREADGROUP", "GROUP", binary, consumer, "COUNT", "2", "STREAMS", "s", ">"));
            cmds.add(List.of("XINFO", "GROUPS", "s"));
            cmds.add(List.of("XPENDING", "s", binary, "-", "+", "10", consumer));
            cmds.add(List.of("XADD", "s", "20-" + binary, "f", "v"));
            for (List<String> c : cmds) run(c, done);
        }
    }

    @Example
    void autoIdHasTheIdShape() throws Exception {
        reset(false);
        Pattern shape = Pattern.compile("\\$\\d+\r\n\\d{13}-0\r\n");
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) {
            assertEquals(true, shape.matcher(c.call("XADD", "s", "*", "f", "v")).matches());
            String second = c.call("XADD", "s", "MAXLEN", "~", "10", "*", "f", "v");
            assertEquals(true, second.matches("\\$\\d+\r\n\\d{13}-\\d+\r\n"), second);
            assertEquals(":2\r\n", c.call("XLEN", "s"));
        }
    }
}
