package io.moonkey.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putLookupDeleteAndMemory() {
        Keyspace ks = new Keyspace(16);
        Database db = ks.db(0);
        long empty = db.bytes();
        db.put(b("k"), StringValue.of(b("value")), false);
        assertTrue(db.bytes() > empty);
        assertEquals("embstr", db.lookupRead(b("k")).encoding());
        assertEquals("int", StringValue.of(b("123")).encoding());
        assertEquals("embstr", StringValue.of(b("0123")).encoding());
        assertEquals(1, ks.hits());
        assertNull(db.lookupRead(b("x")));
        assertEquals(1, ks.misses());
        assertTrue(db.delete(b("k")));
        assertEquals(empty, db.bytes());
    }

    @Test
    void lazyExpiryAndExpireTable() {
        AtomicLong now = new AtomicLong(1000);
        Keyspace ks = new Keyspace(1);
        ks.setClock(now::get);
        Database db = ks.db(0);
        db.put(b("k"), StringValue.of(b("v")), false);
        db.setExpire(b("k"), 1500);
        assertEquals(1500, db.expireTime(b("k")));
        now.set(1499);
        assertTrue(db.exists(b("k")));
        now.set(1500);
        assertFalse(db.exists(b("k")));
        assertEquals(0, db.size());
        assertEquals(0, db.expiresSize());
        assertEquals(1, ks.expiredKeys());
    }

    /** SCAN reports every key present for the whole scan, even if the table grows or shrinks meanwhile. */
    @Property(tries = 30)
    void scanSurvivesRehash(@ForAll @IntRange(min = 1, max = 3000) int initial, @ForAll @IntRange(min = 0, max = 3000) int added,
                            @ForAll boolean deleteHalf) {
        Keyspace ks = new Keyspace(1);
        Database db = ks.db(0);
        for (int i = 0; i < initial; i++) db.put(b("stable:" + i), StringValue.of(b("v")), false);
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int step = 0;
        do {
            cursor = db.scan(cursor, (k, v) -> seen.add(new String(k, StandardCharsets.UTF_8)));
            step++;
            if (step == 3) {
                for (int i = 0; i < added; i++) db.put(b("extra:" + i), StringValue.of(b("v")), false);
            }
            if (step == 6 && deleteHalf) {
                for (int i = 0; i < added; i++) db.delete(b("extra:" + i));
            }
        } while (cursor != 0);
        for (int i = 0; i < initial; i++) assertTrue(seen.contains("stable:" + i), "missing stable:" + i);
    }

    @Test
    void evictionUnderLru() {
        Keyspace ks = new Keyspace(1);
        ks.setPolicy(EvictionPolicy.ALLKEYS_LRU);
        Database db = ks.db(0);
        for (int i = 0; i < 1000; i++) db.put(b("k" + i), StringValue.of(b("x".repeat(50))), false);
        long used = ks.usedMemory();
        assertTrue(ks.enforceMaxmemory(used - 10_000));
        assertTrue(ks.usedMemory() <= used - 10_000);
        assertTrue(ks.evictedKeys() > 0);
        ks.setPolicy(EvictionPolicy.NOEVICTION);
        assertFalse(ks.enforceMaxmemory(1));
    }

    /** With the eviction pool, recently used keys survive: the LRU approximation is good. */
    @Test
    void lruKeepsRecentlyUsedKeys() {
        AtomicLong now = new AtomicLong(1_000_000);
        Keyspace ks = new Keyspace(1);
        ks.setClock(now::get);
        ks.setPolicy(EvictionPolicy.ALLKEYS_LRU);
        Database db = ks.db(0);
        for (int i = 0; i < 2000; i++) db.put(b("k" + i), StringValue.of(b("x".repeat(50))), false);
        now.addAndGet(100_000);
        for (int i = 0; i < 1000; i++) db.lookupRead(b("k" + i)); // the first half is recent
        long used = ks.usedMemory();
        assertTrue(ks.enforceMaxmemory(used - (used - db.tableBytes()) / 2));
        int recentLeft = 0;
        for (int i = 0; i < 1000; i++) if (db.exists(b("k" + i))) recentLeft++;
        assertTrue(recentLeft > 800, "recent keys left: " + recentLeft);
    }

    @Test
    void volatilePoliciesOnlyTouchKeysWithExpire() {
        AtomicLong now = new AtomicLong(1000);
        Keyspace ks = new Keyspace(1);
        ks.setClock(now::get);
        ks.setPolicy(EvictionPolicy.VOLATILE_TTL);
        Database db = ks.db(0);
        for (int i = 0; i < 100; i++) db.put(b("p" + i), StringValue.of(b("v")), false);
        for (int i = 0; i < 10; i++) {
            db.put(b("t" + i), StringValue.of(b("v")), false);
            db.setExpire(b("t" + i), 100_000 + i);
        }
        assertFalse(ks.enforceMaxmemory(1));
        assertEquals(100, db.size());
        assertEquals(10, ks.evictedKeys());
    }

    @Test
    void numbers() {
        assertEquals(Numbers.NOT_A_LONG, Numbers.parseCanonicalLong(b("+1"), 0, 2));
        assertEquals(Numbers.NOT_A_LONG, Numbers.parseCanonicalLong(b("-0"), 0, 2));
        assertEquals(Numbers.NOT_A_LONG, Numbers.parseCanonicalLong(b("9223372036854775808"), 0, 19));
        assertEquals(Long.MAX_VALUE, Numbers.parseCanonicalLong(b("9223372036854775807"), 0, 19));
        assertEquals("-9223372036854775808", new String(Numbers.longToBytes(Long.MIN_VALUE)));
        assertEquals("-42", new String(Numbers.longToBytes(-42)));
    }
}
