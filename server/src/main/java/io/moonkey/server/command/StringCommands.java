package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.NOT_INTEGER;
import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.IntString;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.GrowableString;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/** The string commands: GET, SET and friends, counters, ranges, LCS. */
public final class StringCommands {
    private static final byte[] SET = Arguments.bytes("SET");
    private static final byte[] DEL = Arguments.bytes("DEL");
    private static final byte[] PXAT = Arguments.bytes("PXAT");
    private static final byte[] KEEPTTL = Arguments.bytes("KEEPTTL");
    private static final byte[] PEXPIREAT = Arguments.bytes("PEXPIREAT");
    private static final byte[] PERSIST = Arguments.bytes("PERSIST");
    private static final byte[] EMPTY = new byte[0];

    private final Server server;

    public StringCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "string";
        t.add(new CommandSpec("get", 2, "readonly fast", g, "1.0.0", "Returns the string value of a key.", this::get)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("set", -3, "write denyoom", g, "1.0.0",
                "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.", this::set)
                .keys(KeySpec.range("RW ACCESS UPDATE VARIABLE_FLAGS", 1, 0, 1)));
        t.add(new CommandSpec("setnx", 3, "write denyoom fast", g, "1.0.0",
                "Set the string value of a key only when the key doesn't exist.", this::setnx)
                .keys(KeySpec.range("OW INSERT", 1, 0, 1)));
        t.add(new CommandSpec("setex", 4, "write denyoom", g, "2.0.0",
                "Sets the string value and expiration time of a key. Creates the key if it doesn't exist.", this::setex)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("psetex", 4, "write denyoom", g, "2.6.0",
                "Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist.", this::psetex)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("mget", -2, "readonly fast", g, "1.0.0", "Atomically returns the string values of one or more keys.", this::mget)
                .keys(KeySpec.range("RO ACCESS", 1, -1, 1)));
        t.add(new CommandSpec("mset", -3, "write denyoom", g, "1.0.1", "Atomically creates or modifies the string values of one or more keys.", this::mset)
                .keys(KeySpec.range("OW UPDATE", 1, -1, 2)));
        t.add(new CommandSpec("msetnx", -3, "write denyoom", g, "1.0.1",
                "Atomically modifies the string values of one or more keys only when all keys don't exist.", this::msetnx)
                .keys(KeySpec.range("OW INSERT", 1, -1, 2)));
        t.add(new CommandSpec("getset", 3, "write denyoom fast", g, "1.0.0",
                "Returns the previous string value of a key after setting it to a new value.", this::getset)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("getdel", 2, "write fast", g, "6.2.0", "Returns the string value of a key after deleting the key.", this::getdel)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)));
        t.add(new CommandSpec("getex", -2, "write fast", g, "6.2.0", "Returns the string value of a key after setting its expiration time.", this::getex)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("append", 3, "write denyoom fast", g, "2.0.0",
                "Appends a string to the value of a key. Creates the key if it doesn't exist.", this::append)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)));
        t.add(new CommandSpec("strlen", 2, "readonly fast", g, "2.2.0", "Returns the length of a string value.", this::strlen)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(new CommandSpec("incr", 2, "write denyoom fast", g, "1.0.0",
                "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", this::incr)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("decr", 2, "write denyoom fast", g, "1.0.0",
                "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.", this::decr)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("incrby", 3, "write denyoom fast", g, "1.0.0",
                "Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist.", this::incrby)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("decrby", 3, "write denyoom fast", g, "1.0.0",
                "Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist.", this::decrby)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("incrbyfloat", 3, "write denyoom fast", g, "2.6.0",
                "Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist.", this::incrbyfloat)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("getrange", 4, "readonly", g, "2.4.0", "Returns a substring of the string stored at a key.", this::getrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("substr", 4, "readonly", g, "1.0.0", "Returns a substring from a string value.", this::getrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("setrange", 4, "write denyoom", g, "2.2.0",
                "Overwrites a part of a string value with another by an offset. Creates the key if it doesn't exist.", this::setrange)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("lcs", -3, "readonly", g, "7.0.0", "Finds the longest common substring.", this::lcs)
                .keys(KeySpec.range("RO ACCESS", 1, 1, 1)));
    }

    // ---- shared value access --------------------------------------------------------------------

    /** The string at {@code key} for reading, null if missing, WRONGTYPE if another type. */
    static StringValue readString(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null) return null;
        if (v instanceof StringValue s) return s;
        throw new CommandError(WRONGTYPE);
    }

    static StringValue writeString(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null) return null;
        if (v instanceof StringValue s) return s;
        throw new CommandError(WRONGTYPE);
    }

    static void replyString(ReplySink out, StringValue s) {
        if (s == null) {
            out.nullBulk();
        } else if (s instanceof GrowableString g) {
            out.bulk(g.buffer(), 0, g.length());
        } else {
            out.bulk(s.bytes());
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    /** GET key: the string value, or nil. */
    void get(Session s, byte[][] argv, ReplySink out) {
        replyString(out, readString(s.db(), argv[1]));
    }

    /** Parsed SET/GETEX expiration options. */
    private static final class ExpireOptions {
        long whenMs = -1; // absolute
        boolean keepTtl, persist, nx, xx, get;
        boolean unitGiven;
    }

    /**
     * Parses an expire amount: {@code unitMs} is 1000 for EX, 1 for PX; {@code absolute} for
     * EXAT/PXAT. Errors as Valkey: non-integer, then "invalid expire time in '<cmd>' command".
     */
    private long expireArg(Session s, byte[] arg, long unitMs, boolean absolute, String cmd) {
        long v = parseLong(arg);
        String invalid = "ERR invalid expire time in '" + cmd + "' command";
        if (v <= 0) throw new CommandError(invalid);
        if (v > Long.MAX_VALUE / unitMs) throw new CommandError(invalid);
        long ms = v * unitMs;
        if (absolute) return ms;
        long now = s.server().keyspace().now();
        if (ms > Long.MAX_VALUE - now) throw new CommandError(invalid);
        return now + ms;
    }

    /**
     * SET key value [NX | XX] [GET] [EX seconds | PX milliseconds | EXAT unix-time-seconds |
     * PXAT unix-time-milliseconds | KEEPTTL]: stores the value; with GET replies the old value.
     */
    void set(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 3) { // the hot path: no options, nothing to look up first
            s.db().put(argv[1], StringValue.of(argv[2]), false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[1]);
            out.ok();
            return;
        }
        ExpireOptions o = new ExpireOptions();
        parseSetOptions(s, argv, o);
        setGeneric(s, argv[1], argv[2], o, out, "set");
    }

    private void parseSetOptions(Session s, byte[][] argv, ExpireOptions o) {
        for (int i = 3; i < argv.length; i++) {
            byte[] a = argv[i];
            boolean hasNext = i + 1 < argv.length;
            if (is(a, "nx") && !o.xx) {
                o.nx = true;
            } else if (is(a, "xx") && !o.nx) {
                o.xx = true;
            } else if (is(a, "get")) {
                o.get = true;
            } else if (is(a, "keepttl") && !o.unitGiven) {
                o.keepTtl = true;
                o.unitGiven = true;
            } else if (hasNext && !o.unitGiven && (is(a, "ex") || is(a, "px") || is(a, "exat") || is(a, "pxat"))) {
                o.unitGiven = true;
                i++;
                boolean seconds = is(a, "ex") || is(a, "exat");
                boolean absolute = is(a, "exat") || is(a, "pxat");
                o.whenMs = expireArg(s, argv[i], seconds ? 1000 : 1, absolute, "set");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
    }

    private void setGeneric(Session s, byte[] key, byte[] value, ExpireOptions o, ReplySink out, String cmd) {
        Database db = s.db();
        StringValue old = null;
        boolean exists;
        if (o.get) {
            old = writeString(db, key);
            exists = old != null;
        } else if (o.nx || o.xx || o.keepTtl) {
            exists = db.lookupWrite(key) != null;
        } else {
            exists = false; // not needed
        }
        if ((o.nx && exists) || (o.xx && !exists)) {
            if (o.get) replyString(out, old);
            else out.nullBulk();
            return;
        }
        db.put(key, StringValue.of(value), o.keepTtl);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "set", key);
        if (o.whenMs >= 0) {
            db.setExpire(key, o.whenMs);
            s.propagateAs(SET, key, value, PXAT, Arguments.bytes(o.whenMs));
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "expire", key);
        }
        if (o.get) replyString(out, old);
        else out.ok();
    }

    /** SETNX key value: sets only if the key does not exist; 1 if set. */
    void setnx(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        if (db.lookupWrite(argv[1]) != null) {
            out.integer(0);
            return;
        }
        db.put(argv[1], StringValue.of(argv[2]), false);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[1]);
        out.integer(1);
    }

    /** SETEX key seconds value: SET with an expire in seconds. */
    void setex(Session s, byte[][] argv, ReplySink out) {
        ExpireOptions o = new ExpireOptions();
        o.whenMs = expireArg(s, argv[2], 1000, false, "setex");
        setGeneric(s, argv[1], argv[3], o, out, "setex");
    }

    /** PSETEX key milliseconds value: SET with an expire in milliseconds. */
    void psetex(Session s, byte[][] argv, ReplySink out) {
        ExpireOptions o = new ExpireOptions();
        o.whenMs = expireArg(s, argv[2], 1, false, "psetex");
        setGeneric(s, argv[1], argv[3], o, out, "psetex");
    }

    /** MGET key [key ...]: values in order, nil for missing keys and non-strings. */
    void mget(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        out.arrayHeader(argv.length - 1);
        for (int i = 1; i < argv.length; i++) {
            Value v = db.lookupRead(argv[i]);
            replyString(out, v instanceof StringValue sv ? sv : null);
        }
    }

    /** MSET key value [key value ...]: sets all pairs atomically. */
    void mset(Session s, byte[][] argv, ReplySink out) {
        if ((argv.length & 1) == 0) throw new CommandError("ERR wrong number of arguments for 'mset' command");
        Database db = s.db();
        for (int i = 1; i < argv.length; i += 2) {
            db.put(argv[i], StringValue.of(argv[i + 1]), false);
            s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[i]);
        }
        s.dirty((argv.length - 1) / 2);
        out.ok();
    }

    /** MSETNX key value [key value ...]: sets all pairs only if none of the keys exists. */
    void msetnx(Session s, byte[][] argv, ReplySink out) {
        if ((argv.length & 1) == 0) throw new CommandError("ERR wrong number of arguments for 'msetnx' command");
        Database db = s.db();
        for (int i = 1; i < argv.length; i += 2) {
            if (db.lookupWrite(argv[i]) != null) {
                out.integer(0);
                return;
            }
        }
        for (int i = 1; i < argv.length; i += 2) {
            db.put(argv[i], StringValue.of(argv[i + 1]), false);
            s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[i]);
        }
        s.dirty((argv.length - 1) / 2);
        out.integer(1);
    }

    /** GETSET key value: sets the value and returns the old one (propagated as SET). */
    void getset(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        StringValue old = writeString(db, argv[1]);
        db.put(argv[1], StringValue.of(argv[2]), false);
        s.dirty();
        s.propagateAs(SET, argv[1], argv[2]);
        s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[1]);
        replyString(out, old);
    }

    /** GETDEL key: returns the value and deletes the key (propagated as DEL). */
    void getdel(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        StringValue old = readString(db, argv[1]);
        if (old != null) {
            db.delete(argv[1]);
            s.dirty();
            s.propagateAs(DEL, argv[1]);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[1]);
        }
        replyString(out, old);
    }

    /**
     * GETEX key [EX seconds | PX milliseconds | EXAT unix-time-seconds | PXAT unix-time-milliseconds
     * | PERSIST]: returns the value and changes its expiry (propagated as PEXPIREAT or PERSIST).
     */
    void getex(Session s, byte[][] argv, ReplySink out) {
        ExpireOptions o = new ExpireOptions();
        byte[] unit = null, amount = null;
        for (int i = 2; i < argv.length; i++) {
            byte[] a = argv[i];
            if (is(a, "persist") && !o.unitGiven) {
                o.persist = true;
                o.unitGiven = true;
            } else if (i + 1 < argv.length && !o.unitGiven && (is(a, "ex") || is(a, "px") || is(a, "exat") || is(a, "pxat"))) {
                o.unitGiven = true;
                unit = a;
                amount = argv[++i];
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        Database db = s.db();
        StringValue v = readString(db, argv[1]);
        if (v == null) {
            out.nullBulk();
            return;
        }
        if (unit != null) { // validated only once the key is known to exist, as Valkey does
            boolean seconds = is(unit, "ex") || is(unit, "exat");
            boolean absolute = is(unit, "exat") || is(unit, "pxat");
            o.whenMs = expireArg(s, amount, seconds ? 1000 : 1, absolute, "getex");
        }
        replyString(out, v);
        if (o.whenMs >= 0) {
            if (o.whenMs <= s.server().keyspace().now()) {
                db.delete(argv[1]);
                s.propagateAs(DEL, argv[1]);
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[1]);
            } else {
                db.setExpire(argv[1], o.whenMs);
                s.propagateAs(PEXPIREAT, argv[1], Arguments.bytes(o.whenMs));
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "expire", argv[1]);
            }
            s.dirty();
        } else if (o.persist && db.persist(argv[1])) {
            s.propagateAs(PERSIST, argv[1]);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "persist", argv[1]);
            s.dirty();
        }
    }

    /** APPEND key value: appends, creating the key if needed; replies the new length. */
    void append(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        StringValue v = writeString(db, argv[1]);
        if (v == null) {
            db.put(argv[1], StringValue.of(argv[2]), false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.STRING, "append", argv[1]);
            out.integer(argv[2].length);
            return;
        }
        checkSize((long) v.length() + argv[2].length);
        GrowableString r = mutable(db, argv[1], v);
        long before = r.memoryUsage();
        r.append(argv[2]);
        db.resized(argv[1], r.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "append", argv[1]);
        out.integer(r.length());
    }

    /** The in-place editable form of a stored string, replacing an exact or int-encoded one. */
    static GrowableString mutable(Database db, byte[] key, StringValue v) {
        if (v instanceof GrowableString g) return g;
        GrowableString g = StringValue.growable(v.bytes());
        g.setAccess(v.access());
        db.put(key, g, true);
        return g;
    }

    private void checkSize(long len) {
        if (len > server.config().getLong("proto-max-bulk-len")) {
            throw new CommandError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
    }

    /** STRLEN key: length of the string, 0 if missing. */
    void strlen(Session s, byte[][] argv, ReplySink out) {
        StringValue v = readString(s.db(), argv[1]);
        out.integer(v == null ? 0 : v.length());
    }

    /** INCR key. */
    void incr(Session s, byte[][] argv, ReplySink out) {
        incrDecr(s, argv[1], 1, out);
    }

    /** DECR key. */
    void decr(Session s, byte[][] argv, ReplySink out) {
        incrDecr(s, argv[1], -1, out);
    }

    /** INCRBY key increment. */
    void incrby(Session s, byte[][] argv, ReplySink out) {
        incrDecr(s, argv[1], parseLong(argv[2]), out);
    }

    /** DECRBY key decrement. */
    void decrby(Session s, byte[][] argv, ReplySink out) {
        long d = parseLong(argv[2]);
        if (d == Long.MIN_VALUE) throw new CommandError("ERR decrement would overflow");
        incrDecr(s, argv[1], -d, out);
    }

    private void incrDecr(Session s, byte[] key, long delta, ReplySink out) {
        Database db = s.db();
        StringValue v = writeString(db, key);
        long cur = 0;
        if (v instanceof IntString i) {
            cur = i.value();
        } else if (v != null) {
            byte[] b = v.bytes();
            cur = Numbers.parseCanonicalLong(b, 0, b.length);
            if (cur == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(b)) {
                throw new CommandError(NOT_INTEGER);
            }
        }
        if ((delta < 0 && cur < 0 && delta < Long.MIN_VALUE - cur) || (delta > 0 && cur > 0 && delta > Long.MAX_VALUE - cur)) {
            throw new CommandError("ERR increment or decrement would overflow");
        }
        long nv = cur + delta;
        StringValue n = StringValue.of(nv);
        if (v != null) n.setAccess(v.access());
        db.put(key, n, true);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "incrby", key);
        out.integer(nv);
    }

    /** INCRBYFLOAT key increment: float addition; propagated as SET key value KEEPTTL. */
    void incrbyfloat(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        StringValue v = writeString(db, argv[1]);
        java.math.BigDecimal cur = java.math.BigDecimal.ZERO;
        if (v != null) cur = LongDoubleText.parse(v.bytes());
        java.math.BigDecimal inc = LongDoubleText.parse(argv[2]);
        if (cur == null || inc == null) throw new CommandError(Arguments.NOT_FLOAT);
        if (cur == LongDoubleText.INFINITY || inc == LongDoubleText.INFINITY) {
            throw new CommandError("ERR increment would produce NaN or Infinity");
        }
        byte[] text = LongDoubleText.format(cur.add(inc));
        if (text == null) throw new CommandError("ERR increment would produce NaN or Infinity");
        db.put(argv[1], StringValue.raw(text), true); // Valkey keeps it as a string, not an int
        s.dirty();
        s.propagateAs(SET, argv[1], text, KEEPTTL);
        s.notifyKeyspace(KeyspaceEvents.STRING, "incrbyfloat", argv[1]);
        out.bulk(text);
    }

    /** GETRANGE key start end: the substring with inclusive, possibly negative, offsets. */
    void getrange(Session s, byte[][] argv, ReplySink out) {
        long start = parseLong(argv[2]);
        long end = parseLong(argv[3]);
        StringValue v = readString(s.db(), argv[1]);
        if (v == null) {
            out.bulk(EMPTY);
            return;
        }
        byte[] b = v.bytes();
        long len = b.length;
        if (start < 0 && end < 0 && start > end) {
            out.bulk(EMPTY);
            return;
        }
        if (start < 0) start = len + start;
        if (end < 0) end = len + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= len) end = len - 1;
        if (len == 0 || start > end) {
            out.bulk(EMPTY);
            return;
        }
        out.bulk(b, (int) start, (int) (end - start + 1));
    }

    /** SETRANGE key offset value: overwrites from offset, zero-padding; replies the new length. */
    void setrange(Session s, byte[][] argv, ReplySink out) {
        long offset = parseLong(argv[2]);
        if (offset < 0) throw new CommandError("ERR offset is out of range");
        byte[] val = argv[3];
        Database db = s.db();
        StringValue v = writeString(db, argv[1]);
        if (v == null) {
            if (val.length == 0) {
                out.integer(0);
                return;
            }
            checkSize(offset + val.length);
            byte[] b = new byte[(int) offset + val.length];
            System.arraycopy(val, 0, b, (int) offset, val.length);
            db.put(argv[1], StringValue.growable(b), false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.STRING, "setrange", argv[1]);
            out.integer(b.length);
            return;
        }
        if (val.length == 0) {
            out.integer(v.length());
            return;
        }
        checkSize(offset + val.length);
        GrowableString r = mutable(db, argv[1], v);
        long before = r.memoryUsage();
        r.ensureLength((int) offset + val.length);
        System.arraycopy(val, 0, r.buffer(), (int) offset, val.length);
        db.resized(argv[1], r.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "setrange", argv[1]);
        out.integer(r.length());
    }

    /** LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]: longest common subsequence. */
    void lcs(Session s, byte[][] argv, ReplySink out) {
        boolean len = false, idx = false, withLen = false;
        long minLen = 0;
        for (int i = 3; i < argv.length; i++) {
            if (is(argv[i], "len")) len = true;
            else if (is(argv[i], "idx")) idx = true;
            else if (is(argv[i], "withmatchlen")) withLen = true;
            else if (is(argv[i], "minmatchlen") && i + 1 < argv.length) {
                minLen = parseLong(argv[++i]);
                if (minLen < 0) minLen = 0;
            } else throw new CommandError(SYNTAX);
        }
        Database db = s.db();
        Value va = db.lookupRead(argv[1]), vb = db.lookupRead(argv[2]);
        if ((va != null && !(va instanceof StringValue)) || (vb != null && !(vb instanceof StringValue))) {
            throw new CommandError("ERR The specified keys must contain string values");
        }
        if (len && idx) throw new CommandError("ERR If you want both the length and indexes, please just use IDX.");
        byte[] a = va == null ? EMPTY : ((StringValue) va).bytes();
        byte[] b = vb == null ? EMPTY : ((StringValue) vb).bytes();
        Lcs.reply(a, b, len, idx, withLen, minLen, out);
    }
}
