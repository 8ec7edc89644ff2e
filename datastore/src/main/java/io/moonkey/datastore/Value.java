package io.moonkey.datastore;

/**
 * A value stored under a key. One final subclass family per data type; the next data types
 * (lists, hashes, sets, sorted sets, streams) are added to the {@code permits} clause.
 *
 * <p>The {@code access} word holds what Valkey keeps in its object header: either the LRU clock
 * of the last access (24 bits, seconds) or, under an LFU policy, 16 bits of minutes plus an 8-bit
 * logarithmic counter. It is the only mutable state common to all values.
 */
public abstract sealed class Value permits StringValue {
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
