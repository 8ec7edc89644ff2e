package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.stream.Consumer;
import io.moonkey.datastore.stream.ConsumerGroup;
import io.moonkey.datastore.stream.PendingEntry;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
import io.moonkey.datastore.stream.StreamId;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;
import it.unimi.dsi.fastutil.objects.ObjectBidirectionalIterator;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * XREAD and XREADGROUP, blocking included. Each stream is decided and served in argument order
 * (serving one may move a group that a later argument reads), the entries collected, then the
 * reply written: an array of [key, entries] pairs, a map in RESP3.
 */
final class StreamReadCommands {
    /** What a blocked XREAD without COUNT is served at most, as Valkey's XREAD_BLOCKED_DEFAULT_COUNT. */
    private static final byte[] BLOCKED_DEFAULT_COUNT = Arguments.bytes("1000");
    private static final byte[] COUNT = Arguments.bytes("COUNT");
    private static final byte[] XCLAIM = Arguments.bytes("XCLAIM");
    private static final byte[] XGROUP = Arguments.bytes("XGROUP");
    private static final byte[] SETID = Arguments.bytes("SETID");
    private static final byte[] CREATECONSUMER = Arguments.bytes("CREATECONSUMER");
    private static final byte[] ENTRIESREAD = Arguments.bytes("ENTRIESREAD");
    private static final byte[] ZERO = Arguments.bytes("0");
    private static final byte[] TIME = Arguments.bytes("TIME");
    private static final byte[] RETRYCOUNT = Arguments.bytes("RETRYCOUNT");
    private static final byte[] FORCE = Arguments.bytes("FORCE");
    private static final byte[] JUSTID = Arguments.bytes("JUSTID");
    private static final byte[] LASTID = Arguments.bytes("LASTID");

    private final Server server;
    private final StreamReply reply = new StreamReply();
    // the entries served, collected before the reply is written (reused: one command at a time)
    private final IntArrayList servedKeys = new IntArrayList();
    private final IntArrayList servedEnds = new IntArrayList();
    private final LongArrayList ids = new LongArrayList();
    private final ObjectArrayList<Stream> servedStreams = new ObjectArrayList<>();
    /** The argv of blocked reads waiting to be run again (identity; forgotten with the client). */
    private final Set<byte[][]> retries = Collections.newSetFromMap(new WeakHashMap<>());

    StreamReadCommands(Server server) {
        this.server = server;
    }

    void register(CommandTable t) {
        String g = "stream";
        t.add(new CommandSpec("xread", -4, "readonly blocking", g, "5.0.0",
                "Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise.",
                this::xread)
                .keys(new KeySpec("RO ACCESS", 1, "STREAMS", -1, 1, 2, -1, 0)).acl("read", "stream", "slow", "blocking"));
        t.add(new CommandSpec("xreadgroup", -7, "write blocking", g, "5.0.0",
                "Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise.",
                this::xreadgroup)
                .keys(new KeySpec("RO ACCESS", 4, "STREAMS", -1, 1, 2, -1, 0)).acl("write", "stream", "slow", "blocking"));
    }

    /** XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]: entries after each ID ('$': after the last). */
    void xread(Session s, byte[][] argv, ReplySink out) {
        read(s, argv, out, false);
    }

    /**
     * XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key
     * [key ...] id [id ...]: '>' delivers entries never delivered to the group; another ID
     * re-reads the consumer's pending entries after it.
     */
    void xreadgroup(Session s, byte[][] argv, ReplySink out) {
        s.preventPropagation(); // its effects go out as XCLAIM / XGROUP SETID
        read(s, argv, out, true);
    }

    private void read(Session s, byte[][] argv, ReplySink out, boolean grouped) {
        boolean block = false;
        long deadline = 0;
        long count = 0;
        int streamsAt = 0, n = 0;
        boolean noack = false;
        byte[] groupName = null, consumerName = null;
        for (int i = 1; i < argv.length; i++) {
            int more = argv.length - i - 1;
            byte[] o = argv[i];
            if (is(o, "block") && more > 0) {
                i++; // in a script (or MULTI) BLOCK answers at once, as Valkey does (differences.md §3 row 9)
                deadline = server.blocked().deadline(argv[i], false);
                block = true;
            } else if (is(o, "count") && more > 0) {
                i++;
                count = Math.max(0, Arguments.parseLong(argv[i]));
            } else if (is(o, "streams") && more > 0) {
                streamsAt = i + 1;
                n = argv.length - streamsAt;
                if (n % 2 != 0) {
                    throw new CommandError("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
                }
                n /= 2;
                break;
            } else if (is(o, "group") && more >= 2) {
                if (!grouped) throw new CommandError("ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.");
                groupName = argv[i + 1];
                consumerName = argv[i + 2];
                i += 2;
            } else if (is(o, "noack")) {
                if (!grouped) throw new CommandError("ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.");
                noack = true;
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        if (streamsAt == 0) throw new CommandError(Arguments.SYNTAX);
        if (grouped && groupName == null) throw new CommandError("ERR Missing GROUP option for XREADGROUP");

        boolean retry = retries.remove(argv);
        Database db = s.db();
        long[] after = new long[2 * n]; // the exclusive start per stream; max-max stands for '>'
        ConsumerGroup[] groups = grouped ? new ConsumerGroup[n] : null;
        for (int k = 0; k < n; k++) {
            byte[] key = argv[streamsAt + k];
            byte[] idArg = argv[streamsAt + n + k];
            Stream st;
            if (retry) { // woken up: a key that is no stream any more is waited on still, as Valkey does
                st = db.lookupRead(key) instanceof Stream x ? x : null;
            } else {
                st = StreamCommands.readStream(db, key);
            }
            if (grouped) {
                ConsumerGroup g = st == null ? null : st.group(groupName);
                if (g == null && retry) throw new CommandError("NOGROUP the consumer group this client was blocked on no longer exists");
                if (g == null) {
                    throw new CommandError("NOGROUP No such key '" + latin1(key) + "' or consumer group '" + latin1(groupName)
                            + "' in XREADGROUP with GROUP option");
                }
                groups[k] = g;
            }
            if (idArg.length == 1 && idArg[0] == '$') {
                if (grouped) {
                    throw new CommandError("ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of "
                            + "this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just "
                            + "return an empty result set.");
                }
                after[2 * k] = st == null ? 0 : st.lastMs();
                after[2 * k + 1] = st == null ? 0 : st.lastSeq();
            } else if (idArg.length == 1 && idArg[0] == '>') {
                if (!grouped) {
                    throw new CommandError("ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.");
                }
                after[2 * k] = -1L;
                after[2 * k + 1] = -1L;
            } else {
                StreamId id = StreamIdArgs.parse(idArg, 0, true);
                after[2 * k] = id.ms();
                after[2 * k + 1] = id.seq();
            }
        }

        servedKeys.clear();
        servedEnds.clear();
        ids.clear();
        servedStreams.clear();
        long now = server.keyspace().now();
        long[] top = new long[2];
        for (int k = 0; k < n; k++) {
            byte[] key = argv[streamsAt + k];
            if (!(db.lookupRead(key) instanceof Stream st)) continue; // looked up again, counted again, as Valkey does
            long gtMs = after[2 * k], gtSeq = after[2 * k + 1];
            boolean serve = false, history = false;
            Consumer consumer = null;
            if (grouped) {
                ConsumerGroup g = groups[k];
                if (gtMs != -1L || gtSeq != -1L) {
                    serve = history = true;
                } else if (st.length() > 0 && st.lastLiveId(top) && StreamId.compare(top[0], top[1], g.lastMs(), g.lastSeq()) > 0) {
                    serve = true;
                    gtMs = g.lastMs();
                    gtSeq = g.lastSeq();
                }
            } else if (st.length() > 0 && st.lastLiveId(top) && StreamId.compare(top[0], top[1], gtMs, gtSeq) > 0) {
                serve = true;
            }
            if (!serve) continue;
            if (grouped) { // a consumer comes into being when first served
                long before = st.memoryUsage();
                consumer = groups[k].consumer(consumerName);
                if (consumer == null) {
                    consumer = groups[k].createConsumer(consumerName, now);
                    // without NOACK the XCLAIMs create it on replicas; with NOACK it is said explicitly
                    if (noack && server.propagation().active()) {
                        s.alsoPropagate(new byte[][] {XGROUP, CREATECONSUMER, key, groupName, consumerName});
                    }
                }
                consumer.setSeenTime(now);
                if (st.memoryUsage() != before) db.resized(key, st.memoryUsage() - before);
            }
            servedKeys.add(k);
            servedStreams.add(st);
            StreamId start = new StreamId(gtMs, gtSeq).next();
            if (history) {
                collectHistory(st, consumer, start, count, now);
            } else if (grouped) {
                long before = st.memoryUsage();
                collectForGroup(s, st, key, groups[k], consumer, start, count, noack, now);
                db.resized(key, st.memoryUsage() - before);
            } else {
                collect(st, start, count);
            }
            servedEnds.add(ids.size() / 2);
            if (grouped) s.dirty();
        }

        if (!servedKeys.isEmpty()) {
            writeReply(argv, streamsAt, out);
            return;
        }
        if (!block) {
            out.nullArray();
            return;
        }
        if (!s.canBlock()) { // inside MULTI or a script: answered as a timeout
            out.nullArray();
            return;
        }
        byte[][] again = retryForm(argv, streamsAt, n, after, count);
        retries.add(again);
        server.blocked().block(s, Arrays.copyOfRange(argv, streamsAt, streamsAt + n), deadline, again, o -> o.nullArray());
    }

    /** The argv a blocked read re-runs: '$' fixed to the ID it stood for, and Valkey's default COUNT for blocked reads. */
    private static byte[][] retryForm(byte[][] argv, int streamsAt, int n, long[] after, long count) {
        byte[][] r;
        int shift = 0;
        if (count == 0) {
            r = new byte[argv.length + 2][];
            System.arraycopy(argv, 0, r, 0, streamsAt - 1);
            r[streamsAt - 1] = COUNT;
            r[streamsAt] = BLOCKED_DEFAULT_COUNT;
            System.arraycopy(argv, streamsAt - 1, r, streamsAt + 1, argv.length - streamsAt + 1);
            shift = 2;
        } else {
            r = argv.clone();
        }
        for (int k = 0; k < n; k++) {
            int at = streamsAt + n + k + shift;
            if (r[at].length == 1 && r[at][0] == '$') r[at] = StreamId.toBytes(after[2 * k], after[2 * k + 1]);
        }
        return r;
    }

    private void collect(Stream st, StreamId start, long count) {
        if (start == null) return;
        StreamCursor c = st.range(start.ms(), start.seq(), -1L, -1L, false);
        for (long i = 0; (count == 0 || i < count) && c.next(); i++) add(c.ms(), c.seq());
    }

    /** New entries for a group: each moves the group's position and, without NOACK, becomes pending for the consumer. */
    private void collectForGroup(Session s, Stream st, byte[] key, ConsumerGroup g, Consumer consumer, StreamId start, long count,
                                 boolean noack, long now) {
        if (start == null) return;
        boolean propagate = server.propagation().active();
        boolean propagateLastId = false;
        StreamCursor c = st.range(start.ms(), start.seq(), -1L, -1L, false);
        for (long i = 0; (count == 0 || i < count) && c.next(); i++) {
            long ms = c.ms(), seq = c.seq();
            add(ms, seq);
            if (StreamId.compare(ms, seq, g.lastMs(), g.lastSeq()) > 0) {
                st.advanceGroup(g, ms, seq);
                if (noack) propagateLastId = true;
            }
            if (!noack) {
                PendingEntry e = g.deliver(ms, seq, consumer, now);
                if (propagate) s.alsoPropagate(claimForm(key, g, StreamId.toBytes(ms, seq), e));
            }
        }
        if (propagateLastId && propagate) s.alsoPropagate(setIdForm(key, g));
    }

    /** History: the consumer's pending entries after {@code start}, each counted as delivered again (nil fields if deleted). */
    private void collectHistory(Stream st, Consumer consumer, StreamId start, long count, long now) {
        if (start == null) return;
        ObjectBidirectionalIterator<PendingEntry> it = consumer.pending().from(start.ms(), start.seq());
        for (long i = 0; (count == 0 || i < count) && it.hasNext(); i++) {
            PendingEntry e = it.next();
            add(e.ms(), e.seq());
            if (st.contains(e.ms(), e.seq())) {
                e.setDeliveryTime(now);
                e.setDeliveryCount(e.deliveryCount() + 1);
            }
        }
    }

    private void add(long ms, long seq) {
        ids.add(ms);
        ids.add(seq);
    }

    private void writeReply(byte[][] argv, int streamsAt, ReplySink out) {
        int served = servedKeys.size();
        boolean resp3 = out.protocol() >= 3;
        if (resp3) out.mapHeader(served);
        else out.arrayHeader(served);
        int e = 0;
        for (int j = 0; j < served; j++) {
            if (!resp3) out.arrayHeader(2);
            out.bulk(argv[streamsAt + servedKeys.getInt(j)]);
            int end = servedEnds.getInt(j);
            out.arrayHeader(end - e);
            for (; e < end; e++) {
                long ms = ids.getLong(2 * e), seq = ids.getLong(2 * e + 1);
                if (!reply.entry(out, servedStreams.get(j), ms, seq)) { // a pending entry since deleted
                    out.arrayHeader(2);
                    reply.id(out, ms, seq);
                    out.nullArray();
                }
            }
        }
        servedStreams.clear();
    }

    /** XCLAIM key group consumer 0 id TIME t RETRYCOUNT n FORCE JUSTID LASTID last: how a delivery replicates. */
    static byte[][] claimForm(byte[] key, ConsumerGroup g, byte[] id, PendingEntry e) {
        return new byte[][] {XCLAIM, key, g.name(), e.consumer().name(), ZERO, id, TIME, Arguments.bytes(e.deliveryTime()),
            RETRYCOUNT, Arguments.bytes(e.deliveryCount()), FORCE, JUSTID, LASTID, StreamId.toBytes(g.lastMs(), g.lastSeq())};
    }

    /** XGROUP SETID key group last ENTRIESREAD n: how a group's position replicates. */
    static byte[][] setIdForm(byte[] key, ConsumerGroup g) {
        return new byte[][] {XGROUP, SETID, key, g.name(), StreamId.toBytes(g.lastMs(), g.lastSeq()), ENTRIESREAD,
            Arguments.bytes(g.entriesRead())};
    }
}
