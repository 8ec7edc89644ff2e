package io.moonkey.datastore.stream;

import it.unimi.dsi.fastutil.objects.ObjectAVLTreeSet;
import it.unimi.dsi.fastutil.objects.ObjectBidirectionalIterator;
import java.util.Comparator;

/** Pending entries ordered by ID (a group's PEL, or one consumer's). */
public final class PendingList {
    private static final Comparator<PendingEntry> BY_ID = (a, b) -> StreamId.compare(a.ms, a.seq, b.ms, b.seq);

    private final ObjectAVLTreeSet<PendingEntry> entries = new ObjectAVLTreeSet<>(BY_ID);
    private final PendingEntry probe = new PendingEntry(0, 0, null, 0, 0);

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The pending entry with this ID, or null. */
    public PendingEntry get(long ms, long seq) {
        probe.ms = ms;
        probe.seq = seq;
        return entries.get(probe);
    }

    void add(PendingEntry e) {
        entries.add(e);
    }

    void remove(PendingEntry e) {
        entries.remove(e);
    }

    public PendingEntry first() {
        return entries.isEmpty() ? null : entries.first();
    }

    public PendingEntry last() {
        return entries.isEmpty() ? null : entries.last();
    }

    /** Iterates the entries with ID >= (ms, seq) in ID order. */
    public ObjectBidirectionalIterator<PendingEntry> from(long ms, long seq) {
        PendingEntry probe = new PendingEntry(ms, seq, null, 0, 0);
        ObjectBidirectionalIterator<PendingEntry> it = entries.iterator(probe);
        if (it.hasPrevious()) {
            PendingEntry p = it.previous();
            if (p.ms != ms || p.seq != seq) it.next();
        }
        return it;
    }

    /** Iterates all entries in ID order. */
    public ObjectBidirectionalIterator<PendingEntry> iterator() {
        return entries.iterator();
    }
}
