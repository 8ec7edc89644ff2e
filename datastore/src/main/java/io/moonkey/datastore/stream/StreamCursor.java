package io.moonkey.datastore.stream;

/**
 * Walks the live entries of a stream whose IDs lie in an inclusive range, forward or backward:
 * {@code while (c.next()) use(c.entry())}. Valid until the stream changes.
 */
public final class StreamCursor {
    private final Stream stream;
    private final long startMs, startSeq, endMs, endSeq;
    private final boolean reverse;
    private int node;
    private int index;
    private StreamNode current;
    private boolean done;
    private StreamEntry entry; // made on first use: most cursors only look at IDs

    StreamCursor(Stream stream, long startMs, long startSeq, long endMs, long endSeq, boolean reverse) {
        this.stream = stream;
        this.startMs = startMs;
        this.startSeq = startSeq;
        this.endMs = endMs;
        this.endSeq = endSeq;
        this.reverse = reverse;
        if (stream.nodeCount() == 0 || StreamId.compare(startMs, startSeq, endMs, endSeq) > 0) {
            done = true;
            return;
        }
        if (reverse) {
            node = stream.nodeFor(endMs, endSeq);
            StreamNode n = stream.node(node);
            int i = n.lowerBound(endMs, endSeq);
            boolean exact = i < n.count && n.ms(i) == endMs && n.seq(i) == endSeq;
            index = exact ? i + 1 : i; // next() steps back first
        } else {
            node = stream.nodeFor(startMs, startSeq);
            index = stream.node(node).lowerBound(startMs, startSeq) - 1; // next() steps forward first
        }
    }

    /** Moves to the next entry in range; false when there is none. */
    public boolean next() {
        if (done) return false;
        if (reverse) {
            while (true) {
                index--;
                while (index < 0) {
                    if (--node < stream.firstNode()) return finish();
                    index = stream.node(node).count - 1;
                }
                StreamNode n = stream.node(node);
                if (StreamId.compare(n.ms(index), n.seq(index), startMs, startSeq) < 0) return finish();
                if (!n.isDeleted(index)) {
                    current = n;
                    return true;
                }
            }
        }
        while (true) {
            index++;
            StreamNode n = stream.node(node);
            while (index >= n.count) {
                if (++node >= stream.endNode()) return finish();
                n = stream.node(node);
                index = 0;
            }
            if (StreamId.compare(n.ms(index), n.seq(index), endMs, endSeq) > 0) return finish();
            if (!n.isDeleted(index)) {
                current = n;
                return true;
            }
        }
    }

    private boolean finish() {
        done = true;
        current = null;
        return false;
    }

    public long ms() {
        return current.ms(index);
    }

    public long seq() {
        return current.seq(index);
    }

    /** The current entry, viewed in place (the same view object each time). */
    public StreamEntry entry() {
        if (entry == null) entry = new StreamEntry();
        current.read(index, entry);
        return entry;
    }
}
