package io.moonkey.datastore.set;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A set: an {@link IntSet} while every member is a canonical 64-bit integer and there are at most
 * set-max-intset-entries of them, else a {@link MemberTable} (Valkey 7.0 has no listpack sets,
 * and never converts a set back). Members are read through positions ({@link #first}/{@link
 * #next}): an index into the intset or a slot of the table.
 */
public final class SetValue extends Value implements Elements {
    /** Object header, the access word and two references. */
    private static final int OBJECT_BYTES = 24;
    /** An IntSet object: header, one reference, one int. */
    private static final int INTSET_OBJECT_BYTES = 24;
    /** An EntryTable object: header, two references, three ints, a long and a byte. */
    private static final int TABLE_OBJECT_BYTES = 48;

    private IntSet ints;
    private MemberTable table;

    /** An empty set in the intset encoding (what the STORE commands start from). */
    public SetValue() {
        ints = new IntSet(4);
    }

    private SetValue(IntSet ints, MemberTable table) {
        this.ints = ints;
        this.table = table;
    }

    /** An empty set in the encoding Valkey picks for a set whose first member is {@code first}. */
    public static SetValue forMember(byte[] first) {
        return asLong(first) != Numbers.NOT_A_LONG || Numbers.isLongMinValue(first) ? new SetValue()
                : new SetValue(null, new MemberTable(1));
    }

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public String encoding() {
        return ints != null ? "intset" : "hashtable";
    }

    @Override
    public long memoryUsage() {
        return ints != null ? OBJECT_BYTES + INTSET_OBJECT_BYTES + ints.arrayBytes()
                : OBJECT_BYTES + TABLE_OBJECT_BYTES + table.heapBytes();
    }

    @Override
    public SetValue duplicate() {
        return ints != null ? new SetValue(ints.copy(), null) : new SetValue(null, table.copy());
    }

    public boolean isIntSet() {
        return ints != null;
    }

    public int size() {
        return ints != null ? ints.size() : table.size();
    }

    private static long asLong(byte[] b) {
        return Numbers.parseCanonicalLong(b, 0, b.length);
    }

    private static boolean isLong(byte[] b, long v) {
        return v != Numbers.NOT_A_LONG || Numbers.isLongMinValue(b);
    }

    public boolean contains(byte[] member) {
        if (ints == null) return table.contains(member);
        long v = asLong(member);
        return isLong(member, v) && ints.contains(v);
    }

    /**
     * Adds {@code member}; the array is kept, so the caller must not change it afterwards. An
     * intset turns into a table for a non-integer member or past {@code maxIntsetEntries}.
     */
    public boolean add(byte[] member, long maxIntsetEntries) {
        if (ints != null) {
            long v = asLong(member);
            if (isLong(member, v)) {
                if (!ints.add(v)) return false;
                if (ints.size() > maxIntsetEntries) convertToTable();
                return true;
            }
            convertToTable();
        }
        return table.add(member);
    }

    /** Removes {@code member}; true if it was there. */
    public boolean remove(byte[] member) {
        if (ints == null) return table.remove(member);
        long v = asLong(member);
        return isLong(member, v) && ints.remove(v);
    }

    /** Moves the members into a hash table. */
    public void convertToTable() {
        if (ints == null) return;
        MemberTable t = new MemberTable(ints.size());
        for (int i = 0; i < ints.size(); i++) t.insert(Numbers.longToBytes(ints.get(i)));
        table = t;
        ints = null;
    }

    // ---- positions ----------------------------------------------------------------------------

    /** The first position, or -1 when empty. */
    public int first() {
        return ints != null ? (ints.size() == 0 ? -1 : 0) : table.nextOccupied(0);
    }

    /** The position after {@code pos}, or -1. */
    public int next(int pos) {
        return ints != null ? (pos + 1 < ints.size() ? pos + 1 : -1) : table.nextOccupied(pos + 1);
    }

    /** The integer at {@code pos} of an intset. */
    public long intAt(int pos) {
        return ints.get(pos);
    }

    /** The member at {@code pos}: a new array for an intset, the stored one (do not modify) for a table. */
    public byte[] member(int pos) {
        return ints != null ? Numbers.longToBytes(ints.get(pos)) : table.entry(pos);
    }

    /** A position chosen uniformly at random, or -1 when empty. */
    public int randomPosition(RandomGenerator rnd) {
        if (ints != null) return ints.size() == 0 ? -1 : rnd.nextInt(ints.size());
        return table.randomPosition(rnd);
    }

    /** Removes the member at {@code pos}. */
    public void removeAt(int pos) {
        if (ints != null) ints.removeAt(pos);
        else table.removeAt(pos);
    }

    /** One SSCAN step over the table encoding (an intset is reported whole); see EntryTable.scan. */
    public long scan(long cursor, IntConsumer visit) {
        return table.scan(cursor, visit);
    }

    // ---- Elements -------------------------------------------------------------------------------

    @Override
    public long elementCount() {
        return size();
    }

    @Override
    public void forEachElement(Consumer<byte[]> action) {
        for (int p = first(); p >= 0; p = next(p)) action.accept(member(p));
    }
}
