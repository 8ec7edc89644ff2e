package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;

import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamId;

/**
 * The options of XADD and XTRIM as Valkey's streamParseAddOrTrimArgsOrReply reads them: MAXLEN or
 * MINID with '=' or '~', LIMIT, and for XADD NOMKSTREAM and the entry ID (which ends the options).
 */
final class StreamTrimArgs {
    enum Strategy { NONE, MAXLEN, MINID }

    Strategy strategy = Strategy.NONE;
    boolean approx;
    long maxLen = -1;
    StreamId minId = StreamId.ZERO;
    long limit;
    /** Index of the MAXLEN/MINID value (the '~' is just before it when approximate). */
    int strategyArgIndex;
    boolean noMkStream;
    /** XADD: where the ID is (argv.length or beyond when missing). */
    int idIndex;
    boolean idGiven;
    /** False for "ms-*": the sequence is generated. */
    boolean seqGiven = true;
    StreamId id;

    /** Parses from argv[2] (XADD, {@code xadd}) or argv[2] after the key (XTRIM). */
    static StreamTrimArgs parse(byte[][] argv, boolean xadd, long nodeMaxEntries) {
        StreamTrimArgs a = new StreamTrimArgs();
        boolean limitGiven = false;
        int i = 2;
        for (; i < argv.length; i++) {
            int more = argv.length - 1 - i;
            byte[] opt = argv[i];
            if (xadd && opt.length == 1 && opt[0] == '*') {
                break;
            } else if (is(opt, "maxlen") && more > 0) {
                a.checkNoStrategy();
                a.approx = false;
                byte[] next = argv[i + 1];
                if (more >= 2 && next.length == 1 && (next[0] == '~' || next[0] == '=')) {
                    a.approx = next[0] == '~';
                    i++;
                }
                a.maxLen = Arguments.parseLong(argv[i + 1]);
                if (a.maxLen < 0) throw new CommandError("ERR The MAXLEN argument must be >= 0.");
                i++;
                a.strategy = Strategy.MAXLEN;
                a.strategyArgIndex = i;
            } else if (is(opt, "minid") && more > 0) {
                a.checkNoStrategy();
                a.approx = false;
                byte[] next = argv[i + 1];
                if (more >= 2 && next.length == 1 && (next[0] == '~' || next[0] == '=')) {
                    a.approx = next[0] == '~';
                    i++;
                }
                a.minId = StreamIdArgs.parse(argv[i + 1], 0, true);
                i++;
                a.strategy = Strategy.MINID;
                a.strategyArgIndex = i;
            } else if (is(opt, "limit") && more > 0) {
                a.limit = Arguments.parseLong(argv[i + 1]);
                if (a.limit < 0) throw new CommandError("ERR The LIMIT argument must be >= 0.");
                limitGiven = true;
                i++;
            } else if (xadd && is(opt, "nomkstream")) {
                a.noMkStream = true;
            } else if (xadd) {
                if (StreamIdArgs.isAutoSequence(opt)) {
                    a.id = new StreamId(StreamIdArgs.xaddMs(opt), 0);
                    a.seqGiven = false;
                } else {
                    a.id = StreamIdArgs.parse(opt, 0, true);
                }
                a.idGiven = true;
                break;
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        a.idIndex = i;
        if (a.limit != 0 && a.strategy == Strategy.NONE) {
            throw new CommandError("ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
        }
        if (!xadd && a.strategy == Strategy.NONE) {
            throw new CommandError("ERR syntax error, XTRIM must be called with a trimming strategy");
        }
        if (limitGiven) {
            if (!a.approx) throw new CommandError("ERR syntax error, LIMIT cannot be used without the special ~ option");
        } else if (a.approx) {
            a.limit = 100 * nodeMaxEntries;
            if (a.limit <= 0) a.limit = 10000;
            if (a.limit > 1_000_000) a.limit = 1_000_000;
        }
        return a;
    }

    private void checkNoStrategy() {
        if (strategy != Strategy.NONE) {
            throw new CommandError("ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
        }
    }

    /** Trims {@code s} as parsed; returns the entries removed. */
    long trim(Stream s) {
        return switch (strategy) {
            case NONE -> 0;
            case MAXLEN -> s.trimToLength(maxLen, approx, limit);
            case MINID -> s.trimBelow(minId.ms(), minId.seq(), approx, limit);
        };
    }

    /**
     * After an approximate trim, the form replicas must replay: '=' for '~' and the threshold the
     * trim actually reached (the length, or the first ID left), so they trim exactly the same.
     */
    byte[][] exactForm(byte[][] argv, Stream s) {
        byte[][] r = argv.clone();
        r[strategyArgIndex - 1] = new byte[] {'='};
        if (strategy == Strategy.MAXLEN) {
            r[strategyArgIndex] = Arguments.bytes(s.length());
        } else {
            StreamId first = s.firstStoredId();
            r[strategyArgIndex] = first.toBytes();
        }
        return r;
    }
}
