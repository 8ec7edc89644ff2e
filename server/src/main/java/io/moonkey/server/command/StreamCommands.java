package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamId;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.config.ConfigParam;
import io.moonkey.server.resp.ReplySink;

/**
 * The stream commands that add, read by range, delete and trim entries (XADD, XLEN, XRANGE,
 * XREVRANGE, XDEL, XTRIM, XSETID); registration of the whole stream family, whose reading and
 * group commands live in {@link StreamReadCommands}, {@link StreamGroupCommands} and
 * {@link StreamInfoCommand}.
 */
public final class StreamCommands {
    /** Valkey refuses entries whose fields and values exceed a listpack's 1 GB. */
    private static final long MAX_ENTRY_BYTES = 1L << 30;

    private final Server server;
    private final StreamReply reply = new StreamReply();
    private final StreamReadCommands read;
    private final StreamGroupCommands groups;
    private final StreamInfoCommand info;
    private ConfigParam nodeMaxBytes, nodeMaxEntries;
    private String nodeMaxBytesText, nodeMaxEntriesText;
    private long nodeMaxBytesValue, nodeMaxEntriesValue;

    public StreamCommands(Server server) {
        this.server = server;
        this.read = new StreamReadCommands(server);
        this.groups = new StreamGroupCommands(server);
        this.info = new StreamInfoCommand(server);
    }

    public void register(CommandTable t) {
        String g = "stream";
        t.add(new CommandSpec("xadd", -5, "write denyoom fast", g, "5.0.0",
                "Appends a new message to a stream. Creates the key if it doesn't exist.", this::xadd)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)).acl("write", "stream", "fast"));
        t.add(new CommandSpec("xlen", 2, "readonly fast", g, "5.0.0", "Return the number of messages in a stream.", this::xlen)
                .keys(KeySpec.range("RO", 1, 0, 1)).acl("read", "stream", "fast"));
        t.add(new CommandSpec("xrange", -4, "readonly", g, "5.0.0",
                "Returns the messages from a stream within a range of IDs.", this::xrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "stream", "slow"));
        t.add(new CommandSpec("xrevrange", -4, "readonly", g, "5.0.0",
                "Returns the messages from a stream within a range of IDs in reverse order.", this::xrevrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "stream", "slow"));
        t.add(new CommandSpec("xdel", -3, "write fast", g, "5.0.0",
                "Returns the number of messages after removing them from a stream.", this::xdel)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)).acl("write", "stream", "fast"));
        t.add(new CommandSpec("xtrim", -4, "write", g, "5.0.0",
                "Deletes messages from the beginning of a stream.", this::xtrim)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)).acl("write", "stream", "slow"));
        t.add(new CommandSpec("xsetid", -3, "write denyoom fast", g, "5.0.0",
                "An internal command for replicating stream values.", this::xsetid)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)).acl("write", "stream", "fast"));
        read.register(t);
        groups.register(t);
        info.register(t);
    }

    // ---- shared value access --------------------------------------------------------------------

    /** The stream at {@code key} for a reading command, null if missing, WRONGTYPE if another type. */
    static Stream readStream(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null || v instanceof Stream) return (Stream) v;
        throw new CommandError(WRONGTYPE);
    }

    static Stream writeStream(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null || v instanceof Stream) return (Stream) v;
        throw new CommandError(WRONGTYPE);
    }

    private long nodeMaxBytes() {
        if (nodeMaxBytes == null) nodeMaxBytes = server.config().param("stream-node-max-bytes");
        String v = nodeMaxBytes.value();
        if (v != nodeMaxBytesText) { // parsed again only after a CONFIG SET
            nodeMaxBytesValue = Long.parseLong(v);
            nodeMaxBytesText = v;
        }
        return nodeMaxBytesValue;
    }

    private long nodeMaxEntries() {
        if (nodeMaxEntries == null) nodeMaxEntries = server.config().param("stream-node-max-entries");
        String v = nodeMaxEntries.value();
        if (v != nodeMaxEntriesText) {
            nodeMaxEntriesValue = Long.parseLong(v);
            nodeMaxEntriesText = v;
        }
        return nodeMaxEntriesValue;
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * XADD key [NOMKSTREAM] [MAXLEN | MINID [= | ~] threshold [LIMIT count]] * | id field value
     * [field value ...]: appends an entry; replies its ID (nil with NOMKSTREAM and no stream).
     */
    void xadd(Session s, byte[][] argv, ReplySink out) {
        StreamTrimArgs opts = null;
        int idIndex = 2;
        byte[] idArg = argv[2];
        if (idArg.length != 1 || idArg[0] != '*') { // anything but the plain "XADD key * ..." form
            opts = StreamTrimArgs.parse(argv, true, nodeMaxEntries());
            idIndex = opts.idIndex;
        }
        int fieldsAt = idIndex + 1;
        int n = argv.length - fieldsAt;
        if (n < 2 || n % 2 == 1) throw new CommandError("ERR wrong number of arguments for 'xadd' command");
        boolean idGiven = opts != null && opts.idGiven;
        boolean seqGiven = opts == null || opts.seqGiven;
        if (idGiven && seqGiven && opts.id.isZero()) {
            throw new CommandError("ERR The ID specified in XADD must be greater than 0-0");
        }
        Database db = s.db();
        byte[] key = argv[1];
        Stream st = writeStream(db, key);
        boolean created = st == null;
        if (created) {
            if (opts != null && opts.noMkStream) {
                out.nullBulk();
                return;
            }
            st = new Stream();
        }
        long lastMs = st.lastMs(), lastSeq = st.lastSeq();
        if (lastMs == -1L && lastSeq == -1L) {
            throw new CommandError("ERR The stream has exhausted the last possible ID, unable to add more items");
        }
        long ms, seq;
        if (!idGiven) {
            long now = server.keyspace().now();
            if (Long.compareUnsigned(now, lastMs) > 0) {
                ms = now;
                seq = 0;
            } else if (lastSeq != -1L) {
                ms = lastMs;
                seq = lastSeq + 1;
            } else {
                ms = lastMs + 1;
                seq = 0;
            }
        } else if (!seqGiven) {
            ms = opts.id.ms();
            if (ms == lastMs) {
                if (lastSeq == -1L) throw new CommandError("ERR The ID specified in XADD is equal or smaller than the target stream top item");
                seq = lastSeq + 1;
            } else {
                seq = 0;
            }
        } else {
            ms = opts.id.ms();
            seq = opts.id.seq();
        }
        if (StreamId.compare(ms, seq, lastMs, lastSeq) <= 0) {
            throw new CommandError("ERR The ID specified in XADD is equal or smaller than the target stream top item");
        }
        long total = 0;
        for (int i = fieldsAt; i < argv.length; i++) total += argv[i].length;
        if (total > MAX_ENTRY_BYTES) throw new CommandError("ERR Elements are too large to be stored");

        long before = created ? 0 : st.memoryUsage();
        st.append(ms, seq, argv, fieldsAt, argv.length, nodeMaxBytes(), nodeMaxEntries());
        reply.id(out, ms, seq);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xadd", key);
        byte[][] propagated = null;
        if (opts != null && opts.strategy != StreamTrimArgs.Strategy.NONE) {
            if (opts.trim(st) > 0) s.notifyKeyspace(KeyspaceEvents.STREAM, "xtrim", key);
            if (opts.approx) propagated = opts.exactForm(argv, st);
        }
        if ((!idGiven || !seqGiven) && server.propagation().active()) {
            if (propagated == null) propagated = argv.clone();
            propagated[idIndex] = StreamId.toBytes(ms, seq);
        }
        if (propagated != null) s.propagateAs(propagated);
        if (created) {
            db.put(key, st, false);
        } else {
            db.resized(key, st.memoryUsage() - before);
            server.blocked().signalKeyReady(db, key);
        }
    }

    /** XLEN key: the number of entries. */
    void xlen(Session s, byte[][] argv, ReplySink out) {
        Stream st = readStream(s.db(), argv[1]);
        out.integer(st == null ? 0 : st.length());
    }

    /** XRANGE key start end [COUNT count]: entries with IDs in [start, end], in order. */
    void xrange(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, out, false);
    }

    /** XREVRANGE key end start [COUNT count]: entries with IDs in [start, end], newest first. */
    void xrevrange(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, out, true);
    }

    private void range(Session s, byte[][] argv, ReplySink out, boolean reverse) {
        StreamId start = StreamIdArgs.intervalStart(reverse ? argv[3] : argv[2]);
        StreamId end = StreamIdArgs.intervalEnd(reverse ? argv[2] : argv[3]);
        long count = -1;
        for (int j = 4; j < argv.length; j++) {
            if (is(argv[j], "count") && j + 1 < argv.length) {
                count = Arguments.parseLong(argv[++j]);
                if (count < 0) count = 0;
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        Stream st = readStream(s.db(), argv[1]);
        if (st == null) {
            out.arrayHeader(0);
        } else if (count == 0) {
            out.nullArray();
        } else {
            reply.range(out, st, start, end, reverse, count == -1 ? 0 : count);
        }
    }

    /** XDEL key id [id ...]: deletes entries; replies how many existed. An emptied stream stays. */
    void xdel(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        Stream st = writeStream(db, argv[1]);
        if (st == null) {
            out.integer(0);
            return;
        }
        StreamId[] ids = new StreamId[argv.length - 2];
        for (int j = 2; j < argv.length; j++) ids[j - 2] = StreamIdArgs.parse(argv[j], 0, true);
        long before = st.memoryUsage();
        int deleted = 0;
        for (StreamId id : ids) if (st.delete(id.ms(), id.seq())) deleted++;
        if (deleted > 0) {
            db.resized(argv[1], st.memoryUsage() - before);
            s.notifyKeyspace(KeyspaceEvents.STREAM, "xdel", argv[1]);
            s.dirty(deleted);
        }
        out.integer(deleted);
    }

    /** XTRIM key MAXLEN | MINID [= | ~] threshold [LIMIT count]: replies the number of entries removed. */
    void xtrim(Session s, byte[][] argv, ReplySink out) {
        StreamTrimArgs opts = StreamTrimArgs.parse(argv, false, nodeMaxEntries());
        Database db = s.db();
        Stream st = writeStream(db, argv[1]);
        if (st == null) {
            out.integer(0);
            return;
        }
        long before = st.memoryUsage();
        long deleted = opts.trim(st);
        if (deleted > 0) {
            db.resized(argv[1], st.memoryUsage() - before);
            s.notifyKeyspace(KeyspaceEvents.STREAM, "xtrim", argv[1]);
            s.dirty(deleted);
            if (opts.approx) s.propagateAs(opts.exactForm(argv, st));
        }
        out.integer(deleted);
    }

    /**
     * XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]: sets the
     * stream's last ID and counters (how replicas and AOF restore them).
     */
    void xsetid(Session s, byte[][] argv, ReplySink out) {
        StreamId id = StreamIdArgs.parse(argv[2], 0, true);
        long entriesAdded = -1;
        StreamId maxDeleted = StreamId.ZERO;
        for (int i = 3; i < argv.length; i += 2) {
            boolean more = i + 1 < argv.length;
            if (is(argv[i], "entriesadded") && more) {
                entriesAdded = Arguments.parseLong(argv[i + 1]);
                if (entriesAdded < 0) throw new CommandError("ERR entries_added must be positive");
            } else if (is(argv[i], "maxdeletedid") && more) {
                maxDeleted = StreamIdArgs.parse(argv[i + 1], 0, true);
                if (id.compareTo(maxDeleted) < 0) {
                    throw new CommandError("ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
                }
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        Database db = s.db();
        Stream st = writeStream(db, argv[1]);
        if (st == null) throw new CommandError("ERR no such key");
        if (st.length() > 0) {
            long[] top = new long[2];
            st.lastLiveId(top);
            if (id.compareTo(top[0], top[1]) < 0) {
                throw new CommandError("ERR The ID specified in XSETID is smaller than the target stream top item");
            }
            if (entriesAdded != -1 && st.length() > entriesAdded) {
                throw new CommandError("ERR The entries_added specified in XSETID is smaller than the target stream length");
            }
        }
        st.setLastId(id.ms(), id.seq());
        if (entriesAdded != -1) st.setEntriesAdded(entriesAdded);
        if (!maxDeleted.isZero()) st.setMaxDeletedId(maxDeleted.ms(), maxDeleted.seq());
        db.modified(argv[1]);
        s.notifyKeyspace(KeyspaceEvents.STREAM, "xsetid", argv[1]);
        s.dirty();
        out.ok();
    }
}
