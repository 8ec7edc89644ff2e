package io.moonkey.lua.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code #t} answered from the remembered dense prefix must equal what {@code luaH_getn}'s
 * searches find, whatever mix of appends, holes, clears and resizes led there.
 */
class LuaTableLengthTest {
    /** luaH_getn re-derived from the public view: binary search in the array part, else unbound search. */
    private static int referenceLength(LuaTable t) {
        int j = t.arrayCapacity();
        if (j > 0 && t.get(j) == null) {
            int i = 0;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (t.get(m) == null) {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i;
        }
        long i = j;
        long k = i + 1;
        while (t.get((double) k) != null) {
            i = k;
            k *= 2;
        }
        while (k - i > 1) {
            long m = (i + k) / 2;
            if (t.get((double) m) == null) {
                k = m;
            } else {
                i = m;
            }
        }
        return (int) i;
    }

    @Test
    void appendsThenClearsFromTheTop() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 100; i++) {
            t.put(t.length() + 1, (Object) (double) i);
            assertEquals(i, t.length());
        }
        for (int i = 100; i >= 1; i--) {
            t.put(i, null);
            assertEquals(referenceLength(t), t.length());
            assertEquals(i - 1, t.length());
        }
    }

    @Test
    void holeInsideThePrefixFallsBackToTheSearch() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 20; i++) {
            t.put(i, (Object) 1.0);
        }
        t.put(5, null); // array part of 32: the search finds some border, not necessarily 4
        assertEquals(referenceLength(t), t.length());
        t.put(5, (Object) 1.0);
        assertEquals(referenceLength(t), t.length());
        assertEquals(20, t.length());
    }

    @Test
    void valueAboveAGapIsNotCountedAsPrefix() {
        LuaTable t = new LuaTable(8, 0);
        t.put(1, (Object) 1.0);
        t.put(3, (Object) 1.0);
        assertEquals(referenceLength(t), t.length());
        t.put(2, (Object) 1.0);
        assertEquals(referenceLength(t), t.length());
    }

    @Test
    void randomStoresAgreeWithTheSearch() {
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            LuaTable t = round % 3 == 0 ? new LuaTable(r.nextInt(40), r.nextInt(4)) : new LuaTable();
            int span = 1 + r.nextInt(70);
            for (int op = 0; op < 400; op++) {
                int kind = r.nextInt(10);
                if (kind < 4) {
                    t.put(t.length() + 1, (Object) (double) op);
                } else if (kind < 6) {
                    t.put(1 + r.nextInt(span), r.nextInt(3) == 0 ? null : (Object) (double) op);
                } else if (kind < 7) {
                    t.put(t.length(), null);
                } else if (kind < 8) {
                    t.put(LuaString.latin1("k" + r.nextInt(30)), r.nextBoolean() ? null : (Object) 1.0);
                } else if (kind < 9) {
                    t.put((double) (1 + r.nextInt(span)), (Object) 2.0);
                } else {
                    t.ensureArray(r.nextInt(80));
                }
                assertEquals(referenceLength(t), t.length(), "round " + round + " op " + op);
            }
        }
    }
}
