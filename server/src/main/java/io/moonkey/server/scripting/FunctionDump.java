package io.moonkey.server.scripting;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The FUNCTION DUMP payload (scripting.md §6.11): for each library the RDB opcode 0xF5 and its
 * code as an RDB string, then the RDB version (2 bytes, little endian) and a CRC64 of all that
 * (Jones polynomial, reflected, 8 bytes little endian). Strings are written plain; reading also
 * accepts LZF-compressed strings, as servers compress long ones.
 */
final class FunctionDump {
    static final int RDB_VERSION = 11;
    private static final int FUNCTION2 = 0xF5;
    private static final int PRE_GA_FUNCTION = 0xF6;

    private FunctionDump() {}

    static byte[] dump(List<byte[]> codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] code : codes) {
            out.write(FUNCTION2);
            writeLength(out, code.length);
            out.writeBytes(code);
        }
        out.write(RDB_VERSION & 0xFF);
        out.write(RDB_VERSION >>> 8);
        long crc = Crc64.of(out.toByteArray(), 0, out.size());
        for (int i = 0; i < 8; i++) {
            out.write((int) (crc >>> (8 * i)));
        }
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, long n) {
        if (n < 1 << 6) {
            out.write((int) n);
        } else if (n < 1 << 14) {
            out.write(0x40 | (int) (n >>> 8));
            out.write((int) n);
        } else if (n <= 0xFFFFFFFFL) {
            out.write(0x80);
            for (int i = 3; i >= 0; i--) {
                out.write((int) (n >>> (8 * i)));
            }
        } else {
            out.write(0x81);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (n >>> (8 * i)));
            }
        }
    }

    /** A payload that cannot be restored; the message is the error reply. */
    static final class BadPayload extends Exception {
        BadPayload(String message) {
            super(message, null, false, false);
        }
    }

    /** The library codes of a payload, checked for version and CRC. */
    static List<byte[]> read(byte[] p) throws BadPayload {
        if (p.length < 10) {
            throw new BadPayload("ERR DUMP payload version or checksum are wrong");
        }
        int end = p.length - 10;
        int version = (p[end] & 0xFF) | (p[end + 1] & 0xFF) << 8;
        long crc = 0;
        for (int i = 7; i >= 0; i--) {
            crc = crc << 8 | (p[end + 2 + i] & 0xFF);
        }
        if (version > RDB_VERSION || Crc64.of(p, 0, end + 2) != crc) {
            throw new BadPayload("ERR DUMP payload version or checksum are wrong");
        }
        List<byte[]> codes = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < end) {
            int type = p[pos[0]++] & 0xFF;
            if (type == PRE_GA_FUNCTION) {
                throw new BadPayload("ERR Pre-GA function format not supported");
            }
            if (type != FUNCTION2) {
                throw new BadPayload("ERR given type is not a function");
            }
            codes.add(readString(p, pos, end));
        }
        return codes;
    }

    private static byte[] readString(byte[] p, int[] pos, int end) throws BadPayload {
        if (pos[0] >= end) {
            throw new BadPayload("ERR can not read data type");
        }
        int first = p[pos[0]] & 0xFF;
        if ((first & 0xC0) == 0xC0) {
            if (first != 0xC3) {
                throw new BadPayload("ERR failed loading the given functions payload"); // integer encodings
            }
            pos[0]++;
            int clen = (int) readLength(p, pos, end);
            int len = (int) readLength(p, pos, end);
            if (clen < 0 || pos[0] + clen > end) {
                throw new BadPayload("ERR failed loading the given functions payload");
            }
            byte[] s = Lzf.decompress(p, pos[0], clen, len);
            pos[0] += clen;
            if (s == null) {
                throw new BadPayload("ERR failed loading the given functions payload");
            }
            return s;
        }
        int len = (int) readLength(p, pos, end);
        if (len < 0 || pos[0] + len > end) {
            throw new BadPayload("ERR failed loading the given functions payload");
        }
        byte[] s = java.util.Arrays.copyOfRange(p, pos[0], pos[0] + len);
        pos[0] += len;
        return s;
    }

    private static long readLength(byte[] p, int[] pos, int end) throws BadPayload {
        if (pos[0] >= end) {
            throw new BadPayload("ERR failed loading the given functions payload");
        }
        int b = p[pos[0]++] & 0xFF;
        switch (b >>> 6) {
            case 0:
                return b & 0x3F;
            case 1:
                if (pos[0] >= end) {
                    throw new BadPayload("ERR failed loading the given functions payload");
                }
                return (b & 0x3F) << 8 | (p[pos[0]++] & 0xFF);
            default:
                int n = b == 0x80 ? 4 : b == 0x81 ? 8 : -1;
                if (n < 0 || pos[0] + n > end) {
                    throw new BadPayload("ERR failed loading the given functions payload");
                }
                long v = 0;
                for (int i = 0; i < n; i++) {
                    v = v << 8 | (p[pos[0]++] & 0xFF);
                }
                return v;
        }
    }

    /** CRC-64 with the Jones polynomial, reflected, initial value 0 (crc64("123456789") = 0xe9c6d914c4b8d9ca). */
    static final class Crc64 {
        private static final long POLY = 0x95AC9329AC4BC9B5L; // 0xad93d23594c935a9 bit-reversed
        private static final long[] TABLE = new long[256];

        static {
            for (int i = 0; i < 256; i++) {
                long c = i;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
                }
                TABLE[i] = c;
            }
        }

        private Crc64() {}

        static long of(byte[] b, int off, int len) {
            long crc = 0;
            for (int i = off; i < off + len; i++) {
                crc = TABLE[(int) ((crc ^ b[i]) & 0xFF)] ^ (crc >>> 8);
            }
            return crc;
        }
    }

    /** LZF decompression (the format RDB uses for compressed strings). */
    static final class Lzf {
        private Lzf() {}

        /** The {@code len} bytes that {@code in[off, off+clen)} decompress to, or null when malformed. */
        static byte[] decompress(byte[] in, int off, int clen, int len) {
            byte[] out = new byte[len];
            int ip = off;
            int end = off + clen;
            int op = 0;
            while (ip < end) {
                int ctrl = in[ip++] & 0xFF;
                if (ctrl < 32) {
                    int n = ctrl + 1; // a literal run
                    if (op + n > len || ip + n > end) {
                        return null;
                    }
                    System.arraycopy(in, ip, out, op, n);
                    ip += n;
                    op += n;
                } else {
                    int n = ctrl >>> 5; // a back reference
                    if (n == 7) {
                        if (ip >= end) {
                            return null;
                        }
                        n += in[ip++] & 0xFF;
                    }
                    if (ip >= end) {
                        return null;
                    }
                    int ref = op - ((ctrl & 0x1F) << 8) - 1 - (in[ip++] & 0xFF);
                    n += 2;
                    if (ref < 0 || op + n > len) {
                        return null;
                    }
                    for (int i = 0; i < n; i++) {
                        out[op++] = out[ref++];
                    }
                }
            }
            return op == len ? out : null;
        }
    }
}
