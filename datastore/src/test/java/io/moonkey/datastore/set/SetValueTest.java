package io.moonkey.datastore.set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SetValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static List<String> members(SetValue set) {
        List<String> l = new ArrayList<>();
        set.forEachElement(m -> l.add(s(m)));
        assertEquals(set.size(), l.size());
        assertEquals(set.elementCount(), l.size());
        return l;
    }

    private static SetLimits intsetLimit(long n) {
        return new SetLimits(n, 128, 64);
    }

    private static final SetLimits DEFAULTS = SetLimits.DEFAULTS;

    @Test
    void intsetHoldsCanonicalIntegersInAscendingOrder() {
        SetValue set = SetValue.create(b("5"), 1, DEFAULTS);
        assertEquals("intset", set.encoding());
        for (String m : List.of("5", "-3", "9223372036854775807", "-9223372036854775808", "0", "5")) set.add(b(m), DEFAULTS);
        assertEquals(List.of("-9223372036854775808", "-3", "0", "5", "9223372036854775807"), members(set));
        assertTrue(set.contains(b("-3")));
        assertFalse(set.contains(b("-03")));
        assertFalse(set.contains(b("abc")));
        assertEquals("intset", set.encoding());
        set.add(b("007"), DEFAULTS); // not canonical: a string
        assertEquals("listpack", set.encoding());
        assertEquals(6, set.size());
        assertTrue(set.contains(b("5")));
    }

    @Test
    void convertsPastTheIntsetLimitAndNeverBack() {
        SetValue set = new SetValue();
        for (int i = 0; i < 3; i++) set.add(b(String.valueOf(i)), intsetLimit(3));
        assertEquals("intset", set.encoding());
        set.add(b("3"), intsetLimit(3));
        assertEquals("hashtable", set.encoding());
        for (int i = 0; i < 4; i++) set.remove(b(String.valueOf(i)));
        assertEquals(0, set.size());
        assertEquals("hashtable", set.encoding());
        assertEquals("listpack", SetValue.create(b("x"), 1, DEFAULTS).encoding());
        assertEquals("intset", SetValue.create(b("-1"), 1, DEFAULTS).encoding());
    }

    @Property(tries = 200)
    void behavesLikeASet(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int steps) {
        Random r = new Random(seed);
        SetValue set = new SetValue();
        Set<String> model = new HashSet<>();
        SetLimits limit = new SetLimits(1 + r.nextInt(100), r.nextInt(20), 1 + r.nextInt(4));
        for (int i = 0; i < steps; i++) {
            String m = r.nextInt(8) == 0 ? "m" + r.nextInt(50) : String.valueOf(r.nextInt(200) - 100);
            long usage = set.memoryUsage();
            assertTrue(usage > 0);
            int op = r.nextInt(10);
            if (op < 6) {
                assertEquals(model.add(m), set.add(b(m), limit));
            } else if (op < 9) {
                assertEquals(model.remove(m), set.remove(b(m)));
            } else if (set.size() > 0) {
                int p = set.randomPosition(r);
                assertTrue(model.remove(s(set.member(p))));
                set.removeAt(p);
            }
            assertEquals(model.size(), set.size());
        }
        assertEquals(model, new HashSet<>(members(set)));
        if (set.isIntSet()) {
            List<Long> sorted = new ArrayList<>();
            for (String m : new TreeSet<>(model)) sorted.add(Long.parseLong(m));
            sorted.sort(null);
            List<Long> got = new ArrayList<>();
            for (String m : members(set)) got.add(Long.parseLong(m));
            assertEquals(sorted, got);
        }
        SetValue copy = set.duplicate();
        assertEquals(new HashSet<>(members(set)), new HashSet<>(members(copy)));
        assertEquals(set.encoding(), copy.encoding());
    }

    @Test
    void randomPositionsAreSpreadOverTheMembers() {
        SetValue set = SetValue.create(b("a"), 1, DEFAULTS);
        set.add(b("a"), DEFAULTS);
        for (int i = 0; i < 10; i++) set.add(b("m" + i), DEFAULTS);
        assertEquals("listpack", set.encoding());
        Random r = new Random(1);
        int[] hits = new int[11];
        List<String> all = members(set);
        for (int i = 0; i < 11_000; i++) hits[all.indexOf(s(set.member(set.randomPosition(r))))]++;
        for (int h : hits) assertTrue(h > 700 && h < 1300, "roughly uniform: " + java.util.Arrays.toString(hits));
    }

    @Test
    void createPicksTheEncodingFromTheFirstMemberAndTheSizeHint() {
        SetLimits l = new SetLimits(4, 3, 64);
        assertEquals("intset", SetValue.create(b("1"), 4, l).encoding());
        assertEquals("listpack", SetValue.create(b("1"), 3 + 2, new SetLimits(4, 5, 64)).encoding());
        assertEquals("hashtable", SetValue.create(b("1"), 5, l).encoding());
        assertEquals("listpack", SetValue.create(b("a"), 3, l).encoding());
        assertEquals("hashtable", SetValue.create(b("a"), 4, l).encoding());
    }

    @Test
    void aSizeHintBeyondTheLimitsTurnsASmallSetIntoATable() {
        SetLimits l = new SetLimits(4, 3, 64);
        SetValue ints = SetValue.create(b("1"), 1, l);
        ints.add(b("1"), l);
        ints.fitSizeHint(4, l);
        assertEquals("intset", ints.encoding());
        ints.fitSizeHint(5, l);
        assertEquals("hashtable", ints.encoding());
        SetValue pack = SetValue.create(b("a"), 1, l);
        pack.add(b("a"), l);
        pack.fitSizeHint(3, l);
        assertEquals("listpack", pack.encoding());
        pack.fitSizeHint(4, l);
        assertEquals("hashtable", pack.encoding());
        assertTrue(pack.contains(b("a")));
    }

    @Test
    void anIntsetTakesAStringAsAListpackOnlyWithinTheListpackLimits() {
        SetLimits l = new SetLimits(512, 3, 5);
        SetValue set = new SetValue();
        for (String m : List.of("3", "1", "2")) set.add(b(m), l);
        set.add(b("x"), l); // 3 members already: the listpack limit is reached
        assertEquals("hashtable", set.encoding());

        set = new SetValue();
        for (String m : List.of("3", "1")) set.add(b(m), l);
        set.add(b("abcdef"), l); // longer than the value limit
        assertEquals("hashtable", set.encoding());

        set = new SetValue();
        for (String m : List.of("-1000", "1")) set.add(b(m), l); // "-1000" is 5 characters: fits
        set.add(b("x"), l);
        assertEquals("listpack", set.encoding());
        assertEquals(List.of("-1000", "1", "x"), members(set)); // the intset's order, then appended

        set = new SetValue();
        for (String m : List.of("-10000", "1")) set.add(b(m), l); // 6 characters: too wide
        set.add(b("x"), l);
        assertEquals("hashtable", set.encoding());
    }

    @Test
    void aListpackBecomesATablePastEitherLimitAndNeverGoesBack() {
        SetLimits l = new SetLimits(512, 3, 5);
        SetValue set = SetValue.create(b("a"), 1, l);
        for (String m : List.of("a", "b", "c", "a")) set.add(b(m), l);
        assertEquals("listpack", set.encoding());
        assertEquals(List.of("a", "b", "c"), members(set));
        set.add(b("d"), l);
        assertEquals("hashtable", set.encoding());
        for (String m : List.of("a", "b", "c")) set.remove(b(m));
        assertEquals("hashtable", set.encoding());

        set = SetValue.create(b("a"), 1, l);
        set.add(b("a"), l);
        set.add(b("abcde"), l);
        assertEquals("listpack", set.encoding());
        set.add(b("abcdef"), l);
        assertEquals("hashtable", set.encoding());
        assertEquals(Set.of("a", "abcde", "abcdef"), new HashSet<>(members(set)));
    }

    @Test
    void aListpackKeepsIntegersAsText() {
        SetValue set = SetValue.listpack();
        for (String m : List.of("10", "x", "-5", "10")) set.add(b(m), DEFAULTS);
        assertEquals(List.of("10", "x", "-5"), members(set));
        assertTrue(set.contains(b("-5")));
        assertTrue(set.remove(b("x")));
        set.packIntegers(DEFAULTS);
        assertEquals("intset", set.encoding());
        assertEquals(List.of("-5", "10"), members(set));
    }

    @Test
    void packIntegersLeavesLargeOrMixedSetsAlone() {
        SetValue set = SetValue.listpack();
        for (String m : List.of("1", "2", "3")) set.add(b(m), DEFAULTS);
        set.packIntegers(new SetLimits(2, 128, 64));
        assertEquals("listpack", set.encoding());
        set.add(b("y"), DEFAULTS);
        set.packIntegers(DEFAULTS);
        assertEquals("listpack", set.encoding());
    }

    @Test
    void memoryUsageFollowsTheListpackArray() {
        SetValue set = SetValue.listpack();
        long empty = set.memoryUsage();
        for (int i = 0; i < 100; i++) set.add(b("member-" + i), DEFAULTS);
        assertTrue(set.memoryUsage() > empty + 100 * 8);
        for (int i = 0; i < 100; i++) set.remove(b("member-" + i));
        assertEquals("listpack", set.encoding());
        assertTrue(set.memoryUsage() < empty + 200, "gives back room: " + set.memoryUsage());
    }
}
