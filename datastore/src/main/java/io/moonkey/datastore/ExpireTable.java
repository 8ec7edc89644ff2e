package io.moonkey.datastore;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2LongOpenCustomHashMap;
import java.util.random.RandomGenerator;

/** A database's expire times (absolute unix ms), keyed by the same key instances as its table. */
final class ExpireTable extends Object2LongOpenCustomHashMap<byte[]> {
    static final long NONE = -1;

    ExpireTable() {
        super(16, DEFAULT_LOAD_FACTOR, ByteArrays.HASH_STRATEGY);
        defaultReturnValue(NONE);
    }

    /** A random key with an expire, or null if none. */
    byte[] randomKey(RandomGenerator rnd) {
        if (size == 0) return null;
        Object[] keys = key;
        return (byte[]) keys[TableSlots.randomOccupied(keys, mask, rnd)];
    }

    long tableBytes() {
        return 16 + 4L * (n + 1) + 16 + 8L * (n + 1);
    }
}
