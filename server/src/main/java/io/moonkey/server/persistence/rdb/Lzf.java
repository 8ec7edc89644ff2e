package io.moonkey.server.persistence.rdb;

/**
 * LZF, the scheme RDB uses for long strings: a control byte below 32 starts a
 * literal run of control+1 bytes; otherwise its top 3 bits are a length (7 = one more length
 * byte follows) and the rest, with the next byte, a distance back into the output.
 */
final class Lzf {
    private Lzf() {}

    /** The {@code len} bytes that {@code in[off, off+clen)} decompress to, or null when malformed. */
    static byte[] decompress(byte[] in, int off, int clen, int len) {
        byte[] out = new byte[len];
        int ip = off, end = off + clen, op = 0;
        while (ip < end) {
            int ctrl = in[ip++] & 0xFF;
            if (ctrl < 32) {
                int n = ctrl + 1;
                if (ip + n > end || op + n > len) return null;
                System.arraycopy(in, ip, out, op, n);
                ip += n;
                op += n;
                continue;
            }
            int n = ctrl >>> 5;
            if (n == 7) {
                if (ip >= end) return null;
                n += in[ip++] & 0xFF;
            }
            if (ip >= end) return null;
            int ref = op - ((ctrl & 0x1F) << 8) - (in[ip++] & 0xFF) - 1;
            n += 2;
            if (ref < 0 || op + n > len) return null;
            // overlapping copies repeat the pattern, so byte by byte
            for (int i = 0; i < n; i++) out[op++] = out[ref++];
        }
        return op == len ? out : null;
    }

    private static final int HASH_BITS = 13, MAX_OFFSET = 8192, MAX_MATCH = 264, MAX_LITERAL = 32;

    /**
     * Compresses {@code in} into at most {@code limit} bytes; null when it does not fit (the
     * caller then writes the string plain). {@code table} is a scratch hash table of
     * {@code 1 << 13} positions, reused across calls: a stale entry is only a candidate whose
     * bytes are compared, so it costs nothing in correctness.
     */
    static byte[] compress(byte[] in, int limit, int[] table) {
        int n = in.length;
        byte[] out = new byte[limit];
        int ip = 0, op = 0;
        int litPos = op++, lit = 0;
        while (ip < n) {
            if (ip + 2 < n) {
                int h = (((in[ip] & 0xFF) << 16 | (in[ip + 1] & 0xFF) << 8 | (in[ip + 2] & 0xFF)) * 0x9E3779B1) >>> (32 - HASH_BITS);
                int ref = table[h] - 1;
                table[h] = ip + 1;
                int off = ip - ref - 1;
                if (ref >= 0 && ref < ip && off < MAX_OFFSET && in[ref] == in[ip] && in[ref + 1] == in[ip + 1] && in[ref + 2] == in[ip + 2]) {
                    int max = Math.min(MAX_MATCH, n - ip);
                    int len = 3;
                    while (len < max && in[ref + len] == in[ip + len]) len++;
                    if (lit == 0) op--; // the run we opened stays empty
                    else out[litPos] = (byte) (lit - 1);
                    if (op + 3 > limit) return null;
                    int l = len - 2;
                    if (l < 7) {
                        out[op++] = (byte) (l << 5 | off >>> 8);
                    } else {
                        out[op++] = (byte) (7 << 5 | off >>> 8);
                        out[op++] = (byte) (l - 7);
                    }
                    out[op++] = (byte) off;
                    ip += len;
                    if (op >= limit) return ip == n ? java.util.Arrays.copyOf(out, op) : null;
                    litPos = op++;
                    lit = 0;
                    continue;
                }
            }
            if (op >= limit) return null;
            out[op++] = in[ip++];
            if (++lit == MAX_LITERAL) {
                out[litPos] = (byte) (MAX_LITERAL - 1);
                if (ip < n) {
                    if (op >= limit) return null;
                    litPos = op++;
                }
                lit = 0;
            }
        }
        if (lit > 0) out[litPos] = (byte) (lit - 1);
        else if (litPos == op - 1) op--; // an opened run with nothing in it
        return java.util.Arrays.copyOf(out, op);
    }
}
