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
 * BITFIELD and BITFIELD_RO against redis-server 7.0.15: generated (seeded) sequences of field
 * reads, writes and increments with every overflow mode, widths at and past the limits, '#'
 * offsets and malformed arguments, mixed with the string commands that observe the result.
 * Replies are compared byte for byte, and so is the string after each sequence.
 */
@AddLifecycleHook(ReferencePairHook.class)
class BitfieldDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");

    private static final Arbitrary<String> KEY = Arbitraries.of("b1", "b2", "h");
    private static final Arbitrary<String> TYPE = Arbitraries.of("i1", "i5", "i8", "i16", "i32", "i63", "i64", "u1", "u3",
            "u8", "u16", "u32", "u63", "u64", "i0", "i65", "x8", "I8", "", "u", "i08", "i+8");
    private static final Arbitrary<String> OFFSET = Arbitraries.of("0", "1", "3", "7", "8", "13", "31", "64", "100", "#0",
            "#1", "#3", "#-1", "-1", "abc", "", "#", "0x1");
    private static final Arbitrary<String> FAR = Arbitraries.of("4294967295", "4294967296", "#67108864", "#536870912",
            "9223372036854775807", "#4611686018427387904");
    private static final Arbitrary<String> VALUE = Arbitraries.oneOf(Arbitraries.of("0", "1", "-1", "2", "7", "-8", "127",
            "128", "-128", "-129", "255", "256", "65535", "-32768", "2147483647", "-2147483648", "4294967295",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "abc", "1.5", ""),
            Arbitraries.longs().between(-300, 300).map(String::valueOf));

    private static Arbitrary<List<String>> op() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(TYPE, OFFSET).as((t, o) -> List.of("GET", t, o))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(TYPE, FAR).as((t, o) -> List.of("GET", t, o))),
                net.jqwik.api.Tuple.of(4, Combinators.combine(TYPE, OFFSET, VALUE).as((t, o, v) -> List.of("SET", t, o, v))),
                net.jqwik.api.Tuple.of(4, Combinators.combine(TYPE, OFFSET, VALUE).as((t, o, v) -> List.of("INCRBY", t, o, v))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("WRAP", "SAT", "FAIL", "fail", "NONE").map(w -> List.of("OVERFLOW", w))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(List.of("GET", "u8"), List.of("SET", "u8", "0"), List.of("OVERFLOW"),
                        List.of("NOSUCH", "u8", "0"), List.of("incrby", "u2", "0", "1"))));
    }

    private static Arbitrary<List<String>> command() {
        Arbitrary<List<String>> bitfield = Combinators.combine(Arbitraries.of("BITFIELD", "BITFIELD", "BITFIELD_RO"), KEY,
                op().list().ofMinSize(0).ofMaxSize(5)).as((name, k, ops) -> {
                    List<String> c = new ArrayList<>(List.of(name, k));
                    ops.forEach(c::addAll);
                    return c;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, bitfield),
                net.jqwik.api.Tuple.of(1, KEY.map(k -> List.of("GET", k))),
                net.jqwik.api.Tuple.of(1, KEY.map(k -> List.of("STRLEN", k))),
                net.jqwik.api.Tuple.of(1, KEY.map(k -> List.of("OBJECT", "ENCODING", k))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(KEY, Arbitraries.of("12", "abc", "", "-7")).as((k, v) -> List.of("SET", k, v))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("HSET", "h", "f", "v"))),
                net.jqwik.api.Tuple.of(1, KEY.map(k -> List.of("DEL", k))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of("DBSIZE"))));
    }

    @Provide
    Arbitrary<List<List<String>>> sequences() {
        return command().list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 300, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameRepliesAsReference(@ForAll("sequences") List<List<String>> seq) throws Exception {
        for (RespConnection c : List.of(pair.refConn(), pair.ourConn())) c.call("FLUSHALL");
        List<String> done = new ArrayList<>();
        for (List<String> cmd : seq) {
            String[] a = cmd.toArray(new String[0]);
            done.add(String.join(" ", a));
            assertEquals(pair.refConn().call(a), pair.ourConn().call(a), "after " + done);
        }
        for (String k : List.of("b1", "b2")) {
            assertEquals(pair.refConn().call("GET", k), pair.ourConn().call("GET", k), "value of " + k + " after " + done);
        }
    }
}
