package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.GrowableString;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hll.HyperLogLog;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/** PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST over HyperLogLog strings ({@link HyperLogLog}). */
public final class HyperLogLogCommands {
    private static final String NOT_HLL = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    private static final String CORRUPT = "INVALIDOBJ Corrupted HLL object detected";

    private final Server server;

    public HyperLogLogCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "hyperloglog";
        t.add(new CommandSpec("pfadd", -2, "write denyoom fast", g, "2.8.9",
                "Adds elements to a HyperLogLog key. Creates the key if it doesn't exist.", this::pfadd)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)));
        // may_replicate as in Valkey: counting refreshes the cached cardinality, a change replicas get
        t.add(new CommandSpec("pfcount", -2, "readonly may_replicate", g, "2.8.9",
                "Returns the approximated cardinality of the set(s) observed by the HyperLogLog key(s).", this::pfcount)
                .keys(KeySpec.range("RW ACCESS", 1, -1, 1)));
        t.add(new CommandSpec("pfmerge", -2, "write denyoom", g, "2.8.9",
                "Merges one or more HyperLogLog values into a single key.", this::pfmerge)
                .keys(KeySpec.range("RW ACCESS INSERT", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, -1, 1)));
        t.add(new CommandSpec("pfdebug", 3, "write denyoom admin", g, "2.8.9",
                "Internal commands for debugging HyperLogLog values.", this::pfdebug)
                .keys(KeySpec.range("RW ACCESS", 2, 0, 1)));
        t.add(new CommandSpec("pfselftest", 1, "admin", g, "2.8.9",
                "An internal command for testing HyperLogLog values.", this::pfselftest));
    }

    private long maxSparseBytes() {
        return server.config().getLong("hll-sparse-max-bytes");
    }

    /** The value as a HyperLogLog string (null when missing), or the error Valkey gives. */
    private static StringValue checkHll(Value v) {
        if (v == null) return null;
        if (!(v instanceof StringValue sv)) throw new CommandError(WRONGTYPE);
        if (sv instanceof GrowableString g) {
            if (!HyperLogLog.isValid(g.buffer(), g.length())) throw new CommandError(NOT_HLL);
        } else {
            byte[] b = sv.bytes();
            if (!HyperLogLog.isValid(b, b.length)) throw new CommandError(NOT_HLL);
        }
        return sv;
    }

    /** PFADD key [element ...]: 1 when a register changed (or the key was created), else 0. */
    void pfadd(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        StringValue v = checkHll(db.lookupWrite(argv[1]));
        int updated = 0;
        GrowableString hll;
        long before;
        if (v == null) {
            hll = StringValue.growable(HyperLogLog.create());
            db.put(argv[1], hll, false);
            updated++;
        } else {
            hll = StringCommands.mutable(db, argv[1], v);
        }
        before = hll.memoryUsage();
        long max = maxSparseBytes();
        for (int j = 2; j < argv.length; j++) {
            int r = HyperLogLog.add(hll, argv[j], max);
            if (r < 0) {
                db.resized(argv[1], hll.memoryUsage() - before);
                throw new CommandError(CORRUPT);
            }
            updated += r;
        }
        db.resized(argv[1], hll.memoryUsage() - before);
        if (updated > 0) {
            HyperLogLog.invalidateCache(hll.buffer());
            s.dirty(updated);
            s.notifyKeyspace(KeyspaceEvents.STRING, "pfadd", argv[1]);
        }
        out.integer(updated > 0 ? 1 : 0);
    }

    /**
     * PFCOUNT key [key ...]: one key uses and refreshes its cached cardinality (a change that is
     * propagated); several keys are merged into a scratch register array, nothing cached.
     */
    void pfcount(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        if (argv.length > 2) {
            byte[] max = new byte[HyperLogLog.REGISTERS];
            for (int j = 1; j < argv.length; j++) {
                StringValue v = checkHll(db.lookupRead(argv[j]));
                if (v == null) continue;
                byte[] b = v instanceof GrowableString g ? g.buffer() : v.bytes();
                int len = v.length();
                if (!HyperLogLog.merge(max, b, len)) throw new CommandError(CORRUPT);
            }
            out.integer(HyperLogLog.countRegisters(max));
            return;
        }
        StringValue v = checkHll(db.lookupRead(argv[1]));
        if (v == null) {
            out.integer(0);
            return;
        }
        GrowableString hll = StringCommands.mutable(db, argv[1], v);
        byte[] b = hll.buffer();
        long card;
        if (HyperLogLog.cacheValid(b)) {
            card = HyperLogLog.cachedCardinality(b);
        } else {
            card = HyperLogLog.count(b, hll.length());
            if (card < 0) throw new CommandError(CORRUPT);
            HyperLogLog.cacheCardinality(b, card);
            db.resized(argv[1], 0); // signals WATCH: the string changed
            s.dirty();
        }
        out.integer(card);
    }

    /** PFMERGE destkey [sourcekey ...]: the registers' maxima into destkey (dense if any input is). */
    void pfmerge(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        byte[] max = new byte[HyperLogLog.REGISTERS];
        boolean dense = false;
        for (int j = 1; j < argv.length; j++) {
            StringValue v = checkHll(db.lookupRead(argv[j]));
            if (v == null) continue;
            byte[] b = v instanceof GrowableString g ? g.buffer() : v.bytes();
            if (!HyperLogLog.isSparse(b)) dense = true;
            if (!HyperLogLog.merge(max, b, v.length())) throw new CommandError(CORRUPT);
        }
        Value existing = db.lookupWrite(argv[1]);
        GrowableString hll;
        if (existing == null) {
            hll = StringValue.growable(HyperLogLog.create());
            db.put(argv[1], hll, false);
        } else {
            hll = StringCommands.mutable(db, argv[1], (StringValue) existing);
        }
        long before = hll.memoryUsage();
        if (dense && !HyperLogLog.toDense(hll)) throw new CommandError(CORRUPT);
        long maxSparse = maxSparseBytes();
        for (int j = 0; j < HyperLogLog.REGISTERS; j++) {
            if (max[j] != 0) HyperLogLog.set(hll, j, max[j], maxSparse);
        }
        HyperLogLog.invalidateCache(hll.buffer());
        db.resized(argv[1], hll.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "pfadd", argv[1]); // a mass add, as Valkey reports it
        out.ok();
    }

    /** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key. */
    void pfdebug(Session s, byte[][] argv, ReplySink out) {
        String sub = latin1(argv[1]);
        Database db = s.db();
        Value v = db.lookupWrite(argv[2]);
        if (v == null) throw new CommandError("ERR The specified key does not exist");
        GrowableString hll = StringCommands.mutable(db, argv[2], checkHll(v));
        byte[] b = hll.buffer();
        if (is(argv[1], "getreg")) {
            if (HyperLogLog.isSparse(b)) {
                long before = hll.memoryUsage();
                if (!HyperLogLog.toDense(hll)) throw new CommandError(CORRUPT);
                db.resized(argv[2], hll.memoryUsage() - before);
                s.dirty(); // the encoding change is propagated
            }
            int[] regs = HyperLogLog.registers(hll.buffer());
            out.arrayHeader(regs.length);
            for (int r : regs) out.integer(r);
        } else if (is(argv[1], "decode")) {
            if (!HyperLogLog.isSparse(b)) throw new CommandError("ERR HLL encoding is not sparse");
            out.bulk(Arguments.bytes(HyperLogLog.decodeSparse(b, hll.length())));
        } else if (is(argv[1], "encoding")) {
            out.simple(HyperLogLog.isSparse(b) ? "sparse" : "dense");
        } else if (is(argv[1], "todense")) {
            boolean converted = false;
            if (HyperLogLog.isSparse(b)) {
                long before = hll.memoryUsage();
                if (!HyperLogLog.toDense(hll)) throw new CommandError(CORRUPT);
                db.resized(argv[2], hll.memoryUsage() - before);
                converted = true;
                s.dirty();
            }
            out.integer(converted ? 1 : 0);
        } else {
            throw new CommandError("ERR Unknown PFDEBUG subcommand '" + sub + "'");
        }
    }

    /**
     * PFSELFTEST: checks the register packing and that sparse and dense strings fed the same
     * elements agree register by register and in their estimate; OK or an error naming the check.
     */
    void pfselftest(Session s, byte[][] argv, ReplySink out) {
        GrowableString sparse = StringValue.growable(HyperLogLog.create());
        GrowableString dense = StringValue.growable(HyperLogLog.create());
        HyperLogLog.toDense(dense);
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 5000; i++) {
            byte[] e = Arguments.bytes("element:" + random.nextInt(20000));
            HyperLogLog.add(sparse, e, Long.MAX_VALUE);
            HyperLogLog.add(dense, e, Long.MAX_VALUE);
        }
        long a = HyperLogLog.count(sparse.buffer(), sparse.length());
        long b = HyperLogLog.count(dense.buffer(), dense.length());
        HyperLogLog.toDense(sparse);
        if (a != b || !java.util.Arrays.equals(HyperLogLog.registers(sparse.buffer()), HyperLogLog.registers(dense.buffer()))) {
            throw new CommandError("ERR TESTFAILED sparse and dense representations differ");
        }
        out.ok();
    }
}
