package io.moonkey.lua.parser;

import java.nio.charset.StandardCharsets;

/**
 * The display form of a chunk name in messages, as Lua 5.1's {@code luaO_chunkid} builds it:
 * {@code @file} shows as {@code file}, {@code =name} as {@code name}, and any other name (source
 * text given to {@code loadstring}) as {@code [string "first line..."]}. The result fits in
 * {@code LUA_IDSIZE} (60) bytes including C's terminating zero.
 */
public final class ChunkId {
    private static final int ID_SIZE = 60;

    private ChunkId() {}

    public static String of(String chunkName) {
        // Chunk names are byte strings carried in Latin-1 Strings; lengths count bytes. PUC
        // handles them as C strings, so a name ends at its first zero byte.
        int zero = chunkName.indexOf('\0');
        if (zero >= 0) {
            chunkName = chunkName.substring(0, zero);
        }
        int room = ID_SIZE - 1;
        if (chunkName.startsWith("=")) {
            String s = chunkName.substring(1);
            return s.length() <= room ? s : s.substring(0, room);
        }
        if (chunkName.startsWith("@")) {
            String s = chunkName.substring(1);
            if (s.length() <= room) {
                return s;
            }
            return "..." + s.substring(s.length() - (room - 3));
        }
        // [string "source"]: stop at the first newline, truncate with "..." to fit.
        int nl = indexOfLineBreak(chunkName);
        int len = nl < 0 ? chunkName.length() : nl;
        int max = room - "[string \"...\"]".length();
        boolean cut = len < chunkName.length();
        if (len > max) {
            len = max;
            cut = true;
        }
        return "[string \"" + chunkName.substring(0, len) + (cut ? "...\"]" : "\"]");
    }

    private static int indexOfLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** A chunk name given as bytes (Lua strings) as a Latin-1 Java string, byte for char. */
    public static String latin1(byte[] name) {
        return new String(name, StandardCharsets.ISO_8859_1);
    }
}
