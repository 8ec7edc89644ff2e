package io.moonkey.server;

import static io.moonkey.server.CommandArbitraries.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * SORT and SORT_RO over lists against the reference redis-server 7.0.15: generated lists and
 * weight/value keys, then SORTs with random options in random order, every reply compared byte
 * for byte (RESP2 and RESP3). ALPHA with a BY pattern and a LIMIT is not generated: the
 * reference then uses an unstable partial quicksort, so the order of equal keys is arbitrary.
 * Nor are numbers out of double range (1e400): 7.0 checks errno after strtod without clearing
 * it first, so after one such number every later numeric SORT on the reference fails, until
 * some unrelated call happens to overwrite errno.
 */
@AddLifecycleHook(ReferencePairHook.class)
class SortDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    @BeforeContainer
    static void start() throws Exception {
        if (!pair.started()) return;
        feeds = new ListDifferentialTest.PropagationFeeds(pair.get());
    }

    private static ListDifferentialTest.PropagationFeeds feeds;

    @AfterContainer
    static void stop() throws Exception {
        if (feeds != null) feeds.close(); // before ReferencePairHook stops the servers
    }

    private static final List<String> ELEMENTS = List.of("1", "2", "10", "-3", "3.5", "a", "b", "B", "", "0x10", " 4", "4 ",
            "inf", "-inf", "nan", "007", "7", "9223372036854775807", "1e300", "abc", "ab", "+5", "-0", "0", ".5");

    private static Arbitrary<String> element() {
        return Arbitraries.of(ELEMENTS);
    }


    /** A data-setting command: list pushes, BY weights (w_*), GET values (v_*), other types. */
    private static Arbitrary<List<String>> setup() {
        Arbitrary<String> e = element();
        return Arbitraries.oneOf(
                cmd("RPUSH", List.of(Arbitraries.of("l", "m"), e, e, e)),
                cmd("RPUSH", List.of(Arbitraries.of("l"), e, e, e, e, e)),
                cmd("LPUSH", List.of(Arbitraries.of("l", "m"), e)),
                Combinators.combine(e, e).as((a, b) -> List.of("SET", "w_" + a, b)),
                Combinators.combine(e, e).as((a, b) -> List.of("SET", "w_" + a, b)),
                Combinators.combine(e, Arbitraries.of("x", "y", "3", "")).as((a, b) -> List.of("SET", "v_" + a, b)),
                cmd("SET", List.of(Arbitraries.of("s", "dst"), e)),
                cmd("DEL", List.of(Arbitraries.of("l", "m", "dst", "w_1", "w_a"))));
    }

    private static Arbitrary<List<String>> option() {
        return Arbitraries.oneOf(
                Arbitraries.of(List.of("ASC"), List.of("DESC"), List.of("ALPHA"), List.of("alpha"), List.of("desc")),
                Arbitraries.of("w_*", "nosort", "*", "w_*->f", "v_*", "#", "x_*_y").map(p -> List.of("BY", p)),
                Combinators.combine(Arbitraries.of("0", "1", "-1", "3", "100", "x"), Arbitraries.of("0", "1", "2", "-1", "5", "x"))
                        .as((a, b) -> List.of("LIMIT", a, b)),
                Arbitraries.of("#", "v_*", "w_*", "nokey", "v_*->f", "*").map(p -> List.of("GET", p)),
                Arbitraries.of("dst", "l", "m").map(k -> List.of("STORE", k)),
                Arbitraries.of(List.of("LIMIT"), List.of("BY"), List.of("FOO"), List.of("GET"), List.of("STORE")));
    }

    private static Arbitrary<List<String>> sort() {
        return Combinators.combine(Arbitraries.of("SORT", "SORT", "SORT_RO"), Arbitraries.of("l", "l", "m", "s", "none"),
                option().list().ofMaxSize(4)).as((name, key, opts) -> {
                    List<String> c = new ArrayList<>(List.of(name, key));
                    boolean alpha = false, byPattern = false;
                    for (List<String> o : opts) {
                        alpha |= o.get(0).equalsIgnoreCase("alpha");
                        byPattern |= o.size() == 2 && o.get(0).equals("BY") && o.get(1).contains("*");
                    }
                    for (List<String> o : opts) {
                        if (alpha && byPattern && o.get(0).equals("LIMIT")) continue;
                        c.addAll(o);
                    }
                    return c;
                });
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, setup()), net.jqwik.api.Tuple.of(2, sort()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(List.of("LRANGE", "dst", "0", "-1"), List.of("TYPE", "dst"),
                        List.of("OBJECT", "ENCODING", "dst"), List.of("LRANGE", "l", "0", "-1"))))
                .list().ofMinSize(1).ofMaxSize(25);
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
        String expected = pair.refConn().call(a), actual = pair.ourConn().call(a);
        if (ValkeyEncodings.isObjectEncoding(a)) ValkeyEncodings.assertSame(expected, actual, pair.ourConn(), a[2], "after " + done);
        else assertEquals(expected, actual, "after " + done);
    }

    @Property(tries = 250, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAsReference(@ForAll("sequences") List<List<String>> seq, @ForAll boolean resp3) throws Exception {
        reset(resp3);
        feeds.sinceLastMarker(); // what earlier examples left in the feeds
        List<String> done = new ArrayList<>();
        for (List<String> c : seq) compare(done, c.toArray(new String[0]));
        compare(done, "LRANGE", "dst", "0", "-1");
        feeds.compare(done);
    }

    private static void script(String... lines) throws Exception {
        for (boolean resp3 : new boolean[] {false, true}) {
            reset(resp3);
            List<String> done = new ArrayList<>();
            for (String line : lines) compare(done, line.split(" ", -1));
        }
    }

    @Example
    void optionsAndErrors() throws Exception {
        script("SORT none", "SORT none STORE dst", "SET dst x", "SORT none STORE dst", "EXISTS dst", "RPUSH l 3 1 2",
                "SORT l", "SORT l DESC", "SORT l LIMIT 1 1", "SORT l LIMIT -5 2", "SORT l LIMIT 5 2", "SORT l LIMIT 0 -1",
                "SORT l LIMIT 1 9223372036854775807", "SORT l LIMIT x 1", "SORT l LIMIT 1", "SORT l BY nosort DESC LIMIT 0 2",
                "SORT l BY nosort LIMIT 1 5", "SORT l BY nosort GET # GET w_*", "SORT_RO l STORE dst", "SORT_RO l DESC ALPHA",
                "SORT l STORE", "SORT l FOO", "SET s 1", "SORT s", "SORT s BY nosort", "SORT s LIMIT x 1", "SORT l BY w_* STORE dst",
                "LRANGE dst 0 -1", "EXPIRE dst 100", "SORT l STORE dst", "TTL dst", "RPUSH l abc", "SORT l", "SORT l ALPHA",
                "SORT l BY nosort", "MULTI", "SORT l ALPHA STORE l", "LRANGE l 0 -1", "EXEC",
                "EVAL \"return redis.call('sort', KEYS[1], 'BY', 'nosort')\" 1 l", "EVAL \"return redis.call('sort', KEYS[1], 'ALPHA')\" 1 l",
                "SORT");
    }

    @Example
    void byAndGetPatterns() throws Exception {
        script("RPUSH l a b c d", "SET w_a 3", "SET w_b 1", "SET w_c 2", "SET name_a Alice", "SET name_c Carol", "SET a_x 9",
                "SORT l BY w_*", "SORT l BY w_* DESC", "SORT l BY w_* GET name_* GET #", "SORT l BY w_* GET name_* STORE dst",
                "LRANGE dst 0 -1", "SORT l BY w_* ALPHA", "SORT l BY *_x", "SORT l BY w_*->f", "SORT l GET *_x", "SORT l GET name_*->f",
                "SORT l GET *->", "SET w_d abc", "SORT l BY w_*", "SORT l BY w_* ALPHA DESC", "SET w_d 1", "SORT l BY w_* LIMIT 1 2",
                "RPUSH w_b x", "SORT l BY w_*", "SORT l BY w_* GET w_*", "DEL l", "RPUSH l 1 2", "SET w_1 0x10", "SET w_2 ' 3'",
                "SORT l BY w_*", "SET w_2 '3 '", "SORT l BY w_*", "SET w_2 ''", "SORT l BY w_*", "SET w_2 nan", "SORT l BY w_*");
    }
}
