package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Glob;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.zset.EntryCursor;
import io.moonkey.datastore.zset.LexRange;
import io.moonkey.datastore.zset.ScoreRange;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.config.ConfigParam;
import io.moonkey.server.resp.DoubleFormat;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sorted-set commands: ZADD and its flags, scores, ranks, counts, random members and ZSCAN;
 * registers the ranges ({@link SortedSetRangeCommands}), pops ({@link SortedSetPopCommands}) and
 * the algebra ({@link SortedSetAlgebra}) too.
 */
public final class SortedSetCommands {
    static final String GROUP = "sorted-set";
    private static final byte[] ZERO = {'0'};

    private final Server server;
    private final ConfigParam maxEntries, maxValue;

    public SortedSetCommands(Server server) {
        this.server = server;
        this.maxEntries = server.config().param("zset-max-listpack-entries");
        this.maxValue = server.config().param("zset-max-listpack-value");
    }

    public void register(CommandTable t) {
        t.add(spec("zadd", -4, "write denyoom fast", "1.2.0",
                "Adds one or more members to a sorted set, or updates their scores. Creates the key if it doesn't exist.", this::zadd)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(spec("zincrby", 4, "write denyoom fast", "1.2.0", "Increments the score of a member in a sorted set.", this::zincrby)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(spec("zrem", -3, "write fast", "1.2.0",
                "Removes one or more members from a sorted set. Deletes the sorted set if all members were removed.", this::zrem)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)));
        t.add(spec("zscore", 3, "readonly fast", "1.2.0", "Returns the score of a member in a sorted set.", this::zscore)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zmscore", -3, "readonly fast", "6.2.0", "Returns the score of one or more members in a sorted set.", this::zmscore)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zcard", 2, "readonly fast", "1.2.0", "Returns the number of members in a sorted set.", this::zcard)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("zcount", 4, "readonly fast", "2.0.0", "Returns the count of members in a sorted set that have scores within a range.",
                this::zcount).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zlexcount", 4, "readonly fast", "2.8.9", "Returns the number of members in a sorted set within a lexicographical range.",
                this::zlexcount).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrank", -3, "readonly fast", "2.0.0", "Returns the index of a member in a sorted set ordered by ascending scores.",
                this::zrank).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrevrank", -3, "readonly fast", "2.0.0", "Returns the index of a member in a sorted set ordered by descending scores.",
                this::zrevrank).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrandmember", -2, "readonly", "6.2.0", "Returns one or more random members from a sorted set.", this::zrandmember)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zscan", -3, "readonly", "2.8.0", "Iterates over members and scores of a sorted set.", this::zscan)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        new SortedSetRangeCommands(this).register(t);
        new SortedSetPopCommands(this).register(t);
        new SortedSetAlgebra(this).register(t);
    }

    /** A command of this group; its ACL categories follow from the flags, as Valkey derives them. */
    static CommandSpec spec(String name, int arity, String flags, String since, String summary, Command handler) {
        CommandSpec c = new CommandSpec(name, arity, flags, GROUP, since, summary, handler);
        List<String> acl = new ArrayList<>(4);
        if (c.has(CommandFlag.WRITE)) acl.add("write");
        if (c.has(CommandFlag.READONLY)) acl.add("read");
        acl.add("sortedset");
        acl.add(c.has(CommandFlag.FAST) ? "fast" : "slow");
        if (c.has(CommandFlag.BLOCKING)) acl.add("blocking");
        return c.acl(acl.toArray(new String[0]));
    }

    Server server() {
        return server;
    }

    // ---- shared value access --------------------------------------------------------------------

    /** The sorted set at {@code key} for reading, null if missing, WRONGTYPE if another type. */
    static SortedSetValue readZset(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null) return null;
        if (v instanceof SortedSetValue z) return z;
        throw new CommandError(WRONGTYPE);
    }

    static SortedSetValue writeZset(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null) return null;
        if (v instanceof SortedSetValue z) return z;
        throw new CommandError(WRONGTYPE);
    }

    long maxListpackEntries() {
        return Long.parseLong(maxEntries.value());
    }

    long maxListpackValue() {
        return Long.parseLong(maxValue.value());
    }

    /** Whether a stored result of {@code size} members, the longest {@code maxLen} bytes, is a listpack. */
    boolean fitsListpack(long size, long maxLen) {
        return size <= maxListpackEntries() && maxLen <= maxListpackValue();
    }

    /**
     * Stores a computed result at {@code dst} as the STORE commands do: an empty result deletes the
     * key; a small one is kept in the listpack encoding. Replies the result's size.
     */
    void storeResult(Session s, byte[] dst, SortedSetValue result, String event, ReplySink out) {
        Database db = s.db();
        if (result.size() > 0) {
            if (fitsListpack(result.size(), result.maxMemberLength())) result.toListpack();
            db.put(dst, result, false);
            s.notifyKeyspace(KeyspaceEvents.ZSET, event, dst);
            s.dirty();
            out.integer(result.size());
        } else {
            out.integer(0);
            if (db.delete(dst)) {
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", dst);
                s.dirty();
            }
        }
    }

    /** After removals from the set at {@code key}: deletes the key if it is empty, else accounts the size change. */
    static void afterRemoval(Session s, byte[] key, SortedSetValue z, long sizeBefore) {
        if (z.size() == 0) {
            s.db().delete(key);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
        } else {
            s.db().resized(key, z.memoryUsage() - sizeBefore);
        }
    }

    /** Writes a member and optionally its score: flat in RESP2, a [member, score] pair in RESP3. */
    static void replyEntry(ReplySink out, byte[] member, double score, boolean withScores) {
        if (withScores && out.protocol() > 2) out.arrayHeader(2);
        out.bulk(member);
        if (withScores) out.doubleValue(score);
    }

    /** The array header for {@code n} entries, with or without scores. */
    static void replyEntriesHeader(ReplySink out, int n, boolean withScores) {
        out.arrayHeader(withScores && out.protocol() == 2 ? n * 2 : n);
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * ZADD key [NX | XX] [GT | LT] [CH] [INCR] score member [score member ...]: adds members or
     * updates their scores; the number added (changed, with CH), or with INCR the new score.
     */
    void zadd(Session s, byte[][] argv, ReplySink out) {
        boolean nx = false, xx = false, gt = false, lt = false, ch = false, incr = false;
        int i = 2;
        for (; i < argv.length; i++) {
            byte[] a = argv[i];
            if (is(a, "nx")) nx = true;
            else if (is(a, "xx")) xx = true;
            else if (is(a, "gt")) gt = true;
            else if (is(a, "lt")) lt = true;
            else if (is(a, "ch")) ch = true;
            else if (is(a, "incr")) incr = true;
            else break;
        }
        int pairs = argv.length - i;
        if (pairs == 0 || pairs % 2 != 0) throw new CommandError(SYNTAX);
        pairs /= 2;
        if (nx && xx) throw new CommandError("ERR XX and NX options at the same time are not compatible");
        if ((gt && nx) || (lt && nx) || (gt && lt)) {
            throw new CommandError("ERR GT, LT, and/or NX options at the same time are not compatible");
        }
        if (incr && pairs > 1) throw new CommandError("ERR INCR option supports a single increment-element pair");
        addGeneric(s, argv, i, pairs, nx, xx, gt, lt, ch, incr, out);
    }

    /** ZINCRBY key increment member: adds to the member's score (0 if new); the new score. */
    void zincrby(Session s, byte[][] argv, ReplySink out) {
        addGeneric(s, argv, 2, 1, false, false, false, false, false, true, out);
    }

    private void addGeneric(Session s, byte[][] argv, int first, int pairs, boolean nx, boolean xx, boolean gt, boolean lt,
                            boolean ch, boolean incr, ReplySink out) {
        // every score is checked before anything changes; one pair (the common case) needs no array
        double single = SortedSetArguments.score(argv[first]);
        double[] scores = null;
        if (pairs > 1) {
            scores = new double[pairs];
            scores[0] = single;
            for (int p = 1; p < pairs; p++) scores[p] = SortedSetArguments.score(argv[first + 2 * p]);
        }
        Database db = s.db();
        byte[] key = argv[1];
        SortedSetValue z = writeZset(db, key);
        boolean created = z == null;
        if (created) {
            if (xx) {
                if (incr) out.nullBulk();
                else out.integer(0);
                return;
            }
            z = SortedSetValue.create(maxListpackEntries() != 0 && maxListpackValue() >= argv[first + 1].length);
        }
        long before = created ? 0 : z.memoryUsage();
        int added = 0, updated = 0, processed = 0;
        double score = 0;
        for (int p = 0; p < pairs; p++) {
            byte[] member = argv[first + 2 * p + 1];
            score = scores == null ? single : scores[p];
            double current = z.score(member);
            if (!Double.isNaN(current)) {
                if (nx) continue;
                if (incr) {
                    score += current;
                    if (Double.isNaN(score)) {
                        finishAdd(s, key, z, created, before, added, updated, incr);
                        throw new CommandError("ERR resulting score is not a number (NaN)");
                    }
                }
                if ((lt && score >= current) || (gt && score <= current)) continue;
                processed++;
                if (score != current) {
                    z.changeScore(member, current, score);
                    updated++;
                }
            } else {
                if (xx) continue;
                if (z.isCompact() && (z.size() + 1 > maxListpackEntries() || member.length > maxListpackValue())) z.toSkiplist();
                z.add(member, score);
                added++;
                processed++;
            }
        }
        finishAdd(s, key, z, created, before, added, updated, incr);
        if (incr) {
            if (processed > 0) out.doubleValue(score);
            else out.nullBulk();
        } else {
            out.integer(ch ? added + updated : added);
        }
    }

    private static void finishAdd(Session s, byte[] key, SortedSetValue z, boolean created, long before, int added, int updated,
                                  boolean incr) {
        if (added + updated == 0) return;
        if (created) s.db().put(key, z, false);
        else s.db().resized(key, z.memoryUsage() - before);
        s.dirty(added + updated);
        s.notifyKeyspace(KeyspaceEvents.ZSET, incr ? "zincr" : "zadd", key);
    }

    /** ZREM key member [member ...]: removes members; how many were there. */
    void zrem(Session s, byte[][] argv, ReplySink out) {
        byte[] key = argv[1];
        SortedSetValue z = writeZset(s.db(), key);
        if (z == null) {
            out.integer(0);
            return;
        }
        long before = z.memoryUsage();
        int removed = 0;
        for (int i = 2; i < argv.length && z.size() > 0; i++) {
            if (!Double.isNaN(z.remove(argv[i]))) removed++;
        }
        if (removed > 0) {
            s.notifyKeyspace(KeyspaceEvents.ZSET, "zrem", key);
            afterRemoval(s, key, z, before);
            s.dirty(removed);
        }
        out.integer(removed);
    }

    /** ZSCORE key member: the member's score, or nil. */
    void zscore(Session s, byte[][] argv, ReplySink out) {
        SortedSetValue z = readZset(s.db(), argv[1]);
        double d = z == null ? Double.NaN : z.score(argv[2]);
        if (Double.isNaN(d)) out.nullBulk();
        else out.doubleValue(d);
    }

    /** ZMSCORE key member [member ...]: each member's score, or nil. */
    void zmscore(Session s, byte[][] argv, ReplySink out) {
        SortedSetValue z = readZset(s.db(), argv[1]);
        out.arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            double d = z == null ? Double.NaN : z.score(argv[i]);
            if (Double.isNaN(d)) out.nullBulk();
            else out.doubleValue(d);
        }
    }

    /** ZCARD key: the number of members (0 for a missing key). */
    void zcard(Session s, byte[][] argv, ReplySink out) {
        SortedSetValue z = readZset(s.db(), argv[1]);
        out.integer(z == null ? 0 : z.size());
    }

    /** ZCOUNT key min max: how many scores lie in the range. */
    void zcount(Session s, byte[][] argv, ReplySink out) {
        ScoreRange r = SortedSetArguments.scoreRange(argv[2], argv[3]);
        SortedSetValue z = readZset(s.db(), argv[1]);
        if (z == null) {
            out.integer(0);
            return;
        }
        out.integer(Math.max(0, z.scoreRangeEnd(r) - z.scoreRangeStart(r)));
    }

    /** ZLEXCOUNT key min max: how many members lie in the lexicographical range. */
    void zlexcount(Session s, byte[][] argv, ReplySink out) {
        LexRange r = SortedSetArguments.lexRange(argv[2], argv[3]);
        SortedSetValue z = readZset(s.db(), argv[1]);
        if (z == null || r.isEmpty()) {
            out.integer(0);
            return;
        }
        out.integer(Math.max(0, z.lexRangeEnd(r) - z.lexRangeStart(r)));
    }

    /**
     * ZRANK key member [WITHSCORE]: the member's 0-based rank by ascending score, or nil; with
     * WITHSCORE also its score (Valkey, from 7.2).
     */
    void zrank(Session s, byte[][] argv, ReplySink out) {
        rankGeneric(s, argv, out, false);
    }

    /** ZREVRANK key member [WITHSCORE]: the member's 0-based rank by descending score, or nil. */
    void zrevrank(Session s, byte[][] argv, ReplySink out) {
        rankGeneric(s, argv, out, true);
    }

    private void rankGeneric(Session s, byte[][] argv, ReplySink out, boolean reverse) {
        if (argv.length > 4) throw new CommandError("ERR wrong number of arguments for '" + (reverse ? "zrevrank" : "zrank") + "' command");
        boolean withScore = argv.length == 4;
        if (withScore && !is(argv[3], "withscore")) throw new CommandError(SYNTAX);
        SortedSetValue z = readZset(s.db(), argv[1]);
        double d = z == null ? Double.NaN : z.score(argv[2]);
        if (Double.isNaN(d)) {
            if (withScore) out.nullArray();
            else out.nullBulk();
            return;
        }
        int r = z.rank(argv[2], d);
        if (withScore) out.arrayHeader(2);
        out.integer(reverse ? z.size() - 1 - r : r);
        if (withScore) out.doubleValue(d);
    }

    /**
     * ZRANDMEMBER key [count [WITHSCORES]]: one random member; with a count, that many distinct
     * members (a negative count: that many, repeats allowed).
     */
    void zrandmember(Session s, byte[][] argv, ReplySink out) {
        if (argv.length >= 3) {
            long l = Arguments.parseLong(argv[2]);
            if (l < -Long.MAX_VALUE) {
                throw new CommandError("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
            }
            boolean withScores = false;
            if (argv.length > 4 || (argv.length == 4 && !is(argv[3], "withscores"))) throw new CommandError(SYNTAX);
            if (argv.length == 4) {
                withScores = true;
                if (l < -Long.MAX_VALUE / 2 || l > Long.MAX_VALUE / 2) throw new CommandError("ERR value is out of range");
            }
            randomMembers(s, argv[1], l, withScores, out);
            return;
        }
        SortedSetValue z = readZset(s.db(), argv[1]);
        if (z == null) {
            out.nullBulk();
            return;
        }
        out.bulk(z.cursorAt(ThreadLocalRandom.current().nextInt(z.size())).member());
    }

    private void randomMembers(Session s, byte[] key, long l, boolean withScores, ReplySink out) {
        SortedSetValue z = readZset(s.db(), key);
        if (z == null || l == 0) {
            out.arrayHeader(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int size = z.size();
        EntryCursor c = SortedSetValue.newCursor();
        if (l < 0 || l == 1) {
            long count = l < 0 ? -l : 1;
            if (count > Integer.MAX_VALUE) throw new CommandError("ERR value is out of range"); // cannot be answered anyway
            replyEntriesHeader(out, (int) count, withScores);
            for (long i = 0; i < count; i++) {
                z.seek(c, rnd.nextInt(size));
                replyEntry(out, c.member(), c.score(), withScores);
            }
            return;
        }
        if (l >= size) { // the whole set
            replyEntriesHeader(out, size, withScores);
            z.forEach((m, sc) -> replyEntry(out, m, sc, withScores));
            return;
        }
        int count = (int) l;
        replyEntriesHeader(out, count, withScores);
        if (count * 3L > size) {
            // most of the set: a partial Fisher-Yates shuffle over the rank space
            int[] ranks = new int[size];
            for (int i = 0; i < size; i++) ranks[i] = i;
            for (int i = 0; i < count; i++) {
                int j = i + rnd.nextInt(size - i);
                int t = ranks[i];
                ranks[i] = ranks[j];
                ranks[j] = t;
                z.seek(c, ranks[i]);
                replyEntry(out, c.member(), c.score(), withScores);
            }
            return;
        }
        // a small part: random ranks, redrawn when already taken
        IntOpenHashSet taken = new IntOpenHashSet(count);
        while (taken.size() < count) {
            int r = rnd.nextInt(size);
            if (!taken.add(r)) continue;
            z.seek(c, r);
            replyEntry(out, c.member(), c.score(), withScores);
        }
    }

    /** ZSCAN key cursor [MATCH pattern] [COUNT count]: one step of iterating members and scores. */
    void zscan(Session s, byte[][] argv, ReplySink out) {
        long cursor = KeyCommands.parseCursor(argv[2]);
        SortedSetValue z = readZset(s.db(), argv[1]);
        if (z == null) { // the options are not even looked at
            out.arrayHeader(2);
            out.bulk(ZERO);
            out.arrayHeader(0);
            return;
        }
        byte[] match = null;
        long count = 10;
        for (int i = 3; i < argv.length; i++) {
            int left = argv.length - i;
            if (is(argv[i], "count") && left >= 2) {
                count = Arguments.parseLong(argv[++i]);
                if (count < 1) throw new CommandError(SYNTAX);
            } else if (is(argv[i], "match") && left >= 2) {
                match = argv[++i];
                if (match.length == 1 && match[0] == '*') match = null;
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        byte[] pattern = match;
        List<byte[]> members = new ArrayList<>();
        DoubleArrayList scores = new DoubleArrayList();
        long[] visited = {0}; // COUNT bounds the entries visited, before MATCH filters them
        SortedSetValue.EntryVisitor collect = (m, sc) -> {
            visited[0]++;
            if (pattern != null && !Glob.matches(pattern, m)) return;
            members.add(m);
            scores.add(sc);
        };
        long next = 0;
        if (z.isCompact()) {
            z.forEach(collect); // a listpack is returned whole in one call, whatever the cursor
        } else {
            long budget = count * 10;
            next = cursor;
            do {
                next = z.scan(next, collect);
            } while (next != 0 && budget-- > 0 && visited[0] < count);
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(next));
        out.arrayHeader(members.size() * 2);
        for (int i = 0; i < members.size(); i++) {
            out.bulk(members.get(i));
            double sc = scores.getDouble(i);
            out.bulk(z.isCompact() ? listpackText(sc) : DoubleFormat.format(sc));
        }
    }

    /**
     * A score as a listpack holds it (ZSCAN returns the stored text): integers up to 2^62 in
     * integer form, anything else as %.17g.
     */
    static String listpackText(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= 0x1p62) return Long.toString((long) d);
        return DoubleFormat.format(d);
    }
}
