package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CLUSTER SLOT-STATS (Valkey 8): per-slot usage of the slots this node serves, as
 * {@code [slot, {key-count: n}]} entries, for a slot range in slot order or ordered by a metric.
 * Only {@code key-count} is kept (the CPU and network metrics need cluster-slot-stats-enabled,
 * which this server does not offer).
 */
final class SlotStats {
    private final Cluster cluster;

    SlotStats(Cluster cluster) {
        this.cluster = cluster;
    }

    /** CLUSTER SLOT-STATS SLOTSRANGE start end | ORDERBY metric [LIMIT n] [ASC|DESC]. */
    void run(byte[][] argv, ReplySink out) {
        if (argv.length == 5 && Arguments.is(argv[2], "slotsrange")) {
            int from = ClusterCommand.slotArg(argv[3]);
            int to = ClusterCommand.slotArg(argv[4]);
            if (from > to) throw new CommandError("ERR Start slot number " + from + " is greater than end slot number " + to);
            ClusterState st = cluster.state();
            int n = 0;
            for (int s = from; s <= to; s++) if (st.serves(s)) n++;
            out.arrayHeader(n);
            for (int s = from; s <= to; s++) if (st.serves(s)) entry(s, out);
        } else if (argv.length >= 4 && Arguments.is(argv[2], "orderby")) {
            orderBy(argv, out);
        } else {
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '"
                    + new String(argv[1], StandardCharsets.ISO_8859_1) + "'. Try CLUSTER HELP.");
        }
    }

    private void orderBy(byte[][] argv, ReplySink out) {
        if (!Arguments.is(argv[3], "key-count")) throw new CommandError("ERR Unrecognized sort metric for ORDERBY.");
        boolean desc = true;
        long limit = HashSlot.COUNT;
        int limits = 0, orders = 0;
        for (int i = 4; i < argv.length; i++) {
            if (Arguments.is(argv[i], "limit") && i + 1 < argv.length) {
                limit = Arguments.parseLong(argv[++i], "ERR Limit has to lie in between 1 and 16384 (maximum number of slots).");
                if (limit < 1 || limit > HashSlot.COUNT) {
                    throw new CommandError("ERR Limit has to lie in between 1 and 16384 (maximum number of slots).");
                }
                limits++;
            } else if (Arguments.is(argv[i], "asc")) {
                desc = false;
                orders++;
            } else if (Arguments.is(argv[i], "desc")) {
                desc = true;
                orders++;
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
            if (limits > 1 || orders > 1) throw new CommandError("ERR Multiple filters of the same type are disallowed.");
        }
        // sort (count, slot) pairs packed in longs: by count, ties by ascending slot
        ClusterState st = cluster.state();
        long[] keys = new long[st.servedCount()];
        int n = 0;
        for (int s = st.nextServed(0); s >= 0; s = st.nextServed(s + 1)) {
            long count = cluster.keysInSlot(s);
            keys[n++] = ((desc ? Integer.MAX_VALUE - count : count) << 14) | s;
        }
        Arrays.sort(keys);
        int len = (int) Math.min(limit, n);
        out.arrayHeader(len);
        for (int i = 0; i < len; i++) entry((int) (keys[i] & (HashSlot.COUNT - 1)), out);
    }

    private void entry(int slot, ReplySink out) {
        out.arrayHeader(2);
        out.integer(slot);
        out.mapHeader(1);
        out.bulk("key-count");
        out.integer(cluster.keysInSlot(slot));
    }
}
