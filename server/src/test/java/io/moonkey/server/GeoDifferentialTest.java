package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The GEO commands against redis-server 7.0.15: generated (seeded) sequences of GEOADD around a
 * few centres (near the equator, mid latitudes, the poles' limits and the antimeridian), then
 * every search form with random radii, boxes, units and options, in RESP2 and RESP3. Replies are
 * compared byte for byte (coordinates, distances and stored scores are text).
 */
@AddLifecycleHook(ReferencePairHook.class)
class GeoDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    private static final double[][] CENTRES = {{13.36, 38.11}, {0.1, 0.2}, {-179.9, 10}, {179.95, -45}, {45, 84.9}, {-70, -85}};
    private static final Arbitrary<String> KEY = Arbitraries.of("g1", "g2");
    private static final Arbitrary<String> MEMBER = Arbitraries.integers().between(0, 60).map(i -> "m" + i);
    private static final Arbitrary<String> UNIT = Arbitraries.of("m", "km", "ft", "mi", "KM", "yd");

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    private static Arbitrary<double[]> point() {
        return Combinators.combine(Arbitraries.integers().between(0, CENTRES.length - 1),
                Arbitraries.doubles().between(-3, 3), Arbitraries.doubles().between(-3, 3)).as((c, dx, dy) -> {
                    double lon = Math.max(-180, Math.min(180, CENTRES[c][0] + dx));
                    double lat = Math.max(-85.05, Math.min(85.05, CENTRES[c][1] + dy));
                    return new double[] {lon, lat};
                });
    }

    private static Arbitrary<List<String>> geoadd() {
        Arbitrary<List<String>> triple = Combinators.combine(point(), MEMBER).as((p, m) -> List.of(num(p[0]), num(p[1]), m));
        return Combinators.combine(KEY, Arbitraries.<List<String>>of(List.of(), List.of("NX"), List.of("XX"), List.of("CH"), List.of("XX", "CH")),
                triple.list().ofMinSize(1).ofMaxSize(12)).as((k, opts, l) -> {
                    List<String> c = new ArrayList<>(List.of("GEOADD", k));
                    c.addAll(opts);
                    l.forEach(c::addAll);
                    return c;
                });
    }

    private static Arbitrary<String> distance() {
        return Arbitraries.oneOf(Arbitraries.of("0", "1", "-5", "abc", "20000"),
                Arbitraries.doubles().between(0, 500).map(d -> num(d)));
    }

    private static Arbitrary<List<String>> options() {
        Arbitrary<List<String>> one = Arbitraries.oneOf(
                Arbitraries.<List<String>>of(List.of("WITHDIST"), List.of("WITHCOORD"), List.of("WITHHASH"), List.of("ASC"), List.of("DESC"),
                        List.of("ANY"), List.of("COUNT", "3"), List.of("COUNT", "1"), List.of("COUNT", "0"), List.of("COUNT", "x")));
        return one.list().ofMaxSize(4).map(l -> {
            List<String> c = new ArrayList<>();
            l.forEach(c::addAll);
            return c;
        });
    }

    private static Arbitrary<List<String>> store() {
        return Arbitraries.<List<String>>of(List.of(), List.of(), List.of("STORE", "dst"), List.of("STOREDIST", "dst"));
    }

    private static Arbitrary<List<String>> command() {
        Arbitrary<List<String>> georadius = Combinators.combine(Arbitraries.of("GEORADIUS", "GEORADIUS_RO"), KEY, point(),
                distance(), UNIT, options(), store()).as((n, k, p, d, u, o, st) -> join(List.of(n, k, num(p[0]), num(p[1]), d, u), o, st));
        Arbitrary<List<String>> byMember = Combinators.combine(Arbitraries.of("GEORADIUSBYMEMBER", "GEORADIUSBYMEMBER_RO"), KEY, MEMBER,
                distance(), UNIT, options(), store()).as((n, k, m, d, u, o, st) -> join(List.of(n, k, m, d, u), o, st));
        Arbitrary<List<String>> from = Arbitraries.oneOf(MEMBER.map(m -> List.of("FROMMEMBER", m)),
                point().map(p -> List.of("FROMLONLAT", num(p[0]), num(p[1]))));
        Arbitrary<List<String>> by = Arbitraries.oneOf(Combinators.combine(distance(), UNIT).as((d, u) -> List.of("BYRADIUS", d, u)),
                Combinators.combine(distance(), distance(), UNIT).as((w, h, u) -> List.of("BYBOX", w, h, u)));
        Arbitrary<List<String>> geosearch = Combinators.combine(KEY, from, by, options()).as((k, f, b, o) -> join(List.of("GEOSEARCH", k), f, b, o));
        Arbitrary<List<String>> geosearchstore = Combinators.combine(KEY, from, by, options(), Arbitraries.<List<String>>of(List.of(), List.of("STOREDIST")))
                .as((k, f, b, o, sd) -> join(List.of("GEOSEARCHSTORE", "dst", k), f, b, o, sd));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, geoadd()),
                net.jqwik.api.Tuple.of(3, georadius),
                net.jqwik.api.Tuple.of(3, byMember),
                net.jqwik.api.Tuple.of(4, geosearch),
                net.jqwik.api.Tuple.of(2, geosearchstore),
                net.jqwik.api.Tuple.of(2, Combinators.combine(KEY, MEMBER, MEMBER, Arbitraries.<List<String>>of(List.of(), List.of("km"), List.of("mi"), List.of("x"))).as((k, a, b, u) -> join(List.of("GEODIST", k, a, b), u))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("GEOPOS", "GEOHASH"), KEY, MEMBER.list().ofMaxSize(4)).as((n, k, l) -> join(List.of(n, k), l))),
                net.jqwik.api.Tuple.of(1, Arbitraries.<List<String>>of(List.of("ZRANGE", "dst", "0", "-1", "WITHSCORES"), List.of("OBJECT", "ENCODING", "dst"),
                        List.of("GEOADD", "g1", "200", "0", "bad"), List.of("GEOADD", "g1", "1", "2"), List.of("SET", "g2", "x"), List.of("DEL", "g2"))));
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        List<String> c = new ArrayList<>();
        for (List<String> p : parts) c.addAll(p);
        return c;
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return command().list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 200, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAsReference(@ForAll("sequences") List<List<String>> seq, @ForAll boolean resp3) throws Exception {
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) {
            c.call("HELLO", resp3 ? "3" : "2");
            c.call("FLUSHALL");
        }
        List<String> done = new ArrayList<>();
        for (List<String> cmd : seq) {
            String[] a = cmd.toArray(new String[0]);
            done.add(String.join(" ", a));
            assertEquals(pair.refConn().call(a), pair.ourConn().call(a), "after " + done);
        }
    }
}
