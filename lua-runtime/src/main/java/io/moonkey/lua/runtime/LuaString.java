package io.moonkey.lua.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Lua string: an immutable sequence of bytes (Lua 5.1 manual §2.2, strings are 8-bit clean).
 * Never round-tripped through a Java charset except at API edges ({@link #toString()} decodes
 * Latin-1, byte for char). The table hash is computed lazily with the configured
 * {@link StringHash} and cached.
 */
public final class LuaString implements Comparable<LuaString> {
    private static final LuaString[] SINGLE_BYTES = new LuaString[256];
    public static final LuaString EMPTY = new LuaString(new byte[0]);

    static {
        for (int i = 0; i < 256; i++) {
            SINGLE_BYTES[i] = new LuaString(new byte[] {(byte) i});
        }
    }

    private final byte[] bytes;
    /** The Lua table hash, 0 = not computed yet (a real 0 is recomputed each time, harmlessly). */
    private int hash;

    private LuaString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps {@code bytes} without copying: the caller must never modify the array again. */
    public static LuaString wrap(byte[] bytes) {
        if (bytes.length <= 1) {
            return bytes.length == 0 ? EMPTY : SINGLE_BYTES[bytes[0] & 0xff];
        }
        return new LuaString(bytes);
    }

    public static LuaString copyOf(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n <= 1) {
            return n <= 0 ? EMPTY : SINGLE_BYTES[bytes[from] & 0xff];
        }
        return new LuaString(Arrays.copyOfRange(bytes, from, to));
    }

    /** The string whose bytes are the chars of {@code s}, each below 256 (Latin-1). */
    public static LuaString latin1(String s) {
        return wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, LuaString> CONSTANTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A short string constant shared by every chunk and library (field names, metamethod
     * names), so table lookups with constant keys mostly hit the identity test. Long constants
     * are not interned.
     */
    public static LuaString constant(String latin1) {
        if (latin1.length() > 40) {
            return latin1(latin1);
        }
        LuaString s = CONSTANTS.get(latin1);
        if (s == null) {
            // The table is never emptied (chunks come and go; their constants may be shared), so
            // it is capped: a server compiling endless distinct scripts must not grow without
            // bound. Past the cap constants are plain strings; lookups only lose the identity hit.
            if (CONSTANTS.size() >= MAX_CONSTANTS) {
                return latin1(latin1);
            }
            s = CONSTANTS.computeIfAbsent(latin1, LuaString::latin1);
        }
        return s;
    }

    private static final int MAX_CONSTANTS = 65_536;

    /** The UTF-8 encoding of {@code s}: for text that comes from Java (file names, messages). */
    public static LuaString utf8(String s) {
        return wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    public static LuaString ofByte(int b) {
        return SINGLE_BYTES[b & 0xff];
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** The backing array: read-only by contract. */
    public byte[] bytes() {
        return bytes;
    }

    public LuaString substring(int from, int to) {
        if (from == 0 && to == bytes.length) {
            return this;
        }
        return copyOf(bytes, from, to);
    }

    /** The hash that places this string in a table's hash part. */
    public int luaHash() {
        int h = hash;
        if (h == 0) {
            h = StringHash.CONFIGURED.hash(bytes);
            hash = h;
        }
        return h;
    }

    @Override
    public int hashCode() {
        return luaHash();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof LuaString s && s.bytes.length == bytes.length
                && s.luaHash() == luaHash() && Arrays.equals(s.bytes, bytes);
    }

    /** Byte-wise unsigned order: strcoll in the C locale (Lua 5.1 {@code l_strcmp}). */
    @Override
    public int compareTo(LuaString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** The longest string a script may build; Java arrays stop just short of 2^31. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    /**
     * A result length, refused with Lua's memory error ({@code LUA_ERRMEM}: "not enough memory",
     * no position, catchable by pcall) when no byte array can hold it.
     */
    public static int checkedLength(long length) {
        if (length > MAX_LENGTH) {
            throw LuaError.plain("not enough memory");
        }
        return (int) length;
    }

    public LuaString concat(LuaString o) {
        if (o.bytes.length == 0) {
            return this;
        }
        if (bytes.length == 0) {
            return o;
        }
        byte[] r = Arrays.copyOf(bytes, checkedLength((long) bytes.length + o.bytes.length));
        System.arraycopy(o.bytes, 0, r, bytes.length, o.bytes.length);
        return new LuaString(r);
    }

    /** Latin-1 decoding, byte for char: for messages and Java-side display. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
