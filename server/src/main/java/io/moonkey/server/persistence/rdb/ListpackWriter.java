package io.moonkey.server.persistence.rdb;

import java.io.ByteArrayOutputStream;

/**
 * Builds a serialized listpack (the layout {@link ListpackReader} reads): strings with the
 * shortest length form, integers with the shortest integer form, each followed by its
 * back-length, then the header is filled in.
 */
final class ListpackWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private int count;
    private final byte[] scratch = new byte[9];

    void addString(byte[] s) {
        int size;
        if (s.length < 64) {
            out.write(0x80 | s.length);
            size = 1 + s.length;
        } else if (s.length < 4096) {
            out.write(0xE0 | (s.length >>> 8));
            out.write(s.length & 0xFF);
            size = 2 + s.length;
        } else {
            out.write(0xF0);
            for (int i = 0; i < 4; i++) out.write(s.length >>> (8 * i));
            size = 5 + s.length;
        }
        out.writeBytes(s);
        backLength(size);
    }

    void addInt(long v) {
        int size;
        if (v >= 0 && v <= 127) {
            out.write((int) v);
            size = 1;
        } else if (v >= -4096 && v <= 4095) {
            int u = (int) (v & 0x1FFF);
            out.write(0xC0 | (u >>> 8));
            out.write(u & 0xFF);
            size = 2;
        } else {
            int n = v == (short) v ? 2 : (v >= -(1 << 23) && v < (1 << 23)) ? 3 : v == (int) v ? 4 : 8;
            out.write(switch (n) { case 2 -> 0xF1; case 3 -> 0xF2; case 4 -> 0xF3; default -> 0xF4; });
            for (int i = 0; i < n; i++) scratch[i] = (byte) (v >>> (8 * i));
            out.write(scratch, 0, n);
            size = 1 + n;
        }
        backLength(size);
    }

    /** The back-length: 7 bits per byte, the most significant first, all but the first flagged. */
    private void backLength(int size) {
        int n = ListpackReader.backLengthSize(size);
        for (int i = n - 1; i >= 0; i--) {
            int part = (size >>> (7 * i)) & 0x7F;
            out.write(i == n - 1 ? part : part | 0x80);
        }
        count++;
    }

    int count() {
        return count;
    }

    /** Approximate serialized size so far (for splitting stream nodes). */
    int size() {
        return out.size() + 7;
    }

    byte[] toBytes() {
        byte[] body = out.toByteArray();
        int total = body.length + 7;
        byte[] lp = new byte[total];
        for (int i = 0; i < 4; i++) lp[i] = (byte) (total >>> (8 * i));
        int c = count < 65535 ? count : 65535; // 65535: "count unknown", readers walk to the end
        lp[4] = (byte) c;
        lp[5] = (byte) (c >>> 8);
        System.arraycopy(body, 0, lp, 6, body.length);
        lp[total - 1] = (byte) 0xFF;
        return lp;
    }
}
