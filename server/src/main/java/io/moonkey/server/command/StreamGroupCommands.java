package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.stream.Consumer;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.PendingEntry;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamId;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import it.unimi.dsi.fastutil.objects.ObjectBidirectionalIterator;
import java.util.Locale;

/** Consumer groups: XGROUP and its subcommands, XACK, XPENDING, XCLAIM, XAUTOCLAIM. */
final class StreamGroupCommands {
    private final Server server;
    private final StreamReply reply = new StreamReply();

    StreamGroupCommands(Server server) {
        this.server = server;
    }

    void register(CommandTable t) {
        String g = "stream";
        // subcommands in the order redis-server 7.0.15 lists them (COMMAND INFO)
        t.add(new CommandSpec("xgroup", -2, "", g, "5.0.0", "A container for consumer groups commands.", null)
                .sub(new CommandSpec("delconsumer", 5, "write", g, "5.0.0", "Deletes a consumer from a consumer group.",
                        this::xgroupDelconsumer).keys(KeySpec.range("RW DELETE", 2, 0, 1)).acl("write", "stream", "slow"))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.",
                        this::xgroupHelp).acl("stream", "slow"))
                .sub(new CommandSpec("createconsumer", 5, "write denyoom", g, "6.2.0", "Creates a consumer in a consumer group.",
                        this::xgroupCreateconsumer).keys(KeySpec.range("RW INSERT", 2, 0, 1)).acl("write", "stream", "slow"))
                .sub(new CommandSpec("setid", -5, "write", g, "5.0.0", "Sets the last-delivered ID of a consumer group.", this::xgroupSetid)
                        .keys(KeySpec.range("RW UPDATE", 2, 0, 1)).acl("write", "stream", "slow"))
                .sub(new CommandSpec("create", -5, "write denyoom", g, "5.0.0", "Creates a consumer group.", this::xgroupCreate)
                        .keys(KeySpec.range("RW INSERT", 2, 0, 1)).acl("write", "stream", "slow"))
                .sub(new CommandSpec("destroy", 4, "write", g, "5.0.0", "Destroys a consumer group.", this::xgroupDestroy)
                        .keys(KeySpec.range("RW DELETE", 2, 0, 1)).acl("write", "stream", "slow")));
        t.add(new CommandSpec("xack", -4, "write fast", g, "5.0.0",
                "Returns the number of messages that were successfully acknowledged by the consumer group member of a stream.", this::xack)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)).acl("write", "stream", "fast"));
        t.add(new CommandSpec("xpending", -3, "readonly", g, "5.0.0",
                "Returns the information and entries from a stream consumer group's pending entries list.", this::xpending)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "stream", "slow"));
        t.add(new CommandSpec("xclaim", -6, "write fast", g, "5.0.0",
                "Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member.",
                this::xclaim).keys(KeySpec.range("RW UPDATE", 1, 0, 1)).acl("write", "stream", "fast"));
        t.add(new CommandSpec("xautoclaim", -6, "write fast", g, "6.2.0",
                "Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member.",
                this::xautoclaim).keys(KeySpec.range("RW DELETE", 1, 0, 1)).acl("write", "stream", "fast"));
    }

    // ---- XGROUP ---------------------------------------------------------------------------------

    private static CommandError subcommandSyntax(byte[][] argv) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1]) + "'. Try "
                + latin1(argv[0]).toUpperCase(Locale.ROOT) + " HELP.");
    }

    /** The stream of an XGROUP subcommand, which must exist (else Valkey's hint about MKSTREAM). */
    private static Stream groupTarget(Database db, byte[][] argv, boolean mayCreate) {
        Stream st = StreamCommands.writeStream(db, argv[2]);
        if (st == null && !mayCreate) {
            throw new CommandError("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use "
                    + "the MKSTREAM option to create an empty stream automatically.");
        }
        return st;
    }

    private static ConsumerGroup existingGroup(Stream st, byte[][] argv) {
        ConsumerGroup g = st.group(argv[3]);
        if (g == null) {
            throw new CommandError("NOGROUP No such consumer group '" + latin1(argv[3]) + "' for key name '" + latin1(argv[2]) + "'");
        }
        return g;
    }

    private static long entriesReadArg(byte[] arg) {
        long n = Arguments.parseLong(arg);
        if (n < 0 && n != ConsumerGroup.UNKNOWN_ENTRIES_READ) throw new CommandError("ERR value for ENTRIESREAD must be positive or -1");
        return n;
    }

    /** XGROUP CREATE key group id | $ [MKSTREAM] [ENTRIESREAD entries-read]: creates a group positioned at the ID. */
    void xgroupCreate(Session s, byte[][] argv, ReplySink out) {
        boolean mkstream = false;
        long entriesRead = ConsumerGroup.UNKNOWN_ENTRIES_READ;
        for (int i = 5; i < argv.length; ) {
            if (is(argv[i], "mkstream")) {
                mkstream = true;
                i++;
            } else if (is(argv[i], "entriesread") && i + 1 < argv.length) {
                entriesRead = entriesReadArg(argv[i + 1]);
                i += 2;
            } else {
                throw subcommandSyntax(argv);
            }
        }
        Database db = s.db();
        Stream st = groupTarget(db, argv, mkstream);
        if (argv.length > 8) throw subcommandSyntax(argv);
        StreamId id;
        if (argv[4].length == 1 && argv[4][0] == '$') {
            id = st == null ? StreamId.ZERO : new StreamId(st.lastMs(), st.lastSeq());
        } else {
            id = StreamIdArgs.parse(argv[4], 0, true);
        }
        boolean created = st == null;
        if (created) st = new Stream();
        long before = st.memoryUsage();
        if (st.group(argv[3]) != null) {
            if (created) db.put(argv[2], st, false);
            throw new CommandError("BUSYGROUP Consumer Group name already exists");
        }
        st.createGroup(argv[3], id.ms(), id.seq(), entriesRead);
        if (created) db.put(argv[2], st, false);
        else db.resized(argv[2], st.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xgroup-create", argv[2]);
        out.ok();
    }

    /** XGROUP SETID key group id | $ [ENTRIESREAD entries-read]: moves the group's last delivered ID. */
    void xgroupSetid(Session s, byte[][] argv, ReplySink out) {
        long entriesRead = ConsumerGroup.UNKNOWN_ENTRIES_READ;
        for (int i = 5; i < argv.length; ) {
            if (is(argv[i], "entriesread") && i + 1 < argv.length) {
                entriesRead = entriesReadArg(argv[i + 1]);
                i += 2;
            } else {
                throw subcommandSyntax(argv);
            }
        }
        Database db = s.db();
        Stream st = groupTarget(db, argv, false);
        ConsumerGroup g = existingGroup(st, argv);
        if (argv.length != 5 && argv.length != 7) throw subcommandSyntax(argv);
        StreamId id;
        if (argv[4].length == 1 && argv[4][0] == '$') id = new StreamId(st.lastMs(), st.lastSeq());
        else id = StreamIdArgs.parse(argv[4], 0, false);
        g.setLastId(id.ms(), id.seq());
        g.setEntriesRead(entriesRead);
        db.modified(argv[2]);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xgroup-setid", argv[2]);
        out.ok();
    }

    /** XGROUP DESTROY key group: 1 if the group existed. */
    void xgroupDestroy(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        Stream st = groupTarget(db, argv, false);
        long before = st.memoryUsage();
        if (!st.destroyGroup(argv[3])) {
            out.integer(0);
            return;
        }
        db.resized(argv[2], st.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xgroup-destroy", argv[2]);
        server.blocked().signalKeyReady(db, argv[2]); // readers blocked on the group learn it is gone
        out.integer(1);
    }

    /** XGROUP CREATECONSUMER key group consumer: 1 if created, 0 if it existed. */
    void xgroupCreateconsumer(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        Stream st = groupTarget(db, argv, false);
        ConsumerGroup g = existingGroup(st, argv);
        long before = st.memoryUsage();
        if (g.createConsumer(argv[4], server.keyspace().now()) == null) {
            out.integer(0);
            return;
        }
        db.resized(argv[2], st.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xgroup-createconsumer", argv[2]);
        out.integer(1);
    }

    /** XGROUP DELCONSUMER key group consumer: deletes it; replies how many entries it had pending. */
    void xgroupDelconsumer(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        Stream st = groupTarget(db, argv, false);
        ConsumerGroup g = existingGroup(st, argv);
        Consumer c = g.consumer(argv[4]);
        if (c == null) {
            out.integer(0);
            return;
        }
        long before = st.memoryUsage();
        int pending = g.deleteConsumer(c);
        db.resized(argv[2], st.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xgroup-delconsumer", argv[2]);
        out.integer(pending);
    }

    /** XGROUP HELP. */
    void xgroupHelp(Session s, byte[][] argv, ReplySink out) {
        StreamInfoCommand.help(out, "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CREATE <key> <groupname> <id|$> [option]",
                "    Create a new consumer group. Options are:",
                "    * MKSTREAM",
                "      Create the empty stream if it does not exist.",
                "    * ENTRIESREAD entries_read",
                "      Set the group's entries_read counter (internal use).",
                "CREATECONSUMER <key> <groupname> <consumer>",
                "    Create a new consumer in the specified group.",
                "DELCONSUMER <key> <groupname> <consumer>",
                "    Remove the specified consumer.",
                "DESTROY <key> <groupname>",
                "    Remove the specified group.",
                "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                "    Set the current group ID and entries_read counter.");
    }

    // ---- acknowledging and inspecting -----------------------------------------------------------

    /** The stream and group a command names, or null when either is missing; WRONGTYPE for another type. */
    private static ConsumerGroup lookupGroup(Database db, byte[] key, byte[] group) {
        Stream st = StreamCommands.readStream(db, key);
        return st == null ? null : st.group(group);
    }

    private static CommandError noGroup(byte[][] argv) {
        return new CommandError("NOGROUP No such key '" + latin1(argv[1]) + "' or consumer group '" + latin1(argv[2]) + "'");
    }

    /** XACK key group id [id ...]: removes the IDs from the group's pending list; replies how many were pending. */
    void xack(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        ConsumerGroup g = lookupGroup(db, argv[1], argv[2]);
        if (g == null) {
            out.integer(0);
            return;
        }
        StreamId[] ids = new StreamId[argv.length - 3];
        for (int j = 3; j < argv.length; j++) ids[j - 3] = StreamIdArgs.parse(argv[j], 0, true);
        Stream st = (Stream) db.lookup(argv[1], Database.NO_STATS | Database.NO_TOUCH);
        long before = st.memoryUsage();
        int acked = 0;
        for (StreamId id : ids) if (g.ack(id.ms(), id.seq())) acked++;
        if (acked > 0) {
            db.resized(argv[1], st.memoryUsage() - before);
            s.dirty(acked);
        }
        out.integer(acked);
    }

    /**
     * XPENDING key group [[IDLE min-idle-time] start end count [consumer]]: the summary (count,
     * smallest and greatest ID, count per consumer), or the pending entries in a range.
     */
    void xpending(Session s, byte[][] argv, ReplySink out) {
        boolean summary = argv.length == 3;
        if (!summary && (argv.length < 6 || argv.length > 9)) throw new CommandError(Arguments.SYNTAX);
        long minIdle = 0, count = 0;
        StreamId start = null, end = null;
        byte[] consumerName = null;
        if (argv.length >= 6) {
            int at = 3;
            if (is(argv[3], "idle")) {
                minIdle = Arguments.parseLong(argv[4]);
                if (argv.length < 8) throw new CommandError(Arguments.SYNTAX);
                at += 2;
            }
            count = Math.max(0, Arguments.parseLong(argv[at + 2]));
            start = StreamIdArgs.intervalStart(argv[at]);
            end = StreamIdArgs.intervalEnd(argv[at + 1]);
            if (at + 3 < argv.length) consumerName = argv[at + 3];
        }
        ConsumerGroup g = lookupGroup(s.db(), argv[1], argv[2]);
        if (g == null) throw noGroup(argv);
        if (summary) {
            pendingSummary(g, out);
            return;
        }
        ObjectBidirectionalIterator<PendingEntry> it;
        if (consumerName != null) {
            Consumer c = g.consumer(consumerName);
            if (c == null) {
                out.arrayHeader(0);
                return;
            }
            it = c.pending().from(start.ms(), start.seq());
        } else {
            it = g.pending().from(start.ms(), start.seq());
        }
        long now = server.keyspace().now();
        ObjectArrayList<PendingEntry> found = new ObjectArrayList<>();
        while (count > 0 && it.hasNext()) {
            PendingEntry e = it.next();
            if (end.compareTo(e.ms(), e.seq()) < 0) break;
            if (minIdle != 0 && now - e.deliveryTime() < minIdle) continue;
            found.add(e);
            count--;
        }
        out.arrayHeader(found.size());
        for (PendingEntry e : found) {
            out.arrayHeader(4);
            reply.id(out, e.ms(), e.seq());
            out.bulk(e.consumer().name());
            out.integer(Math.max(0, now - e.deliveryTime()));
            out.integer(e.deliveryCount());
        }
    }

    private void pendingSummary(ConsumerGroup g, ReplySink out) {
        out.arrayHeader(4);
        out.integer(g.pending().size());
        if (g.pending().isEmpty()) {
            out.nullBulk();
            out.nullBulk();
            out.nullArray();
            return;
        }
        PendingEntry first = g.pending().first(), last = g.pending().last();
        reply.id(out, first.ms(), first.seq());
        reply.id(out, last.ms(), last.seq());
        int withPending = 0;
        for (Consumer c : g.consumers()) if (!c.pending().isEmpty()) withPending++;
        out.arrayHeader(withPending);
        for (Consumer c : g.consumers()) {
            if (c.pending().isEmpty()) continue;
            out.arrayHeader(2);
            out.bulk(c.name());
            out.bulk(Arguments.bytes(c.pending().size()));
        }
    }

    // ---- claiming -------------------------------------------------------------------------------

    /**
     * XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-time-milliseconds]
     * [RETRYCOUNT count] [FORCE] [JUSTID] [LASTID lastid]: moves pending entries idle at least
     * min-idle-time to the consumer; replies the entries (or IDs) claimed.
     */
    void xclaim(Session s, byte[][] argv, ReplySink out) {
        s.preventPropagation(); // replicas get one XCLAIM per entry, in its final form
        Database db = s.db();
        byte[] key = argv[1];
        Stream st = StreamCommands.readStream(db, key);
        ConsumerGroup g = st == null ? null : st.group(argv[2]);
        if (g == null) throw noGroup(argv);
        long minIdle = Math.max(0, Arguments.parseLong(argv[4], "ERR Invalid min-idle-time argument for XCLAIM"));
        int j = 5;
        while (j < argv.length && StreamIdArgs.parseOrNull(argv[j]) != null) j++;
        int lastIdArg = j - 1;
        long now = server.keyspace().now();
        long deliveryTime = -1, retryCount = -1;
        boolean force = false, justId = false;
        StreamId lastId = StreamId.ZERO;
        for (; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            byte[] o = argv[j];
            if (is(o, "force")) {
                force = true;
            } else if (is(o, "justid")) {
                justId = true;
            } else if (is(o, "idle") && more) {
                deliveryTime = now - Arguments.parseLong(argv[++j], "ERR Invalid IDLE option argument for XCLAIM");
            } else if (is(o, "time") && more) {
                deliveryTime = Arguments.parseLong(argv[++j], "ERR Invalid TIME option argument for XCLAIM");
            } else if (is(o, "retrycount") && more) {
                retryCount = Arguments.parseLong(argv[++j], "ERR Invalid RETRYCOUNT option argument for XCLAIM");
            } else if (is(o, "lastid") && more) {
                lastId = StreamIdArgs.parse(argv[++j], 0, true);
            } else {
                throw new CommandError("ERR Unrecognized XCLAIM option '" + latin1(o) + "'");
            }
        }
        long before = st.memoryUsage();
        boolean propagateLastId = false;
        if (lastId.compareTo(g.lastMs(), g.lastSeq()) > 0) {
            g.setLastId(lastId.ms(), lastId.seq());
            propagateLastId = true;
        }
        if (deliveryTime != -1) {
            if (deliveryTime < 0 || deliveryTime > now) deliveryTime = now; // bogus client clocks are not an error
        } else {
            deliveryTime = now;
        }
        boolean propagate = server.propagation().active();
        Consumer consumer = null;
        ObjectArrayList<PendingEntry> claimed = new ObjectArrayList<>();
        for (int k = 5; k <= lastIdArg; k++) {
            StreamId id = StreamIdArgs.parse(argv[k], 0, true);
            PendingEntry e = g.pending().get(id.ms(), id.seq());
            if (!st.contains(id.ms(), id.seq())) {
                if (e != null) { // the entry is gone: so goes its pending record
                    if (propagate) s.alsoPropagate(StreamReadCommands.claimForm(key, g, argv[k], e));
                    propagateLastId = false;
                    s.dirty();
                    g.remove(e);
                }
                continue;
            }
            if (force && e == null) e = g.createUnowned(id.ms(), id.seq(), now);
            if (e == null) continue;
            if (e.consumer() != null && minIdle != 0 && now - e.deliveryTime() < minIdle) continue;
            if (consumer == null) {
                consumer = g.consumerOrCreate(argv[3], now);
                consumer.setSeenTime(now);
            }
            g.claim(e, consumer);
            e.setDeliveryTime(deliveryTime);
            if (retryCount >= 0) e.setDeliveryCount(retryCount);
            else if (!justId) e.setDeliveryCount(e.deliveryCount() + 1);
            claimed.add(e);
            if (propagate) s.alsoPropagate(StreamReadCommands.claimForm(key, g, argv[k], e));
            propagateLastId = false;
            s.dirty();
        }
        if (propagateLastId) {
            if (propagate) s.alsoPropagate(StreamReadCommands.setIdForm(key, g));
            s.dirty();
        }
        db.resized(key, st.memoryUsage() - before);
        out.arrayHeader(claimed.size());
        for (PendingEntry e : claimed) {
            if (justId) reply.id(out, e.ms(), e.seq());
            else reply.entry(out, st, e.ms(), e.seq());
        }
    }

    /**
     * XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]: claims up to count
     * pending entries idle long enough, scanning from start; replies [next cursor, claimed entries,
     * IDs of pending entries whose entry was deleted (dropped from the pending list)].
     */
    void xautoclaim(Session s, byte[][] argv, ReplySink out) {
        s.preventPropagation();
        long minIdle = Math.max(0, Arguments.parseLong(argv[4], "ERR Invalid min-idle-time argument for XAUTOCLAIM"));
        StreamId start = StreamIdArgs.intervalStart(argv[5]);
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < argv.length; j++) {
            if (is(argv[j], "count") && j + 1 < argv.length) {
                count = Arguments.parseLong(argv[j + 1], "ERR COUNT must be > 0");
                if (count < 1 || count > Long.MAX_VALUE / 10) throw new CommandError("ERR COUNT must be > 0");
                j++;
            } else if (is(argv[j], "justid")) {
                justId = true;
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        Database db = s.db();
        byte[] key = argv[1];
        Stream st = StreamCommands.readStream(db, key);
        ConsumerGroup g = st == null ? null : st.group(argv[2]);
        if (g == null) throw noGroup(argv);
        long before = st.memoryUsage();
        long attempts = count * 10;
        long now = server.keyspace().now();
        boolean propagate = server.propagation().active();
        Consumer consumer = null;
        ObjectArrayList<PendingEntry> claimed = new ObjectArrayList<>();
        ObjectArrayList<PendingEntry> deleted = new ObjectArrayList<>();
        ObjectBidirectionalIterator<PendingEntry> it = g.pending().from(start.ms(), start.seq());
        while (attempts-- > 0 && count > 0 && it.hasNext()) {
            PendingEntry e = it.next();
            if (!st.contains(e.ms(), e.seq())) {
                if (propagate) s.alsoPropagate(StreamReadCommands.claimForm(key, g, StreamId.toBytes(e.ms(), e.seq()), e));
                s.dirty();
                deleted.add(e);
                count--;
                continue;
            }
            if (minIdle != 0 && now - e.deliveryTime() < minIdle) continue;
            if (consumer == null) {
                consumer = g.consumerOrCreate(argv[3], now);
                consumer.setSeenTime(now);
            }
            g.claim(e, consumer);
            e.setDeliveryTime(now);
            if (!justId) e.setDeliveryCount(e.deliveryCount() + 1);
            claimed.add(e);
            count--;
            if (propagate) s.alsoPropagate(StreamReadCommands.claimForm(key, g, StreamId.toBytes(e.ms(), e.seq()), e));
            s.dirty();
        }
        PendingEntry next = it.hasNext() ? it.next() : null;
        for (PendingEntry e : deleted) g.remove(e); // after the walk: the iterator must not see the list change
        db.resized(key, st.memoryUsage() - before);
        out.arrayHeader(3);
        if (next == null) reply.id(out, 0, 0);
        else reply.id(out, next.ms(), next.seq());
        out.arrayHeader(claimed.size());
        for (PendingEntry e : claimed) {
            if (justId) reply.id(out, e.ms(), e.seq());
            else reply.entry(out, st, e.ms(), e.seq());
        }
        out.arrayHeader(deleted.size());
        for (PendingEntry e : deleted) reply.id(out, e.ms(), e.seq());
    }
}
