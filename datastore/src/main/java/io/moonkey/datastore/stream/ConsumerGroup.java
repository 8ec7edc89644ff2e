package io.moonkey.datastore.stream;

import it.unimi.dsi.fastutil.objects.Object2ObjectAVLTreeMap;
import it.unimi.dsi.fastutil.objects.ObjectBidirectionalIterator;
import java.util.Arrays;
import java.util.Collection;

/**
 * A consumer group of a stream: the last ID delivered, the logical count of entries read (for
 * the lag), the pending entries list and the consumers in name order. Changes go through here so
 * the owning stream's memory estimate stays exact.
 */
public final class ConsumerGroup {
    /** entries-read when unknown (Valkey's SCG_INVALID_ENTRIES_READ). */
    public static final long UNKNOWN_ENTRIES_READ = -1;
    static final long HEAP_BYTES = 48 + 48 + 40;

    final Stream stream;
    final byte[] name;
    long lastMs, lastSeq;
    long entriesRead;
    final PendingList pending = new PendingList();
    final Object2ObjectAVLTreeMap<byte[], Consumer> consumers = new Object2ObjectAVLTreeMap<>(Arrays::compareUnsigned);

    ConsumerGroup(Stream stream, byte[] name, long lastMs, long lastSeq, long entriesRead) {
        this.stream = stream;
        this.name = name;
        this.lastMs = lastMs;
        this.lastSeq = lastSeq;
        this.entriesRead = entriesRead;
    }

    public byte[] name() {
        return name;
    }

    public long lastMs() {
        return lastMs;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long entriesRead() {
        return entriesRead;
    }

    public void setLastId(long ms, long seq) {
        lastMs = ms;
        lastSeq = seq;
    }

    public void setEntriesRead(long n) {
        entriesRead = n;
    }

    public PendingList pending() {
        return pending;
    }

    public int consumerCount() {
        return consumers.size();
    }

    /** The consumers in name order (byte-wise, as Valkey's radix tree). */
    public Collection<Consumer> consumers() {
        return consumers.values();
    }

    public Consumer consumer(byte[] name) {
        return consumers.get(name);
    }

    /** Creates a consumer; null if one with that name exists. */
    public Consumer createConsumer(byte[] name, long now) {
        if (consumers.containsKey(name)) return null;
        Consumer c = new Consumer(name, now);
        consumers.put(name, c);
        stream.account(Consumer.HEAP_BYTES + io.moonkey.datastore.Memory.byteArray(name.length));
        return c;
    }

    /** The consumer named {@code name}, created if missing. */
    public Consumer consumerOrCreate(byte[] name, long now) {
        Consumer c = consumers.get(name);
        return c != null ? c : createConsumer(name, now);
    }

    /** Deletes a consumer and drops its pending entries from the group; returns how many it had. */
    public int deleteConsumer(Consumer c) {
        int n = c.pending.size();
        for (ObjectBidirectionalIterator<PendingEntry> it = c.pending.iterator(); it.hasNext(); ) pending.remove(it.next());
        consumers.remove(c.name);
        stream.account(-(Consumer.HEAP_BYTES + io.moonkey.datastore.Memory.byteArray(c.name.length) + n * PendingEntry.HEAP_BYTES));
        return n;
    }

    /**
     * Records a delivery of entry (ms, seq) to {@code c} at {@code now}: a new pending entry, or
     * the existing one moved to {@code c} with its count reset to 1 (the group's position may
     * have been set back). Returns the pending entry.
     */
    public PendingEntry deliver(long ms, long seq, Consumer c, long now) {
        PendingEntry e = pending.get(ms, seq);
        if (e == null) {
            e = new PendingEntry(ms, seq, c, now, 1);
            pending.add(e);
            c.pending.add(e);
            stream.account(PendingEntry.HEAP_BYTES);
            return e;
        }
        e.consumer.pending.remove(e);
        e.consumer = c;
        e.deliveryTime = now;
        e.deliveryCount = 1;
        c.pending.add(e);
        return e;
    }

    /** Creates a pending entry owned by no consumer yet (XCLAIM ... FORCE); claim() assigns it. */
    public PendingEntry createUnowned(long ms, long seq, long now) {
        PendingEntry e = new PendingEntry(ms, seq, null, now, 1);
        pending.add(e);
        stream.account(PendingEntry.HEAP_BYTES);
        return e;
    }

    /** Moves a pending entry to consumer {@code c} (no-op if it owns it already). */
    public void claim(PendingEntry e, Consumer c) {
        if (e.consumer == c) return;
        if (e.consumer != null) e.consumer.pending.remove(e);
        e.consumer = c;
        c.pending.add(e);
    }

    /** Removes a pending entry from the group and its consumer (XACK, or its entry is gone). */
    public void remove(PendingEntry e) {
        pending.remove(e);
        if (e.consumer != null) e.consumer.pending.remove(e);
        stream.account(-PendingEntry.HEAP_BYTES);
    }

    /** Acknowledges entry (ms, seq); false if it was not pending. */
    public boolean ack(long ms, long seq) {
        PendingEntry e = pending.get(ms, seq);
        if (e == null) return false;
        remove(e);
        return true;
    }

    long heapBytes() {
        long b = HEAP_BYTES + io.moonkey.datastore.Memory.byteArray(name.length) + pending.size() * PendingEntry.HEAP_BYTES;
        for (Consumer c : consumers.values()) b += Consumer.HEAP_BYTES + io.moonkey.datastore.Memory.byteArray(c.name.length);
        return b;
    }

    /** A deep copy belonging to {@code owner}. */
    ConsumerGroup copy(Stream owner) {
        ConsumerGroup g = new ConsumerGroup(owner, name, lastMs, lastSeq, entriesRead);
        for (Consumer c : consumers.values()) g.consumers.put(c.name, new Consumer(c.name, c.seenTime));
        for (ObjectBidirectionalIterator<PendingEntry> it = pending.iterator(); it.hasNext(); ) {
            PendingEntry e = it.next();
            Consumer owner2 = e.consumer == null ? null : g.consumers.get(e.consumer.name);
            PendingEntry n = new PendingEntry(e.ms, e.seq, owner2, e.deliveryTime, e.deliveryCount);
            g.pending.add(n);
            if (owner2 != null) owner2.pending.add(n);
        }
        return g;
    }
}
