package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Glob;
import io.moonkey.datastore.IntString;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.List;

/** Generic keyspace commands: existence, deletion, renaming, copying, iteration and expiry. */
public final class KeyCommands {
    private static final byte[] DEL = Arguments.bytes("DEL");
    private static final byte[] UNLINK = Arguments.bytes("UNLINK");
    private static final byte[] PEXPIREAT = Arguments.bytes("PEXPIREAT");

    private final Server server;

    public KeyCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "generic";
        t.add(new CommandSpec("del", -2, "write", g, "1.0.0", "Deletes one or more keys.", this::del)
                .keys(KeySpec.range("RM DELETE", 1, -1, 1)));
        t.add(new CommandSpec("unlink", -2, "write fast", g, "4.0.0", "Asynchronously deletes one or more keys.", this::del)
                .keys(KeySpec.range("RM DELETE", 1, -1, 1)));
        t.add(new CommandSpec("exists", -2, "readonly fast", g, "1.0.0", "Determines whether one or more keys exist.", this::exists)
                .keys(KeySpec.range("RO", 1, -1, 1)));
        t.add(new CommandSpec("type", 2, "readonly fast", g, "1.0.0", "Determines the type of value stored at a key.", this::type)
                .keys(KeySpec.range("RO", 1, 0, 1)));
        t.add(new CommandSpec("rename", 3, "write", g, "1.0.0", "Renames a key and overwrites the destination.", this::rename)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("OW UPDATE", 2, 0, 1)));
        t.add(new CommandSpec("renamenx", 3, "write fast", g, "1.0.0", "Renames a key only when the target key name doesn't exist.", this::renamenx)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("OW INSERT", 2, 0, 1)));
        t.add(new CommandSpec("copy", -3, "write denyoom", g, "6.2.0", "Copies the value of a key to a new key.", this::copy)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).keys(KeySpec.range("OW UPDATE", 2, 0, 1)));
        t.add(new CommandSpec("move", 3, "write fast", g, "1.0.0", "Moves a key to another database.", this::move)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("keys", 2, "readonly", "generic", "1.0.0", "Returns all key names that match a pattern.", this::keys));
        t.add(new CommandSpec("scan", -2, "readonly", g, "2.8.0", "Iterates over the key names in the database.", this::scan));
        t.add(new CommandSpec("randomkey", 1, "readonly", g, "1.0.0", "Returns a random key name from the database.", this::randomkey));
        t.add(new CommandSpec("touch", -2, "readonly fast", g, "3.2.1",
                "Returns the number of existing keys out of those specified after updating the time they were last accessed.", this::touch)
                .keys(KeySpec.range("RO", 1, -1, 1)));
        t.add(new CommandSpec("expire", -3, "write fast", g, "1.0.0", "Sets the expiration time of a key in seconds.", this::expire)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("pexpire", -3, "write fast", g, "2.6.0", "Sets the expiration time of a key in milliseconds.", this::pexpire)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("expireat", -3, "write fast", g, "1.2.0", "Sets the expiration time of a key to a Unix timestamp.", this::expireat)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("pexpireat", -3, "write fast", g, "2.6.0",
                "Sets the expiration time of a key to a Unix milliseconds timestamp.", this::pexpireat)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("ttl", 2, "readonly fast", g, "1.0.0", "Returns the expiration time in seconds of a key.", this::ttl)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("pttl", 2, "readonly fast", g, "2.6.0", "Returns the expiration time in milliseconds of a key.", this::pttl)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("expiretime", 2, "readonly fast", g, "7.0.0", "Returns the expiration time of a key as a Unix timestamp.", this::expiretime)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("pexpiretime", 2, "readonly fast", g, "7.0.0",
                "Returns the expiration time of a key as a Unix milliseconds timestamp.", this::pexpiretime)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("persist", 2, "write fast", g, "2.2.0", "Removes the expiration time of a key.", this::persist)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("object", -2, "", g, "2.2.3", "A container for object introspection commands.", null)
                .sub(new CommandSpec("encoding", 3, "readonly", g, "2.2.3", "Returns the internal encoding of a key.", this::objectEncoding)
                        .keys(KeySpec.range("RO", 2, 0, 1)))
                .sub(new CommandSpec("refcount", 3, "readonly", g, "2.2.3", "Returns the reference count of a value of a key.", this::objectRefcount)
                        .keys(KeySpec.range("RO", 2, 0, 1)))
                .sub(new CommandSpec("idletime", 3, "readonly", g, "2.2.3", "Returns the time since the last access to a key.", this::objectIdletime)
                        .keys(KeySpec.range("RO", 2, 0, 1)))
                .sub(new CommandSpec("freq", 3, "readonly", g, "4.0.0", "Returns the logarithmic access frequency counter of a key.", this::objectFreq)
                        .keys(KeySpec.range("RO", 2, 0, 1)))
                .sub(new CommandSpec("help", 2, "loading stale", g, "6.2.0", "Returns helpful text about the different subcommands.", this::objectHelp)));
    }

    /** DEL key [key ...] / UNLINK key [key ...]: removes keys; replies how many existed. */
    void del(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        long n = 0;
        for (int i = 1; i < argv.length; i++) {
            if (db.delete(argv[i])) {
                n++;
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[i]);
            }
        }
        s.dirty(n);
        out.integer(n);
    }

    /** EXISTS key [key ...]: how many of the keys exist (repeats counted). */
    void exists(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        long n = 0;
        for (int i = 1; i < argv.length; i++) {
            if (db.lookup(argv[i], Database.NO_TOUCH) != null) n++;
        }
        out.integer(n);
    }

    /** TYPE key: string, list, set, zset, hash, stream, or none. */
    void type(Session s, byte[][] argv, ReplySink out) {
        Value v = s.db().lookup(argv[1], Database.NO_TOUCH);
        out.simple(v == null ? "none" : v.type().typeName());
    }

    /** RENAME key newkey. */
    void rename(Session s, byte[][] argv, ReplySink out) {
        renameGeneric(s, argv, false, out);
    }

    /** RENAMENX key newkey: renames only if newkey does not exist. */
    void renamenx(Session s, byte[][] argv, ReplySink out) {
        renameGeneric(s, argv, true, out);
    }

    private void renameGeneric(Session s, byte[][] argv, boolean nx, ReplySink out) {
        Database db = s.db();
        Value v = db.lookupWrite(argv[1]);
        if (v == null) throw new CommandError("ERR no such key");
        if (java.util.Arrays.equals(argv[1], argv[2])) {
            if (nx) out.integer(0);
            else out.ok();
            return;
        }
        long when = db.expireTime(argv[1]);
        if (db.lookupWrite(argv[2]) != null) {
            if (nx) {
                out.integer(0);
                return;
            }
            db.delete(argv[2]);
        }
        db.delete(argv[1]);
        db.put(argv[2], v, false);
        if (when >= 0) db.setExpire(argv[2], when);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "rename_from", argv[1]);
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "rename_to", argv[2]);
        if (nx) out.integer(1);
        else out.ok();
    }

    /** COPY source destination [DB destination-db] [REPLACE]: 1 if copied. */
    void copy(Session s, byte[][] argv, ReplySink out) {
        int targetDb = s.dbIndex();
        boolean replace = false;
        for (int i = 3; i < argv.length; i++) {
            if (is(argv[i], "replace")) {
                replace = true;
            } else if (is(argv[i], "db") && i + 1 < argv.length) {
                long d = parseLong(argv[++i]);
                if (d < 0 || d >= server.keyspace().databases() || d > Integer.MAX_VALUE) {
                    throw new CommandError("ERR DB index is out of range");
                }
                targetDb = (int) d;
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        if (server.cluster().enabled() && (s.dbIndex() != 0 || targetDb != 0)) {
            throw new CommandError("ERR Copying to another database is not allowed in cluster mode");
        }
        if (targetDb == s.dbIndex() && java.util.Arrays.equals(argv[1], argv[2])) {
            throw new CommandError("ERR source and destination objects are the same");
        }
        Database src = s.db();
        Database dst = server.keyspace().db(targetDb);
        Value v = src.lookupRead(argv[1]);
        if (v == null) {
            out.integer(0);
            return;
        }
        if (dst.lookupWrite(argv[2]) != null) {
            if (!replace) {
                out.integer(0);
                return;
            }
            dst.delete(argv[2]);
        }
        long when = src.expireTime(argv[1]);
        dst.put(argv[2], v.duplicate(), false);
        if (when >= 0) dst.setExpire(argv[2], when);
        s.dirty();
        server.events().notify(KeyspaceEvents.GENERIC, "copy_to", argv[2], targetDb);
        out.integer(1);
    }

    /** MOVE key db: moves a key to another database if absent there; 1 if moved. */
    void move(Session s, byte[][] argv, ReplySink out) {
        if (server.cluster().enabled()) throw new CommandError("ERR MOVE is not allowed in cluster mode");
        long d = Arguments.parseInt(argv[2]);
        if (d < 0 || d >= server.keyspace().databases()) throw new CommandError("ERR DB index is out of range");
        if (d == s.dbIndex()) throw new CommandError("ERR source and destination objects are the same");
        Database src = s.db();
        Database dst = server.keyspace().db((int) d);
        Value v = src.lookupWrite(argv[1]);
        if (v == null || dst.lookupWrite(argv[1]) != null) {
            out.integer(0);
            return;
        }
        long when = src.expireTime(argv[1]);
        src.delete(argv[1]);
        dst.put(argv[1], v, false);
        if (when >= 0) dst.setExpire(argv[1], when);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "move_from", argv[1]);
        server.events().notify(KeyspaceEvents.GENERIC, "move_to", argv[1], (int) d);
        out.integer(1);
    }

    /** KEYS pattern: every key matching the glob pattern. */
    void keys(Session s, byte[][] argv, ReplySink out) {
        byte[] pat = argv[1];
        boolean all = Glob.matchesAll(pat);
        List<byte[]> found = new ArrayList<>();
        s.db().forEachKey(k -> {
            if (all || Glob.matches(pat, k)) found.add(k);
        });
        out.arrayHeader(found.size());
        for (byte[] k : found) out.bulk(k);
    }

    /** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]: one step of a full keyspace iteration. */
    void scan(Session s, byte[][] argv, ReplySink out) {
        long cursor = parseCursor(argv[1]);
        byte[] match = null;
        long count = 10;
        String type = null;
        for (int i = 2; i < argv.length; i++) {
            if (i + 1 >= argv.length) throw new CommandError(SYNTAX);
            if (is(argv[i], "match")) {
                match = argv[++i];
                if (Glob.matchesAll(match)) match = null;
            } else if (is(argv[i], "count")) {
                count = parseLong(argv[++i]);
                if (count < 1) throw new CommandError(SYNTAX);
            } else if (is(argv[i], "type")) {
                type = latin1(argv[++i]);
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        Database db = s.db();
        List<byte[]> keys = new ArrayList<>();
        long maxIterations = count * 10;
        do {
            cursor = db.scan(cursor, (k, v) -> keys.add(k));
        } while (cursor != 0 && maxIterations-- > 0 && keys.size() < count);
        ValueType wanted = type == null ? null : ValueType.byName(type);
        List<byte[]> kept = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            if (match != null && !Glob.matches(match, k)) continue;
            Value v = db.lookup(k, Database.NO_TOUCH | Database.NO_STATS);
            if (v == null) continue;
            if (type != null && (wanted == null || v.type() != wanted)) continue;
            kept.add(k);
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(kept.size());
        for (byte[] k : kept) out.bulk(k);
    }

    /**
     * A SCAN cursor as strtoul reads it: an unsigned 64-bit decimal, optionally signed (a minus
     * wraps around), no leading space, nothing after the digits.
     */
    static long parseCursor(byte[] b) {
        int i = 0;
        boolean neg = false;
        if (b.length > 0 && (b[0] == '-' || b[0] == '+')) {
            neg = b[0] == '-';
            i = 1;
        }
        if (i >= b.length || b.length - i > 20) throw new CommandError("ERR invalid cursor");
        for (int j = i; j < b.length; j++) if (b[j] < '0' || b[j] > '9') throw new CommandError("ERR invalid cursor");
        long v;
        try {
            v = Long.parseUnsignedLong(latin1(java.util.Arrays.copyOfRange(b, i, b.length)));
        } catch (NumberFormatException e) {
            throw new CommandError("ERR invalid cursor");
        }
        return neg ? -v : v;
    }

    /** RANDOMKEY: a random key, or nil when the database is empty. */
    void randomkey(Session s, byte[][] argv, ReplySink out) {
        byte[] k = s.db().randomKey();
        if (k == null) out.nullBulk();
        else out.bulk(k);
    }

    /** TOUCH key [key ...]: updates access times; replies how many keys exist. */
    void touch(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        long n = 0;
        for (int i = 1; i < argv.length; i++) {
            if (db.lookup(argv[i], Database.NO_STATS) != null) n++;
        }
        out.integer(n);
    }

    // ---- expiry ---------------------------------------------------------------------------------

    /** EXPIRE key seconds [NX | XX | GT | LT]. */
    void expire(Session s, byte[][] argv, ReplySink out) {
        expireGeneric(s, argv, server.keyspace().now(), 1000, "expire", out);
    }

    /** PEXPIRE key milliseconds [NX | XX | GT | LT]. */
    void pexpire(Session s, byte[][] argv, ReplySink out) {
        expireGeneric(s, argv, server.keyspace().now(), 1, "pexpire", out);
    }

    /** EXPIREAT key unix-time-seconds [NX | XX | GT | LT]. */
    void expireat(Session s, byte[][] argv, ReplySink out) {
        expireGeneric(s, argv, 0, 1000, "expireat", out);
    }

    /** PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]. */
    void pexpireat(Session s, byte[][] argv, ReplySink out) {
        expireGeneric(s, argv, 0, 1, "pexpireat", out);
    }

    private static final int NX = 1, XX = 2, GT = 4, LT = 8;

    private void expireGeneric(Session s, byte[][] argv, long base, long unit, String name, ReplySink out) {
        int flags = 0;
        for (int i = 3; i < argv.length; i++) {
            if (is(argv[i], "nx")) flags |= NX;
            else if (is(argv[i], "xx")) flags |= XX;
            else if (is(argv[i], "gt")) flags |= GT;
            else if (is(argv[i], "lt")) flags |= LT;
            else throw new CommandError("ERR Unsupported option " + latin1(argv[i]));
        }
        if ((flags & NX) != 0 && (flags & (XX | GT | LT)) != 0) {
            throw new CommandError("ERR NX and XX, GT or LT options at the same time are not compatible");
        }
        if ((flags & GT) != 0 && (flags & LT) != 0) {
            throw new CommandError("ERR GT and LT options at the same time are not compatible");
        }
        long when = parseLong(argv[2]);
        String invalid = "ERR invalid expire time in '" + name + "' command";
        if (when > Long.MAX_VALUE / unit || when < Long.MIN_VALUE / unit) throw new CommandError(invalid);
        when *= unit;
        if ((when > 0 && base > Long.MAX_VALUE - when) || (when < 0 && base < Long.MIN_VALUE - when)) {
            throw new CommandError(invalid);
        }
        when += base;
        Database db = s.db();
        byte[] key = argv[1];
        if (db.lookupWrite(key) == null) {
            out.integer(0);
            return;
        }
        long current = db.expireTime(key);
        if (flags != 0) {
            boolean persistent = current < 0;
            if ((flags & NX) != 0 && !persistent) {
                out.integer(0);
                return;
            }
            if ((flags & XX) != 0 && persistent) {
                out.integer(0);
                return;
            }
            if ((flags & GT) != 0 && (persistent || when <= current)) {
                out.integer(0);
                return;
            }
            if ((flags & LT) != 0 && !persistent && when >= current) {
                out.integer(0);
                return;
            }
        }
        if (when <= server.keyspace().now()) {
            db.delete(key);
            s.dirty();
            s.propagateAs(server.config().getBool("lazyfree-lazy-expire") ? UNLINK : DEL, key);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
            out.integer(1);
            return;
        }
        db.setExpire(key, when);
        s.dirty();
        s.propagateAs(PEXPIREAT, key, Arguments.bytes(when));
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "expire", key);
        out.integer(1);
    }

    /** TTL key: remaining seconds, -1 without expire, -2 if missing. */
    void ttl(Session s, byte[][] argv, ReplySink out) {
        ttlGeneric(s, argv[1], false, false, out);
    }

    /** PTTL key: remaining milliseconds. */
    void pttl(Session s, byte[][] argv, ReplySink out) {
        ttlGeneric(s, argv[1], true, false, out);
    }

    /** EXPIRETIME key: absolute expire time in seconds. */
    void expiretime(Session s, byte[][] argv, ReplySink out) {
        ttlGeneric(s, argv[1], false, true, out);
    }

    /** PEXPIRETIME key: absolute expire time in milliseconds. */
    void pexpiretime(Session s, byte[][] argv, ReplySink out) {
        ttlGeneric(s, argv[1], true, true, out);
    }

    private void ttlGeneric(Session s, byte[] key, boolean ms, boolean absolute, ReplySink out) {
        Database db = s.db();
        if (db.lookup(key, Database.NO_TOUCH) == null) {
            out.integer(-2);
            return;
        }
        long when = db.expireTime(key);
        if (when < 0) {
            out.integer(-1);
            return;
        }
        if (absolute) {
            out.integer(ms ? when : when / 1000);
            return;
        }
        long ttl = Math.max(0, when - server.keyspace().now());
        out.integer(ms ? ttl : (ttl + 500) / 1000);
    }

    /** PERSIST key: removes the expire; 1 if there was one. */
    void persist(Session s, byte[][] argv, ReplySink out) {
        Database db = s.db();
        if (db.lookupWrite(argv[1]) == null || !db.persist(argv[1])) {
            out.integer(0);
            return;
        }
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "persist", argv[1]);
        out.integer(1);
    }

    // ---- OBJECT ---------------------------------------------------------------------------------

    private Value objectLookup(Session s, byte[] key) {
        return s.db().lookup(key, Database.NO_TOUCH); // a read without touching: hits and misses count, as in Valkey
    }

    /** OBJECT ENCODING key. */
    void objectEncoding(Session s, byte[][] argv, ReplySink out) {
        Value v = objectLookup(s, argv[2]);
        if (v == null) out.nullBulk();
        else out.bulk(v.encoding());
    }

    /** OBJECT REFCOUNT key: shared small integers report INT_MAX as in Valkey. */
    void objectRefcount(Session s, byte[][] argv, ReplySink out) {
        Value v = objectLookup(s, argv[2]);
        if (v == null) {
            out.nullBulk();
            return;
        }
        boolean shared = v instanceof IntString i && i.value() >= 0 && i.value() < 10000
                && (server.maxmemory() == 0 || !(server.keyspace().policy().isLru() || server.keyspace().policy().isLfu()));
        out.integer(shared ? Integer.MAX_VALUE : 1);
    }

    /** OBJECT IDLETIME key: seconds since last access (LRU policies only). */
    void objectIdletime(Session s, byte[][] argv, ReplySink out) {
        Value v = objectLookup(s, argv[2]);
        if (v == null) {
            out.nullBulk();
            return;
        }
        Keyspace ks = server.keyspace();
        if (ks.policy().isLfu()) {
            throw new CommandError("ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");
        }
        out.integer(ks.idleTimeMs(v) / 1000);
    }

    /** OBJECT FREQ key: the LFU counter (LFU policies only). */
    void objectFreq(Session s, byte[][] argv, ReplySink out) {
        Value v = objectLookup(s, argv[2]);
        if (v == null) {
            out.nullBulk();
            return;
        }
        Keyspace ks = server.keyspace();
        if (!ks.policy().isLfu()) {
            throw new CommandError("ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.");
        }
        out.integer(ks.lfuDecrAndReturn(v));
    }

    /** OBJECT HELP. */
    void objectHelp(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "ENCODING <key>",
                "    Return the kind of internal representation used in order to store the value",
                "    associated with a <key>.",
                "FREQ <key>",
                "    Return the access frequency index of the <key>. The returned integer is",
                "    proportional to the logarithm of the recent access frequency of the key.",
                "IDLETIME <key>",
                "    Return the idle time of the <key>, that is the approximated number of",
                "    seconds elapsed since the last access to the key.",
                "REFCOUNT <key>",
                "    Return the number of references of the value associated with the specified",
                "    <key>.");
    }
}
