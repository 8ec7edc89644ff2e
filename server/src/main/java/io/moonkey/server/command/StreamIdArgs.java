package io.moonkey.server.command;

import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.stream.StreamId;

/**
 * Stream ID arguments read as Valkey reads them: "ms-seq" or "ms" (the sequence then defaults),
 * "-" and "+" where allowed, "(" for exclusive range bounds; each number as string2ull (strict
 * decimal, else strtoull's leniency: leading spaces, a sign). The argument is a C string to
 * Valkey: it ends at the first NUL byte.
 */
final class StreamIdArgs {
    private StreamIdArgs() {}

    static final String INVALID = "ERR Invalid stream ID specified as stream command argument";

    /**
     * Parses an ID; {@code strict} rejects "-" and "+" (IDs that name one entry). A missing
     * sequence is {@code missingSeq}.
     */
    static StreamId parse(byte[] arg, long missingSeq, boolean strict) {
        int len = cLength(arg);
        if (arg.length > 127) throw new CommandError(INVALID);
        if (len == 1 && (arg[0] == '-' || arg[0] == '+')) {
            if (strict) throw new CommandError(INVALID);
            return arg[0] == '-' ? StreamId.ZERO : StreamId.MAX;
        }
        int dash = indexOf(arg, len, (byte) '-');
        if (dash < 0) return new StreamId(unsigned(arg, 0, len), missingSeq);
        return new StreamId(unsigned(arg, 0, dash), unsigned(arg, dash + 1, len));
    }

    /** As {@link #parse} strictly, or null instead of the error. */
    static StreamId parseOrNull(byte[] arg) {
        try {
            return parse(arg, 0, true);
        } catch (CommandError e) {
            return null;
        }
    }

    /** Whether an XADD ID has the "ms-*" form (the sequence to be generated); its ms then parses with {@link #xaddMs}. */
    static boolean isAutoSequence(byte[] arg) {
        int len = cLength(arg);
        int dash = indexOf(arg, len, (byte) '-');
        return dash >= 0 && len - dash == 2 && arg[dash + 1] == '*';
    }

    /** The ms part of an "ms-*" XADD ID. */
    static long xaddMs(byte[] arg) {
        if (arg.length > 127) throw new CommandError(INVALID);
        if (cLength(arg) == 1 && (arg[0] == '-' || arg[0] == '+')) throw new CommandError(INVALID);
        int dash = indexOf(arg, cLength(arg), (byte) '-');
        return unsigned(arg, 0, dash);
    }

    /** The start of an XRANGE-style interval: "(" excludes the ID (a strict one) itself. */
    static StreamId intervalStart(byte[] arg) {
        if (arg.length > 1 && arg[0] == '(') {
            StreamId id = parse(java.util.Arrays.copyOfRange(arg, 1, arg.length), 0, true).next();
            if (id == null) throw new CommandError("ERR invalid start ID for the interval");
            return id;
        }
        return parse(arg, 0, false);
    }

    static StreamId intervalEnd(byte[] arg) {
        if (arg.length > 1 && arg[0] == '(') {
            StreamId id = parse(java.util.Arrays.copyOfRange(arg, 1, arg.length), -1L, true).previous();
            if (id == null) throw new CommandError("ERR invalid end ID for the interval");
            return id;
        }
        return parse(arg, -1L, false);
    }

    private static int cLength(byte[] a) {
        for (int i = 0; i < a.length; i++) if (a[i] == 0) return i;
        return a.length;
    }

    private static int indexOf(byte[] a, int len, byte b) {
        for (int i = 0; i < len; i++) if (a[i] == b) return i;
        return -1;
    }

    /** string2ull over a[from, to): canonical decimal, else strtoull's base-10 reading of all of it. */
    private static long unsigned(byte[] a, int from, int to) {
        int len = to - from;
        if (len > 0 && len <= 20) {
            long v = Numbers.parseCanonicalLong(a, from, len);
            if (v != Numbers.NOT_A_LONG) {
                if (v < 0) throw new CommandError(INVALID);
                return v;
            }
        }
        int i = from;
        while (i < to && isSpace(a[i])) i++;
        boolean negative = false;
        if (i < to && (a[i] == '+' || a[i] == '-')) {
            negative = a[i] == '-';
            i++;
        }
        if (i == to || a[i] < '0' || a[i] > '9') throw new CommandError(INVALID);
        long v = 0;
        for (; i < to; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9) throw new CommandError(INVALID);
            // overflow of an unsigned 64-bit value is strtoull's ERANGE
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) throw new CommandError(INVALID);
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
