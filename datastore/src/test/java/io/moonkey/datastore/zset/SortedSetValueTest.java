package io.moonkey.datastore.zset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sorted set against a TreeMap model: inserts, score changes, deletes, ranks, ranges, scans. */
class SortedSetValueTest {
    /** A model key: (score, member) in the set's order. */
    record Key(double score, String member) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return RankedTree.compare(score, bytes(member), o.score, bytes(o.member));
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An operation: 0 add/change, 1 remove; members from a small pool so they collide. */
    record Op(int kind, int member, int score) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3000), Arbitraries.integers().between(-20, 20)).as(Op::new);
        return op.list().ofMinSize(0).ofMaxSize(3000);
    }

    @Property(tries = 60)
    void behavesAsTheModel(@ForAll("ops") List<Op> ops, @ForAll boolean compact) {
        SortedSetValue z = SortedSetValue.create(compact);
        TreeMap<Key, Boolean> model = new TreeMap<>();
        java.util.HashMap<String, Double> scores = new java.util.HashMap<>();
        long before = z.memoryUsage();
        for (Op op : ops) {
            String m = "m" + op.member();
            double s = op.score() == 0 && op.member() % 2 == 0 ? -0.0 : op.score() / 2.0;
            Double old = scores.get(m);
            if (op.kind() < 2) {
                if (old == null) {
                    z.add(bytes(m), s);
                } else {
                    z.changeScore(bytes(m), old, s);
                    model.remove(new Key(old, m));
                }
                scores.put(m, s);
                model.put(new Key(s, m), true);
            } else if (op.member() % 5 == 0 && z.size() > 0) {
                int rank = op.member() % z.size();
                Key k = new ArrayList<>(model.keySet()).get(rank);
                byte[] removed = z.removeAt(rank);
                assertEquals(k.member(), new String(removed, StandardCharsets.ISO_8859_1));
                assertEquals(k.score() + 0.0, z.removedScore() + 0.0);
                assertTrue(Double.isNaN(z.score(removed)));
                model.remove(k);
                scores.remove(k.member());
            } else {
                double r = z.remove(bytes(m));
                if (old == null) {
                    assertTrue(Double.isNaN(r));
                } else {
                    assertEquals(old + 0.0, r + 0.0);
                    model.remove(new Key(old, m));
                    scores.remove(m);
                }
            }
        }
        assertEquals(model.size(), z.size());
        List<Key> keys = new ArrayList<>(model.keySet());
        for (int i = 0; i < keys.size(); i += 7) {
            Key k = keys.get(i);
            assertEquals(i, z.rank(bytes(k.member()), k.score()));
            EntryCursor c = z.cursorAt(i);
            assertArrayEquals(bytes(k.member()), c.member());
            assertEquals(k.score() + 0.0, c.score() + 0.0);
            assertEquals(k.score() + 0.0, z.score(bytes(k.member())) + 0.0);
        }
        // the whole order, both directions
        List<String> walked = new ArrayList<>();
        z.forEach((m, s) -> walked.add(new String(m, StandardCharsets.ISO_8859_1)));
        assertEquals(keys.stream().map(Key::member).toList(), walked);
        List<String> backwards = new ArrayList<>();
        z.forEachDescending((m, s) -> backwards.add(0, new String(m, StandardCharsets.ISO_8859_1)));
        assertEquals(walked, backwards);
        if (!keys.isEmpty()) {
            EntryCursor c = z.cursorAt(keys.size() - 1);
            for (int i = keys.size() - 1; i >= 0; i--, c.prev()) assertArrayEquals(bytes(keys.get(i).member()), c.member());
        }
        // score ranges
        for (int lo = -11; lo <= 11; lo += 3) {
            ScoreRange r = new ScoreRange(lo, lo % 2 == 0, lo + 4.5, lo % 3 == 0);
            int start = z.scoreRangeStart(r), end = z.scoreRangeEnd(r);
            long expected = keys.stream().filter(k -> r.contains(k.score())).count();
            assertEquals(expected, Math.max(0, end - start));
            if (expected > 0) assertTrue(r.contains(z.cursorAt(start).score()));
        }
        // scan covers everything (skiplist encoding)
        if (!compact) {
            Set<String> seen = new HashSet<>();
            long cur = 0;
            do {
                cur = z.scan(cur, (m, s) -> seen.add(new String(m, StandardCharsets.ISO_8859_1)));
            } while (cur != 0);
            assertEquals(new HashSet<>(scores.keySet()), seen);
        }
        assertTrue(z.memoryUsage() >= before);
        SortedSetValue copy = z.duplicate();
        List<String> copied = new ArrayList<>();
        copy.forEach((m, s) -> copied.add(new String(m, StandardCharsets.ISO_8859_1)));
        assertEquals(walked, copied);
        assertEquals(z.encoding(), copy.encoding());
    }

    @Example
    void emptiesAndRefills() {
        SortedSetValue z = SortedSetValue.create(false);
        long empty = z.memoryUsage();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10000; i++) z.add(bytes("k" + i), i % 97);
            assertEquals(10000, z.size());
            for (int i = 0; i < 10000; i++) z.remove(bytes("k" + ((i * 7919) % 10000)));
            assertEquals(0, z.size());
        }
        assertTrue(z.memoryUsage() - empty < 4096, "memory returns near empty: " + (z.memoryUsage() - empty));
    }

    /** Tens of thousands of entries (three tree levels), shrunk by random deletions; ranks stay consistent throughout. */
    @Example
    void deepTreeStaysConsistentWhileShrinking() {
        java.util.Random rnd = new java.util.Random(7);
        SortedSetValue z = SortedSetValue.create(false);
        TreeMap<Key, Boolean> model = new TreeMap<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40000; i++) {
            String m = "k" + i;
            double s = rnd.nextInt(500);
            z.add(bytes(m), s);
            model.put(new Key(s, m), true);
            members.add(m);
        }
        java.util.Collections.shuffle(members, rnd);
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            double s = z.remove(bytes(m));
            model.remove(new Key(s, m));
            if (i % 997 == 0 || members.size() - i < 70) {
                assertEquals(model.size(), z.size());
                int j = 0;
                for (Key k : model.keySet()) {
                    if (j % 13 == 0) {
                        assertEquals(j, z.rank(bytes(k.member()), k.score()));
                        assertArrayEquals(bytes(k.member()), z.cursorAt(j).member());
                    }
                    j++;
                }
                List<String> walked = new ArrayList<>();
                z.forEach((mm, ss) -> walked.add(new String(mm, StandardCharsets.ISO_8859_1)));
                assertEquals(model.keySet().stream().map(Key::member).toList(), walked);
            }
        }
        assertEquals(0, z.size());
    }

    /** A scan sees every member present from start to end even while the table grows and shrinks in between steps. */
    @Example
    void scanSurvivesResizes() {
        SortedSetValue z = SortedSetValue.create(false);
        for (int i = 0; i < 500; i++) z.add(bytes("keep" + i), i);
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = z.scan(cursor, (m, s) -> seen.add(new String(m, StandardCharsets.ISO_8859_1)));
            step++;
            if (step < 40) {
                for (int i = 0; i < 200; i++) z.add(bytes("grow" + step + "_" + i), i); // forces rehashes upward
            } else if (step == 40) {
                for (int s = 1; s < 40; s++) for (int i = 0; i < 200; i++) z.remove(bytes("grow" + s + "_" + i)); // and back down
            }
        } while (cursor != 0);
        for (int i = 0; i < 500; i++) assertTrue(seen.contains("keep" + i), "keep" + i);
    }

    @Example
    void listpackDropsNegativeZero() {
        SortedSetValue z = SortedSetValue.create(true);
        z.add(bytes("a"), -0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(z.score(bytes("a"))));
        z.toSkiplist();
        z.changeScore(bytes("a"), 0.0, -0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(z.score(bytes("a"))));
        assertEquals("skiplist", z.encoding());
        z.toListpack();
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(z.cursorAt(0).score()));
        assertTrue(Arrays.equals(bytes("a"), z.cursorAt(0).member()));
    }
}
