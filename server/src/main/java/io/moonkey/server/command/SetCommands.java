package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.WRONGTYPE;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.set.SetLimits;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/** The set commands: membership, random members, SMOVE, SSCAN; the algebra is in {@link SetAlgebra}. */
public final class SetCommands {
    private final SetEncodingLimits limits;
    private final SetAlgebra algebra;
    private final SetRandomMembers random;
    /** Digits of an intset member being replied (replies copy what they are given). */
    private final byte[] digits = new byte[24];

    public SetCommands(Server server) {
        this.limits = new SetEncodingLimits(server);
        this.algebra = new SetAlgebra(limits);
        this.random = new SetRandomMembers(server, limits, algebra);
    }

    public void register(CommandTable t) {
        t.add(spec("sadd", -3, "write denyoom fast", "1.0.0", "Add one or more members to a set", this::sadd)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)));
        t.add(spec("srem", -3, "write fast", "1.0.0", "Remove one or more members from a set", this::srem)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)));
        t.add(spec("smembers", 2, "readonly", "1.0.0", "Get all the members in a set", this::smembers)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("sismember", 3, "readonly fast", "1.0.0", "Determine if a given value is a member of a set", this::sismember)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("smismember", -3, "readonly fast", "6.2.0", "Returns the membership associated with the given elements for a set", this::smismember)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("scard", 2, "readonly fast", "1.0.0", "Get the number of members in a set", this::scard)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("spop", -2, "write fast", "1.0.0", "Remove and return one or multiple random members from a set", random::spop)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)));
        t.add(spec("srandmember", -2, "readonly", "1.0.0", "Get one or multiple random members from a set", random::srandmember)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("smove", 4, "write fast", "1.0.0", "Move a member from one set to another", this::smove)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("RW INSERT", 2, 0, 1)));
        t.add(spec("sinter", -2, "readonly", "1.0.0", "Intersect multiple sets", algebra::sinter)
                .keys(KeySpec.range("RO ACCESS", 1, -1, 1)));
        t.add(spec("sintercard", -3, "readonly", "7.0.0", "Intersect multiple sets and return the cardinality of the result", algebra::sintercard)
                .keys(KeySpec.keynum("RO ACCESS", 1, 0, 1, 1)));
        t.add(spec("sunion", -2, "readonly", "1.0.0", "Add multiple sets", algebra::sunion)
                .keys(KeySpec.range("RO ACCESS", 1, -1, 1)));
        t.add(spec("sdiff", -2, "readonly", "1.0.0", "Subtract multiple sets", algebra::sdiff)
                .keys(KeySpec.range("RO ACCESS", 1, -1, 1)));
        t.add(spec("sinterstore", -3, "write denyoom", "1.0.0", "Intersect multiple sets and store the resulting set in a key", algebra::sinterstore)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, -1, 1)));
        t.add(spec("sunionstore", -3, "write denyoom", "1.0.0", "Add multiple sets and store the resulting set in a key", algebra::sunionstore)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, -1, 1)));
        t.add(spec("sdiffstore", -3, "write denyoom", "1.0.0", "Subtract multiple sets and store the resulting set in a key", algebra::sdiffstore)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, -1, 1)));
        t.add(spec("sscan", -3, "readonly", "2.8.0", "Incrementally iterate Set elements", this::sscan)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
    }

    /** A spec in the set group, with the ACL categories Valkey derives (read/write, @set, fast/slow). */
    private static CommandSpec spec(String name, int arity, String flags, String since, String summary, Command handler) {
        return new CommandSpec(name, arity, flags, "set", since, summary, handler)
                .acl(flags.contains("write") ? "write" : "read", "set", flags.contains("fast") ? "fast" : "slow");
    }

    // ---- value access -----------------------------------------------------------------------------

    static SetValue readSet(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null || v instanceof SetValue) return (SetValue) v;
        throw new CommandError(WRONGTYPE);
    }

    static SetValue writeSet(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null || v instanceof SetValue) return (SetValue) v;
        throw new CommandError(WRONGTYPE);
    }

    /** Replies the member at {@code pos}: intset digits through {@code scratch}, else the stored bytes. */
    static void replyMember(ReplySink out, SetValue set, int pos, byte[] scratch) {
        if (set.isIntSet()) out.bulk(scratch, 0, Numbers.writeLong(set.intAt(pos), scratch, 0));
        else if (set.isListPack()) out.bulk(set.packBuffer(), set.packOffset(pos), set.packLength(pos));
        else out.bulk(set.member(pos));
    }

    /** Replies every member as a set (an array in RESP2). */
    static void replyAll(ReplySink out, SetValue set, byte[] scratch) {
        out.setHeader(set.size());
        for (int p = set.first(); p >= 0; p = set.next(p)) replyMember(out, set, p, scratch);
    }

    // ---- commands ---------------------------------------------------------------------------------

    /**
     * SADD key member [member ...]: adds members; replies how many were new. The argument count
     * (duplicates included) is the size hint of Valkey's setTypeCreate/setTypeMaybeConvert: a new
     * set starts as a table, and a small one turns into one, when the hint is past the limits.
     */
    void sadd(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        SetValue set = writeSet(db, argv[1]);
        SetLimits lim = limits.get();
        long hint = argv.length - 2;
        long added = 0;
        if (set == null) {
            set = SetValue.create(argv[2], hint, lim);
            for (int i = 2; i < argv.length; i++) if (set.add(argv[i], lim)) added++;
            db.put(argv[1], set, false);
        } else {
            long before = set.memoryUsage();
            set.fitSizeHint(hint, lim);
            for (int i = 2; i < argv.length; i++) if (set.add(argv[i], lim)) added++;
            long delta = set.memoryUsage() - before;
            if (added > 0) db.resized(argv[1], delta);
            else if (delta != 0) db.reencoded(delta); // converted by the size hint alone: not a change WATCH sees, as Valkey
        }
        if (added > 0) {
            s.dirty(added);
            s.notifyKeyspace(KeyspaceEvents.SET, "sadd", argv[1]);
        }
        out.integer(added);
    }

    /** SREM key member [member ...]: removes members, the key with the last one; replies how many. */
    void srem(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        SetValue set = writeSet(db, argv[1]);
        if (set == null) {
            out.integer(0);
            return;
        }
        long before = set.memoryUsage();
        long removed = 0;
        for (int i = 2; i < argv.length && set.size() > 0; i++) {
            if (set.remove(argv[i])) removed++;
        }
        if (removed > 0) {
            db.resized(argv[1], set.memoryUsage() - before);
            boolean keyRemoved = set.size() == 0 && db.delete(argv[1]);
            s.dirty(removed);
            s.notifyKeyspace(KeyspaceEvents.SET, "srem", argv[1]);
            if (keyRemoved) s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[1]);
        }
        out.integer(removed);
    }

    /** SMEMBERS key: every member (a set in RESP3). */
    void smembers(Session s, byte[][] argv, ReplySink out) {
        SetValue set = readSet(s.db(), argv[1]);
        if (set == null) out.setHeader(0);
        else replyAll(out, set, digits);
    }

    /** SISMEMBER key member: 1 if a member. */
    void sismember(Session s, byte[][] argv, ReplySink out) {
        SetValue set = readSet(s.db(), argv[1]);
        out.integer(set != null && set.contains(argv[2]) ? 1 : 0);
    }

    /** SMISMEMBER key member [member ...]: 1 or 0 per member. */
    void smismember(Session s, byte[][] argv, ReplySink out) {
        SetValue set = readSet(s.db(), argv[1]);
        out.arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) out.integer(set != null && set.contains(argv[i]) ? 1 : 0);
    }

    /** SCARD key: the number of members. */
    void scard(Session s, byte[][] argv, ReplySink out) {
        SetValue set = readSet(s.db(), argv[1]);
        out.integer(set == null ? 0 : set.size());
    }

    /** SMOVE source destination member: moves a member between sets; 1 if it was in source. */
    void smove(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        byte[] src = argv[1], dst = argv[2], member = argv[3];
        Value sv = db.lookupWrite(src);
        Value dv = db.lookupWrite(dst);
        if (sv == null) {
            out.integer(0);
            return;
        }
        if (!(sv instanceof SetValue from) || (dv != null && !(dv instanceof SetValue))) throw new CommandError(WRONGTYPE);
        SetValue to = (SetValue) dv;
        if (from == to) {
            out.integer(from.contains(member) ? 1 : 0);
            return;
        }
        long before = from.memoryUsage();
        if (!from.remove(member)) {
            out.integer(0);
            return;
        }
        s.notifyKeyspace(KeyspaceEvents.SET, "srem", src);
        db.resized(src, from.memoryUsage() - before);
        if (from.size() == 0) {
            db.delete(src);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", src);
        }
        s.dirty();
        SetLimits lim = limits.get();
        if (to == null) {
            to = SetValue.create(member, 1, lim);
            to.add(member, lim);
            db.put(dst, to, false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.SET, "sadd", dst);
        } else {
            long b = to.memoryUsage();
            if (to.add(member, lim)) {
                db.resized(dst, to.memoryUsage() - b);
                s.dirty();
                s.notifyKeyspace(KeyspaceEvents.SET, "sadd", dst);
            } else {
                db.modified(dst);
            }
        }
        out.integer(1);
    }

    /** SSCAN key cursor [MATCH pattern] [COUNT count]: one step over the members. */
    void sscan(Session s, byte[][] argv, ReplySink out) {
        long cursor = KeyCommands.parseCursor(argv[2]);
        SetValue set = readSet(s.db(), argv[1]);
        if (set == null) {
            HashScan.replyEmpty(out);
            return;
        }
        HashScan.Options o = HashScan.Options.parse(argv, 3);
        IntArrayList found = new IntArrayList();
        if (!set.isHashTable()) { // intsets and listpacks are reported whole, as Valkey
            for (int p = set.first(); p >= 0; p = set.next(p)) found.add(p);
            cursor = 0;
        } else {
            long maxIterations = o.count() * 10;
            do {
                cursor = set.scan(cursor, found::add);
            } while (cursor != 0 && maxIterations-- > 0 && found.size() < o.count());
        }
        if (o.match() != null) {
            IntArrayList kept = new IntArrayList(found.size());
            for (int i = 0; i < found.size(); i++) if (o.accepts(set.member(found.getInt(i)))) kept.add(found.getInt(i));
            found = kept;
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(found.size());
        for (int i = 0; i < found.size(); i++) replyMember(out, set, found.getInt(i), digits);
    }
}
