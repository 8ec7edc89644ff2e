package io.moonkey.datastore;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Slot-level algorithms over a fastutil open hash table's key array (linear probing, null means
 * empty, position = mix(hash) & mask).
 */
final class TableSlots {
    private TableSlots() {}

    static int home(byte[] k, int mask) {
        return HashCommon.mix(Arrays.hashCode(k)) & mask;
    }

    static byte[] storedKey(Object[] keys, int mask, byte[] k) {
        int pos = home(k, mask);
        Object o;
        while ((o = keys[pos]) != null) {
            byte[] cur = (byte[]) o;
            if (cur == k || Arrays.equals(cur, k)) return cur;
            pos = (pos + 1) & mask;
        }
        return null;
    }

    /**
     * Visits the keys whose home slot is {@code cursor & mask} and returns the next cursor (0 when
     * done). The cursor walks home slots in reverse-binary order, Valkey's dictScan scheme: since
     * a key's home slot under a larger or smaller power-of-two table is its slot here with bits
     * added or removed at the top, every key present for the whole scan is reported at least once
     * even when the table is resized between calls. Linear probing only moves keys forward from
     * their home slot, so the keys of one home slot are all within its probe run.
     */
    static long scan(Object[] keys, int mask, long cursor, IntConsumer visit) {
        int b = (int) (cursor & mask);
        int pos = b;
        Object cur;
        while ((cur = keys[pos]) != null) {
            if (home((byte[]) cur, mask) == b) visit.accept(pos);
            pos = (pos + 1) & mask;
            if (pos == b) break;
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        v = Long.reverse(v);
        return v;
    }

    static int randomOccupied(Object[] keys, int mask, RandomGenerator rnd) {
        int pos = rnd.nextInt(mask + 1);
        while (keys[pos] == null) pos = (pos + 1) & mask;
        return pos;
    }
}
