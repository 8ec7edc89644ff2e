package io.moonkey.datastore.set;

import io.moonkey.datastore.hash.EntryTable;

/** The "hashtable" encoding of a set: each member's array is an entry and its own key. */
final class MemberTable extends EntryTable {
    MemberTable(int expected) {
        super(expected);
    }

    @Override
    protected int keyOffset(byte[] entry) {
        return 0;
    }

    @Override
    protected int keyLength(byte[] entry) {
        return entry.length;
    }

    boolean contains(byte[] member) {
        return find(member, 0, member.length) >= 0;
    }

    /** Adds {@code member}, keeping the array itself; false if already present. */
    boolean add(byte[] member) {
        int at = locate(member, 0, member.length);
        if (at >= 0) return false;
        insertAt(at, member);
        return true;
    }

    boolean remove(byte[] member) {
        int pos = find(member, 0, member.length);
        if (pos < 0) return false;
        removeAt(pos);
        return true;
    }

    MemberTable copy() {
        MemberTable t = new MemberTable(size());
        for (int p = nextOccupied(0); p >= 0; p = nextOccupied(p + 1)) t.insert(entry(p).clone());
        return t;
    }
}
