package io.moonkey.datastore.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HashValueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The hash's content in iteration order, checked through every accessor. */
    private static Map<String, String> content(HashValue h) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int p = h.first(); p >= 0; p = h.next(p)) {
            String f = s(h.field(p));
            assertEquals(p, h.find(h.field(p)), "find " + f);
            assertEquals(h.valueLength(p), h.value(p).length);
            m.put(f, s(h.value(p)));
        }
        assertEquals(h.size(), m.size());
        return m;
    }

    @Test
    void listPackKeepsInsertionOrderThroughUpdatesAndRemovals() {
        HashValue h = new HashValue();
        assertEquals("listpack", h.encoding());
        assertTrue(h.set(b("a"), b("1")));
        assertTrue(h.set(b("b"), b("2")));
        assertTrue(h.set(b("c"), b("3")));
        assertFalse(h.set(b("a"), b("a much longer value than before")));
        assertTrue(h.remove(b("b")));
        assertFalse(h.remove(b("b")));
        assertEquals(List.of("a", "c"), new ArrayList<>(content(h).keySet()));
        assertEquals("a much longer value than before", content(h).get("a"));
        h.convertToTable();
        assertEquals("hashtable", h.encoding());
        assertEquals(Map.of("a", "a much longer value than before", "c", "3"), content(h));
    }

    @Test
    void longStringsUseMultiByteLengths() {
        HashValue h = new HashValue();
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) 'z');
        h.set(big, big);
        h.set(b(""), b(""));
        int p = h.find(big);
        assertArrayEquals(big, h.value(p));
        assertEquals(0, h.valueLength(h.find(b(""))));
        h.convertToTable();
        assertArrayEquals(big, h.value(h.find(big)));
        assertArrayEquals(big, h.field(h.find(big)));
    }

    @Property(tries = 200)
    void behavesLikeAMap(@ForAll("ops") long seed, @ForAll @IntRange(min = 0, max = 400) int steps) {
        Random r = new Random(seed);
        HashValue h = new HashValue();
        Map<String, String> model = new LinkedHashMap<>();
        for (int i = 0; i < steps; i++) {
            String f = "f" + r.nextInt(60);
            int op = r.nextInt(10);
            if (op < 6) {
                String v = "v".repeat(r.nextInt(5)) + r.nextInt(1000);
                boolean added = model.put(f, v) == null;
                assertEquals(added, h.set(b(f), b(v)));
            } else if (op < 9) {
                assertEquals(model.remove(f) != null, h.remove(b(f)));
            } else {
                h.convertToTable();
            }
            long used = h.memoryUsage();
            assertTrue(used > 0);
        }
        Map<String, String> got = content(h);
        assertEquals(model, got);
        if (h.isListPack()) assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(got.keySet()));
        HashValue copy = h.duplicate();
        assertEquals(model, content(copy));
        assertEquals(h.encoding(), copy.encoding());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> ops() {
        return net.jqwik.api.Arbitraries.longs();
    }

    @Test
    void scanReportsEveryFieldPresentThroughoutDespiteResizes() {
        HashValue h = new HashValue();
        h.convertToTable();
        for (int i = 0; i < 1000; i++) h.set(b("keep" + i), b("v"));
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = h.scan(cursor, p -> seen.add(s(h.field(p))));
            // grow and shrink the table while the scan is going on
            if (step < 20) for (int i = 0; i < 200; i++) h.set(b("grow" + step + "_" + i), b("x"));
            else for (int i = 0; i < 20; i++) h.remove(b("grow" + (step - 20) + "_" + i));
            step++;
        } while (cursor != 0);
        for (int i = 0; i < 1000; i++) assertTrue(seen.contains("keep" + i), "keep" + i);
    }

    @Test
    void memoryIsCountedIncrementally() {
        HashValue h = new HashValue();
        h.convertToTable();
        long empty = h.memoryUsage();
        for (int i = 0; i < 10_000; i++) h.set(b("field:" + i), b("value:" + i));
        long full = h.memoryUsage();
        assertTrue(full > empty + 10_000 * 40, "at least the entry arrays: " + full);
        assertTrue(full < empty + 10_000 * 64, "no more than arrays and slots: " + full);
        for (int i = 0; i < 10_000; i++) h.remove(b("field:" + i));
        assertEquals(0, h.size());
        assertEquals(empty, h.memoryUsage());
    }
}
