package io.moonkey.server.replication;

/**
 * The last repl-backlog-size bytes of the replication stream, in a ring, so a replica that lost
 * its link can continue (PSYNC answered +CONTINUE) instead of loading a new snapshot. Offsets
 * are the stream's: byte {@code firstOffset()} is the oldest held, the newest ends the master's
 * offset.
 */
final class ReplicationBacklog {
    private final byte[] ring;
    private int head; // where the next byte goes
    private long histlen;
    private long endOffset; // offset of the last byte written

    /** A backlog whose next byte will be stream offset {@code offset + 1}. */
    ReplicationBacklog(int size, long offset) {
        ring = new byte[Math.max(16 * 1024, size)];
        endOffset = offset;
    }

    int size() {
        return ring.length;
    }

    long histlen() {
        return histlen;
    }

    /** The offset of the oldest byte held (offset + 1 when empty, as Valkey reports it). */
    long firstOffset() {
        return endOffset - histlen + 1;
    }

    void add(byte[] b, int off, int len) {
        endOffset += len;
        if (len >= ring.length) { // only the tail fits
            System.arraycopy(b, off + len - ring.length, ring, 0, ring.length);
            head = 0;
            histlen = ring.length;
            return;
        }
        int first = Math.min(len, ring.length - head);
        System.arraycopy(b, off, ring, head, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        head = (head + len) % ring.length;
        histlen = Math.min(ring.length, histlen + len);
    }

    /** Whether the stream from {@code offset} on (up to the current end) is held. */
    boolean holds(long offset) {
        return offset >= firstOffset() && offset <= endOffset + 1;
    }

    /** The bytes from stream offset {@code offset} to the end. */
    byte[] from(long offset) {
        int n = (int) (endOffset + 1 - offset);
        byte[] out = new byte[n];
        int start = Math.floorMod(head - n, ring.length);
        int first = Math.min(n, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, n - first);
        return out;
    }
}
