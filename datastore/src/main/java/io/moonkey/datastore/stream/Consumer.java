package io.moonkey.datastore.stream;

/** A named consumer of a group: when it was last seen and the entries pending for it. */
public final class Consumer {
    /** Heap bytes of a consumer besides its name, with its tree node in the group. */
    static final long HEAP_BYTES = 32 + 48 + 40;

    final byte[] name;
    long seenTime;
    final PendingList pending = new PendingList();

    Consumer(byte[] name, long seenTime) {
        this.name = name;
        this.seenTime = seenTime;
    }

    public byte[] name() {
        return name;
    }

    /** Unix ms when the consumer last read or claimed (XINFO's seen-time and idle). */
    public long seenTime() {
        return seenTime;
    }

    public void setSeenTime(long t) {
        seenTime = t;
    }

    public PendingList pending() {
        return pending;
    }
}
