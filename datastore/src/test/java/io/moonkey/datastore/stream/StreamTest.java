package io.moonkey.datastore.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StreamTest {
    private static final long BYTES = 4096;

    private static byte[][] fv(String... s) {
        byte[][] r = new byte[s.length][];
        for (int i = 0; i < s.length; i++) r[i] = s[i].getBytes(StandardCharsets.UTF_8);
        return r;
    }

    /** Appends with the fields and values as a whole argv. */
    private static void add(Stream s, long ms, long seq, byte[][] fv, long maxBytes, long perNode) {
        s.append(ms, seq, fv, 0, fv.length, maxBytes, perNode);
    }

    private static Stream streamOf(int n, int perNode) {
        Stream s = new Stream();
        for (int i = 1; i <= n; i++) add(s, i, 1, fv("f", Integer.toString(i)), BYTES, perNode);
        return s;
    }

    private static List<Long> ms(StreamCursor c) {
        List<Long> l = new ArrayList<>();
        while (c.next()) l.add(c.ms());
        return l;
    }

    @Test
    void typeEncodingAndCounters() {
        Stream s = streamOf(5, 2);
        assertEquals(ValueType.STREAM, s.type());
        assertEquals("stream", s.encoding());
        assertEquals(5, s.length());
        assertEquals(5, s.entriesAdded());
        assertEquals(3, s.nodeCount());
        assertEquals(5, s.lastMs());
        assertEquals(1, s.firstMs());
    }

    @Test
    void rangesSeekAcrossNodesBothWays() {
        Stream s = streamOf(10, 3);
        assertEquals(List.of(3L, 4L, 5L, 6L), ms(s.range(3, 0, 6, 1, false)));
        assertEquals(List.of(6L, 5L, 4L), ms(s.range(3, 5, 6, 1, true)));
        assertEquals(List.of(), ms(s.range(6, 2, 6, 5, false)));
        assertEquals(List.of(10L), ms(s.range(10, 1, -1L, -1L, false)));
        assertEquals(List.of(1L), ms(s.range(0, 0, 1, 1, true)));
        assertEquals(List.of(), ms(s.range(5, 0, 4, 0, false)));
        assertArrayEquals(fv("f", "7"), s.entry(7, 1));
        assertNull(s.entry(7, 2));
    }

    @Test
    void deletedEntriesAreSkippedAndEmptyNodesGo() {
        Stream s = streamOf(6, 3);
        assertTrue(s.delete(1, 1));
        assertFalse(s.delete(1, 1));
        assertEquals(2, s.firstMs()); // the recorded first entry moves on
        assertTrue(s.delete(2, 1));
        assertTrue(s.delete(3, 1));
        assertEquals(1, s.nodeCount());
        assertEquals(List.of(4L, 5L, 6L), ms(s.all()));
        assertEquals(3, s.maxDeletedMs());
        assertTrue(s.delete(5, 1));
        assertEquals(List.of(6L, 4L), ms(s.range(0, 0, -1L, -1L, true)));
    }

    @Test
    void approximateTrimRemovesWholeNodesOnly() {
        Stream s = streamOf(10, 3); // nodes 1-3, 4-6, 7-9, 10
        assertEquals(6, s.trimToLength(3, true, 0));
        assertEquals(List.of(7L, 8L, 9L, 10L), ms(s.all()));
        assertEquals(0, s.trimBelow(9, 0, true, 0));
        assertEquals(2, s.trimBelow(9, 0, false, 0)); // exact: marks 7 and 8 deleted inside the node
        assertEquals(List.of(9L, 10L), ms(s.all()));
        assertEquals(2, s.nodeCount());
        assertEquals(9, s.firstMs());
    }

    @Test
    void trimLimitCountsWholeNodes() {
        Stream s = streamOf(10, 3);
        assertEquals(3, s.trimToLength(0, true, 5));
        assertEquals(7, s.length());
    }

    @Test
    void listpackBytesSplitNodes() {
        Stream s = new Stream();
        add(s, 1, 0, fv("f", "a"), 120, 0);
        add(s, 2, 0, fv("f", "x".repeat(89)), 120, 0);
        assertEquals(1, s.nodeCount()); // 29 bytes of listpack + 90 < 120
        add(s, 3, 0, fv("f", "x".repeat(20)), 120, 0);
        assertEquals(2, s.nodeCount());
    }

    @Test
    void radixTreeNodeCounts() {
        assertEquals(1, new Stream().radixTreeNodes());
        assertEquals(2, streamOf(1, 100).radixTreeNodes());
        Stream s = new Stream();
        add(s, 1, 0, fv("f", "v"), BYTES, 1);
        add(s, 2, 0, fv("f", "v"), BYTES, 1);
        assertEquals(6, s.radixTreeNodes()); // root, the branch after 7 shared bytes, two children, two leaves (as redis-server)
    }

    @Test
    void lagFollowsReadsAndTombstones() {
        Stream s = streamOf(4, 100);
        ConsumerGroup g = s.createGroup(b("g"), 0, 0, ConsumerGroup.UNKNOWN_ENTRIES_READ);
        assertEquals(4, s.lag(g)); // 0-0 is before the first entry: all 4 to go
        s.advanceGroup(g, 1, 1);
        assertEquals(1, g.entriesRead());
        assertEquals(3, s.lag(g));
        s.delete(3, 1);
        assertEquals(Long.MIN_VALUE, s.lag(g)); // a tombstone ahead: unknown
        s.advanceGroup(g, 2, 1);
        assertEquals(ConsumerGroup.UNKNOWN_ENTRIES_READ, g.entriesRead());
        s.advanceGroup(g, 4, 1); // the last ID: its counter is entries-added
        assertEquals(4, g.entriesRead());
        assertEquals(0, s.lag(g));
    }

    @Test
    void groupsAndPendingEntries() {
        Stream s = streamOf(3, 100);
        ConsumerGroup g = s.createGroup(b("g"), 0, 0, 0);
        assertNull(s.createGroup(b("g"), 0, 0, 0));
        Consumer alice = g.createConsumer(b("alice"), 10);
        Consumer bob = g.consumerOrCreate(b("bob"), 11);
        g.deliver(1, 1, alice, 20);
        g.deliver(2, 1, alice, 20);
        PendingEntry again = g.deliver(2, 1, bob, 30); // delivered anew: moves, count back to 1
        assertEquals(bob, again.consumer());
        assertEquals(1, again.deliveryCount());
        assertEquals(1, alice.pending().size());
        assertEquals(2, g.pending().size());
        assertEquals(2, g.pending().from(1, 2).next().ms());
        assertTrue(g.ack(1, 1));
        assertFalse(g.ack(1, 1));
        assertEquals(1, g.deleteConsumer(bob));
        assertTrue(g.pending().isEmpty());
        assertEquals(List.of("alice"), g.consumers().stream().map(c -> new String(c.name(), StandardCharsets.UTF_8)).toList());
        assertEquals(s.recomputedMemoryUsage(), s.memoryUsage());
        assertTrue(s.destroyGroup(b("g")));
        assertEquals(s.recomputedMemoryUsage(), s.memoryUsage());
    }

    @Test
    void duplicateSharesNothingMutable() {
        Stream s = streamOf(5, 2);
        ConsumerGroup g = s.createGroup(b("g"), 0, 0, 0);
        g.deliver(1, 1, g.createConsumer(b("c"), 1), 1);
        Stream d = s.duplicate();
        d.delete(1, 1);
        d.group(b("g")).ack(1, 1);
        add(d, 9, 9, fv("a", "b"), BYTES, 2);
        assertEquals(5, s.length());
        assertEquals(1, s.group(b("g")).pending().size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ms(s.all()));
        assertEquals(d.recomputedMemoryUsage(), d.memoryUsage());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Random appends, deletes and trims against a sorted-map model; the memory estimate stays exact. */
    @Property(tries = 200)
    void behavesLikeASortedMap(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 99) Integer> ops, @ForAll @IntRange(min = 1, max = 5) int perNode) {
        Stream s = new Stream();
        TreeMap<Long, byte[][]> model = new TreeMap<>();
        long next = 1;
        for (int op : ops) {
            if (op < 60) {
                // same fields as a node's first entry or not; strings long enough for multi-byte lengths; binary bytes
                byte[][] entry = op % 3 == 0 ? fv("g", "x".repeat(op * 5), "h\0\r\n", "") : fv("f", "v" + op);
                add(s, next, 0, entry, BYTES, perNode);
                model.put(next++, entry);
            } else if (op < 80) {
                long victim = op % 7 + next - 7;
                assertEquals(model.remove(victim) != null, s.delete(victim, 0));
            } else if (op < 90) {
                int keep = op % 5;
                s.trimToLength(keep, false, 0);
                while (model.size() > keep) model.pollFirstEntry();
            } else {
                long min = Math.max(0, next - op % 4);
                s.trimBelow(min, 0, false, 0);
                model.headMap(min).clear();
            }
            assertEquals(model.size(), s.length());
            assertEquals(new ArrayList<>(model.keySet()), ms(s.all()));
            assertEquals(s.recomputedMemoryUsage(), s.memoryUsage());
            for (Map.Entry<Long, byte[][]> e : model.entrySet()) assertArrayEquals(e.getValue(), s.entry(e.getKey(), 0));
        }
    }
}
