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

    @Test
    void intsetHoldsCanonicalIntegersInAscendingOrder() {
        SetValue set = SetValue.forMember(b("5"));
        assertEquals("intset", set.encoding());
        for (String m : List.of("5", "-3", "9223372036854775807", "-9223372036854775808", "0", "5")) set.add(b(m), 512);
        assertEquals(List.of("-9223372036854775808", "-3", "0", "5", "9223372036854775807"), members(set));
        assertTrue(set.contains(b("-3")));
        assertFalse(set.contains(b("-03")));
        assertFalse(set.contains(b("abc")));
        assertEquals("intset", set.encoding());
        set.add(b("007"), 512); // not canonical: a string
        assertEquals("hashtable", set.encoding());
        assertEquals(6, set.size());
        assertTrue(set.contains(b("5")));
    }

    @Test
    void convertsPastTheIntsetLimitAndNeverBack() {
        SetValue set = new SetValue();
        for (int i = 0; i < 3; i++) set.add(b(String.valueOf(i)), 3);
        assertEquals("intset", set.encoding());
        set.add(b("3"), 3);
        assertEquals("hashtable", set.encoding());
        for (int i = 0; i < 4; i++) set.remove(b(String.valueOf(i)));
        assertEquals(0, set.size());
        assertEquals("hashtable", set.encoding());
        assertEquals("hashtable", SetValue.forMember(b("x")).encoding());
        assertEquals("intset", SetValue.forMember(b("-1")).encoding());
    }

    @Property(tries = 200)
    void behavesLikeASet(@ForAll long seed, @ForAll @IntRange(min = 0, max = 600) int steps) {
        Random r = new Random(seed);
        SetValue set = new SetValue();
        Set<String> model = new HashSet<>();
        int limit = 1 + r.nextInt(100);
        for (int i = 0; i < steps; i++) {
            String m = r.nextInt(8) == 0 ? "m" + r.nextInt(50) : String.valueOf(r.nextInt(200) - 100);
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
        SetValue set = SetValue.forMember(b("a"));
        set.add(b("a"), 512);
        for (int i = 0; i < 10; i++) set.add(b("m" + i), 512);
        Random r = new Random(1);
        int[] hits = new int[11];
        List<String> all = members(set);
        for (int i = 0; i < 11_000; i++) hits[all.indexOf(s(set.member(set.randomPosition(r))))]++;
        for (int h : hits) assertTrue(h > 700 && h < 1300, "roughly uniform: " + java.util.Arrays.toString(hits));
    }
}
