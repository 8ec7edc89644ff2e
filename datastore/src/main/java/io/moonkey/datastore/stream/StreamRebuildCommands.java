package io.moonkey.datastore.stream;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The commands that rebuild a stream, as Valkey's AOF rewrite writes them: one XADD per entry
 * (an empty stream is made with XADD ... MAXLEN 0), XSETID with the counters, then per group
 * XGROUP CREATE ... ENTRIESREAD, its consumers, and an XCLAIM ... FORCE per pending entry.
 */
public final class StreamRebuildCommands {
    private StreamRebuildCommands() {}

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] b(long v) {
        return b(Long.toString(v));
    }

    public static void forEach(byte[] key, Stream s, Consumer<byte[][]> out) {
        byte[] xadd = b("XADD");
        if (s.length() > 0) {
            StreamCursor c = s.all();
            while (c.next()) {
                StreamEntry e = c.entry();
                byte[][] argv = new byte[3 + e.size()][];
                argv[0] = xadd;
                argv[1] = key;
                argv[2] = StreamId.toBytes(e.ms(), e.seq());
                byte[][] fv = e.toArrays();
                System.arraycopy(fv, 0, argv, 3, fv.length);
                out.accept(argv);
            }
        } else {
            out.accept(new byte[][] {xadd, key, b("MAXLEN"), b("0"), b("0-1"), b("x"), b("y")});
        }
        out.accept(new byte[][] {b("XSETID"), key, StreamId.toBytes(s.lastMs(), s.lastSeq()), b("ENTRIESADDED"), b(s.entriesAdded()),
            b("MAXDELETEDID"), StreamId.toBytes(s.maxDeletedMs(), s.maxDeletedSeq())});
        for (ConsumerGroup g : s.groups()) {
            out.accept(new byte[][] {b("XGROUP"), b("CREATE"), key, g.name(), StreamId.toBytes(g.lastMs(), g.lastSeq()), b("ENTRIESREAD"),
                b(g.entriesRead())});
            for (io.moonkey.datastore.stream.Consumer c : g.consumers()) {
                out.accept(new byte[][] {b("XGROUP"), b("CREATECONSUMER"), key, g.name(), c.name()});
                for (var it = c.pending().iterator(); it.hasNext(); ) {
                    PendingEntry p = it.next();
                    out.accept(new byte[][] {b("XCLAIM"), key, g.name(), c.name(), b("0"), StreamId.toBytes(p.ms(), p.seq()), b("TIME"),
                        b(p.deliveryTime()), b("RETRYCOUNT"), b(p.deliveryCount()), b("JUSTID"), b("FORCE")});
                }
            }
        }
    }
}
