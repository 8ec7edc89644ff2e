package io.moonkey.datastore;

/**
 * The cluster hash slot of a key: CRC16 (the XMODEM variant: polynomial 0x1021, initial value 0,
 * no reflection) of the key modulo 16384. When the key holds a non-empty {@code {tag}} (the
 * bytes between the first '{' and the first '}' after it), only the tag is hashed, so keys
 * sharing a tag share a slot.
 */
public final class HashSlot {
    private HashSlot() {}

    /** The number of hash slots of a cluster. */
    public static final int COUNT = 16384;

    private static final char[] TABLE = new char[256];

    static {
        for (int b = 0; b < 256; b++) {
            int crc = b << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[b] = (char) crc;
        }
    }

    /** CRC16/XMODEM of {@code len} bytes of {@code b} from {@code off}. */
    public static int crc16(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off, end = off + len; i < end; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b[i]) & 0xff]) & 0xffff;
        }
        return crc;
    }

    /**
     * The one slot of every key a glob-style pattern can form, or -1 when they may fall in
     * different slots: a wildcard, a character class or an escape before a complete hashtag
     * makes the slot unknowable; a non-empty tag decides it; without a tag the pattern is a
     * single key. (Used by SORT's BY and GET patterns in cluster mode.)
     */
    public static int ofPattern(byte[] pattern) {
        int open = -1;
        for (int i = 0; i < pattern.length; i++) {
            byte c = pattern[i];
            if (c == '*' || c == '?' || c == '[' || c == '\\') return -1;
            if (open == -1 && c == '{') {
                open = i;
            } else if (open >= 0 && c == '}') {
                if (i == open + 1) {
                    open = -2; // "{}": not a tag, the whole key counts
                } else {
                    return crc16(pattern, open + 1, i - open - 1) & (COUNT - 1);
                }
            }
        }
        return crc16(pattern, 0, pattern.length) & (COUNT - 1);
    }

    /** The slot of {@code key}, applying the hashtag rule. */
    public static int of(byte[] key) {
        int open = -1;
        for (int i = 0; i < key.length; i++) {
            if (key[i] == '{') {
                open = i;
                break;
            }
        }
        if (open >= 0) {
            for (int close = open + 1; close < key.length; close++) {
                if (key[close] == '}') {
                    if (close > open + 1) {
                        return crc16(key, open + 1, close - open - 1) & (COUNT - 1);
                    }
                    break; // "{}": the whole key is hashed
                }
            }
        }
        return crc16(key, 0, key.length) & (COUNT - 1);
    }
}
