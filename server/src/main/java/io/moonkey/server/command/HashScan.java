package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Glob;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * HSCAN, and the option parsing SSCAN shares with it. A compact encoding is reported whole with
 * cursor 0, as Valkey does; a table is walked by the reverse-binary cursor, about COUNT
 * elements a call (a field and its value count as two, as in Valkey), MATCH filtering afterwards.
 */
final class HashScan {
    private static final byte[] ZERO = {'0'};

    private HashScan() {}

    /** MATCH and COUNT of HSCAN/SSCAN. */
    record Options(byte[] match, long count) {
        /** Parses the options from {@code argv[from]} on; TYPE is only for SCAN, so a syntax error here. */
        static Options parse(byte[][] argv, int from) {
            byte[] match = null;
            long count = 10;
            for (int i = from; i < argv.length; i++) {
                if (i + 1 >= argv.length) throw new CommandError(SYNTAX);
                if (is(argv[i], "count")) {
                    count = parseLong(argv[++i]);
                    if (count < 1) throw new CommandError(SYNTAX);
                } else if (is(argv[i], "match")) {
                    match = argv[++i];
                    if (Glob.matchesAll(match)) match = null;
                } else {
                    throw new CommandError(SYNTAX);
                }
            }
            return new Options(match, count);
        }

        boolean accepts(byte[] element) {
            return match == null || Glob.matches(match, element);
        }
    }

    /** The reply for a missing key: cursor 0, no elements. */
    static void replyEmpty(ReplySink out) {
        out.arrayHeader(2);
        out.bulk(ZERO);
        out.arrayHeader(0);
    }

    static void scanHash(HashValue h, long cursor, Options o, ReplySink out) {
        IntArrayList found = new IntArrayList();
        if (h.isListPack()) {
            for (int p = h.first(); p >= 0; p = h.next(p)) found.add(p);
            cursor = 0;
        } else {
            long maxIterations = o.count() * 10;
            do {
                cursor = h.scan(cursor, found::add);
            } while (cursor != 0 && maxIterations-- > 0 && found.size() * 2L < o.count());
        }
        if (o.match() != null) {
            IntArrayList kept = new IntArrayList(found.size());
            for (int i = 0; i < found.size(); i++) if (o.accepts(h.field(found.getInt(i)))) kept.add(found.getInt(i));
            found = kept;
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(found.size() * 2);
        for (int i = 0; i < found.size(); i++) {
            int p = found.getInt(i);
            HashCommands.replyField(out, h, p);
            HashCommands.replyValue(out, h, p);
        }
    }
}
