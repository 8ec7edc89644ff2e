package io.moonkey.server.persistence.rdb;

/**
 * LZF decompression, the scheme RDB uses for long strings: a control byte below 32 starts a
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
}
