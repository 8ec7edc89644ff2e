package io.moonkey.server.persistence;

import static io.moonkey.server.command.Arguments.is;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Value;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.KeySpec;
import io.moonkey.server.persistence.rdb.Crc64;
import io.moonkey.server.persistence.rdb.EncodingLimits;
import io.moonkey.server.persistence.rdb.RdbFormat;
import io.moonkey.server.persistence.rdb.RdbFormatException;
import io.moonkey.server.persistence.rdb.RdbInput;
import io.moonkey.server.persistence.rdb.RdbValueReader;
import io.moonkey.server.persistence.rdb.RdbValueWriter;
import io.moonkey.server.persistence.rdb.RdbWriter;
import io.moonkey.server.resp.ReplySink;

/**
 * DUMP and RESTORE. A payload is a value as an RDB record (type byte, then the value), the RDB
 * version in 2 bytes little endian, and the CRC-64 of all that in 8 bytes little endian.
 */
public final class DumpCommands {
    private static final String BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";
    private static final byte[] ABSTTL = Arguments.bytes("ABSTTL");
    private static final byte[] DEL = Arguments.bytes("DEL"), UNLINK = Arguments.bytes("UNLINK");

    private final Server server;

    public DumpCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        t.add(new CommandSpec("dump", 2, "readonly", "generic", "2.6.0",
                "Returns a serialized representation of the value stored at a key.", this::dump)
                .keys(io.moonkey.server.command.KeySpec.range("RO ACCESS", 1, 0, 1)).acl("keyspace", "read", "slow"));
        t.add(new CommandSpec("restore", -4, "write denyoom", "generic", "2.6.0",
                "Creates a key from the serialized representation of a value.", this::restore)
                .keys(KeySpec.range("OW UPDATE", 1, 0, 1)).acl("keyspace", "write", "slow", "dangerous"));
    }

    /** The DUMP payload of a value. */
    public static byte[] payload(Value v, boolean compress) {
        RdbWriter w = new RdbWriter().compressing(compress);
        RdbValueWriter.write(w, null, v);
        return w.finishDump(RdbFormat.DUMP_VERSION);
    }

    /** The value in a payload; a version or checksum problem and bad contents have different errors. */
    Value parse(byte[] p) {
        if (p.length < 10) throw new CommandError(BAD_PAYLOAD);
        int end = p.length - 10;
        int version = (p[end] & 0xFF) | (p[end + 1] & 0xFF) << 8;
        long crc = 0;
        for (int i = 7; i >= 0; i--) crc = crc << 8 | (p[end + 2 + i] & 0xFF);
        if (version > RdbFormat.MAX_VERSION || Crc64.update(0, p, 0, end + 2) != crc) throw new CommandError(BAD_PAYLOAD);
        try {
            RdbInput in = new RdbInput(p, 0, end);
            int type = in.u8();
            if (!RdbFormat.isValueType(type)) throw new RdbFormatException("not a value type");
            Value v = new RdbValueReader(new EncodingLimits(server.config()), server.keyspace().now()).read(type, in);
            if (v == null) throw new RdbFormatException("empty value");
            return v;
        } catch (RdbFormatException e) {
            throw new CommandError("ERR Bad data format");
        }
    }

    /** DUMP key: the payload, or null for a missing key. */
    void dump(Session s, byte[][] argv, ReplySink out) {
        Value v = s.db().lookupRead(argv[1]);
        if (v == null) {
            out.nullBulk();
            return;
        }
        out.bulk(payload(v, server.config().getBool("rdbcompression")));
    }

    /**
     * RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency], checked in
     * Valkey's order: options, existing key, TTL, payload. A relative TTL propagates as an
     * absolute one with ABSTTL; a key already expired is not created (a replaced key is deleted).
     */
    void restore(Session s, byte[][] argv, ReplySink out) {
        boolean replace = false, absttl = false;
        long idle = -1, freq = -1;
        for (int j = 4; j < argv.length; j++) {
            boolean more = j + 1 < argv.length;
            if (is(argv[j], "replace")) {
                replace = true;
            } else if (is(argv[j], "absttl")) {
                absttl = true;
            } else if (is(argv[j], "idletime") && more && freq == -1) {
                idle = Arguments.parseLong(argv[++j]);
                if (idle < 0) throw new CommandError("ERR Invalid IDLETIME value, must be >= 0");
            } else if (is(argv[j], "freq") && more && idle == -1) {
                freq = Arguments.parseLong(argv[++j]);
                if (freq < 0 || freq > 255) throw new CommandError("ERR Invalid FREQ value, must be >= 0 and <= 255");
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        Database db = s.db();
        byte[] key = argv[1];
        if (!replace && db.lookupWrite(key) != null) throw new CommandError("BUSYKEY Target key name already exists.");
        long ttl = Arguments.parseLong(argv[2]);
        if (ttl < 0) throw new CommandError("ERR Invalid TTL value, must be >= 0");
        Value v = parse(argv[3]);
        boolean deleted = replace && db.delete(key);
        if (ttl > 0 && !absttl) ttl += server.keyspace().now();
        if (ttl > 0 && ttl <= server.keyspace().now() && !server.loading() && !server.isReplica()) {
            if (deleted) {
                s.propagateAs(server.config().getBool("lazyfree-lazy-server-del") ? UNLINK : DEL, key);
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
                s.dirty();
            } else {
                s.preventPropagation();
            }
            out.ok();
            return;
        }
        db.put(key, v, false);
        if (ttl > 0) {
            db.setExpire(key, ttl);
            if (!absttl) {
                byte[][] rewritten = java.util.Arrays.copyOf(argv, argv.length + 1);
                rewritten[2] = Arguments.bytes(ttl);
                rewritten[argv.length] = ABSTTL;
                s.propagateAs(rewritten);
            }
        }
        if (freq >= 0) server.keyspace().setFrequency(v, (int) freq);
        if (idle >= 0) server.keyspace().setIdleSeconds(v, idle);
        s.notifyKeyspace(KeyspaceEvents.GENERIC, "restore", key);
        s.dirty();
        out.ok();
    }
}
