package io.moonkey.datastore;

/**
 * A value stored under a key. One subclass family per data type: strings here, the collection
 * types each in their own package ({@code datastore.list}, {@code .hash}, {@code .set},
 * {@code .zset}, {@code .stream}). Not sealed, because a sealed class in the unnamed module can
 * only permit subclasses of its own package.
 *
 * <p>The {@code access} word holds what Valkey keeps in its object header: either the LRU clock
 * of the last access (24 bits, seconds) or, under an LFU policy, 16 bits of minutes plus an 8-bit
 * logarithmic counter. It is the only mutable state common to all values.
 */
public abstract class Value {
    int access;

    /** The type name TYPE reports. */
    public abstract ValueType type();

    /** The encoding name OBJECT ENCODING reports. */
    public abstract String encoding();

    /** An honest estimate of the heap bytes this value occupies (object headers included). */
    public abstract long memoryUsage();

    /** A copy that shares nothing mutable with this value (COPY, and the future mutable types). */
    public abstract Value duplicate();

    /** The raw access word (LRU clock or LFU state); see the class comment. */
    public int access() {
        return access;
    }

    public void setAccess(int access) {
        this.access = access;
    }
}
