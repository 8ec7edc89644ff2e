package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.hash.HashValue;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HRANDFIELD key [count [WITHVALUES]]. A negative count allows repeats; a positive one gives
 * distinct fields: the whole hash when it asks for as many, otherwise a random subset picked by
 * removing fields from a full copy (count near the size) or by drawing until enough are distinct.
 * With values, RESP3 gets each pair as a two-element array, RESP2 a flat array.
 */
final class HashRandomField {
    private static final String RANGE = "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";

    void hrandfield(Session s, byte[][] argv, ReplySink out) {
        if (argv.length >= 3) {
            long count = parseLong(argv[2]);
            if (count == Long.MIN_VALUE) throw new CommandError(RANGE);
            boolean withValues = false;
            if (argv.length > 4 || (argv.length == 4 && !is(argv[3], "withvalues"))) {
                throw new CommandError(SYNTAX);
            } else if (argv.length == 4) {
                withValues = true;
                if (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2) throw new CommandError("ERR value is out of range");
            }
            withCount(s, argv[1], count, withValues, out);
            return;
        }
        HashValue h = HashCommands.readHash(s.db(), argv[1]);
        if (h == null) {
            out.nullBulk();
            return;
        }
        HashCommands.replyField(out, h, h.randomPosition(ThreadLocalRandom.current()));
    }

    private void withCount(Session s, byte[] key, long count, boolean withValues, ReplySink out) {
        HashValue h = HashCommands.readHash(s.db(), key);
        if (h == null || count == 0) {
            out.arrayHeader(0);
            return;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        boolean pairs = withValues && out.protocol() > 2;
        boolean flat = withValues && out.protocol() == 2;
        if (count < 0 || count == 1) {
            long n = Math.abs(count);
            out.arrayHeader((int) (flat ? n * 2 : n));
            for (long i = 0; i < n; i++) reply(out, h, h.randomPosition(rnd), withValues, pairs);
            return;
        }
        int size = h.size();
        if (count >= size) {
            out.arrayHeader(flat ? size * 2 : size);
            for (int p = h.first(); p >= 0; p = h.next(p)) reply(out, h, p, withValues, pairs);
            return;
        }
        int n = (int) count;
        IntArrayList chosen;
        if (n * 3L > size) {
            chosen = new IntArrayList(size);
            for (int p = h.first(); p >= 0; p = h.next(p)) chosen.add(p);
            while (chosen.size() > n) {
                int i = rnd.nextInt(chosen.size());
                chosen.set(i, chosen.getInt(chosen.size() - 1));
                chosen.removeInt(chosen.size() - 1);
            }
        } else {
            IntOpenHashSet seen = new IntOpenHashSet(n);
            chosen = new IntArrayList(n);
            while (chosen.size() < n) {
                int p = h.randomPosition(rnd);
                if (seen.add(p)) chosen.add(p);
            }
        }
        out.arrayHeader(flat ? n * 2 : n);
        for (int i = 0; i < n; i++) reply(out, h, chosen.getInt(i), withValues, pairs);
    }

    private static void reply(ReplySink out, HashValue h, int pos, boolean withValues, boolean pairs) {
        if (pairs) out.arrayHeader(2);
        HashCommands.replyField(out, h, pos);
        if (withValues) HashCommands.replyValue(out, h, pos);
    }
}
