package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.stream.Consumer;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.PendingEntry;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
import io.moonkey.datastore.stream.StreamId;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.objects.ObjectBidirectionalIterator;

/** XINFO STREAM [FULL], GROUPS, CONSUMERS and HELP: maps of 7.0's fields (arrays in RESP2). */
final class StreamInfoCommand {
    private final Server server;
    private final StreamReply reply = new StreamReply();

    StreamInfoCommand(Server server) {
        this.server = server;
    }

    void register(CommandTable t) {
        String g = "stream";
        // subcommands in the order redis-server 7.0.15 lists them (COMMAND INFO)
        t.add(new CommandSpec("xinfo", -2, "", g, "5.0.0", "A container for stream introspection commands.", null)
                .sub(new CommandSpec("consumers", 4, "readonly", g, "5.0.0", "Returns a list of the consumers in a consumer group.",
                        this::consumers).keys(KeySpec.range("RO ACCESS", 2, 0, 1)).acl("read", "stream", "slow"))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.",
                        this::help).acl("stream", "slow"))
                .sub(new CommandSpec("groups", 3, "readonly", g, "5.0.0", "Returns a list of the consumer groups of a stream.", this::groups)
                        .keys(KeySpec.range("RO ACCESS", 2, 0, 1)).acl("read", "stream", "slow"))
                .sub(new CommandSpec("stream", -3, "readonly", g, "5.0.0", "Returns information about a stream.", this::stream)
                        .keys(KeySpec.range("RO ACCESS", 2, 0, 1)).acl("read", "stream", "slow")));
    }

    private static Stream existing(Session s, byte[] key) {
        Stream st = StreamCommands.readStream(s.db(), key);
        if (st == null) throw new CommandError("ERR no such key");
        return st;
    }

    private static CommandError syntax(byte[][] argv) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1]) + "'. Try XINFO HELP.");
    }

    /** XINFO CONSUMERS key group: name, pending count and idle time of each consumer. */
    void consumers(Session s, byte[][] argv, ReplySink out) {
        Stream st = existing(s, argv[2]);
        ConsumerGroup g = st.group(argv[3]);
        if (g == null) {
            throw new CommandError("NOGROUP No such consumer group '" + latin1(argv[3]) + "' for key name '" + latin1(argv[2]) + "'");
        }
        long now = server.keyspace().now();
        out.arrayHeader(g.consumerCount());
        for (Consumer c : g.consumers()) {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(c.name());
            out.bulk("pending");
            out.integer(c.pending().size());
            out.bulk("idle");
            out.integer(Math.max(0, now - c.seenTime()));
        }
    }

    /** XINFO GROUPS key: each group's name, consumers, pending, last-delivered-id, entries-read and lag. */
    void groups(Session s, byte[][] argv, ReplySink out) {
        Stream st = existing(s, argv[2]);
        out.arrayHeader(st.groupCount());
        for (ConsumerGroup g : st.groups()) {
            out.mapHeader(6);
            out.bulk("name");
            out.bulk(g.name());
            out.bulk("consumers");
            out.integer(g.consumerCount());
            out.bulk("pending");
            out.integer(g.pending().size());
            out.bulk("last-delivered-id");
            reply.id(out, g.lastMs(), g.lastSeq());
            entriesReadAndLag(st, g, out);
        }
    }

    private static void entriesReadAndLag(Stream st, ConsumerGroup g, ReplySink out) {
        out.bulk("entries-read");
        if (g.entriesRead() != ConsumerGroup.UNKNOWN_ENTRIES_READ) out.integer(g.entriesRead());
        else out.nullBulk();
        out.bulk("lag");
        long lag = st.lag(g);
        if (lag == Long.MIN_VALUE) out.nullBulk();
        else out.integer(lag);
    }

    /** XINFO STREAM key [FULL [COUNT count]]: the stream's counters and first/last entry, or with FULL its entries and groups in detail. */
    void stream(Session s, byte[][] argv, ReplySink out) {
        Stream st = existing(s, argv[2]);
        boolean full = argv.length > 3;
        long count = 10;
        if (full) {
            if (!is(argv[3], "full")) throw syntax(argv);
            if (argv.length == 6) {
                if (!is(argv[4], "count")) throw syntax(argv);
                count = Arguments.parseLong(argv[5]);
                if (count < 0) count = 10;
            } else if (argv.length != 4) {
                throw syntax(argv);
            }
        }
        out.mapHeader(full ? 9 : 10);
        out.bulk("length");
        out.integer(st.length());
        out.bulk("radix-tree-keys");
        out.integer(st.nodeCount());
        out.bulk("radix-tree-nodes");
        out.integer(st.radixTreeNodes());
        out.bulk("last-generated-id");
        reply.id(out, st.lastMs(), st.lastSeq());
        out.bulk("max-deleted-entry-id");
        reply.id(out, st.maxDeletedMs(), st.maxDeletedSeq());
        out.bulk("entries-added");
        out.integer(st.entriesAdded());
        out.bulk("recorded-first-entry-id");
        reply.id(out, st.firstMs(), st.firstSeq());
        if (!full) {
            out.bulk("groups");
            out.integer(st.groupCount());
            out.bulk("first-entry");
            edgeEntry(st, false, out);
            out.bulk("last-entry");
            edgeEntry(st, true, out);
            return;
        }
        out.bulk("entries");
        reply.range(out, st, StreamId.ZERO, StreamId.MAX, false, count);
        out.bulk("groups");
        out.arrayHeader(st.groupCount());
        for (ConsumerGroup g : st.groups()) fullGroup(st, g, count, out);
    }

    private void edgeEntry(Stream st, boolean last, ReplySink out) {
        StreamCursor c = st.range(0, 0, -1L, -1L, last);
        if (c.next()) reply.entry(out, c.entry());
        else out.nullBulk();
    }

    private void fullGroup(Stream st, ConsumerGroup g, long count, ReplySink out) {
        out.mapHeader(7);
        out.bulk("name");
        out.bulk(g.name());
        out.bulk("last-delivered-id");
        reply.id(out, g.lastMs(), g.lastSeq());
        entriesReadAndLag(st, g, out);
        out.bulk("pel-count");
        out.integer(g.pending().size());
        out.bulk("pending");
        int n = (int) (count == 0 ? g.pending().size() : Math.min(count, g.pending().size()));
        out.arrayHeader(n);
        ObjectBidirectionalIterator<PendingEntry> it = g.pending().iterator();
        for (int i = 0; i < n; i++) {
            PendingEntry e = it.next();
            out.arrayHeader(4);
            reply.id(out, e.ms(), e.seq());
            out.bulk(e.consumer().name());
            out.integer(e.deliveryTime());
            out.integer(e.deliveryCount());
        }
        out.bulk("consumers");
        out.arrayHeader(g.consumerCount());
        for (Consumer c : g.consumers()) {
            out.mapHeader(4);
            out.bulk("name");
            out.bulk(c.name());
            out.bulk("seen-time");
            out.integer(c.seenTime());
            out.bulk("pel-count");
            out.integer(c.pending().size());
            out.bulk("pending");
            int m = (int) (count == 0 ? c.pending().size() : Math.min(count, c.pending().size()));
            out.arrayHeader(m);
            ObjectBidirectionalIterator<PendingEntry> ci = c.pending().iterator();
            for (int i = 0; i < m; i++) {
                PendingEntry e = ci.next();
                out.arrayHeader(3);
                reply.id(out, e.ms(), e.seq());
                out.integer(e.deliveryTime());
                out.integer(e.deliveryCount());
            }
        }
    }

    /** A HELP reply with the stream commands' footer ("Prints", where most commands say "Print"). */
    static void help(ReplySink out, String... lines) {
        out.arrayHeader(lines.length + 2);
        for (String l : lines) out.simple(l);
        out.simple("HELP");
        out.simple("    Prints this help.");
    }

    /** XINFO HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        help(out, "XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream.");
    }
}
