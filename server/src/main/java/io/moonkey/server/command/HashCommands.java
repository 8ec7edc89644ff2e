package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.math.BigDecimal;

/** The hash commands: HSET and friends, counters, HSCAN, HRANDFIELD. */
public final class HashCommands {
    private static final byte[] HSET = Arguments.bytes("HSET");

    private final EncodingLimit maxEntries;
    private final EncodingLimit maxValue;
    private final HashRandomField randomField = new HashRandomField();

    public HashCommands(Server server) {
        this.maxEntries = new EncodingLimit(server, "hash-max-listpack-entries");
        this.maxValue = new EncodingLimit(server, "hash-max-listpack-value");
    }

    public void register(CommandTable t) {
        t.add(spec("hset", -4, "write denyoom fast", "2.0.0", "Set the string value of a hash field", this::hset)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(spec("hsetnx", 4, "write denyoom fast", "2.0.0", "Set the value of a hash field, only if the field does not exist", this::hsetnx)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)));
        t.add(spec("hget", 3, "readonly fast", "2.0.0", "Get the value of a hash field", this::hget)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hmset", -4, "write denyoom fast", "2.0.0", "Set multiple hash fields to multiple values", this::hmset)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(spec("hmget", -3, "readonly fast", "2.0.0", "Get the values of all the given hash fields", this::hmget)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hgetall", 2, "readonly", "2.0.0", "Get all the fields and values in a hash", this::hgetall)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hdel", -3, "write fast", "2.0.0", "Delete one or more hash fields", this::hdel)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)));
        t.add(spec("hexists", 3, "readonly fast", "2.0.0", "Determine if a hash field exists", this::hexists)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("hlen", 2, "readonly fast", "2.0.0", "Get the number of fields in a hash", this::hlen)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("hkeys", 2, "readonly", "2.0.0", "Get all the fields in a hash", this::hkeys)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hvals", 2, "readonly", "2.0.0", "Get all the values in a hash", this::hvals)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hincrby", 4, "write denyoom fast", "2.0.0", "Increment the integer value of a hash field by the given number", this::hincrby)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(spec("hincrbyfloat", 4, "write denyoom fast", "2.6.0", "Increment the float value of a hash field by the given amount", this::hincrbyfloat)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(spec("hstrlen", 3, "readonly fast", "3.2.0", "Get the length of the value of a hash field", this::hstrlen)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(spec("hscan", -3, "readonly", "2.8.0", "Incrementally iterate hash fields and associated values", this::hscan)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(spec("hrandfield", -2, "readonly", "6.2.0", "Get one or multiple random fields from a hash", this::hrandfield)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
    }

    /** A spec in the hash group, with the ACL categories Valkey derives (read/write, @hash, fast/slow). */
    private static CommandSpec spec(String name, int arity, String flags, String since, String summary, Command handler) {
        return new CommandSpec(name, arity, flags, "hash", since, summary, handler)
                .acl(flags.contains("write") ? "write" : "read", "hash", flags.contains("fast") ? "fast" : "slow");
    }

    // ---- value access -----------------------------------------------------------------------------

    /** The hash at {@code key} for a reading command, null if missing, WRONGTYPE if another type. */
    static HashValue readHash(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null || v instanceof HashValue) return (HashValue) v;
        throw new CommandError(WRONGTYPE);
    }

    static HashValue writeHash(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null || v instanceof HashValue) return (HashValue) v;
        throw new CommandError(WRONGTYPE);
    }

    /**
     * Valkey's hashTypeTryConversion: a listpack hash becomes a table before a write whose
     * arguments {@code argv[from..]} include a string longer than hash-max-listpack-value.
     */
    private void convertForArguments(HashValue h, byte[][] argv, int from) {
        if (!h.isListPack()) return;
        long max = maxValue.get();
        for (int i = from; i < argv.length; i++) {
            if (argv[i].length > max) {
                h.convertToTable();
                return;
            }
        }
    }

    /**
     * Valkey's hashTypeSet: converts for an over-long field or value (HINCRBY's path has no
     * argument check before it), sets, then converts past hash-max-listpack-entries.
     */
    private boolean setField(HashValue h, byte[] field, byte[] value) {
        if (h.isListPack() && (field.length > maxValue.get() || value.length > maxValue.get())) h.convertToTable();
        boolean added = h.set(field, value);
        if (h.isListPack() && h.size() > maxEntries.get()) h.convertToTable();
        return added;
    }

    /** Stores a hash just created, or accounts for the size change of an existing one. */
    private static void stored(Database db, byte[] key, HashValue h, long before) {
        if (before < 0) db.put(key, h, false);
        else db.resized(key, h.memoryUsage() - before);
    }

    static void replyValue(ReplySink out, HashValue h, int pos) {
        out.bulk(h.array(pos), h.valueOffset(pos), h.valueLength(pos));
    }

    static void replyField(ReplySink out, HashValue h, int pos) {
        out.bulk(h.array(pos), h.fieldOffset(pos), h.fieldLength(pos));
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** HSET key field value [field value ...]: sets the fields; replies how many were new. */
    void hset(Session s, byte[][] argv, ReplySink out) {
        out.integer(setPairs(s, argv, "hset"));
    }

    /** HMSET key field value [field value ...]: HSET replying OK. */
    void hmset(Session s, byte[][] argv, ReplySink out) {
        setPairs(s, argv, "hmset");
        out.ok();
    }

    private long setPairs(Session s, byte[][] argv, String name) {
        if ((argv.length & 1) != 0) throw new CommandError("ERR wrong number of arguments for '" + name + "' command");
        Database db = s.db();
        HashValue h = writeHash(db, argv[1]);
        long before = h == null ? -1 : h.memoryUsage(); // -1: a new key, stored at the end
        if (h == null) h = new HashValue();
        convertForArguments(h, argv, 2);
        long added = 0;
        for (int i = 2; i < argv.length; i += 2) {
            if (setField(h, argv[i], argv[i + 1])) added++;
        }
        stored(db, argv[1], h, before);
        s.dirty((argv.length - 2) / 2);
        s.notifyKeyspace(KeyspaceEvents.HASH, "hset", argv[1]);
        return added;
    }

    /** HSETNX key field value: sets the field only if absent; 1 if set. */
    void hsetnx(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        HashValue h = writeHash(db, argv[1]);
        if (h != null && h.find(argv[2]) >= 0) {
            out.integer(0);
            return;
        }
        long before = h == null ? -1 : h.memoryUsage();
        if (h == null) h = new HashValue();
        convertForArguments(h, argv, 2);
        setField(h, argv[2], argv[3]);
        stored(db, argv[1], h, before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.HASH, "hset", argv[1]);
        out.integer(1);
    }

    /** HGET key field: the value, or nil. */
    void hget(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        int pos = h == null ? -1 : h.find(argv[2]);
        if (pos < 0) out.nullBulk();
        else replyValue(out, h, pos);
    }

    /** HMGET key field [field ...]: the values in order, nil for missing fields. */
    void hmget(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        out.arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            int pos = h == null ? -1 : h.find(argv[i]);
            if (pos < 0) out.nullBulk();
            else replyValue(out, h, pos);
        }
    }

    /** HGETALL key: fields and values (a map in RESP3). */
    void hgetall(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        if (h == null) {
            out.mapHeader(0);
            return;
        }
        out.mapHeader(h.size());
        for (int p = h.first(); p >= 0; p = h.next(p)) {
            replyField(out, h, p);
            replyValue(out, h, p);
        }
    }

    /** HKEYS key: all fields. */
    void hkeys(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        out.arrayHeader(h == null ? 0 : h.size());
        if (h == null) return;
        for (int p = h.first(); p >= 0; p = h.next(p)) replyField(out, h, p);
    }

    /** HVALS key: all values. */
    void hvals(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        out.arrayHeader(h == null ? 0 : h.size());
        if (h == null) return;
        for (int p = h.first(); p >= 0; p = h.next(p)) replyValue(out, h, p);
    }

    /** HDEL key field [field ...]: removes fields, the key with the last one; replies how many. */
    void hdel(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        HashValue h = writeHash(db, argv[1]);
        if (h == null) {
            out.integer(0);
            return;
        }
        long before = h.memoryUsage();
        long deleted = 0;
        for (int i = 2; i < argv.length && h.size() > 0; i++) {
            if (h.remove(argv[i])) deleted++;
        }
        if (deleted > 0) {
            db.resized(argv[1], h.memoryUsage() - before);
            boolean keyRemoved = h.size() == 0 && db.delete(argv[1]);
            s.dirty(deleted);
            s.notifyKeyspace(KeyspaceEvents.HASH, "hdel", argv[1]);
            if (keyRemoved) s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[1]);
        }
        out.integer(deleted);
    }

    /** HEXISTS key field: 1 if the field exists. */
    void hexists(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        out.integer(h != null && h.find(argv[2]) >= 0 ? 1 : 0);
    }

    /** HLEN key: the number of fields. */
    void hlen(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        out.integer(h == null ? 0 : h.size());
    }

    /** HSTRLEN key field: the length of the value, 0 if missing. */
    void hstrlen(Session s, byte[][] argv, ReplySink out) {
        HashValue h = readHash(s.db(), argv[1]);
        int pos = h == null ? -1 : h.find(argv[2]);
        out.integer(pos < 0 ? 0 : h.valueLength(pos));
    }

    /** HINCRBY key field increment: integer addition on the field (0 if missing); the new value. */
    void hincrby(Session s, byte[][] argv, ReplySink out) {
        long incr = parseLong(argv[3]);
        Database db = s.db();
        HashValue h = writeHash(db, argv[1]);
        long before = -1;
        long cur = 0;
        if (h == null) {
            h = new HashValue();
        } else {
            before = h.memoryUsage();
            int pos = h.find(argv[2]);
            if (pos >= 0) {
                byte[] a = h.array(pos);
                int off = h.valueOffset(pos), len = h.valueLength(pos);
                cur = Numbers.parseCanonicalLong(a, off, len);
                if (cur == Numbers.NOT_A_LONG && !isLongMin(a, off, len)) throw new CommandError("ERR hash value is not an integer");
            }
        }
        if ((incr < 0 && cur < 0 && incr < Long.MIN_VALUE - cur) || (incr > 0 && cur > 0 && incr > Long.MAX_VALUE - cur)) {
            throw new CommandError("ERR increment or decrement would overflow");
        }
        long nv = cur + incr;
        setField(h, argv[2], Numbers.longToBytes(nv));
        stored(db, argv[1], h, before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.HASH, "hincrby", argv[1]);
        out.integer(nv);
    }

    private static boolean isLongMin(byte[] a, int off, int len) {
        return len == 20 && Numbers.isLongMinValue(java.util.Arrays.copyOfRange(a, off, off + len));
    }

    /**
     * HINCRBYFLOAT key field increment: long double addition printed as INCRBYFLOAT does;
     * propagated as HSET key field result so replicas need no float arithmetic.
     */
    void hincrbyfloat(Session s, byte[][] argv, ReplySink out) {
        BigDecimal inc = LongDoubleText.parse(argv[3]);
        if (inc == null || (inc == LongDoubleText.INFINITY && !isInfinityText(argv[3]))) throw new CommandError(Arguments.NOT_FLOAT);
        if (inc == LongDoubleText.INFINITY) throw new CommandError("ERR value is NaN or Infinity");
        Database db = s.db();
        HashValue h = writeHash(db, argv[1]);
        long before = -1;
        BigDecimal cur = BigDecimal.ZERO;
        if (h == null) {
            h = new HashValue();
        } else {
            before = h.memoryUsage();
            int pos = h.find(argv[2]);
            if (pos >= 0) {
                byte[] text = h.value(pos);
                cur = LongDoubleText.parse(text);
                if (cur == null || (cur == LongDoubleText.INFINITY && !isInfinityText(text))) {
                    throw new CommandError("ERR hash value is not a float");
                }
            }
        }
        byte[] result = cur == LongDoubleText.INFINITY ? null : LongDoubleText.format(cur.add(inc));
        if (result == null) throw new CommandError("ERR increment would produce NaN or Infinity");
        setField(h, argv[2], result);
        stored(db, argv[1], h, before);
        s.dirty();
        s.propagateAs(HSET, argv[1], argv[2], result);
        s.notifyKeyspace(KeyspaceEvents.HASH, "hincrbyfloat", argv[1]);
        out.bulk(result);
    }

    /** Whether strtold reads the text as an infinity (rather than overflowing to one). */
    private static boolean isInfinityText(byte[] b) {
        String t = Arguments.latin1(b).toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) t = t.substring(1);
        return t.equals("inf") || t.equals("infinity");
    }

    /** HSCAN key cursor [MATCH pattern] [COUNT count]: one step over the fields and values. */
    void hscan(Session s, byte[][] argv, ReplySink out) {
        long cursor = KeyCommands.parseCursor(argv[2]);
        HashValue h = readHash(s.db(), argv[1]);
        if (h == null) {
            HashScan.replyEmpty(out);
            return;
        }
        HashScan.Options o = HashScan.Options.parse(argv, 3);
        HashScan.scanHash(h, cursor, o, out);
    }

    /** HRANDFIELD key [count [WITHVALUES]]: random fields, distinct for a positive count. */
    void hrandfield(Session s, byte[][] argv, ReplySink out) {
        randomField.hrandfield(s, argv, out);
    }
}
