package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.SortedSetCommands.replyEntriesHeader;
import static io.moonkey.server.command.SortedSetCommands.replyEntry;
import static io.moonkey.server.command.SortedSetCommands.spec;

import io.moonkey.datastore.zset.EntryCursor;
import io.moonkey.datastore.zset.LexRange;
import io.moonkey.datastore.zset.ScoreRange;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/** ZRANGE in all its forms (by rank, score or lex, reversed, limited, stored) and the ZREMRANGEBY* commands. */
final class SortedSetRangeCommands {
    private enum By { AUTO, RANK, SCORE, LEX }

    private final SortedSetCommands zsets;

    SortedSetRangeCommands(SortedSetCommands zsets) {
        this.zsets = zsets;
    }

    void register(CommandTable t) {
        t.add(spec("zrange", -4, "readonly", "1.2.0", "Returns members in a sorted set within a range of indexes.", this::zrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrangestore", -5, "write denyoom", "6.2.0", "Stores a range of members from sorted set in a key.", this::zrangestore)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.range("RO ACCESS", 2, 0, 1)));
        t.add(spec("zrangebyscore", -4, "readonly", "1.0.5", "Returns members in a sorted set within a range of scores.",
                this::zrangebyscore).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrevrangebyscore", -4, "readonly", "2.2.0",
                "Returns members in a sorted set within a range of scores in reverse order.", this::zrevrangebyscore)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrangebylex", -4, "readonly", "2.8.9", "Returns members in a sorted set within a lexicographical range.",
                this::zrangebylex).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrevrangebylex", -4, "readonly", "2.8.9",
                "Returns members in a sorted set within a lexicographical range in reverse order.", this::zrevrangebylex)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zrevrange", -4, "readonly", "1.2.0", "Returns members in a sorted set within a range of indexes in reverse order.",
                this::zrevrange).keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("zremrangebyscore", 4, "write", "1.2.0",
                "Removes members in a sorted set within a range of scores. Deletes the sorted set if all members were removed.",
                this::zremrangebyscore).keys(KeySpec.range("RW DELETE", 1, 0, 1)));
        t.add(spec("zremrangebyrank", 4, "write", "2.0.0",
                "Removes members in a sorted set within a range of indexes. Deletes the sorted set if all members were removed.",
                this::zremrangebyrank).keys(KeySpec.range("RW DELETE", 1, 0, 1)));
        t.add(spec("zremrangebylex", 4, "write", "2.8.9",
                "Removes members in a sorted set within a lexicographical range. Deletes the sorted set if all members were removed.",
                this::zremrangebylex).keys(KeySpec.range("RW DELETE", 1, 0, 1)));
    }

    /** ZRANGE key start stop [BYSCORE | BYLEX] [REV] [LIMIT offset count] [WITHSCORES]. */
    void zrange(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.AUTO, 0, out);
    }

    /** ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]: stores the range; its size. */
    void zrangestore(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 2, argv[1], By.AUTO, 0, out);
    }

    /** ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]. */
    void zrangebyscore(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.SCORE, 1, out);
    }

    /** ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]. */
    void zrevrangebyscore(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.SCORE, -1, out);
    }

    /** ZRANGEBYLEX key min max [LIMIT offset count]. */
    void zrangebylex(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.LEX, 1, out);
    }

    /** ZREVRANGEBYLEX key max min [LIMIT offset count]. */
    void zrevrangebylex(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.LEX, -1, out);
    }

    /** ZREVRANGE key start stop [WITHSCORES]. */
    void zrevrange(Session s, byte[][] argv, ReplySink out) {
        range(s, argv, 1, null, By.RANK, -1, out);
    }

    /**
     * The ZRANGE family as Valkey's zrangeGenericCommand: options first, then the range, then the
     * key. {@code direction} 0 means REV may be given, 1 forward, -1 reverse.
     */
    private void range(Session s, byte[][] argv, int keyIndex, byte[] dst, By by, int direction, ReplySink out) {
        boolean withScores = false;
        long offset = 0, limit = -1;
        boolean limitGiven = false;
        for (int j = keyIndex + 3; j < argv.length; j++) {
            int left = argv.length - j - 1;
            if (dst == null && is(argv[j], "withscores")) {
                withScores = true;
            } else if (is(argv[j], "limit") && left >= 2) {
                offset = Arguments.parseLong(argv[j + 1]);
                limit = Arguments.parseLong(argv[j + 2]);
                limitGiven = true;
                j += 2;
            } else if (direction == 0 && is(argv[j], "rev")) {
                direction = -1;
            } else if (by == By.AUTO && is(argv[j], "bylex")) {
                by = By.LEX;
            } else if (by == By.AUTO && is(argv[j], "byscore")) {
                by = By.SCORE;
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        if (direction == 0) direction = 1;
        if (by == By.AUTO) by = By.RANK;
        // as Valkey, a LIMIT whose count is -1 is taken as no LIMIT at all
        if (limitGiven && limit != -1 && by == By.RANK) {
            throw new CommandError("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        }
        if (withScores && by == By.LEX) throw new CommandError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        boolean reverse = direction < 0;
        byte[] minArg = argv[keyIndex + 1], maxArg = argv[keyIndex + 2];
        if (reverse && by != By.RANK) {
            byte[] t = minArg;
            minArg = maxArg;
            maxArg = t;
        }
        long start = 0, end = 0;
        ScoreRange scores = null;
        LexRange lex = null;
        switch (by) {
            case RANK -> {
                start = Arguments.parseLong(minArg);
                end = Arguments.parseLong(maxArg);
            }
            case SCORE -> scores = SortedSetArguments.scoreRange(minArg, maxArg);
            default -> lex = SortedSetArguments.lexRange(minArg, maxArg);
        }
        SortedSetValue z = SortedSetCommands.readZset(s.db(), argv[keyIndex]);
        // [from, to) in ascending ranks, then walked forwards or backwards
        int from = 0, to = 0;
        if (z != null) {
            int size = z.size();
            if (by == By.RANK) {
                if (start < 0) start += size;
                if (end < 0) end += size;
                if (start < 0) start = 0;
                if (start <= end && start < size) {
                    if (end >= size) end = size - 1;
                    if (reverse) {
                        from = (int) (size - 1 - end);
                        to = (int) (size - start);
                    } else {
                        from = (int) start;
                        to = (int) end + 1;
                    }
                }
            } else {
                if (by == By.SCORE) {
                    from = z.scoreRangeStart(scores);
                    to = z.scoreRangeEnd(scores);
                } else if (!lex.isEmpty()) {
                    from = z.lexRangeStart(lex);
                    to = z.lexRangeEnd(lex);
                }
                // LIMIT: a negative offset skips everything, a negative count means no limit
                if (offset < 0 || (offset > 0 && offset >= size)) {
                    to = from;
                } else if (to > from) {
                    long n = to - from - offset;
                    if (n < 0) n = 0;
                    if (limit >= 0 && n > limit) n = limit;
                    if (reverse) {
                        to -= (int) offset;
                        from = (int) (to - n);
                    } else {
                        from += (int) offset;
                        to = (int) (from + n);
                    }
                }
            }
        }
        int n = Math.max(0, to - from);
        if (dst != null) {
            SortedSetValue result = SortedSetValue.create(false);
            if (n > 0) walk(z, from, to, reverse, (m, sc) -> result.add(m, sc));
            zsets.storeResult(s, dst, result, "zrangestore", out);
            return;
        }
        replyEntriesHeader(out, n, withScores);
        if (n > 0) {
            boolean ws = withScores;
            walk(z, from, to, reverse, (m, sc) -> replyEntry(out, m, sc, ws));
        }
    }

    /** Visits ranks [from, to) ascending, or descending when {@code reverse}. */
    static void walk(SortedSetValue z, int from, int to, boolean reverse, SortedSetValue.EntryVisitor v) {
        int n = to - from;
        EntryCursor c = z.cursorAt(reverse ? to - 1 : from);
        for (int i = 0; i < n; i++) {
            v.visit(c.member(), c.score());
            if (reverse) c.prev();
            else c.next();
        }
    }

    /** ZREMRANGEBYSCORE key min max: removes the members with scores in the range; how many. */
    void zremrangebyscore(Session s, byte[][] argv, ReplySink out) {
        ScoreRange r = SortedSetArguments.scoreRange(argv[2], argv[3]);
        SortedSetValue z = SortedSetCommands.writeZset(s.db(), argv[1]);
        if (z == null) {
            out.integer(0);
            return;
        }
        removeRanks(s, argv[1], z, z.scoreRangeStart(r), z.scoreRangeEnd(r), "zremrangebyscore", out);
    }

    /** ZREMRANGEBYRANK key start stop: removes the members with ranks in the range; how many. */
    void zremrangebyrank(Session s, byte[][] argv, ReplySink out) {
        long start = Arguments.parseLong(argv[2]), end = Arguments.parseLong(argv[3]);
        SortedSetValue z = SortedSetCommands.writeZset(s.db(), argv[1]);
        if (z == null) {
            out.integer(0);
            return;
        }
        int size = z.size();
        if (start < 0) start += size;
        if (end < 0) end += size;
        if (start < 0) start = 0;
        if (start > end || start >= size) {
            out.integer(0);
            return;
        }
        if (end >= size) end = size - 1;
        removeRanks(s, argv[1], z, (int) start, (int) end + 1, "zremrangebyrank", out);
    }

    /** ZREMRANGEBYLEX key min max: removes the members in the lexicographical range; how many. */
    void zremrangebylex(Session s, byte[][] argv, ReplySink out) {
        LexRange r = SortedSetArguments.lexRange(argv[2], argv[3]);
        SortedSetValue z = SortedSetCommands.writeZset(s.db(), argv[1]);
        if (z == null) {
            out.integer(0);
            return;
        }
        if (r.isEmpty()) {
            out.integer(0);
            return;
        }
        removeRanks(s, argv[1], z, z.lexRangeStart(r), z.lexRangeEnd(r), "zremrangebylex", out);
    }

    private static void removeRanks(Session s, byte[] key, SortedSetValue z, int from, int to, String event, ReplySink out) {
        int n = to - from;
        if (n <= 0) {
            out.integer(0);
            return;
        }
        long before = z.memoryUsage();
        for (int i = 0; i < n; i++) z.removeAt(from);
        s.notifyKeyspace(KeyspaceEvents.ZSET, event, key);
        SortedSetCommands.afterRemoval(s, key, z, before);
        s.dirty(n);
        out.integer(n);
    }
}
