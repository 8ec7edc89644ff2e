package io.moonkey.server.persistence.rdb;

import static io.moonkey.server.persistence.rdb.RdbFormat.*;

import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.zset.SortedSetValue;
import java.nio.charset.StandardCharsets;

/**
 * Reads one value record (the part after the type byte and key) into a datastore value, for
 * every type redis-server 7.0 and Valkey 8 write: plain string/list/set/zset/hash, intset,
 * listpack hashes, sets and sorted sets, quicklist 2 lists, and streams (through
 * {@link RdbStreamReader}). Returns null for an empty collection, which callers skip (a file) or
 * reject (RESTORE).
 */
public final class RdbValueReader {
    private final EncodingLimits limits;
    private final RdbStreamReader streams;

    public RdbValueReader(EncodingLimits limits, long nowMs) {
        this.limits = limits;
        this.streams = new RdbStreamReader(limits, nowMs);
    }

    public Value read(int type, RdbInput in) throws RdbFormatException {
        return switch (type) {
            case TYPE_STRING -> StringValue.of(in.string());
            case TYPE_LIST -> plainList(in);
            case TYPE_LIST_QUICKLIST_2 -> quicklist(in);
            case TYPE_SET -> plainSet(in);
            case TYPE_SET_INTSET -> intset(in.string());
            case TYPE_SET_LISTPACK -> listpackSet(in.string());
            case TYPE_ZSET, TYPE_ZSET_2 -> plainSortedSet(in, type == TYPE_ZSET_2);
            case TYPE_ZSET_LISTPACK -> listpackSortedSet(in.string());
            case TYPE_HASH -> plainHash(in);
            case TYPE_HASH_LISTPACK -> listpackHash(in.string());
            case TYPE_STREAM_LISTPACKS, TYPE_STREAM_LISTPACKS_2, TYPE_STREAM_LISTPACKS_3 -> streams.read(type, in);
            case TYPE_MODULE, TYPE_MODULE_2 -> throw new RdbFormatException("module values are not supported");
            case TYPE_HASH_ZIPMAP, TYPE_LIST_ZIPLIST, TYPE_ZSET_ZIPLIST, TYPE_HASH_ZIPLIST, TYPE_LIST_QUICKLIST ->
                throw new RdbFormatException("ziplist encodings (RDB version 9 and older) are not supported, record type " + type);
            default -> throw new RdbFormatException("unknown RDB value type " + type);
        };
    }

    private ListValue plainList(RdbInput in) throws RdbFormatException {
        long n = in.length();
        if (n == 0) return null;
        ListValue l = limits.newList();
        for (long i = 0; i < n; i++) l.pushTail(in.string());
        return limits.finish(l);
    }

    private ListValue quicklist(RdbInput in) throws RdbFormatException {
        long nodes = in.length();
        ListValue l = limits.newList();
        for (long i = 0; i < nodes; i++) {
            long container = in.length();
            byte[] data = in.string();
            if (container == QUICKLIST_NODE_PLAIN) {
                l.pushTail(data);
            } else if (container == QUICKLIST_NODE_PACKED) {
                ListpackReader r = new ListpackReader(data);
                boolean any = false;
                while (r.next()) {
                    l.pushTail(r.bytes());
                    any = true;
                }
                if (!any) throw new RdbFormatException("empty quicklist node");
            } else {
                throw new RdbFormatException("unknown quicklist node container " + container);
            }
        }
        return l.size() == 0 ? null : limits.finish(l);
    }

    private SetValue plainSet(RdbInput in) throws RdbFormatException {
        long n = in.length();
        SetValue s = null;
        for (long i = 0; i < n; i++) s = limits.addMember(s, in.string(), n);
        return s;
    }

    /** An intset blob: encoding width (2, 4 or 8), count, then the sorted values, all little endian. */
    private SetValue intset(byte[] b) throws RdbFormatException {
        if (b.length < 8) throw new RdbFormatException("intset too short");
        int width = (int) little(b, 0, 4);
        long n = little(b, 4, 4);
        if ((width != 2 && width != 4 && width != 8) || 8 + n * width != b.length) throw new RdbFormatException("intset header invalid");
        SetValue s = null;
        long prev = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long v = little(b, 8 + i * width, width);
            v = width == 2 ? (short) v : width == 4 ? (int) v : v;
            if (i > 0 && v <= prev) throw new RdbFormatException("intset not sorted");
            prev = v;
            s = limits.addMember(s, Long.toString(v).getBytes(StandardCharsets.US_ASCII), n);
        }
        return s;
    }

    private static long little(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << 8 | (b[off + i] & 0xFF);
        return v;
    }

    private SetValue listpackSet(byte[] lp) throws RdbFormatException {
        ListpackReader r = new ListpackReader(lp);
        SetValue s = null;
        while (r.next()) s = limits.addMember(s, r.bytes(), 0);
        return s;
    }

    private SortedSetValue plainSortedSet(RdbInput in, boolean binaryScores) throws RdbFormatException {
        long n = in.length();
        if (n == 0) return null;
        SortedSetValue z = limits.newSortedSet(n);
        for (long i = 0; i < n; i++) {
            byte[] member = in.string();
            limits.addMember(z, member, binaryScores ? in.binaryDouble() : in.textDouble());
        }
        return z;
    }

    private SortedSetValue listpackSortedSet(byte[] lp) throws RdbFormatException {
        ListpackReader r = new ListpackReader(lp);
        SortedSetValue z = limits.newSortedSet(0);
        while (r.next()) {
            byte[] member = r.bytes();
            if (!r.next()) throw new RdbFormatException("sorted set listpack with an odd number of elements");
            limits.addMember(z, member, r.asDouble());
        }
        return z.size() == 0 ? null : z;
    }

    private HashValue plainHash(RdbInput in) throws RdbFormatException {
        long n = in.length();
        if (n == 0) return null;
        HashValue h = new HashValue();
        for (long i = 0; i < n; i++) {
            byte[] field = in.string();
            limits.addField(h, field, in.string());
        }
        return h;
    }

    private HashValue listpackHash(byte[] lp) throws RdbFormatException {
        ListpackReader r = new ListpackReader(lp);
        HashValue h = new HashValue();
        while (r.next()) {
            byte[] field = r.bytes();
            if (!r.next()) throw new RdbFormatException("hash listpack with an odd number of elements");
            limits.addField(h, field, r.bytes());
        }
        return h.size() == 0 ? null : h;
    }
}
