package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.SortedSetCommands.replyEntriesHeader;
import static io.moonkey.server.command.SortedSetCommands.replyEntry;
import static io.moonkey.server.command.SortedSetCommands.spec;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2DoubleMap;
import it.unimi.dsi.fastutil.objects.Object2DoubleOpenCustomHashMap;
import it.unimi.dsi.fastutil.objects.ObjectOpenCustomHashSet;
import java.util.Arrays;
import java.util.Comparator;

/**
 * ZUNION, ZINTER, ZDIFF (and their STORE forms) and ZINTERCARD, as Valkey's
 * zunionInterDiffGenericCommand: inputs may be sorted sets or plain sets (every member scored 1),
 * weighted, aggregated by SUM, MIN or MAX.
 */
final class SortedSetAlgebra {
    private enum Op { UNION, INTER, DIFF }

    private enum Aggregate { SUM, MIN, MAX }

    private final SortedSetCommands zsets;

    SortedSetAlgebra(SortedSetCommands zsets) {
        this.zsets = zsets;
    }

    void register(CommandTable t) {
        t.add(spec("zunion", -3, "readonly movablekeys", "6.2.0", "Returns the union of multiple sorted sets.", this::zunion)
                .keys(KeySpec.keynum("RO ACCESS", 1, 0, 1, 1)));
        t.add(spec("zinter", -3, "readonly movablekeys", "6.2.0", "Returns the intersect of multiple sorted sets.", this::zinter)
                .keys(KeySpec.keynum("RO ACCESS", 1, 0, 1, 1)));
        t.add(spec("zdiff", -3, "readonly movablekeys", "6.2.0", "Returns the difference between multiple sorted sets.", this::zdiff)
                .keys(KeySpec.keynum("RO ACCESS", 1, 0, 1, 1)));
        t.add(spec("zunionstore", -4, "write denyoom movablekeys", "2.0.0", "Stores the union of multiple sorted sets in a key.",
                this::zunionstore).keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(spec("zinterstore", -4, "write denyoom movablekeys", "2.0.0", "Stores the intersect of multiple sorted sets in a key.",
                this::zinterstore).keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(spec("zdiffstore", -4, "write denyoom movablekeys", "6.2.0", "Stores the difference of multiple sorted sets in a key.",
                this::zdiffstore).keys(KeySpec.range("OW UPDATE", 1, 0, 1)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(spec("zintercard", -3, "readonly movablekeys", "7.0.0", "Returns the number of members of the intersect of multiple sorted sets.",
                this::zintercard).keys(KeySpec.keynum("RO ACCESS", 1, 0, 1, 1)));
    }

    /** ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]. */
    void zunion(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 1, null, Op.UNION, false, "zunion", out);
    }

    /** ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX] [WITHSCORES]. */
    void zinter(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 1, null, Op.INTER, false, "zinter", out);
    }

    /** ZDIFF numkeys key [key ...] [WITHSCORES]: the members of the first set in none of the others. */
    void zdiff(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 1, null, Op.DIFF, false, "zdiff", out);
    }

    /** ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]. */
    void zunionstore(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 2, argv[1], Op.UNION, false, "zunionstore", out);
    }

    /** ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM | MIN | MAX]. */
    void zinterstore(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 2, argv[1], Op.INTER, false, "zinterstore", out);
    }

    /** ZDIFFSTORE destination numkeys key [key ...]. */
    void zdiffstore(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 2, argv[1], Op.DIFF, false, "zdiffstore", out);
    }

    /** ZINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, counting stopped at the limit. */
    void zintercard(Session s, byte[][] argv, ReplySink out) {
        compute(s, argv, 1, null, Op.INTER, true, "zintercard", out);
    }

    /** One input: a sorted set, a set (members score 1), or a missing key (empty). */
    private static final class Input {
        final Value value;
        double weight = 1;
        private ObjectOpenCustomHashSet<byte[]> setMembers; // a set's members, built on first lookup

        Input(Value value) {
            this.value = value;
        }

        long size() {
            if (value == null) return 0;
            return ((Elements) value).elementCount();
        }

        /** The member's score here, NaN if absent. */
        double find(byte[] member) {
            if (value == null) return Double.NaN;
            if (value instanceof SortedSetValue z) return z.score(member);
            if (setMembers == null) {
                setMembers = new ObjectOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);
                ((Elements) value).forEachElement(m -> setMembers.add(m.clone()));
            }
            return setMembers.contains(member) ? 1.0 : Double.NaN;
        }

        void forEach(SortedSetValue.EntryVisitor v) {
            if (value == null) return;
            if (value instanceof SortedSetValue z) z.forEach(v);
            else ((Elements) value).forEachElement(m -> v.visit(m.clone(), 1.0));
        }
    }

    private void compute(Session s, byte[][] argv, int numkeysIndex, byte[] dst, Op op, boolean cardOnly, String name,
                         ReplySink out) {
        long setnum = Arguments.parseLong(argv[numkeysIndex]);
        if (setnum < 1) throw new CommandError("ERR at least 1 input key is needed for '" + name + "' command");
        if (setnum > argv.length - (numkeysIndex + 1)) throw new CommandError(SYNTAX);
        Database db = s.db();
        int n = (int) setnum;
        Input[] inputs = new Input[n];
        int j = numkeysIndex + 1;
        for (int i = 0; i < n; i++, j++) {
            Value v = db.lookupRead(argv[j]); // a read lookup (hit/miss counted) even for the STORE forms, as 7.0
            if (v != null && !(v instanceof SortedSetValue) && !(v.type() == ValueType.SET && v instanceof Elements)) {
                throw new CommandError(WRONGTYPE);
            }
            inputs[i] = new Input(v);
        }
        Aggregate aggregate = Aggregate.SUM;
        boolean withScores = false;
        long limit = 0;
        while (j < argv.length) {
            int remaining = argv.length - j;
            if (op != Op.DIFF && !cardOnly && remaining >= n + 1 && is(argv[j], "weights")) {
                j++;
                for (int i = 0; i < n; i++, j++) {
                    inputs[i].weight = SortedSetArguments.score(argv[j], "ERR weight value is not a float");
                }
            } else if (op != Op.DIFF && !cardOnly && remaining >= 2 && is(argv[j], "aggregate")) {
                byte[] a = argv[j + 1];
                if (is(a, "sum")) aggregate = Aggregate.SUM;
                else if (is(a, "min")) aggregate = Aggregate.MIN;
                else if (is(a, "max")) aggregate = Aggregate.MAX;
                else throw new CommandError(SYNTAX);
                j += 2;
            } else if (dst == null && !cardOnly && is(argv[j], "withscores")) {
                withScores = true;
                j++;
            } else if (cardOnly && remaining >= 2 && is(argv[j], "limit")) {
                limit = Arguments.parseLong(argv[j + 1], "ERR LIMIT can't be negative");
                if (limit < 0) throw new CommandError("ERR LIMIT can't be negative");
                j += 2;
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        // smallest inputs first, as Valkey orders them (it decides the order of a SUM's additions)
        if (op != Op.DIFF) Arrays.sort(inputs, Comparator.comparingLong(Input::size));

        SortedSetValue result = SortedSetValue.create(false);
        long cardinality = 0;
        switch (op) {
            case INTER -> {
                if (inputs[0].size() == 0) break;
                final Aggregate agg = aggregate;
                final long lim = limit;
                long[] card = {0};
                boolean[] stop = {false};
                inputs[0].forEach((m, sc) -> {
                    if (stop[0]) return;
                    double score = inputs[0].weight * sc;
                    if (Double.isNaN(score)) score = 0;
                    int k = 1;
                    for (; k < n; k++) {
                        double value = inputs[k].value == inputs[0].value ? sc : inputs[k].find(m);
                        if (Double.isNaN(value)) break;
                        score = aggregate(score, value * inputs[k].weight, agg);
                    }
                    if (k < n) return;
                    if (cardOnly) {
                        card[0]++;
                        if (lim > 0 && card[0] >= lim) stop[0] = true;
                    } else {
                        result.add(m, score);
                    }
                });
                cardinality = card[0];
            }
            case UNION -> {
                Object2DoubleOpenCustomHashMap<byte[]> acc = new Object2DoubleOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
                final Aggregate agg = aggregate;
                for (Input in : inputs) {
                    in.forEach((m, sc) -> {
                        double score = in.weight * sc;
                        if (Double.isNaN(score)) score = 0;
                        if (acc.containsKey(m)) acc.put(m, aggregate(acc.getDouble(m), score, agg));
                        else acc.put(m, score);
                    });
                }
                for (Object2DoubleMap.Entry<byte[]> e : acc.object2DoubleEntrySet()) result.add(e.getKey(), e.getDoubleValue());
            }
            case DIFF -> inputs[0].forEach((m, sc) -> {
                for (int k = 1; k < n; k++) {
                    if (inputs[k].value == inputs[0].value || !Double.isNaN(inputs[k].find(m))) return;
                }
                result.add(m, sc);
            });
        }
        if (cardOnly) {
            out.integer(cardinality);
        } else if (dst != null) {
            zsets.storeResult(s, dst, result, name, out);
        } else {
            replyEntriesHeader(out, result.size(), withScores);
            boolean ws = withScores;
            result.forEach((m, sc) -> replyEntry(out, m, sc, ws));
        }
    }

    private static double aggregate(double target, double value, Aggregate a) {
        return switch (a) {
            case SUM -> {
                double t = target + value;
                yield Double.isNaN(t) ? 0.0 : t; // inf + -inf is 0 by Valkey's convention
            }
            case MIN -> value < target ? value : target;
            case MAX -> value > target ? value : target;
        };
    }
}
