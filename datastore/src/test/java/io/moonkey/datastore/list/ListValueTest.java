package io.moonkey.datastore.list;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("listpack", l.encoding(), "the commands decide conversions, pushes alone never do");
    }

    /** Lengths on both sides of each varint size boundary survive both walking directions. */
    @Test
    void entryLengthBoundaries() {
        int[] lengths = {0, 1, 127, 128, 129, 16383, 16384, 16385, 2097151, 2097152};
        for (int limit : new int[] {64, ListValue.SAFETY_BYTES}) {
            ListValue l = new ListValue(limit, Integer.MAX_VALUE);
            for (int i = 0; i < lengths.length; i++) {
                byte[] e = new byte[lengths[i]];
                java.util.Arrays.fill(e, (byte) ('a' + i));
                if (i % 2 == 0) l.pushTail(e);
                else l.pushHead(e);
            }
            List<Integer> seen = new ArrayList<>();
            ListCursor c = l.cursor(0);
            do seen.add(c.length()); while (c.forward());
            List<Integer> back = new ArrayList<>();
            do back.add(0, c.length()); while (c.backward());
            assertEquals(seen, back);
            assertEquals(List.of(2097152, 16385, 16383, 128, 1, 0, 127, 129, 16384, 2097151), seen);
            assertEquals(l.recomputedUsage(), l.memoryUsage());
            assertTrue(l.memoryUsage() > 2 * 2097151, "the estimate counts the element bytes");
            for (int i = 0; i < lengths.length; i++) l.pop(i % 2 == 0);
            assertTrue(l.isEmpty());
            assertEquals(new ListValue(limit, Integer.MAX_VALUE).memoryUsage(), l.memoryUsage());
        }
    }

    /** list-max-listpack-size: a positive count of elements per node, or -1..-5 for 4..64 KB. */
    @Test
    void fillSetsTheNodeSize() {
        ListValue counted = ListValue.quicklist(2);
        for (int i = 0; i < 5; i++) counted.pushTail(b("e" + i));
        assertEquals(3, counted.nodeCount());
        counted.insert(1, b("x"));
        assertEquals(4, counted.nodeCount(), "an insert into a full node splits it");
        ListValue single = ListValue.quicklist(0);
        for (int i = 0; i < 4; i++) single.pushHead(b("e" + i));
        assertEquals(4, single.nodeCount());
        byte[] kb = new byte[1000];
        for (long fill : new long[] {-1, -2, -5, -100}) {
            ListValue l = ListValue.quicklist(fill);
            for (int i = 0; i < 200; i++) l.pushTail(kb);
            // Valkey's rule: a node takes an element while its listpack bytes + the element + 8 stay within the limit;
            // a 1000-byte string is a 1004-byte entry (2 bytes of encoding, 2 of back-length)
            int limit = 4096 << (Math.min(5, -fill) - 1), perNode = 1;
            while (ListpackBytes.EMPTY + 1004 * perNode + 1000 + 8 <= limit) perNode++;
            assertEquals((200 + perNode - 1) / perNode, l.nodeCount(), "fill " + fill);
        }
    }

    /** Node sizes in Valkey's listpack bytes: integers as integers, strings with their encoding and back-length. */
    @Test
    void nodesCountValkeysListpackBytes() {
        ListValue l = new ListValue();
        l.pushTail(b("12345"));          // a 16-bit integer: 3 + 1
        l.pushTail(b("a"));              // 1 + 1 + 1
        l.pushTail(b("x".repeat(100)));  // 2 + 100 + 1
        l.pushTail(b("-9223372036854775808")); // 9 + 1
        l.pushTail(b("007"));            // not canonical: a string, 1 + 3 + 1
        assertEquals(ListpackBytes.EMPTY + 4 + 3 + 103 + 10 + 5, l.node(0).lpBytes);
        l.popHead();
        l.set(0, b("bb"));
        assertEquals(ListpackBytes.EMPTY + 4 + 103 + 10 + 5, l.node(0).lpBytes);
    }

    @Test
    void growForConvertsOnceTheListpackWouldPassTheLimit() {
        ListValue l = new ListValue();
        byte[] e = b("x".repeat(100)); // a 103-byte entry
        for (int i = 0; i < 39; i++) {
            l.growFor(-1, e.length, 1);
            l.pushTail(e);
        }
        assertEquals("listpack", l.encoding());
        assertEquals(7 + 103 * 39, l.node(0).lpBytes);
        l.growFor(-1, e.length, 1); // 4024 + 100 > 4096
        assertEquals("quicklist", l.encoding());
        assertEquals(1, l.nodeCount(), "the listpack becomes the first node whole");
        l.pushTail(e);
        assertEquals(2, l.nodeCount());
        // a count fill: the entries, and 8 KB whatever the count
        ListValue c = new ListValue();
        for (int i = 0; i < 3; i++) c.pushTail(b("e"));
        c.growFor(3, 0, 0);
        assertEquals("listpack", c.encoding());
        c.growFor(3, 1, 1);
        assertEquals("quicklist", c.encoding());
        ListValue big = new ListValue();
        big.growFor(1000, 8192, 1);
        assertEquals("quicklist", big.encoding(), "7 + 8192 bytes pass the safety limit");
    }

    @Test
    void shrinkingNeedsOnePackedNodeWithinHalfTheLimits() {
        ListValue l = ListValue.quicklist(4);
        for (int i = 0; i < 5; i++) l.pushTail(b("e" + i));
        assertEquals(2, l.nodeCount());
        l.shrinkIfSmall(4);
        assertEquals("quicklist", l.encoding());
        l.popTail();
        l.shrinkIfSmall(4);
        assertEquals("quicklist", l.encoding(), "4 elements: over half of 4");
        l.packIfSmall(4);
        assertEquals("listpack", l.encoding(), "a list built whole: the full limit");
        ListValue p = ListValue.quicklist(-2);
        p.pushTail(new byte[9000]);
        p.packIfSmall(-2);
        assertEquals("quicklist", p.encoding(), "a plain node is never a listpack");
        ListValue bytes = ListValue.quicklist(-1);
        for (int i = 0; i < 20; i++) bytes.pushTail(b("x".repeat(100))); // 7 + 2060 bytes
        bytes.shrinkIfSmall(-1);
        assertEquals("quicklist", bytes.encoding());
        bytes.popTail(); // 1964 <= 2048
        bytes.shrinkIfSmall(-1);
        assertEquals("listpack", bytes.encoding());
    }

    /** LINSERT into a full node: split after the pivot, the element at the head of the new node, then merges tried. */
    @Test
    void insertIntoAFullNodeSplitsAsValkey() {
        ListValue l = ListValue.quicklist(4);
        for (int i = 1; i <= 6; i++) l.pushTail(b(Integer.toString(i))); // [1 2 3 4] [5 6]
        l.insertAt(1, true, b("x"));
        assertEquals(List.of("1", "2", "x", "3", "4", "5", "6"), contents(l));
        assertEquals(List.of(2, 3, 2), nodeSizes(l));
        l.insertAt(5, true, b("y")); // after 5, a node with room
        assertEquals(List.of(2, 3, 3), nodeSizes(l));
        l.insertAt(2, false, b("w")); // before x: its node has room, so it goes there
        assertEquals(List.of(2, 4, 3), nodeSizes(l));
        // before x in a full node, not at its head: [w] + v, [x 3 4]; then [1 2] and [w v] merge
        l.insertAt(3, false, b("v"));
        assertEquals(List.of(4, 3, 3), nodeSizes(l));
        l.insertAt(2, false, b("u")); // before w: [1 2 u] [w v], nothing merges within four
        assertEquals(List.of(3, 2, 3, 3), nodeSizes(l));
        assertEquals(List.of("1", "2", "u", "w", "v", "x", "3", "4", "5", "y", "6"), contents(l));
        // a split leaving small neighbours: they merge back within the limit
        ListValue m = ListValue.quicklist(4);
        for (int i = 1; i <= 4; i++) m.pushTail(b(Integer.toString(i)));
        m.insertAt(3, true, b("t")); // at the tail of a full node with no next: a new node
        assertEquals(List.of(4, 1), nodeSizes(m));
        m.insertAt(2, false, b("u")); // before 3 inside the full node: [1 2 u] [3 4] then [3 4] + [t] merge
        assertEquals(List.of("1", "2", "u", "3", "4", "t"), contents(m));
        assertEquals(List.of(3, 3), nodeSizes(m));
    }

    /** LSET of an element that does not fit its node: a node of its own between the two halves. */
    @Test
    void replacingBeyondTheNodeLimitSplits() {
        ListValue l = new ListValue(64, Long.MAX_VALUE);
        l.pushTail(b("a".repeat(20)));
        l.pushTail(b("b"));
        l.pushTail(b("c"));
        assertEquals(1, l.nodeCount());
        l.set(1, b("z".repeat(40))); // 7 + 22 + 42 + 3 > 64: [a] [z] [c], then [z] and [c] merge (49 + 10 - 7)
        assertEquals(List.of("a".repeat(20), "z".repeat(40), "c"), contents(l));
        assertEquals(List.of(1, 2), nodeSizes(l));
        l.set(1, b("q".repeat(100))); // larger than a node: a plain node replaced in place
        assertTrue(l.node(1).plain);
        l.set(1, b("r")); // a small element for a plain node: it joins a neighbour
        assertEquals(List.of("a".repeat(20), "r", "c"), contents(l));
        assertEquals(List.of(1, 2), nodeSizes(l));
    }

    private static List<Integer> nodeSizes(ListValue l) {
        List<Integer> r = new ArrayList<>();
        for (int n = 0; n < l.nodeCount(); n++) r.add(l.node(n).count);
        return r;
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
        assertEquals(d.recomputedUsage(), d.memoryUsage());
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

    /** Tiny nodes make every operation cross node boundaries, split and drop nodes. */
    @Provide
    Arbitrary<Long> nodeLimits() {
        return Arbitraries.of(8L, 24L, 64L, 4096L, Long.MAX_VALUE);
    }

    @Provide
    Arbitrary<Long> entryLimits() {
        return Arbitraries.of(1L, 2L, 5L, Long.MAX_VALUE);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 10), Arbitraries.integers().between(-3, 40),
                Arbitraries.integers().between(-3, 40), Arbitraries.of("a", "b", "", "longer-element-value", "c", "x".repeat(200), "y".repeat(20000)))
                .as(Op::new);
        return op.list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void behavesLikeAnArrayList(@ForAll("ops") List<Op> ops, @ForAll("nodeLimits") long nodeLimit,
            @ForAll("entryLimits") long maxEntries, @ForAll boolean startAsListpack) {
        // a byte limit or a count limit, as a fill sets one or the other
        ListValue l = startAsListpack ? new ListValue() : new ListValue(nodeLimit, nodeLimit == Long.MAX_VALUE ? maxEntries : Long.MAX_VALUE);
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
                    if (n > 0 && o.arg() % 2 == 0) {
                        String[] got = new String[1];
                        l.pop(true, (buf, off, len) -> got[0] = new String(buf, off, len, StandardCharsets.UTF_8));
                        assertEquals(model.remove(0), got[0]);
                    } else if (n > 0) {
                        assertEquals(model.remove(0), new String(l.popHead(), StandardCharsets.UTF_8));
                    }
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
                case 9 -> {
                    // conversions move no element: the model stays as it is
                    long fill = List.of(-1L, -2L, 1L, 3L).get(Math.floorMod(o.arg(), 4));
                    if (o.arg2() % 3 == 0) l.growFor(fill, o.value().length(), 1);
                    else if (o.arg2() % 3 == 1) l.shrinkIfSmall(fill);
                    else l.packIfSmall(fill);
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
            assertEquals(l.recomputedUsage(), l.memoryUsage());
            assertNodesAreConsistent(l);
            ListCursor c = model.isEmpty() ? null : l.cursor(0);
            for (int i = 0; i < model.size(); i++) {
                assertEquals(model.get(i), new String(c.array(), c.offset(), c.length(), StandardCharsets.UTF_8));
                assertTrue(c.matches(b(model.get(i))));
                assertEquals(i < model.size() - 1, c.forward());
            }
            for (int i = model.size() - 1; i >= 0; i--) {
                assertEquals(model.get(i), new String(c.array(), c.offset(), c.length(), StandardCharsets.UTF_8));
                assertEquals(i > 0, c.backward());
            }
            if (!model.isEmpty()) assertEquals(model.indexOf(model.get(model.size() - 1)), l.indexOf(b(model.get(model.size() - 1))));
        }
        byte[][] arr = l.toArray();
        assertEquals(model.size(), arr.length);
        for (int i = 0; i < arr.length; i++) assertArrayEquals(b(model.get(i)), arr[i]);
    }

    /** Every node's listpack byte count is the sum of its entries', and a listpack is one node. */
    private static void assertNodesAreConsistent(ListValue l) {
        if (l.isListPack()) assertTrue(l.nodeCount() <= 1, "a listpack is one node");
        for (int n = 0; n < l.nodeCount(); n++) {
            ListPack p = l.node(n);
            assertTrue(p.count > 0, "no empty nodes");
            if (p.plain) {
                assertEquals(1, p.count);
                assertEquals(p.used() - 2 * ListPack.varintSize(p.lpBytes), p.lpBytes);
                continue;
            }
            int bytes = ListpackBytes.EMPTY;
            for (int i = 0, off = p.start; i < p.count; i++, off = p.entryAfter(off)) bytes += ListpackBytes.entry(p.elementAt(off));
            assertEquals(bytes, p.lpBytes);
        }
    }
}
