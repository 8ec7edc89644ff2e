package io.moonkey.lua.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUC Lua 5.1 table layout: the reference values of spec lua-api.md §13.4 (stock 5.1 string hash). */
class LuaTableTest {
    private static LuaString s(String v) {
        return LuaString.latin1(v);
    }

    private static String order(LuaTable t) {
        List<String> keys = new ArrayList<>();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            keys.add(Conversions.toStringValue(k).toString());
        }
        return String.join(",", keys);
    }

    @Test
    void insertionOrderOfStringKeysFollowsMainPositions() {
        LuaTable t = new LuaTable();
        for (String k : new String[] {"alpha", "beta", "gamma", "delta", "epsilon"}) {
            t.put(s(k), (Object) 1.0);
        }
        assertEquals("beta,epsilon,delta,gamma,alpha", order(t));
    }

    @Test
    void constructorPresizedHashGivesConstructorOrder() {
        LuaTable t = new LuaTable(0, 3);
        t.put(s("b"), (Object) 1.0);
        t.put(s("a"), 2.0);
        t.put(s("c"), 3.0);
        assertEquals("a,c,b", order(t));
    }

    @Test
    void numericStringKeys() {
        LuaTable t = new LuaTable();
        for (int k = 0; k <= 9; k++) {
            t.put(s(Integer.toString(k)), (Object) (double) k);
        }
        assertEquals("1,0,3,2,5,4,7,6,9,8", order(t));
    }

    @Test
    void mixedKeys() {
        LuaTable t = new LuaTable();
        Object[] keys = {1.5, -1.0, 100.0, Math.pow(2, 40), 3.0, 1.0, 2.0, s("x"), Boolean.TRUE};
        for (Object k : keys) {
            t.put(k, (Object) 1.0);
        }
        assertEquals("1,2,3,x,1099511627776,100,true,-1,1.5", order(t));
    }

    @Test
    void lengthBorders() {
        LuaTable t = new LuaTable(3, 0);
        t.put(1, (Object) 1.0);
        t.put(3, (Object) 3.0);
        assertEquals(3, t.length());
        LuaTable u = new LuaTable();
        u.put(1, (Object) 1.0);
        u.put(3, (Object) 3.0);
        assertEquals(1, u.length());
    }

    @Test
    void clearingDuringTraversalIsAllowed() {
        LuaTable t = new LuaTable();
        for (int i = 0; i < 50; i++) {
            t.put(s("k" + i), (Object) (double) i);
        }
        Object[] kv = new Object[2];
        Object k = null;
        int n = 0;
        while (t.next(k, kv)) {
            k = kv[0];
            t.put(k, null);
            n++;
        }
        assertEquals(50, n);
        assertNull(t.get(s("k1")));
    }

    @Test
    void invalidKeys() {
        LuaTable t = new LuaTable();
        assertThrows(LuaError.class, () -> t.put(null, (Object) 1.0));
        assertThrows(LuaError.class, () -> t.put(Double.NaN, (Object) 1.0));
        t.put(-0.0, s("z"));
        assertEquals(s("z"), t.get(0.0));
        t.put(2.0, s("two"));
        assertEquals(s("two"), t.get(2));
    }

    @Test
    void numericKeysAreFoundWhereverTheyLand() {
        // string-keyed records gain numeric keys in the hash part, lose them, and rehash
        java.util.Random r = new java.util.Random(3);
        for (int round = 0; round < 200; round++) {
            LuaTable t = new LuaTable();
            java.util.Map<Object, Object> model = new java.util.HashMap<>();
            for (int op = 0; op < 60; op++) {
                Object k = switch (r.nextInt(4)) {
                    case 0 -> s("f" + r.nextInt(12));
                    case 1 -> (double) (1 + r.nextInt(6));
                    case 2 -> (double) (100 + r.nextInt(6));
                    default -> -0.5 * r.nextInt(4);
                };
                Object v = r.nextInt(4) == 0 ? null : (Object) (double) op;
                t.put(k, v);
                model.put(k, v);
                for (Object key : model.keySet()) {
                    assertEquals(model.get(key), t.get(key), "round " + round + " key " + key);
                    if (key instanceof Double d) {
                        assertEquals(model.get(key), t.get(d.doubleValue()));
                    }
                }
                assertNull(t.get(1000.0));
            }
        }
    }
}
