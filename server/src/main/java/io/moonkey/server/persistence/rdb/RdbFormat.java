package io.moonkey.server.persistence.rdb;

/** The RDB format's record types and opcodes (one byte each), and the versions we read and write. */
public final class RdbFormat {
    private RdbFormat() {}

    /** Files and replication payloads: the version redis-server 7.0 still loads. */
    public static final int FILE_VERSION = 10;
    /** DUMP payloads carry Valkey's version (differences.md §3 row 11 for FUNCTION DUMP, same bytes). */
    public static final int DUMP_VERSION = 11;
    /** The newest version we accept (Valkey 8 writes 11). */
    public static final int MAX_VERSION = 11;

    public static final int TYPE_STRING = 0;
    public static final int TYPE_LIST = 1;
    public static final int TYPE_SET = 2;
    public static final int TYPE_ZSET = 3;
    public static final int TYPE_HASH = 4;
    public static final int TYPE_ZSET_2 = 5;
    public static final int TYPE_MODULE = 6;
    public static final int TYPE_MODULE_2 = 7;
    public static final int TYPE_HASH_ZIPMAP = 9;
    public static final int TYPE_LIST_ZIPLIST = 10;
    public static final int TYPE_SET_INTSET = 11;
    public static final int TYPE_ZSET_ZIPLIST = 12;
    public static final int TYPE_HASH_ZIPLIST = 13;
    public static final int TYPE_LIST_QUICKLIST = 14;
    public static final int TYPE_STREAM_LISTPACKS = 15;
    public static final int TYPE_HASH_LISTPACK = 16;
    public static final int TYPE_ZSET_LISTPACK = 17;
    public static final int TYPE_LIST_QUICKLIST_2 = 18;
    public static final int TYPE_STREAM_LISTPACKS_2 = 19;
    public static final int TYPE_SET_LISTPACK = 20;
    public static final int TYPE_STREAM_LISTPACKS_3 = 21;

    public static final int OP_SLOT_INFO = 0xF4;
    public static final int OP_FUNCTION2 = 0xF5;
    public static final int OP_FUNCTION_PRE_GA = 0xF6;
    public static final int OP_MODULE_AUX = 0xF7;
    public static final int OP_IDLE = 0xF8;
    public static final int OP_FREQ = 0xF9;
    public static final int OP_AUX = 0xFA;
    public static final int OP_RESIZEDB = 0xFB;
    public static final int OP_EXPIRETIME_MS = 0xFC;
    public static final int OP_EXPIRETIME = 0xFD;
    public static final int OP_SELECTDB = 0xFE;
    public static final int OP_EOF = 0xFF;

    /** Quicklist 2 node containers. */
    public static final int QUICKLIST_NODE_PLAIN = 1;
    public static final int QUICKLIST_NODE_PACKED = 2;

    /** Whether a byte read where a record starts is a value type (not an opcode). */
    public static boolean isValueType(int t) {
        return (t >= TYPE_STRING && t <= TYPE_ZSET_2) || (t >= TYPE_HASH_ZIPMAP && t <= TYPE_STREAM_LISTPACKS_3) || t == TYPE_MODULE_2;
    }
}
