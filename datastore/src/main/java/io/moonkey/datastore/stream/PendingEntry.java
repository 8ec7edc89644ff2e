package io.moonkey.datastore.stream;

/**
 * An entry delivered to a consumer of a group and not yet acknowledged (Valkey's NACK): the same
 * object sits in the group's pending list and in its consumer's.
 */
public final class PendingEntry {
    /** Heap bytes of one pending entry and its two tree nodes. */
    static final long HEAP_BYTES = 48 + 2 * 40;

    long ms, seq; // fixed once stored; a list's lookup probe reuses its own instance
    Consumer consumer;
    long deliveryTime;
    long deliveryCount;

    PendingEntry(long ms, long seq, Consumer consumer, long deliveryTime, long deliveryCount) {
        this.ms = ms;
        this.seq = seq;
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = deliveryCount;
    }

    public long ms() {
        return ms;
    }

    public long seq() {
        return seq;
    }

    public Consumer consumer() {
        return consumer;
    }

    /** Unix ms of the last delivery. */
    public long deliveryTime() {
        return deliveryTime;
    }

    public long deliveryCount() {
        return deliveryCount;
    }

    public void setDeliveryTime(long t) {
        deliveryTime = t;
    }

    public void setDeliveryCount(long n) {
        deliveryCount = n;
    }
}
