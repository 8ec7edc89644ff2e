package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.set.SetLimits;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SPOP and SRANDMEMBER. SPOP with a count follows Valkey 7.0's three cases (the whole set; a few
 * members popped one by one; most of the set, where the few members that stay are moved to a new
 * set instead) and propagates the members it removed as SREM commands of up to 1024 members.
 */
final class SetRandomMembers {
    private static final byte[] SREM = Arguments.bytes("SREM");
    private static final byte[] DEL = Arguments.bytes("DEL");
    private static final byte[] UNLINK = Arguments.bytes("UNLINK");
    private static final int SREM_BATCH = 1024;
    /** Valkey's SPOP_MOVE_STRATEGY_MUL: keep-and-move when fewer than count/5 members stay. */
    private static final int MOVE_STRATEGY_MUL = 5;
    private static final String RANGE = "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";

    private final Server server;
    private final SetEncodingLimits limits;
    private final SetAlgebra algebra;
    private final byte[] digits = new byte[24];

    SetRandomMembers(Server server, SetEncodingLimits limits, SetAlgebra algebra) {
        this.server = server;
        this.limits = limits;
        this.algebra = algebra;
    }

    /** SPOP key [count]: removes and returns random members (a set in RESP3 when counted). */
    void spop(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 3) {
            spopCount(s, argv, out);
            return;
        }
        if (argv.length > 3) throw new CommandError(SYNTAX);
        Database db = s.db();
        byte[] key = argv[1];
        SetValue set = SetCommands.writeSet(db, key);
        if (set == null) {
            out.nullBulk();
            return;
        }
        long before = set.memoryUsage();
        int pos = set.randomPosition(ThreadLocalRandom.current());
        byte[] member = set.member(pos);
        set.removeAt(pos);
        s.notifyKeyspace(KeyspaceEvents.SET, "spop", key);
        s.propagateAs(SREM, key, member);
        out.bulk(member);
        db.resized(key, set.memoryUsage() - before);
        if (set.size() == 0) {
            db.delete(key);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
        }
        s.dirty();
    }

    private void spopCount(Session s, byte[][] argv, ReplySink out) {
        long count = parseLong(argv[2], "ERR value is out of range, must be positive");
        if (count < 0) throw new CommandError("ERR value is out of range, must be positive");
        Database db = s.db();
        byte[] key = argv[1];
        SetValue set = SetCommands.writeSet(db, key);
        if (set == null || count == 0) {
            out.setHeader(0);
            return;
        }
        int size = set.size();
        s.notifyKeyspace(KeyspaceEvents.SET, "spop", key);
        if (count >= size) {
            SetCommands.replyAll(out, algebra.copyAsUnion(set), digits);
            db.delete(key);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
            s.propagateAs(server.config().getBool("lazyfree-lazy-server-del") ? UNLINK : DEL, key);
            s.dirty();
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long before = set.memoryUsage();
        List<byte[]> popped = new ArrayList<>((int) count);
        long remaining = size - count;
        if (remaining * MOVE_STRATEGY_MUL > count) {
            out.setHeader((int) count);
            for (long i = 0; i < count; i++) {
                int pos = set.randomPosition(rnd);
                byte[] m = set.member(pos);
                set.removeAt(pos);
                out.bulk(m);
                popped.add(m);
            }
            db.resized(key, set.memoryUsage() - before);
        } else {
            // Valkey rebuilds the set from the members it keeps: an intset from an intset, else a
            // listpack (even from a table), which the adds convert if the members do not fit
            SetLimits lim = limits.get();
            SetValue kept = set.isIntSet() ? new SetValue() : SetValue.listpack();
            for (long i = 0; i < remaining; i++) {
                int pos = set.randomPosition(rnd);
                byte[] m = set.member(pos);
                set.removeAt(pos);
                kept.add(m, lim);
            }
            out.setHeader(set.size());
            for (int p = set.first(); p >= 0; p = set.next(p)) {
                byte[] m = set.member(p);
                out.bulk(m);
                popped.add(m);
            }
            db.resized(key, set.memoryUsage() - before);
            kept.setAccess(set.access());
            db.put(key, kept, true);
        }
        for (int i = 0; i < popped.size(); i += SREM_BATCH) {
            int n = Math.min(SREM_BATCH, popped.size() - i);
            byte[][] cmd = new byte[2 + n][];
            cmd[0] = SREM;
            cmd[1] = key;
            for (int j = 0; j < n; j++) cmd[2 + j] = popped.get(i + j);
            s.alsoPropagate(cmd);
        }
        s.preventPropagation();
        s.dirty(count);
    }

    /** SRANDMEMBER key [count]: random members, distinct for a positive count (never removed). */
    void srandmember(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 3) {
            srandmemberCount(s, argv, out);
            return;
        }
        if (argv.length > 3) throw new CommandError(SYNTAX);
        SetValue set = SetCommands.readSet(s.db(), argv[1]);
        if (set == null) {
            out.nullBulk();
            return;
        }
        SetCommands.replyMember(out, set, set.randomPosition(ThreadLocalRandom.current()), digits);
    }

    private void srandmemberCount(Session s, byte[][] argv, ReplySink out) {
        long count = parseLong(argv[2]);
        if (count == Long.MIN_VALUE) throw new CommandError(RANGE);
        SetValue set = SetCommands.readSet(s.db(), argv[1]);
        if (set == null || count == 0) {
            out.arrayHeader(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (count < 0 || count == 1) {
            long n = Math.abs(count);
            out.arrayHeader((int) n);
            for (long i = 0; i < n; i++) SetCommands.replyMember(out, set, set.randomPosition(rnd), digits);
            return;
        }
        int size = set.size();
        if (count >= size) {
            out.arrayHeader(size);
            for (int p = set.first(); p >= 0; p = set.next(p)) SetCommands.replyMember(out, set, p, digits);
            return;
        }
        int n = (int) count;
        IntArrayList chosen;
        if (n * 3L > size) {
            chosen = new IntArrayList(size);
            for (int p = set.first(); p >= 0; p = set.next(p)) chosen.add(p);
            while (chosen.size() > n) {
                int i = rnd.nextInt(chosen.size());
                chosen.set(i, chosen.getInt(chosen.size() - 1));
                chosen.removeInt(chosen.size() - 1);
            }
        } else {
            IntOpenHashSet seen = new IntOpenHashSet(n);
            chosen = new IntArrayList(n);
            while (chosen.size() < n) {
                int p = set.randomPosition(rnd);
                if (seen.add(p)) chosen.add(p);
            }
        }
        out.arrayHeader(n);
        for (int i = 0; i < n; i++) SetCommands.replyMember(out, set, chosen.getInt(i), digits);
    }
}
