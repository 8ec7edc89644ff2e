package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.SortedSetCommands.spec;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.Arrays;

/** Popping the lowest or highest members: ZPOPMIN, ZPOPMAX, ZMPOP and their blocking forms. */
final class SortedSetPopCommands {
    private static final byte[] ZPOPMIN = Arguments.bytes("ZPOPMIN");
    private static final byte[] ZPOPMAX = Arguments.bytes("ZPOPMAX");

    private final SortedSetCommands zsets;

    SortedSetPopCommands(SortedSetCommands zsets) {
        this.zsets = zsets;
    }

    void register(CommandTable t) {
        t.add(spec("zpopmin", -2, "write fast", "5.0.0",
                "Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.",
                this::zpopmin).keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)));
        t.add(spec("zpopmax", -2, "write fast", "5.0.0",
                "Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.",
                this::zpopmax).keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)));
        t.add(spec("zmpop", -4, "write movablekeys", "7.0.0",
                "Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped.",
                this::zmpop).keys(KeySpec.keynum("RW ACCESS DELETE", 1, 0, 1, 1)));
        t.add(spec("bzpopmin", -3, "write blocking fast", "5.0.0",
                "Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.",
                this::bzpopmin).keys(KeySpec.range("RW ACCESS DELETE", 1, -2, 1)));
        t.add(spec("bzpopmax", -3, "write blocking fast", "5.0.0",
                "Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.",
                this::bzpopmax).keys(KeySpec.range("RW ACCESS DELETE", 1, -2, 1)));
        t.add(spec("bzmpop", -5, "write blocking movablekeys", "7.0.0",
                "Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.",
                this::bzmpop).keys(KeySpec.keynum("RW ACCESS DELETE", 2, 0, 1, 1)));
    }

    /** ZPOPMIN key [count]: removes and returns the lowest-scoring members. */
    void zpopmin(Session s, byte[][] argv, ReplySink out) {
        zpop(s, argv, false, out);
    }

    /** ZPOPMAX key [count]: removes and returns the highest-scoring members. */
    void zpopmax(Session s, byte[][] argv, ReplySink out) {
        zpop(s, argv, true, out);
    }

    private void zpop(Session s, byte[][] argv, boolean max, ReplySink out) {
        if (argv.length > 3) throw new CommandError(SYNTAX);
        long count = -1;
        if (argv.length == 3) count = positive(argv[2]);
        // RESP3 nests [member, score] pairs only when a count was given
        boolean nested = out.protocol() > 2 && count != -1;
        pop(s, argv, 1, 1, max, false, count, nested, false, out);
    }

    private static long positive(byte[] arg) {
        long v = Arguments.parseLong(arg, "ERR value is out of range, must be positive");
        if (v < 0) throw new CommandError("ERR value is out of range, must be positive");
        return v;
    }

    /**
     * Pops from the first non-empty sorted set among {@code argv[first..first+n)}: Valkey's
     * genericZpopCommand with its four reply shapes. Returns the key popped from, or null.
     */
    private byte[] pop(Session s, byte[][] argv, int first, int n, boolean max, boolean emitKey, long count, boolean nested,
                       boolean nilWhenEmpty, ReplySink out) {
        Database db = s.db();
        SortedSetValue z = null;
        byte[] key = null;
        for (int i = first; i < first + n && z == null; i++) {
            key = argv[i];
            z = SortedSetCommands.writeZset(db, key);
        }
        if (z == null) {
            if (nilWhenEmpty) out.nullArray();
            else out.arrayHeader(0);
            return null;
        }
        if (count == 0) {
            out.arrayHeader(0);
            return null;
        }
        if (count == -1) count = 1;
        int take = (int) Math.min(count, z.size());
        if (!emitKey) {
            out.arrayHeader(nested ? take : take * 2);
        } else if (!nested) {
            out.arrayHeader(take * 2 + 1);
            out.bulk(key);
        } else {
            out.arrayHeader(2);
            out.bulk(key);
            out.arrayHeader(take);
        }
        long before = z.memoryUsage();
        for (int i = 0; i < take; i++) {
            byte[] m = z.removeAt(max ? z.size() - 1 : 0);
            double score = z.removedScore();
            if (nested) out.arrayHeader(2);
            out.bulk(m);
            out.doubleValue(score);
        }
        s.notifyKeyspace(KeyspaceEvents.ZSET, max ? "zpopmax" : "zpopmin", key);
        SortedSetCommands.afterRemoval(s, key, z, before);
        s.dirty(take);
        return key;
    }

    /** ZMPOP numkeys key [key ...] MIN | MAX [COUNT count]: pops from the first non-empty set; [key, [[member, score]...]]. */
    void zmpop(Session s, byte[][] argv, ReplySink out) {
        mpop(s, argv, 1, false, out);
    }

    /** BZMPOP timeout numkeys key [key ...] MIN | MAX [COUNT count]: ZMPOP, blocking while all sets are empty. */
    void bzmpop(Session s, byte[][] argv, ReplySink out) {
        mpop(s, argv, 2, true, out);
    }

    private void mpop(Session s, byte[][] argv, int numkeysIndex, boolean blocking, ReplySink out) {
        long numkeys = Arguments.parseLong(argv[numkeysIndex], "ERR numkeys should be greater than 0");
        if (numkeys < 1) throw new CommandError("ERR numkeys should be greater than 0");
        if (numkeys >= argv.length) throw new CommandError(SYNTAX); // (and no overflow below)
        long whereIndex = numkeysIndex + numkeys + 1;
        if (whereIndex >= argv.length) throw new CommandError(SYNTAX);
        boolean max;
        if (is(argv[(int) whereIndex], "min")) max = false;
        else if (is(argv[(int) whereIndex], "max")) max = true;
        else throw new CommandError(SYNTAX);
        long count = -1;
        for (int j = (int) whereIndex + 1; j < argv.length; j++) {
            if (count == -1 && is(argv[j], "count") && j + 1 < argv.length) {
                count = Arguments.parseLong(argv[++j], "ERR count should be greater than 0");
                if (count < 1) throw new CommandError("ERR count should be greater than 0");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        if (count == -1) count = 1;
        int first = numkeysIndex + 1, n = (int) numkeys;
        if (!blocking) {
            byte[] key = pop(s, argv, first, n, max, true, count, true, true, out);
            if (key != null) s.propagateAs(max ? ZPOPMAX : ZPOPMIN, key, Arguments.bytes(count));
            return;
        }
        long deadline = zsets.server().blocked().deadline(argv[1], true);
        serveOrBlock(s, argv, first, n, max, count, true, deadline, out);
    }

    /** BZPOPMIN key [key ...] timeout: pops the lowest member of the first non-empty set, blocking while all are empty. */
    void bzpopmin(Session s, byte[][] argv, ReplySink out) {
        bzpop(s, argv, false, out);
    }

    /** BZPOPMAX key [key ...] timeout: pops the highest member of the first non-empty set, blocking while all are empty. */
    void bzpopmax(Session s, byte[][] argv, ReplySink out) {
        bzpop(s, argv, true, out);
    }

    private void bzpop(Session s, byte[][] argv, boolean max, ReplySink out) {
        long deadline = zsets.server().blocked().deadline(argv[argv.length - 1], true);
        serveOrBlock(s, argv, 1, argv.length - 2, max, -1, false, deadline, out);
    }

    /**
     * Serves from the first non-empty set among the keys (each checked for type on the way), or
     * blocks on all of them; a client that cannot block gets the timeout reply at once.
     */
    private void serveOrBlock(Session s, byte[][] argv, int first, int n, boolean max, long count, boolean mpop, long deadline,
                              ReplySink out) {
        Database db = s.db();
        // run again for a blocked client: as in 7.0, a key that now holds another type is not ready
        boolean retry = zsets.server().blocked().isBlocked(s);
        for (int i = first; i < first + n; i++) {
            SortedSetValue z;
            if (retry) {
                z = db.lookupWrite(argv[i]) instanceof SortedSetValue v ? v : null;
            } else {
                z = SortedSetCommands.writeZset(db, argv[i]);
            }
            if (z != null && z.size() > 0) {
                pop(s, argv, i, 1, max, true, count, mpop, mpop, out);
                if (mpop) s.propagateAs(max ? ZPOPMAX : ZPOPMIN, argv[i], Arguments.bytes(count));
                else s.propagateAs(max ? ZPOPMAX : ZPOPMIN, argv[i]);
                return;
            }
        }
        if (!s.canBlock()) {
            out.nullArray();
            return;
        }
        zsets.server().blocked().block(s, Arrays.copyOfRange(argv, first, first + n), deadline, argv, o -> o.nullArray());
    }
}
