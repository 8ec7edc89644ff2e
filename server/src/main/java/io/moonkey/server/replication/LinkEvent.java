package io.moonkey.server.replication;

/** What the master link thread hands to the execution thread, in the order it happened. */
sealed interface LinkEvent {
    /** The link's state for ROLE and INFO: connecting, handshake, sync. */
    record State(String state) implements LinkEvent {}

    /** A full synchronisation: the master's id and offset, and the snapshot to load. */
    record FullSync(String replId, long offset, byte[] rdb) implements LinkEvent {}

    /** A partial synchronisation: the stream continues from our offset (a new id if the master changed it). */
    record Continue(String newReplId) implements LinkEvent {}

    /** One command of the stream and its exact bytes (which count in the offset). */
    record Command(byte[][] argv, byte[] raw) implements LinkEvent {}

    /** The link broke (or could not be made); a new attempt follows. */
    record Lost(String reason) implements LinkEvent {}
}
