package io.moonkey.server.command;

import io.moonkey.datastore.Value;

/**
 * Reads the contents of collection values for whole-value operations (DEBUG DIGEST, and the
 * snapshot forms of replication and the AOF): one place that knows each collection's API.
 */
final class ValueContents {
    private ValueContents() {}

    /** Adds a collection's contents to a key's digest as Valkey's xorObjectDigest does. */
    static void digest(DatasetDigest dd, byte[] d, Value v) {
        // filled in per type as the collection types land
        dd.mix(d, v.type().typeName().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
