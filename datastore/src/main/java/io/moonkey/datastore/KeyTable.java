package io.moonkey.datastore;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenCustomHashMap;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * The main table of a database: byte-array keys to values on fastutil's linear-probing open hash
 * map. Subclassed only to reach the slot arrays for what Valkey does on its dict: cursor scans,
 * random sampling and finding the stored key instance (shared with the expires table).
 */
final class KeyTable extends Object2ObjectOpenCustomHashMap<byte[], Value> {
    KeyTable() {
        super(16, DEFAULT_LOAD_FACTOR, ByteArrays.HASH_STRATEGY);
    }

    /** The key instance stored for {@code k}, or null. */
    byte[] storedKey(byte[] k) {
        Object[] keys = key;
        return TableSlots.storedKey(keys, mask, k);
    }

    /** One SCAN step; see {@link TableSlots#scan}. */
    long scan(long cursor, BiConsumer<byte[], Value> out) {
        final Object[] keys = key;
        final Object[] values = value;
        return TableSlots.scan(keys, mask, cursor, pos -> out.accept((byte[]) keys[pos], (Value) values[pos]));
    }

    /** A random occupied slot's key (not uniformly random, as Valkey's isn't), or null if empty. */
    byte[] randomKey(RandomGenerator rnd) {
        if (size == 0) return null;
        Object[] keys = key;
        return (byte[]) keys[TableSlots.randomOccupied(keys, mask, rnd)];
    }

    /** Slot array bytes (two reference arrays) for memory accounting. */
    long tableBytes() {
        return 2L * (16 + 4L * (n + 1));
    }
}
