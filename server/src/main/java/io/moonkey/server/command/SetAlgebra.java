package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.set.SetLimits;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SINTER, SINTERCARD, SUNION, SDIFF and the STORE forms. Results are built into a new set that
 * starts as an intset and converts like any other, so a stored result gets the encoding Valkey
 * gives it; a missing key is an empty set.
 */
final class SetAlgebra {
    private final SetEncodingLimits limits;
    private final byte[] digits = new byte[24];

    SetAlgebra(SetEncodingLimits limits) {
        this.limits = limits;
    }

    /** SINTER key [key ...]: members in every set. */
    void sinter(Session s, byte[][] argv, ReplySink out) {
        intersect(s, argv, 1, argv.length, null, false, 0, out);
    }

    /** SINTERSTORE destination key [key ...]: stores the intersection; replies its size. */
    void sinterstore(Session s, byte[][] argv, ReplySink out) {
        intersect(s, argv, 2, argv.length, argv[1], false, 0, out);
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit]: the intersection's size, counting stops at limit (0 = none). */
    void sintercard(Session s, byte[][] argv, ReplySink out) {
        String numkeysError = "ERR numkeys should be greater than 0";
        long numkeys = Arguments.parseLong(argv[1], numkeysError);
        if (numkeys < 1) throw new CommandError(numkeysError);
        if (numkeys > argv.length - 2) throw new CommandError("ERR Number of keys can't be greater than number of args");
        long limit = 0;
        for (int i = 2 + (int) numkeys; i < argv.length; i++) {
            if (is(argv[i], "limit") && i + 1 < argv.length) {
                limit = Arguments.parseLong(argv[++i], "ERR LIMIT can't be negative");
                if (limit < 0) throw new CommandError("ERR LIMIT can't be negative");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        intersect(s, argv, 2, 2 + (int) numkeys, null, true, limit, out);
    }

    /** SUNION key [key ...]: members of any set. */
    void sunion(Session s, byte[][] argv, ReplySink out) {
        unionOrDiff(s, argv, 1, null, false, out);
    }

    /** SUNIONSTORE destination key [key ...]: stores the union; replies its size. */
    void sunionstore(Session s, byte[][] argv, ReplySink out) {
        unionOrDiff(s, argv, 2, argv[1], false, out);
    }

    /** SDIFF key [key ...]: members of the first set in none of the others. */
    void sdiff(Session s, byte[][] argv, ReplySink out) {
        unionOrDiff(s, argv, 1, null, true, out);
    }

    /** SDIFFSTORE destination key [key ...]: stores the difference; replies its size. */
    void sdiffstore(Session s, byte[][] argv, ReplySink out) {
        unionOrDiff(s, argv, 2, argv[1], true, out);
    }

    /** The sets at {@code argv[from, to)}, null for missing keys; WRONGTYPE if any is not a set. */
    private static SetValue[] lookup(Database db, byte[][] argv, int from, int to, boolean forWrite) {
        SetValue[] sets = new SetValue[to - from];
        for (int j = from; j < to; j++) {
            Value v = forWrite ? db.lookupWrite(argv[j]) : db.lookupRead(argv[j]);
            if (v == null) continue;
            if (!(v instanceof SetValue sv)) throw new CommandError(WRONGTYPE);
            sets[j - from] = sv;
        }
        return sets;
    }

    private void intersect(Session s, byte[][] argv, int from, int to, byte[] dstKey, boolean cardinalityOnly, long limit,
                           ReplySink out) {
        Database db = s.db();
        SetValue[] sets = lookup(db, argv, from, to, dstKey != null);
        for (SetValue set : sets) {
            if (set == null) { // intersecting with an empty set
                if (dstKey != null) {
                    if (db.delete(dstKey)) {
                        s.dirty();
                        s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", dstKey);
                    }
                    out.integer(0);
                } else if (cardinalityOnly) {
                    out.integer(0);
                } else {
                    out.setHeader(0);
                }
                return;
            }
        }
        Arrays.sort(sets, Comparator.comparingInt(SetValue::size));
        SetValue smallest = sets[0];
        SetLimits lim = limits.get();
        long cardinality = 0;
        // Valkey starts the stored result as an intset when the smallest set is one, else as a
        // listpack, and makes it an intset at the end if every member was an integer
        SetValue result = dstKey == null ? null : smallest.isIntSet() ? new SetValue() : SetValue.listpack();
        boolean onlyIntegers = true;
        List<byte[]> reply = dstKey == null && !cardinalityOnly ? new ArrayList<>() : null;
        for (int p = smallest.first(); p >= 0; p = smallest.next(p)) {
            byte[] m = smallest.member(p);
            boolean everywhere = true;
            for (int j = 1; j < sets.length && everywhere; j++) {
                if (sets[j] != smallest && !sets[j].contains(m)) everywhere = false;
            }
            if (!everywhere) continue;
            cardinality++;
            if (cardinalityOnly) {
                if (limit != 0 && cardinality == limit) break;
            } else if (result != null) {
                if (onlyIntegers && !smallest.isIntSet()) onlyIntegers = isInteger(m);
                result.add(m, lim);
            } else {
                reply.add(m);
            }
        }
        if (cardinalityOnly) {
            out.integer(cardinality);
        } else if (result == null) {
            out.setHeader(reply.size());
            for (byte[] m : reply) out.bulk(m);
        } else {
            if (onlyIntegers && result.size() > 0) result.packIntegers(lim);
            store(s, dstKey, result, "sinterstore", out);
        }
    }

    private void unionOrDiff(Session s, byte[][] argv, int from, byte[] dstKey, boolean diff, ReplySink out) {
        Database db = s.db();
        SetValue[] sets = lookup(db, argv, from, argv.length, dstKey != null);
        boolean sameAsFirst = false;
        for (int j = 1; j < sets.length; j++) if (sets[j] != null && sets[j] == sets[0]) sameAsFirst = true;
        SetLimits lim = limits.get();
        SetValue result = new SetValue(); // an intset that each added member may convert, as Valkey's
        if (!diff) {
            for (SetValue set : sets) {
                if (set == null) continue;
                for (int p = set.first(); p >= 0; p = set.next(p)) result.add(set.member(p), lim);
            }
        } else if (sets[0] != null && !sameAsFirst) {
            // Valkey's choice between its two algorithms, kept because they leave the result in different encodings
            long checkEach = 0, removeAll = 0;
            for (SetValue set : sets) {
                if (set == null) continue;
                checkEach += sets[0].size();
                removeAll += set.size();
            }
            checkEach /= 2;
            SetValue first = sets[0];
            if (checkEach <= removeAll) {
                for (int p = first.first(); p >= 0; p = first.next(p)) {
                    byte[] m = first.member(p);
                    boolean elsewhere = false;
                    for (int j = 1; j < sets.length && !elsewhere; j++) elsewhere = sets[j] != null && sets[j].contains(m);
                    if (!elsewhere) result.add(m, lim);
                }
            } else {
                for (int p = first.first(); p >= 0; p = first.next(p)) result.add(first.member(p), lim);
                for (int j = 1; j < sets.length && result.size() > 0; j++) {
                    SetValue set = sets[j];
                    if (set == null) continue;
                    for (int p = set.first(); p >= 0 && result.size() > 0; p = set.next(p)) result.remove(set.member(p));
                }
            }
        }
        if (dstKey == null) SetCommands.replyAll(out, result, digits);
        else store(s, dstKey, result, diff ? "sdiffstore" : "sunionstore", out);
    }

    private static boolean isInteger(byte[] m) {
        return Numbers.parseCanonicalLong(m, 0, m.length) != Numbers.NOT_A_LONG || Numbers.isLongMinValue(m);
    }

    /** A new set holding the members of {@code set}, as SUNION of that one key builds it. */
    SetValue copyAsUnion(SetValue set) {
        SetLimits lim = limits.get();
        SetValue result = new SetValue();
        for (int p = set.first(); p >= 0; p = set.next(p)) result.add(set.member(p), lim);
        return result;
    }

    /** Stores a non-empty result at {@code dstKey} (dropping any TTL), or deletes the key for an empty one. */
    private static void store(Session s, byte[] dstKey, SetValue result, String event, ReplySink out) {
        Database db = s.db();
        if (result.size() > 0) {
            db.put(dstKey, result, false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.SET, event, dstKey);
            out.integer(result.size());
        } else {
            if (db.delete(dstKey)) {
                s.dirty();
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", dstKey);
            }
            out.integer(0);
        }
    }
}
