package io.moonkey.server.command;

import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
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

    void entry(ReplySink out, long ms, long seq, byte[][] fieldsAndValues) {
        out.arrayHeader(2);
        id(out, ms, seq);
        out.arrayHeader(fieldsAndValues.length);
        for (byte[] b : fieldsAndValues) out.bulk(b);
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
        for (int i = 0; i < n && c.next(); i++) entry(out, c.ms(), c.seq(), c.fieldsAndValues());
        return n;
    }
}
