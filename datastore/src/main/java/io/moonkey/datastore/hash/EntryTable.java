package io.moonkey.datastore.hash;

import io.moonkey.datastore.Memory;
import it.unimi.dsi.fastutil.HashCommon;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * An open-addressing hash table of byte arrays, each holding its own key (a subclass says where
 * the key lies inside the entry): the "hashtable" encoding of hashes and sets. Linear probing
 * over two parallel arrays, the entries and a one-byte tag per slot (0 = empty, otherwise 7 bits
 * of the hash), so a probe touches an entry only when its tag matches. No per-entry objects
 * besides the arrays themselves: this is what keeps a million small fields near Valkey's size.
 *
 * <p>A position is a slot index; positions stay valid until the next change. Public because the
 * set package's member table is one too.
 */
public abstract class EntryTable {
    private static final int MIN_CAPACITY = 16;

    private Object[] entries;
    private byte[] tags;
    private int mask;
    private int size;
    private int maxFill;
    /** Sum of the entry arrays' heap sizes. */
    private long entryBytes;
    /** The tag of the key {@link #locate} last failed to find. */
    private byte locatedTag;

    protected EntryTable(int expected) {
        allocate(capacityFor(expected));
    }

    /** Where the key starts inside {@code entry}. */
    protected abstract int keyOffset(byte[] entry);

    /** The key's length inside {@code entry}. */
    protected abstract int keyLength(byte[] entry);

    public final int size() {
        return size;
    }

    /** Heap bytes of the table and its entries (not the owning object). */
    public final long heapBytes() {
        return Memory.byteArray(tags.length) + 16 + 4L * entries.length + entryBytes;
    }

    public final byte[] entry(int pos) {
        return (byte[]) entries[pos];
    }

    /** The first occupied slot at or after {@code from}, or -1. */
    public final int nextOccupied(int from) {
        byte[] t = tags;
        for (int i = from; i < t.length; i++) if (t[i] != 0) return i;
        return -1;
    }

    /** The slot of the entry whose key is {@code key[off, off+len)}, or -1. */
    public final int find(byte[] key, int off, int len) {
        int h = hash(key, off, len);
        byte tag = tag(h);
        byte[] t = tags;
        Object[] e = entries;
        int pos = h & mask;
        byte c;
        while ((c = t[pos]) != 0) {
            if (c == tag && keyEquals((byte[]) e[pos], key, off, len)) return pos;
            pos = (pos + 1) & mask;
        }
        return -1;
    }

    /**
     * The slot of the entry whose key is {@code key[off, off+len)} if there is one, else the
     * complement ({@code ~slot}) of the empty slot where {@link #insertAt} can put it.
     */
    public final int locate(byte[] key, int off, int len) {
        int h = hash(key, off, len);
        byte tag = tag(h);
        byte[] t = tags;
        Object[] e = entries;
        int pos = h & mask;
        byte c;
        while ((c = t[pos]) != 0) {
            if (c == tag && keyEquals((byte[]) e[pos], key, off, len)) return pos;
            pos = (pos + 1) & mask;
        }
        locatedTag = tag;
        return ~pos;
    }

    /** Puts an entry into the empty slot {@code ~located} that {@link #locate} just returned for its key. */
    public final void insertAt(int located, byte[] entry) {
        int pos = ~located;
        tags[pos] = locatedTag;
        entries[pos] = entry;
        entryBytes += Memory.byteArray(entry.length);
        if (++size > maxFill) rehash(capacityFor(size));
    }

    /** Adds an entry whose key is known to be absent. */
    public final void insert(byte[] entry) {
        int h = hash(entry, keyOffset(entry), keyLength(entry));
        placeNew(entry, h);
        entryBytes += Memory.byteArray(entry.length);
        if (++size > maxFill) rehash(capacityFor(size));
    }

    /** Replaces the entry at {@code pos} by one with the same key. */
    public final void replace(int pos, byte[] entry) {
        entryBytes += Memory.byteArray(entry.length) - Memory.byteArray(((byte[]) entries[pos]).length);
        entries[pos] = entry;
    }

    /** Removes the entry at {@code pos}, shifting later entries of its probe run back. */
    public final void removeAt(int pos) {
        entryBytes -= Memory.byteArray(((byte[]) entries[pos]).length);
        size--;
        byte[] t = tags;
        Object[] e = entries;
        int last = pos;
        while (true) {
            pos = (pos + 1) & mask;
            if (t[pos] == 0) break;
            int home = homeOf((byte[]) e[pos]);
            // an entry may move back to the hole only if its home is not in (last, pos]
            boolean stays = last <= pos ? (home > last && home <= pos) : (home > last || home <= pos);
            if (stays) continue;
            t[last] = t[pos];
            e[last] = e[pos];
            last = pos;
        }
        t[last] = 0;
        e[last] = null;
        if (entries.length > MIN_CAPACITY && size < entries.length / 8) rehash(capacityFor(size));
    }

    /** A slot chosen uniformly among the occupied ones, or -1 if empty. */
    public final int randomPosition(RandomGenerator rnd) {
        if (size == 0) return -1;
        byte[] t = tags;
        while (true) {
            int pos = rnd.nextInt(t.length);
            if (t[pos] != 0) return pos;
        }
    }

    /**
     * Visits the entries whose home slot is {@code cursor & mask} and returns the next cursor (0
     * when done). The cursor walks home slots in reverse-binary order, as Valkey's dictScan: a
     * home slot under a doubled or halved table is this one with a top bit added or removed, so
     * every entry present during the whole scan is reported at least once across resizes.
     */
    public final long scan(long cursor, IntConsumer visit) {
        int b = (int) (cursor & mask);
        int pos = b;
        while (tags[pos] != 0) {
            if (homeOf((byte[]) entries[pos]) == b) visit.accept(pos);
            pos = (pos + 1) & mask;
            if (pos == b) break;
        }
        long v = cursor | ~(long) mask;
        v = Long.reverse(v);
        v++;
        return Long.reverse(v);
    }

    private int homeOf(byte[] entry) {
        return hash(entry, keyOffset(entry), keyLength(entry)) & mask;
    }

    private boolean keyEquals(byte[] entry, byte[] key, int off, int len) {
        int ko = keyOffset(entry);
        return keyLength(entry) == len && Arrays.equals(entry, ko, ko + len, key, off, off + len);
    }

    private void placeNew(byte[] entry, int h) {
        int pos = h & mask;
        while (tags[pos] != 0) pos = (pos + 1) & mask;
        tags[pos] = tag(h);
        entries[pos] = entry;
    }

    private void rehash(int capacity) {
        Object[] old = entries;
        allocate(capacity);
        for (Object o : old) {
            if (o == null) continue;
            byte[] e = (byte[]) o;
            placeNew(e, hash(e, keyOffset(e), keyLength(e)));
        }
    }

    private void allocate(int capacity) {
        entries = new Object[capacity];
        tags = new byte[capacity];
        mask = capacity - 1;
        maxFill = (int) Math.min(capacity - 1L, capacity * 3L / 4);
    }

    /** A power of two that holds {@code n} entries at a load of at most 3/4. */
    private static int capacityFor(int n) {
        long need = Math.max(MIN_CAPACITY, (long) Math.ceil(n / 0.75) + 1);
        return (int) Math.min(1 << 30, Long.highestOneBit(need - 1) << 1);
    }

    static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int i = off, end = off + len; i < end; i++) h = 31 * h + b[i];
        return HashCommon.mix(h);
    }

    private static byte tag(int h) {
        return (byte) ((h >>> 25) | 0x80);
    }
}
