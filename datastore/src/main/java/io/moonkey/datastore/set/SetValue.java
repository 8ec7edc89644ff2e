package io.moonkey.datastore.set;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A set in one of Valkey's three encodings: an {@link IntSet} while every member is a canonical
 * 64-bit integer and there are at most set-max-intset-entries of them; a {@link MemberPack}
 * ("listpack") while there are at most set-max-listpack-entries members none longer than
 * set-max-listpack-value bytes; else a {@link MemberTable} ("hashtable"). Growth only moves
 * towards the table (intset to listpack or table, listpack to table), as in Valkey; only the
 * commands that build a new set (SPOP with a count, the STORE commands) start small again.
 * Members are read through positions ({@link #first}/{@link #next}): an index into the intset,
 * a byte offset into the pack or a slot of the table.
 */
public final class SetValue extends Value implements Elements {
    /** Object header, the access word and three references. */
    private static final int OBJECT_BYTES = 32;
    /** An IntSet object: header, one reference, one int. */
    private static final int INTSET_OBJECT_BYTES = 24;
    /** A MemberPack object: header, one reference, two ints. */
    private static final int PACK_OBJECT_BYTES = 24;
    /** An EntryTable object: header, two references, three ints, a long and a byte. */
    private static final int TABLE_OBJECT_BYTES = 48;

    /** Exactly one of the three is set. */
    private IntSet ints;
    private MemberPack pack;
    private MemberTable table;

    /** An empty set in the intset encoding (what SUNIONSTORE and SDIFFSTORE start from). */
    public SetValue() {
        ints = new IntSet(4);
    }

    private SetValue(IntSet ints, MemberPack pack, MemberTable table) {
        this.ints = ints;
        this.pack = pack;
        this.table = table;
    }

    /** An empty set in the listpack encoding. */
    public static SetValue listpack() {
        return new SetValue(null, new MemberPack(0), null);
    }

    /**
     * An empty set in the encoding Valkey's setTypeCreate picks for a set whose first member is
     * {@code first} and that is about to receive {@code sizeHint} members: an intset for an
     * integer within the intset limit, else a listpack within its entry limit, else a table
     * sized for the hint.
     */
    public static SetValue create(byte[] first, long sizeHint, SetLimits limits) {
        if (isLong(first, asLong(first)) && sizeHint <= limits.intsetEntries()) return new SetValue();
        if (sizeHint <= limits.listpackEntries()) return listpack();
        return new SetValue(null, null, new MemberTable(expected(sizeHint)));
    }

    private static int expected(long n) {
        return (int) Math.min(n, 1 << 24);
    }

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public String encoding() {
        return ints != null ? "intset" : pack != null ? "listpack" : "hashtable";
    }

    @Override
    public long memoryUsage() {
        if (ints != null) return OBJECT_BYTES + INTSET_OBJECT_BYTES + ints.arrayBytes();
        if (pack != null) return OBJECT_BYTES + PACK_OBJECT_BYTES + pack.arrayBytes();
        return OBJECT_BYTES + TABLE_OBJECT_BYTES + table.heapBytes();
    }

    @Override
    public SetValue duplicate() {
        if (ints != null) return new SetValue(ints.copy(), null, null);
        if (pack != null) return new SetValue(null, pack.copy(), null);
        return new SetValue(null, null, table.copy());
    }

    public boolean isIntSet() {
        return ints != null;
    }

    public boolean isListPack() {
        return pack != null;
    }

    public boolean isHashTable() {
        return table != null;
    }

    public int size() {
        return ints != null ? ints.size() : pack != null ? pack.size() : table.size();
    }

    private static long asLong(byte[] b) {
        return Numbers.parseCanonicalLong(b, 0, b.length);
    }

    private static boolean isLong(byte[] b, long v) {
        return v != Numbers.NOT_A_LONG || Numbers.isLongMinValue(b);
    }

    public boolean contains(byte[] member) {
        if (table != null) return table.contains(member);
        if (pack != null) return pack.find(member) >= 0;
        long v = asLong(member);
        return isLong(member, v) && ints.contains(v);
    }

    // ---- changes --------------------------------------------------------------------------------

    /**
     * Valkey's setTypeMaybeConvert: a command about to add {@code sizeHint} members (SADD's
     * argument count, duplicates included) turns a listpack or intset that the hint would
     * overflow into a table at once.
     */
    public void fitSizeHint(long sizeHint, SetLimits limits) {
        if ((pack != null && sizeHint > limits.listpackEntries()) || (ints != null && sizeHint > limits.intsetEntries())) {
            convertToTable(sizeHint);
        }
    }

    /**
     * Adds {@code member}; the array is kept by a table, so the caller must not change it
     * afterwards. Converts as Valkey's setTypeAdd: an intset past its limit becomes a table; a
     * non-integer turns an intset into a listpack when the members so far and the new one fit
     * the listpack limits, else into a table; a listpack becomes a table when full or when the
     * member is longer than the value limit.
     */
    public boolean add(byte[] member, SetLimits limits) {
        if (table != null) return table.add(member);
        if (pack != null) {
            if (pack.find(member) >= 0) return false;
            if (pack.size() < limits.listpackEntries() && member.length <= limits.listpackValue()) {
                pack.append(member);
                return true;
            }
            convertToTable(pack.size() + 1L);
            return table.add(member);
        }
        long v = asLong(member);
        if (isLong(member, v)) {
            if (!ints.add(v)) return false;
            if (ints.size() > limits.maxIntset()) convertToTable(ints.size());
            return true;
        }
        if (ints.size() < limits.listpackEntries() && member.length <= limits.listpackValue()
                && widestInteger() <= limits.listpackValue()) {
            convertIntsToPack();
            pack.append(member);
        } else {
            convertToTable(ints.size() + 1L);
            table.add(member);
        }
        return true;
    }

    /** The digits (with any sign) of the intset's widest member: its smallest or its largest. */
    private int widestInteger() {
        int n = ints.size();
        if (n == 0) return 0;
        return Math.max(Numbers.digits(ints.get(0)), Numbers.digits(ints.get(n - 1)));
    }

    /** Removes {@code member}; true if it was there. */
    public boolean remove(byte[] member) {
        if (table != null) return table.remove(member);
        if (pack != null) {
            int p = pack.find(member);
            if (p < 0) return false;
            pack.removeAt(p);
            return true;
        }
        long v = asLong(member);
        return isLong(member, v) && ints.remove(v);
    }

    /**
     * Valkey's maybeConvertToIntset, for a result known to hold only integers (SINTERSTORE):
     * moves them into an intset unless there are more than the intset limit.
     */
    public void packIntegers(SetLimits limits) {
        if (ints != null || size() > limits.maxIntset()) return;
        IntSet is = new IntSet(size());
        for (int p = first(); p >= 0; p = next(p)) {
            byte[] m = member(p);
            long v = asLong(m);
            if (!isLong(m, v)) return; // not all integers after all: leave the set as it is
            is.add(v);
        }
        ints = is;
        pack = null;
        table = null;
    }

    /** Moves the members into a hash table sized for {@code expected} members. */
    private void convertToTable(long expected) {
        if (table != null) return;
        MemberTable t = new MemberTable(expected(Math.max(expected, size())));
        if (ints != null) {
            for (int i = 0; i < ints.size(); i++) t.insert(Numbers.longToBytes(ints.get(i)));
        } else {
            for (int p = pack.first(); p >= 0; p = pack.next(p)) t.insert(pack.memberAt(p));
        }
        table = t;
        ints = null;
        pack = null;
    }

    private void convertIntsToPack() {
        MemberPack p = new MemberPack(0);
        for (int i = 0; i < ints.size(); i++) p.append(Numbers.longToBytes(ints.get(i)));
        pack = p;
        ints = null;
    }

    // ---- positions ----------------------------------------------------------------------------

    /** The first position, or -1 when empty. */
    public int first() {
        if (ints != null) return ints.size() == 0 ? -1 : 0;
        return pack != null ? pack.first() : table.nextOccupied(0);
    }

    /** The position after {@code pos}, or -1. */
    public int next(int pos) {
        if (ints != null) return pos + 1 < ints.size() ? pos + 1 : -1;
        return pack != null ? pack.next(pos) : table.nextOccupied(pos + 1);
    }

    /** The integer at {@code pos} of an intset. */
    public long intAt(int pos) {
        return ints.get(pos);
    }

    /** The array holding the listpack's members (valid until the set changes). */
    public byte[] packBuffer() {
        return pack.buffer();
    }

    /** Where the bytes of the listpack member at {@code pos} start in {@link #packBuffer()}. */
    public int packOffset(int pos) {
        return pack.offsetAt(pos);
    }

    /** The length of the listpack member at {@code pos}. */
    public int packLength(int pos) {
        return pack.lengthAt(pos);
    }

    /** The member at {@code pos}: a new array for an intset or listpack, the stored one (do not modify) for a table. */
    public byte[] member(int pos) {
        if (ints != null) return Numbers.longToBytes(ints.get(pos));
        return pack != null ? pack.memberAt(pos) : table.entry(pos);
    }

    /** A position chosen uniformly at random, or -1 when empty. */
    public int randomPosition(RandomGenerator rnd) {
        if (ints != null) return ints.size() == 0 ? -1 : rnd.nextInt(ints.size());
        if (pack != null) return pack.size() == 0 ? -1 : pack.positionOf(rnd.nextInt(pack.size()));
        return table.randomPosition(rnd);
    }

    /** Removes the member at {@code pos}. */
    public void removeAt(int pos) {
        if (ints != null) ints.removeAt(pos);
        else if (pack != null) pack.removeAt(pos);
        else table.removeAt(pos);
    }

    /** One SSCAN step over the table encoding (an intset or listpack is reported whole); see EntryTable.scan. */
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
