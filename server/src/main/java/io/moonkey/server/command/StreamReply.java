package io.moonkey.server.command;

import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
import io.moonkey.datastore.stream.StreamEntry;
import io.moonkey.datastore.stream.StreamId;
import io.moonkey.server.resp.ReplySink;

/**
 * Writes stream IDs and entries into replies without allocating: an ID is formatted into a
 * scratch buffer (the server runs commands on one thread), an entry is [id, [field, value, ...]].
 */
final class StreamReply {
    private final byte[] idText = new byte[StreamId.MAX_TEXT_LENGTH];

    void id(ReplySink out, long ms, long seq) {
        out.bulk(idText, 0, StreamId.format(ms, seq, idText));
    }

    void id(ReplySink out, StreamId id) {
        id(out, id.ms(), id.seq());
    }

    private final StreamEntry view = new StreamEntry();

    void entry(ReplySink out, StreamEntry e) {
        out.arrayHeader(2);
        id(out, e.ms(), e.seq());
        int n = e.size();
        out.arrayHeader(n);
        for (int k = 0; k < n; k++) out.bulk(e.buffer(k), e.offset(k), e.length(k));
    }

    /** Writes entry (ms, seq) of {@code s}; false (and nothing written) if there is no such entry. */
    boolean entry(ReplySink out, Stream s, long ms, long seq) {
        if (!s.read(ms, seq, view)) return false;
        entry(out, view);
        return true;
    }

    /** Number of live entries in [start, end] in the given direction, up to {@code count} (0 = all). */
    static int countRange(Stream s, StreamId start, StreamId end, boolean reverse, long count) {
        StreamCursor c = reverse ? s.range(start.ms(), start.seq(), end.ms(), end.seq(), true)
                : s.range(start.ms(), start.seq(), end.ms(), end.seq(), false);
        int n = 0;
        while ((count == 0 || n < count) && c.next()) n++;
        return n;
    }

    /** Writes the entries of [start, end] as an array, at most {@code count} (0 = all); returns how many. */
    int range(ReplySink out, Stream s, StreamId start, StreamId end, boolean reverse, long count) {
        int n = countRange(s, start, end, reverse, count);
        out.arrayHeader(n);
        StreamCursor c = s.range(start.ms(), start.seq(), end.ms(), end.seq(), reverse);
        for (int i = 0; i < n && c.next(); i++) entry(out, c.entry());
        return n;
    }
}
