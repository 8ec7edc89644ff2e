package io.moonkey.datastore.stream;

import java.nio.charset.StandardCharsets;

/**
 * A stream entry ID: milliseconds and sequence number, both unsigned 64-bit (kept in Java longs
 * and compared unsigned). The hot paths pass the two longs around instead of instances; this
 * record is for the places that keep an ID (group positions, parsed arguments).
 */
public record StreamId(long ms, long seq) {
    /** 0-0, the smallest ID and the "none" value of the stream's bookkeeping IDs. */
    public static final StreamId ZERO = new StreamId(0, 0);
    /** The largest possible ID (18446744073709551615-18446744073709551615). */
    public static final StreamId MAX = new StreamId(-1L, -1L);
    /** Room for the longest text form: two 20-digit numbers and the dash. */
    public static final int MAX_TEXT_LENGTH = 41;

    /** Orders two IDs given as (ms, seq) pairs, unsigned. */
    public static int compare(long ms1, long seq1, long ms2, long seq2) {
        int c = Long.compareUnsigned(ms1, ms2);
        return c != 0 ? c : Long.compareUnsigned(seq1, seq2);
    }

    public int compareTo(long ms2, long seq2) {
        return compare(ms, seq, ms2, seq2);
    }

    public int compareTo(StreamId o) {
        return compare(ms, seq, o.ms, o.seq);
    }

    public boolean isZero() {
        return ms == 0 && seq == 0;
    }

    /** The next ID, or null when this is the maximum. */
    public StreamId next() {
        if (seq != -1L) return new StreamId(ms, seq + 1);
        if (ms != -1L) return new StreamId(ms + 1, 0);
        return null;
    }

    /** The previous ID, or null when this is 0-0. */
    public StreamId previous() {
        if (seq != 0) return new StreamId(ms, seq - 1);
        if (ms != 0) return new StreamId(ms - 1, -1L);
        return null;
    }

    /**
     * Writes "ms-seq" into {@code buf} at 0 (at least {@link #MAX_TEXT_LENGTH} bytes); returns
     * the length. Allocation-free, for reply writing.
     */
    public static int format(long ms, long seq, byte[] buf) {
        int n = writeUnsigned(ms, buf, 0);
        buf[n++] = '-';
        return writeUnsigned(seq, buf, n);
    }

    private static int writeUnsigned(long v, byte[] buf, int at) {
        int digits = unsignedDigits(v);
        int end = at + digits;
        int p = end;
        if (v < 0) { // above Long.MAX_VALUE: peel one digit off with unsigned division
            long q = Long.divideUnsigned(v, 10);
            buf[--p] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        do {
            buf[--p] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        return end;
    }

    private static int unsignedDigits(long v) {
        if (v < 0) return Long.compareUnsigned(v, -8446744073709551616L) >= 0 ? 20 : 19; // 10^19 as unsigned
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    public byte[] toBytes() {
        byte[] buf = new byte[MAX_TEXT_LENGTH];
        return java.util.Arrays.copyOf(buf, format(ms, seq, buf));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    public static String toString(long ms, long seq) {
        return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
    }

    /** The ID's text as bytes (for arguments of propagated commands). */
    public static byte[] toBytes(long ms, long seq) {
        return toString(ms, seq).getBytes(StandardCharsets.US_ASCII);
    }
}
