package io.moonkey.datastore.hash;

/**
 * The "hashtable" encoding of a hash: one array per pair, {@code [Varint field length][field][value]}
 * (the value runs to the end of the array), in an {@link EntryTable} keyed by the field.
 */
final class FieldTable extends EntryTable {
    FieldTable(int expected) {
        super(expected);
    }

    @Override
    protected int keyOffset(byte[] entry) {
        return Varint.sizeAt(entry, 0);
    }

    @Override
    protected int keyLength(byte[] entry) {
        return Varint.read(entry, 0);
    }

    static byte[] pack(byte[] field, int foff, int flen, byte[] value, int voff, int vlen) {
        byte[] e = new byte[Varint.size(flen) + flen + vlen];
        int p = Varint.write(e, 0, flen);
        System.arraycopy(field, foff, e, p, flen);
        System.arraycopy(value, voff, e, p + flen, vlen);
        return e;
    }

    static int valueOffset(byte[] entry) {
        return Varint.sizeAt(entry, 0) + Varint.read(entry, 0);
    }

    /** Sets {@code field} to {@code value}; true if the field is new. */
    boolean put(byte[] field, byte[] value) {
        int at = locate(field, 0, field.length);
        byte[] e = pack(field, 0, field.length, value, 0, value.length);
        if (at >= 0) {
            replace(at, e);
            return false;
        }
        insertAt(at, e);
        return true;
    }

    FieldTable copy() {
        FieldTable t = new FieldTable(size());
        for (int p = nextOccupied(0); p >= 0; p = nextOccupied(p + 1)) t.insert(entry(p).clone());
        return t;
    }
}
