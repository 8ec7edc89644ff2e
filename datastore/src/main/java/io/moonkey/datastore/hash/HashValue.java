package io.moonkey.datastore.hash;

import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A hash: field/value pairs, in a {@link ListPack} while small and in a {@link FieldTable} once
 * the commands decide it has outgrown that (Valkey never converts back). Reading goes through
 * positions ({@link #find}, {@link #first}/{@link #next}) and the array, offset and length of the
 * field or value at a position, so replies are written straight from the stored bytes.
 */
public final class HashValue extends Value {
    /** Object header, the access word and two references. */
    private static final int OBJECT_BYTES = 24;
    /** A ListPack object: header, one reference, two ints. */
    private static final int PACK_OBJECT_BYTES = 24;
    /** An EntryTable object: header, two references, three ints, a long and a byte. */
    private static final int TABLE_OBJECT_BYTES = 48;

    private ListPack pack;
    private FieldTable table;

    public HashValue() {
        pack = new ListPack();
    }

    private HashValue(ListPack pack, FieldTable table) {
        this.pack = pack;
        this.table = table;
    }

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public String encoding() {
        return pack != null ? "listpack" : "hashtable";
    }

    @Override
    public long memoryUsage() {
        return pack != null ? OBJECT_BYTES + PACK_OBJECT_BYTES + pack.arrayBytes()
                : OBJECT_BYTES + TABLE_OBJECT_BYTES + table.heapBytes();
    }

    @Override
    public HashValue duplicate() {
        return pack != null ? new HashValue(pack.copy(), null) : new HashValue(null, table.copy());
    }

    public boolean isListPack() {
        return pack != null;
    }

    /** Number of fields. */
    public int size() {
        return pack != null ? pack.pairs() : table.size();
    }

    /** Moves the pairs into a hash table (insertion order is then lost, as in Valkey). */
    public void convertToTable() {
        if (pack == null) return;
        FieldTable t = new FieldTable(pack.pairs());
        byte[] b = pack.buffer();
        for (int p = pack.first(); p >= 0; p = pack.next(p)) {
            t.insert(FieldTable.pack(b, pack.fieldOffset(p), pack.fieldLength(p), b, pack.valueOffset(p), pack.valueLength(p)));
        }
        table = t;
        pack = null;
    }

    // ---- positions ----------------------------------------------------------------------------

    /** The position of {@code field}, or -1. */
    public int find(byte[] field) {
        return pack != null ? pack.find(field) : table.find(field, 0, field.length);
    }

    /** The first position, or -1 when empty. */
    public int first() {
        return pack != null ? pack.first() : table.nextOccupied(0);
    }

    /** The position after {@code pos}, or -1. */
    public int next(int pos) {
        return pack != null ? pack.next(pos) : table.nextOccupied(pos + 1);
    }

    /** The array holding the field and value at {@code pos}. */
    public byte[] array(int pos) {
        return pack != null ? pack.buffer() : table.entry(pos);
    }

    public int fieldOffset(int pos) {
        return pack != null ? pack.fieldOffset(pos) : Varint.sizeAt(table.entry(pos), 0);
    }

    public int fieldLength(int pos) {
        return pack != null ? pack.fieldLength(pos) : Varint.read(table.entry(pos), 0);
    }

    public int valueOffset(int pos) {
        return pack != null ? pack.valueOffset(pos) : FieldTable.valueOffset(table.entry(pos));
    }

    public int valueLength(int pos) {
        if (pack != null) return pack.valueLength(pos);
        byte[] e = table.entry(pos);
        return e.length - FieldTable.valueOffset(e);
    }

    /** A copy of the field at {@code pos}. */
    public byte[] field(int pos) {
        int off = fieldOffset(pos);
        return java.util.Arrays.copyOfRange(array(pos), off, off + fieldLength(pos));
    }

    /** A copy of the value at {@code pos}. */
    public byte[] value(int pos) {
        int off = valueOffset(pos);
        return java.util.Arrays.copyOfRange(array(pos), off, off + valueLength(pos));
    }

    /** A random position (uniform over the fields), or -1 when empty. */
    public int randomPosition(RandomGenerator rnd) {
        if (pack != null) return pack.pairs() == 0 ? -1 : pack.positionOf(rnd.nextInt(pack.pairs()));
        return table.randomPosition(rnd);
    }

    /**
     * One step of HSCAN over the hash table encoding: visits some positions and returns the next
     * cursor (0 at the end). Only for the table encoding; a listpack is reported whole.
     */
    public long scan(long cursor, IntConsumer visit) {
        return table.scan(cursor, visit);
    }

    // ---- changes --------------------------------------------------------------------------------

    /** Sets {@code field} to {@code value} (arrays are copied); true if the field is new. */
    public boolean set(byte[] field, byte[] value) {
        if (pack == null) return table.put(field, value);
        int pos = pack.find(field);
        if (pos >= 0) {
            pack.replaceValue(pos, value);
            return false;
        }
        pack.append(field, value);
        return true;
    }

    /** Removes {@code field}; true if it was there. */
    public boolean remove(byte[] field) {
        int pos = find(field);
        if (pos < 0) return false;
        if (pack != null) pack.remove(pos);
        else table.removeAt(pos);
        return true;
    }
}
