package io.moonkey.datastore.zset;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2DoubleOpenCustomHashMap;

/**
 * Member to score, for O(1) score lookups of a large sorted set; an open-addressing table of
 * fastutil, extended with the two things it lacks here: its exact heap size and a stateless SCAN
 * cursor that survives resizes.
 */
final class MemberScores extends Object2DoubleOpenCustomHashMap<byte[]> {
    MemberScores(int expected) {
        super(expected, 0.75f, ByteArrays.HASH_STRATEGY);
        defaultReturnValue(Double.NaN);
    }

    /** Heap bytes: the object and its two arrays (n slots plus the null-key slot). */
    long bytes() {
        return 64 + RankedTree.refArray(n + 1) + RankedTree.doubleArray(n + 1);
    }

    /**
     * One SCAN step. The cursor names a home slot; every entry whose hash lands there is visited
     * (with linear probing they sit in the run of occupied slots from that slot on), then the
     * cursor advances in reverse-binary order as Valkey's dictScan does, so entries present from
     * start to end are seen at least once even if the table grows or shrinks in between.
     */
    long scan(long cursor, SortedSetValue.EntryVisitor v) {
        int m = mask;
        int home = (int) (cursor & m);
        Object[] keys = key; // fastutil allocates Object[] whatever K is
        for (int p = home; keys[p] != null; p = (p + 1) & m) {
            byte[] k = (byte[]) keys[p];
            if ((HashCommon.mix(strategy.hashCode(k)) & m) == home) v.visit(k, value[p]);
        }
        long c = cursor | ~(long) m;
        c = Long.reverse(Long.reverse(c) + 1);
        return c;
    }
}
