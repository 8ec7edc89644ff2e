package io.moonkey.lua.runtime;

/**
 * The hash that places a string key in a table's hash part. It decides {@code pairs}/{@code next}
 * order, which scripts and replies make observable, so it is chosen to match a reference: stock
 * Lua 5.1.5 samples at most 32 bytes (the standalone interpreter, equal to {@code lua5.1}),
 * redis-server 7.0 hashes every byte (the server, equal to its replies).
 *
 * <p>Selected once per JVM with the system property {@code moonkey.lua.stringHash}
 * ({@code lua51} by default, or {@code redis70}) before the first string is hashed; a static
 * final choice lets the JIT fold the dispatch away.
 */
public enum StringHash {
    /** {@code luaS_newlstr} of Lua 5.1.5: step {@code (len >> 5) + 1} from the end. */
    LUA51 {
        @Override
        public int hash(byte[] s) {
            int len = s.length;
            int h = len;
            int step = (len >> 5) + 1;
            for (int l1 = len; l1 >= step; l1 -= step) {
                h ^= (h << 5) + (h >>> 2) + (s[l1 - 1] & 0xff);
            }
            return h;
        }
    },
    /** Redis 7.0's patched {@code lstring.c}: the same recurrence over every byte. */
    REDIS70 {
        @Override
        public int hash(byte[] s) {
            int len = s.length;
            int h = len;
            for (int l1 = len; l1 >= 1; l1--) {
                h ^= (h << 5) + (h >>> 2) + (s[l1 - 1] & 0xff);
            }
            return h;
        }
    };

    public abstract int hash(byte[] s);

    public static final StringHash CONFIGURED =
            "redis70".equals(System.getProperty("moonkey.lua.stringHash")) ? REDIS70 : LUA51;
}
