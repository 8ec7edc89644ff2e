package io.moonkey.datastore.zset;

/**
 * A position in a sorted set's order, for walking a range forwards or backwards without looking
 * each entry up again. Valid until the set is changed.
 */
public final class EntryCursor {
    RankedTree.Leaf leaf;
    int index;

    EntryCursor() {}

    public byte[] member() {
        return leaf.members[index];
    }

    public double score() {
        return leaf.scores[index];
    }

    /** Moves to the next entry in ascending order. */
    public void next() {
        if (++index >= leaf.count && leaf.next != null) {
            leaf = leaf.next;
            index = 0;
        }
    }

    /** Moves to the previous entry in ascending order. */
    public void prev() {
        if (--index < 0 && leaf.prev != null) {
            leaf = leaf.prev;
            index = leaf.count - 1;
        }
    }
}
