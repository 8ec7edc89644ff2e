package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * PFADD, PFCOUNT, PFMERGE and PFDEBUG against redis-server 7.0.15 on generated (seeded)
 * sequences that grow sparse strings, push them past hll-sparse-max-bytes and past register
 * value 32 into the dense form, merge mixed encodings and corrupt strings on purpose. Replies
 * are compared byte for byte, and so are the HyperLogLog strings themselves (GET), since their
 * bytes are part of Valkey's interface (replicas, DUMP, clients reading them).
 */
@AddLifecycleHook(ReferencePairHook.class)
class HyperLogLogDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");

    private static final List<String> KEYS = List.of("h1", "h2", "h3", "s");
    private static final Arbitrary<String> KEY = Arbitraries.of(KEYS);

    private static Arbitrary<List<String>> pfadd() {
        Arbitrary<String> element = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 100_000).map(i -> "e" + i),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", "a", "foo", "x\u00e9\u0000y"));
        return Combinators.combine(KEY, element.list().ofMaxSize(300)).as((k, l) -> {
            List<String> c = new ArrayList<>(List.of("PFADD", k));
            c.addAll(l);
            return c;
        });
    }

    private static Arbitrary<List<String>> command() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, pfadd()),
                net.jqwik.api.Tuple.of(4, KEY.list().ofMinSize(1).ofMaxSize(3).map(l -> cat("PFCOUNT", l))),
                net.jqwik.api.Tuple.of(3, KEY.list().ofMinSize(1).ofMaxSize(3).map(l -> cat("PFMERGE", l))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("ENCODING", "DECODE", "TODENSE", "GETREG", "NOSUCH"), KEY)
                        .as((sub, k) -> List.of("PFDEBUG", sub, k))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(KEY, Arbitraries.of("plain", "HYLL", "12", "HYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0003"))
                        .as((k, v) -> List.of("SET", k, v))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(KEY, Arbitraries.of("\u0000", "\u00ff\u00ff", "zz")).as((k, v) -> List.of("APPEND", k, v))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("100", "3000", "20").map(v -> List.of("CONFIG", "SET", "hll-sparse-max-bytes", v))),
                net.jqwik.api.Tuple.of(1, KEY.map(k -> List.of("DEL", k))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("SADD", "s", "member"))),
                net.jqwik.api.Tuple.of(2, KEY.map(k -> List.of("GET", k))));
    }

    private static List<String> cat(String name, List<String> args) {
        List<String> c = new ArrayList<>(List.of(name));
        c.addAll(args);
        return c;
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return command().list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 120, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAndStringsAsReference(@ForAll("sequences") List<List<String>> seq) throws Exception {
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) {
            c.call("FLUSHALL");
            c.call("CONFIG", "SET", "hll-sparse-max-bytes", "3000");
        }
        List<String> done = new ArrayList<>();
        for (List<String> cmd : seq) {
            String[] a = cmd.toArray(new String[0]);
            done.add(a[0] + " " + (a.length > 1 ? a[1] : "") + (a.length > 6 ? " ... (" + a.length + " args)" : ""));
            assertEquals(pair.refConn().call(a), pair.ourConn().call(a), "after " + done);
        }
        for (String k : KEYS) {
            assertEquals(pair.refConn().call("GET", k), pair.ourConn().call("GET", k), "bytes of " + k + " after " + done);
        }
    }
}
