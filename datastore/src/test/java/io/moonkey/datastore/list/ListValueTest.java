package io.moonkey.datastore.list;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ListValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> contents(ListValue l) {
        List<String> r = new ArrayList<>();
        l.forEachElement(e -> r.add(new String(e, StandardCharsets.UTF_8)));
        return r;
    }

    /** What memoryUsage must equal: recomputed from scratch, independent of the incremental sums. */
    private static long recomputedUsage(ListValue l) {
        long[] sum = {0};
        l.forEachElement(e -> sum[0] += Memory.byteArray(e.length));
        return sum[0];
    }

    @Test
    void pushPopBothEnds() {
        ListValue l = new ListValue();
        for (int i = 0; i < 100; i++) {
            l.pushTail(b("t" + i));
            l.pushHead(b("h" + i));
        }
        assertEquals(200, l.size());
        assertEquals("h99", new String(l.get(0), StandardCharsets.UTF_8));
        assertEquals("t99", new String(l.get(199), StandardCharsets.UTF_8));
        for (int i = 99; i >= 0; i--) {
            assertEquals("h" + i, new String(l.popHead(), StandardCharsets.UTF_8));
            assertEquals("t" + i, new String(l.popTail(), StandardCharsets.UTF_8));
        }
        assertTrue(l.isEmpty());
        assertEquals(new ListValue().memoryUsage(), l.memoryUsage(), "the ring shrinks back when emptied");
        assertEquals("quicklist", l.encoding());
    }

    @Test
    void duplicateIsIndependent() {
        ListValue l = new ListValue();
        l.pushTail(b("a"));
        l.pushTail(b("b"));
        ListValue d = l.duplicate();
        assertNotSame(l, d);
        d.pushTail(b("c"));
        l.set(0, b("z"));
        assertEquals(List.of("z", "b"), contents(l));
        assertEquals(List.of("a", "b", "c"), contents(d));
        assertEquals(l.memoryUsage() + Memory.byteArray(1), d.memoryUsage());
    }

    @Test
    void removeMatchingFromEitherEnd() {
        ListValue l = new ListValue();
        for (String s : "a b a c a d a".split(" ")) l.pushTail(b(s));
        assertEquals(2, l.removeMatching(b("a"), -2));
        assertEquals(List.of("a", "b", "a", "c", "d"), contents(l));
        assertEquals(1, l.removeMatching(b("a"), 1));
        assertEquals(List.of("b", "a", "c", "d"), contents(l));
        assertEquals(1, l.removeMatching(b("a"), 0));
        assertEquals(0, l.removeMatching(b("x"), 0));
        assertEquals(List.of("b", "c", "d"), contents(l));
    }

    /** One random operation applied to both the list and an ArrayList model. */
    record Op(int kind, int arg, int arg2, String value) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(-3, 40),
                Arbitraries.integers().between(-3, 40), Arbitraries.of("a", "b", "", "longer-element-value", "c"))
                .as(Op::new);
        return op.list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void behavesLikeAnArrayList(@ForAll("ops") List<Op> ops) {
        ListValue l = new ListValue();
        List<String> model = new ArrayList<>();
        for (Op o : ops) {
            int n = model.size();
            switch (o.kind()) {
                case 0, 1 -> {
                    l.pushHead(b(o.value()));
                    model.add(0, o.value());
                }
                case 2, 3 -> {
                    l.pushTail(b(o.value()));
                    model.add(o.value());
                }
                case 4 -> {
                    if (n > 0) assertEquals(model.remove(0), new String(l.popHead(), StandardCharsets.UTF_8));
                }
                case 5 -> {
                    if (n > 0) assertEquals(model.remove(n - 1), new String(l.popTail(), StandardCharsets.UTF_8));
                }
                case 6 -> {
                    int at = Math.floorMod(o.arg(), n + 1);
                    l.insert(at, b(o.value()));
                    model.add(at, o.value());
                }
                case 7 -> {
                    if (n > 0) {
                        int at = Math.floorMod(o.arg(), n);
                        l.set(at, b(o.value()));
                        model.set(at, o.value());
                    }
                }
                case 8 -> {
                    long count = o.arg() % 4 - 1;
                    int removed = l.removeMatching(b(o.value()), count);
                    int expected = 0;
                    if (count >= 0) {
                        for (int i = 0; i < model.size() && (count == 0 || expected < count); ) {
                            if (model.get(i).equals(o.value())) {
                                model.remove(i);
                                expected++;
                            } else {
                                i++;
                            }
                        }
                    } else {
                        for (int i = model.size() - 1; i >= 0 && expected < -count; i--) {
                            if (model.get(i).equals(o.value())) {
                                model.remove(i);
                                expected++;
                            }
                        }
                    }
                    assertEquals(expected, removed);
                }
                default -> {
                    if (n > 0) {
                        int start = Math.floorMod(o.arg(), n);
                        int stop = Math.max(start - 1, Math.min(n - 1, start + Math.floorMod(o.arg2(), n)));
                        l.trim(start, stop);
                        model = new ArrayList<>(model.subList(start, stop + 1));
                    }
                }
            }
            assertEquals(model, contents(l));
            assertEquals(model.size(), l.size());
            for (int i = 0; i < model.size(); i++) assertEquals(model.get(i), new String(l.get(i), StandardCharsets.UTF_8));
            long structure = l.memoryUsage() - recomputedUsage(l);
            assertTrue(structure > 0 && structure <= 40 + 16 + 4L * Math.max(8, 4 * model.size()) + 8,
                    "structure overhead " + structure + " for " + model.size());
        }
        byte[][] arr = l.toArray();
        assertEquals(model.size(), arr.length);
        for (int i = 0; i < arr.length; i++) assertArrayEquals(b(model.get(i)), arr[i]);
    }
}
