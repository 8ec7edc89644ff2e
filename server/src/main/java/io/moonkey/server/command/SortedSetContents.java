package io.moonkey.server.command;

import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.replication.RdbWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A whole sorted set in the forms the whole-value operations need: its DEBUG DIGEST
 * contribution, the ZADD commands an AOF rewrite emits, and its RDB record. For
 * {@code ValueContents}, {@code DatasetCommands} and {@code RdbSnapshot} to call.
 */
public final class SortedSetContents {
    private SortedSetContents() {}

    /** RDB_TYPE_ZSET_2: members with binary double scores. */
    private static final int RDB_TYPE_ZSET_2 = 5;
    /** Valkey's AOF_REWRITE_ITEMS_PER_CMD. */
    private static final int ITEMS_PER_COMMAND = 64;
    private static final byte[] ZADD = Arguments.bytes("ZADD");

    /**
     * Adds the set to a value digest as Valkey's xorObjectDigest does: per member, a fresh digest
     * mixed with the member and its score as "%.17g", xored into {@code d} (order-independent).
     */
    static void digest(DatasetDigest dd, byte[] d, SortedSetValue z) {
        z.forEach((member, score) -> {
            byte[] element = new byte[20];
            dd.mix(element, member);
            dd.mix(element, DatasetDigest.score(score));
            dd.xorIn(d, element);
        });
    }

    /** The commands that rebuild the set: ZADD key score member ..., at most 64 members each, ascending. */
    public static void rewrite(byte[] key, SortedSetValue z, Consumer<byte[][]> out) {
        List<byte[]> argv = new ArrayList<>(2 + 2 * ITEMS_PER_COMMAND);
        z.forEach((member, score) -> {
            if (argv.isEmpty()) {
                argv.add(ZADD);
                argv.add(key);
            }
            argv.add(Arguments.bytes(io.moonkey.server.resp.DoubleFormat.format(score)));
            argv.add(member);
            if (argv.size() == 2 + 2 * ITEMS_PER_COMMAND) {
                out.accept(argv.toArray(new byte[0][]));
                argv.clear();
            }
        });
        if (!argv.isEmpty()) out.accept(argv.toArray(new byte[0][]));
    }

    /** The set's RDB record (ZSET_2), members from the highest to the lowest as Valkey saves them. */
    public static void rdb(RdbWriter w, long expireAtMs, byte[] key, SortedSetValue z) {
        w.record(expireAtMs, RDB_TYPE_ZSET_2, key);
        w.length(z.size());
        z.forEachDescending((member, score) -> {
            w.string(member);
            w.binaryDouble(score);
        });
    }
}
