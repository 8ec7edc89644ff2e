package io.moonkey.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Keys per hash slot, as Database keeps them in cluster mode, against a recount of the table. */
class SlotCountsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void countsFollowInsertionsRemovalsExpiryAndFlush() {
        Keyspace ks = new Keyspace(1);
        Database db = ks.db(0);
        db.put(b("before"), StringValue.of(b("v")), false); // counted when counting starts
        db.countSlots();
        int a = HashSlot.of(b("a"));
        assertEquals(1, db.keysInSlot(HashSlot.of(b("before"))));
        db.put(b("a"), StringValue.of(b("1")), false);
        db.put(b("{a}x"), StringValue.of(b("1")), false);
        db.put(b("a"), StringValue.of(b("2")), false); // an overwrite is not a new key
        assertEquals(2, db.keysInSlot(a));
        db.delete(b("{a}x"));
        assertEquals(1, db.keysInSlot(a));
        db.setExpire(b("a"), 1); // long past: the next lookup deletes it
        db.lookupRead(b("a"));
        assertEquals(0, db.keysInSlot(a));
        db.clear();
        assertEquals(0, db.keysInSlot(HashSlot.of(b("before"))));
    }

    @Property(tries = 50)
    void countsMatchARecount(@ForAll @Size(max = 200) java.util.List<@IntRange(max = 60) Integer> ops) {
        Keyspace ks = new Keyspace(1);
        Database db = ks.db(0);
        db.countSlots();
        Map<Integer, Integer> expected = new HashMap<>();
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int op : ops) {
            String key = "k" + (op % 30) + (op % 3 == 0 ? "{t}" : "");
            if (op >= 30) {
                if (db.delete(b(key))) present.remove(key);
            } else {
                db.put(b(key), StringValue.of(b("v")), false);
                present.add(key);
            }
        }
        for (String k : present) expected.merge(HashSlot.of(b(k)), 1, Integer::sum);
        for (int slot = 0; slot < HashSlot.COUNT; slot++) {
            assertEquals(expected.getOrDefault(slot, 0).intValue(), db.keysInSlot(slot), "slot " + slot);
        }
    }
}
