package io.moonkey.datastore.hll;

import io.moonkey.datastore.GrowableString;

/**
 * Valkey's HyperLogLog, kept in an ordinary string value so that GET, DUMP and replicas see the
 * same bytes Valkey has. The layout (documented in Valkey's hyperloglog.c and its docs):
 *
 * <pre>
 * "HYLL" | encoding (0 dense, 1 sparse) | 3 unused bytes | cached cardinality, 8 bytes little-endian
 *        (top bit of the last byte set = cache invalid) | registers
 * </pre>
 *
 * 16384 registers of 6 bits (P = 14). Dense: the registers packed least significant bit first,
 * 12288 bytes. Sparse: run-length opcodes — ZERO {@code 00xxxxxx} (1–64 zero registers), XZERO
 * {@code 01xxxxxx yyyyyyyy} (1–16384 zero registers), VAL {@code 1vvvvvxx} (1–4 registers of
 * value 1–32). A sparse string turns dense when a register needs a value above 32 or the string
 * would grow past {@code hll-sparse-max-bytes}. Cardinality uses Ertl's estimator over the
 * register histogram ("New cardinality estimation algorithms for HyperLogLog sketches",
 * arXiv:1702.01284), as Valkey does.
 */
public final class HyperLogLog {
    public static final int HEADER = 16;
    public static final int REGISTERS = 1 << 14;
    private static final int P = 14;
    private static final int Q = 64 - P;
    private static final int DENSE_BYTES = REGISTERS * 6 / 8;
    public static final int DENSE_SIZE = HEADER + DENSE_BYTES;
    private static final byte DENSE = 0;
    private static final byte SPARSE = 1;
    private static final int SEED = 0xadc83b19;
    private static final int VAL_MAX_VALUE = 32;
    private static final int VAL_MAX_LEN = 4;
    private static final int ZERO_MAX_LEN = 64;
    private static final double ALPHA_INF = 0.721347520444481703680; // 0.5 / ln 2

    private HyperLogLog() {
    }

    /** A new, empty HyperLogLog: sparse, one XZERO opcode covering every register, cardinality 0 cached. */
    public static byte[] create() {
        byte[] b = new byte[HEADER + 2];
        header(b, SPARSE);
        b[HEADER] = (byte) (0x40 | ((REGISTERS - 1) >> 8));
        b[HEADER + 1] = (byte) ((REGISTERS - 1) & 0xff);
        return b;
    }

    private static void header(byte[] b, byte encoding) {
        b[0] = 'H';
        b[1] = 'Y';
        b[2] = 'L';
        b[3] = 'L';
        b[4] = encoding;
    }

    /** Whether the string looks like a HyperLogLog: magic, a known encoding, the dense size when dense. */
    public static boolean isValid(byte[] b, int len) {
        if (len < HEADER || b[0] != 'H' || b[1] != 'Y' || b[2] != 'L' || b[3] != 'L') return false;
        if (b[4] != DENSE && b[4] != SPARSE) return false;
        return b[4] != DENSE || len == DENSE_SIZE;
    }

    public static boolean isSparse(byte[] b) {
        return b[4] == SPARSE;
    }

    public static void invalidateCache(byte[] b) {
        b[15] |= (byte) 0x80;
    }

    public static boolean cacheValid(byte[] b) {
        return (b[15] & 0x80) == 0;
    }

    public static long cachedCardinality(byte[] b) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[8 + i] & 0xffL);
        return v;
    }

    public static void cacheCardinality(byte[] b, long card) {
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (card >>> (8 * i));
    }

    // ---------------------------------------------------------------- adding elements

    /** Adds one element; 1 when a register grew, 0 when not, -1 for a corrupt sparse string. */
    public static int add(GrowableString s, byte[] element, long maxSparseBytes) {
        long hash = MurmurHash64A.hash(element, 0, element.length, SEED);
        int index = (int) (hash & (REGISTERS - 1));
        long rest = (hash >>> P) | (1L << Q); // the sentinel bounds the count at Q + 1
        int count = Long.numberOfTrailingZeros(rest) + 1;
        return set(s, index, count, maxSparseBytes);
    }

    /** Raises register {@code index} to {@code count} if lower; as {@link #add}. */
    public static int set(GrowableString s, int index, int count, long maxSparseBytes) {
        if (s.buffer()[4] == DENSE) return denseSet(s.buffer(), index, count);
        return sparseSet(s, index, count, maxSparseBytes);
    }

    static int denseGet(byte[] b, int index) {
        int bit = index * 6;
        int at = HEADER + (bit >> 3);
        int shift = bit & 7;
        int b0 = b[at] & 0xff;
        int b1 = at + 1 < b.length ? b[at + 1] & 0xff : 0;
        return ((b0 >> shift) | (b1 << (8 - shift))) & 63;
    }

    private static void denseWrite(byte[] b, int index, int value) {
        int bit = index * 6;
        int at = HEADER + (bit >> 3);
        int shift = bit & 7;
        b[at] = (byte) ((b[at] & ~(63 << shift)) | (value << shift));
        if (shift > 2) { // the register spills into the next byte
            int high = 8 - shift;
            b[at + 1] = (byte) ((b[at + 1] & ~(63 >> high)) | (value >> high));
        }
    }

    private static int denseSet(byte[] b, int index, int count) {
        if (count <= denseGet(b, index)) return 0;
        denseWrite(b, index, count);
        return 1;
    }

    private static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    private static boolean isXZero(int op) {
        return (op & 0xc0) == 0x40;
    }

    private static int zeroLen(int op) {
        return (op & 0x3f) + 1;
    }

    private static int xzeroLen(byte[] b, int p) {
        return (((b[p] & 0x3f) << 8) | (b[p + 1] & 0xff)) + 1;
    }

    private static int valValue(int op) {
        return ((op >> 2) & 0x1f) + 1;
    }

    private static int valLen(int op) {
        return (op & 0x3) + 1;
    }

    private static byte val(int value, int len) {
        return (byte) (0x80 | ((value - 1) << 2) | (len - 1));
    }

    /** Writes a ZERO or XZERO run of {@code len} at {@code at}; returns the bytes written. */
    private static int zeros(byte[] seq, int at, int len) {
        if (len > ZERO_MAX_LEN) {
            seq[at] = (byte) (0x40 | ((len - 1) >> 8));
            seq[at + 1] = (byte) ((len - 1) & 0xff);
            return 2;
        }
        seq[at] = (byte) (len - 1);
        return 1;
    }

    /**
     * Sets a register of a sparse string: finds the opcode covering it, splits that opcode into
     * at most three (zeros or old value before, the new value, zeros or old value after), then
     * merges neighbouring VAL opcodes of equal value within the few opcodes around the change.
     */
    private static int sparseSet(GrowableString s, int index, int count, long maxSparseBytes) {
        if (count > VAL_MAX_VALUE) return promote(s, index, count);
        byte[] b = s.buffer();
        int end = s.length();
        int p = HEADER;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int op = b[p] & 0xff;
            int oplen = 1;
            if (isZero(op)) {
                span = zeroLen(op);
            } else if (!isXZero(op)) {
                span = valLen(op);
            } else {
                if (p + 1 >= end) return -1;
                span = xzeroLen(b, p);
                oplen = 2;
            }
            if (index <= first + span - 1) break;
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) return -1;
        int op = b[p] & 0xff;
        boolean zero = isZero(op);
        boolean xzero = isXZero(op);
        int next = xzero ? p + 2 : p + 1;
        if (next >= end) next = -1;
        int runLength = zero ? zeroLen(op) : xzero ? xzeroLen(b, p) : valLen(op);

        boolean updated = false;
        if (!zero && !xzero) {
            int old = valValue(op);
            if (old >= count) return 0;
            if (runLength == 1) {
                b[p] = val(count, 1);
                updated = true;
            }
        }
        if (!updated && zero && runLength == 1) {
            b[p] = val(count, 1);
            updated = true;
        }
        if (!updated) {
            byte[] seq = new byte[5];
            int n = 0;
            int last = first + span - 1;
            if (zero || xzero) {
                if (index != first) n += zeros(seq, n, index - first);
                seq[n++] = val(count, 1);
                if (index != last) n += zeros(seq, n, last - index);
            } else {
                int current = valValue(op);
                if (index != first) seq[n++] = val(current, index - first);
                seq[n++] = val(count, 1);
                if (index != last) seq[n++] = val(current, last - index);
            }
            int oldLen = xzero ? 2 : 1;
            int delta = n - oldLen;
            if (delta > 0 && (long) end + delta > maxSparseBytes) return promote(s, index, count);
            if (delta > 0) {
                s.ensureLength(end + delta);
                b = s.buffer();
                if (next >= 0) System.arraycopy(b, next, b, next + delta, end - next);
            } else if (delta < 0) {
                if (next >= 0) System.arraycopy(b, next, b, next + delta, end - next);
                s.truncate(end + delta);
            }
            System.arraycopy(seq, 0, b, p, n);
            end += delta;
        }

        // merge adjacent VAL opcodes of the same value, scanning at most five opcodes from the one
        // before the change
        int q = prev >= 0 ? prev : HEADER;
        int scan = 5;
        while (q < end && scan-- > 0) {
            int o = b[q] & 0xff;
            if (isXZero(o)) {
                q += 2;
                continue;
            }
            if (isZero(o)) {
                q++;
                continue;
            }
            if (q + 1 < end && (b[q + 1] & 0x80) != 0) {
                int o2 = b[q + 1] & 0xff;
                if (valValue(o) == valValue(o2)) {
                    int len = valLen(o) + valLen(o2);
                    if (len <= VAL_MAX_LEN) {
                        b[q + 1] = val(valValue(o), len);
                        System.arraycopy(b, q + 1, b, q, end - q - 1);
                        s.truncate(end - 1);
                        end--;
                        continue;
                    }
                }
            }
            q++;
        }
        invalidateCache(b);
        return 1;
    }

    private static int promote(GrowableString s, int index, int count) {
        if (!toDense(s)) return -1;
        denseSet(s.buffer(), index, count); // always raises: the sparse form could not hold the value
        return 1;
    }

    /** Converts a sparse string to dense in place; false when the sparse opcodes are corrupt. */
    public static boolean toDense(GrowableString s) {
        byte[] b = s.buffer();
        if (b[4] == DENSE) return true;
        int end = s.length();
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(b, 0, dense, 0, HEADER);
        dense[4] = DENSE;
        int idx = 0;
        int p = HEADER;
        while (p < end) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                idx += zeroLen(op);
                p++;
            } else if (isXZero(op)) {
                if (p + 1 >= end) return false;
                idx += xzeroLen(b, p);
                p += 2;
            } else {
                int len = valLen(op);
                int value = valValue(op);
                if (idx + len > REGISTERS) break;
                for (int i = 0; i < len; i++) denseWrite(dense, idx++, value);
                p++;
            }
        }
        if (idx != REGISTERS) return false;
        if (end > DENSE_SIZE) s.truncate(DENSE_SIZE);
        else s.ensureLength(DENSE_SIZE);
        System.arraycopy(dense, 0, s.buffer(), 0, DENSE_SIZE);
        return true;
    }

    // ---------------------------------------------------------------- reading

    /** Raises {@code max[i]} to each register of the string; false when a sparse string is corrupt. */
    public static boolean merge(byte[] max, byte[] b, int len) {
        if (b[4] == DENSE) {
            for (int i = 0; i < REGISTERS; i++) {
                int v = denseGet(b, i);
                if (v > (max[i] & 0xff)) max[i] = (byte) v;
            }
            return true;
        }
        int i = 0;
        int p = HEADER;
        while (p < len) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                i += zeroLen(op);
                p++;
            } else if (isXZero(op)) {
                if (p + 1 >= len) return false;
                i += xzeroLen(b, p);
                p += 2;
            } else {
                int run = valLen(op);
                int value = valValue(op);
                if (run + i > REGISTERS) break;
                for (int k = 0; k < run; k++, i++) {
                    if (value > (max[i] & 0xff)) max[i] = (byte) value;
                }
                p++;
            }
        }
        return i == REGISTERS;
    }

    /** The estimated cardinality of a HyperLogLog string, or -1 when its sparse opcodes are corrupt. */
    public static long count(byte[] b, int len) {
        int[] histogram = new int[64];
        if (b[4] == DENSE) {
            for (int i = 0; i < REGISTERS; i++) histogram[denseGet(b, i)]++;
        } else {
            int idx = 0;
            int p = HEADER;
            while (p < len) {
                int op = b[p] & 0xff;
                int run;
                if (isZero(op)) {
                    run = zeroLen(op);
                    histogram[0] += run;
                    p++;
                } else if (isXZero(op)) {
                    if (p + 1 >= len) return -1;
                    run = xzeroLen(b, p);
                    histogram[0] += run;
                    p += 2;
                } else {
                    run = valLen(op);
                    histogram[valValue(op)] += run;
                    p++;
                }
                idx += run;
            }
            if (idx != REGISTERS) return -1;
        }
        return estimate(histogram);
    }

    /** The cardinality of registers given one per byte (PFCOUNT over several keys). */
    public static long countRegisters(byte[] registers) {
        int[] histogram = new int[64];
        for (int i = 0; i < REGISTERS; i++) histogram[registers[i]]++;
        return estimate(histogram);
    }

    private static long estimate(int[] histogram) {
        double m = REGISTERS;
        double z = m * tau((m - histogram[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * sigma(histogram[0] / m);
        double e = ALPHA_INF * m * m / z;
        double r = Math.floor(e); // llroundl: halves away from zero
        if (e - r >= 0.5) r += 1;
        return (long) r;
    }

    private static double sigma(double x) {
        if (x == 1.0) return Double.POSITIVE_INFINITY;
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0.0 || x == 1.0) return 0.0;
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }

    /** PFDEBUG GETREG: the register values of a dense string. */
    public static int[] registers(byte[] b) {
        int[] r = new int[REGISTERS];
        for (int i = 0; i < REGISTERS; i++) r[i] = denseGet(b, i);
        return r;
    }

    /** PFDEBUG DECODE: the sparse opcodes as "z:len", "Z:len" and "v:value,len", space separated. */
    public static String decodeSparse(byte[] b, int len) {
        StringBuilder out = new StringBuilder();
        int p = HEADER;
        while (p < len) {
            int op = b[p] & 0xff;
            if (isZero(op)) {
                out.append("z:").append(zeroLen(op)).append(' ');
                p++;
            } else if (isXZero(op)) {
                int run = p + 1 < len ? xzeroLen(b, p) : ((op & 0x3f) << 8) + 1;
                out.append("Z:").append(run).append(' ');
                p += 2;
            } else {
                out.append("v:").append(valValue(op)).append(',').append(valLen(op)).append(' ');
                p++;
            }
        }
        return out.toString().strip();
    }
}
