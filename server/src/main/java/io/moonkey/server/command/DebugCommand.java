package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** DEBUG: the subset test suites use (LOG, SLEEP, OBJECT, DIGEST, DIGEST-VALUE, SET-ACTIVE-EXPIRE, PROTOCOL). */
public final class DebugCommand {
    private final Server server;

    public DebugCommand(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        t.add(new CommandSpec("debug", -2, "admin noscript loading stale protected", "server", "1.0.0",
                "A container for debugging commands.", this::debug));
    }

    /**
     * DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: saves the RDB file (unless NOSAVE), empties the
     * dataset (unless NOFLUSH) and loads the file back.
     */
    private void reload(byte[][] argv, ReplySink out) {
        boolean flush = true, save = true;
        for (int i = 2; i < argv.length; i++) {
            if (is(argv[i], "merge")) continue;
            else if (is(argv[i], "noflush")) flush = false;
            else if (is(argv[i], "nosave")) save = false;
            else throw new CommandError("ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.");
        }
        var rdb = server.rdb();
        rdb.awaitBackgroundSave();
        if (save) {
            try {
                rdb.save();
            } catch (java.io.IOException e) {
                throw new CommandError("ERR");
            }
        }
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(rdb.path());
        } catch (java.io.IOException e) {
            throw new CommandError("ERR Error trying to load the RDB dump, check server logs.");
        }
        if (flush) server.keyspace().flushAll();
        try {
            rdb.load(data, false);
        } catch (io.moonkey.server.persistence.rdb.RdbFormatException e) {
            server.log().warning("Error trying to load the RDB dump: " + e.getMessage());
            throw new CommandError("ERR Error trying to load the RDB dump, check server logs.");
        }
        server.log().notice("DB reloaded by DEBUG RELOAD");
        out.ok();
    }

    /** DEBUG subcommand [arg ...]. */
    void debug(Session s, byte[][] argv, ReplySink out) {
        byte[] sub = argv[1];
        if (is(sub, "help")) {
            Help.reply(out, "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "DIGEST",
                    "    Output a hex signature representing the current DB content.",
                    "DIGEST-VALUE <key> [<key> ...]",
                    "    Output a hex signature of the values of all the specified keys.",
                    "LOG <message>",
                    "    Write <message> to the server log.",
                    "OBJECT <key>",
                    "    Show low level info about the <key> and associated value.",
                    "PROTOCOL <type>",
                    "    Reply with a test value of the specified type.",
                    "RELOAD [option ...]",
                    "    Save the RDB on disk and reload it back to memory. Options: MERGE, NOFLUSH, NOSAVE.",
                    "SET-ACTIVE-EXPIRE <0|1>",
                    "    Setting it to 0 disables expiring keys in background when they are not accessed.",
                    "SLEEP <seconds>",
                    "    Stop the server for <seconds>. Decimals allowed.");
        } else if (is(sub, "reload")) {
            reload(argv, out);
        } else if (is(sub, "log") && argv.length == 3) {
            server.log().warning("DEBUG LOG: " + latin1(argv[2]));
            out.ok();
        } else if (is(sub, "sleep") && argv.length == 3) {
            double secs = Arguments.parseDouble(argv[2]);
            try {
                Thread.sleep((long) (secs * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.ok();
        } else if (is(sub, "set-active-expire") && argv.length == 3) {
            server.setActiveExpire(!is(argv[2], "0"));
            out.ok();
        } else if (is(sub, "object") && argv.length == 3) {
            Value v = s.db().lookup(argv[2], Database.NO_TOUCH | Database.NO_STATS);
            if (v == null) throw new CommandError("ERR no such key");
            Keyspace ks = server.keyspace();
            long serialized = v instanceof StringValue sv ? sv.length() : 0;
            out.simple("Value at:0x" + Integer.toHexString(System.identityHashCode(v)) + " refcount:1 encoding:" + v.encoding()
                    + " serializedlength:" + serialized + " lru:" + (v.access() & 0xffffff)
                    + " lru_seconds_idle:" + ks.idleTimeMs(v) / 1000);
        } else if (is(sub, "digest") && argv.length == 2) {
            out.simple(HexFormat.of().formatHex(new DatasetDigest().dataset(server.keyspace())));
        } else if (is(sub, "digest-value")) {
            out.arrayHeader(argv.length - 2);
            for (int i = 2; i < argv.length; i++) {
                Value v = s.db().lookup(argv[i], Database.NO_TOUCH | Database.NO_STATS);
                byte[] d = v == null ? new byte[20] : new DatasetDigest().value(v, s.db().expireTime(argv[i]) >= 0);
                out.simple(HexFormat.of().formatHex(d));
            }
        } else if (is(sub, "protocol") && argv.length == 3) {
            protocol(latin1(argv[2]).toLowerCase(java.util.Locale.ROOT), out);
        } else {
            throw new CommandError("ERR unknown subcommand '" + latin1(sub) + "'. Try DEBUG HELP.");
        }
    }

    private void protocol(String type, ReplySink out) {
        switch (type) {
            case "string" -> out.bulk("Hello World");
            case "integer" -> out.integer(12345);
            case "double" -> out.doubleValue(3.141);
            case "bignum" -> out.bigNumber("1234567999999999999999999999999999999");
            case "null" -> out.nullBulk();
            case "array" -> {
                out.arrayHeader(3);
                for (int i = 0; i < 3; i++) out.integer(i);
            }
            case "set" -> {
                out.setHeader(3);
                for (int i = 0; i < 3; i++) out.integer(i);
            }
            case "map" -> {
                out.mapHeader(3);
                for (int i = 0; i < 3; i++) {
                    out.integer(i);
                    out.bool(i == 1);
                }
            }
            case "true" -> out.bool(true);
            case "false" -> out.bool(false);
            case "verbatim" -> out.verbatim("txt", "This is a verbatim\nstring".getBytes(StandardCharsets.US_ASCII));
            default -> throw new CommandError("ERR Wrong protocol type name. Please use one of the following: "
                    + "string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false");
        }
    }
}
