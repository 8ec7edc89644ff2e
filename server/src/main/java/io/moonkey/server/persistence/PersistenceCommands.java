package io.moonkey.server.persistence;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.resp.ReplySink;
import java.io.IOException;

/** SAVE, BGSAVE, BGREWRITEAOF. */
public final class PersistenceCommands {
    private final Server server;

    public PersistenceCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        t.add(new CommandSpec("save", 1, "admin noscript no_async_loading no_multi", "server", "1.0.0",
                "Synchronously saves the database(s) to disk.", this::save));
        t.add(new CommandSpec("bgsave", -1, "admin noscript no_async_loading", "server", "1.0.0",
                "Asynchronously saves the database(s) to disk.", this::bgsave));
        t.add(new CommandSpec("bgrewriteaof", 1, "admin noscript no_async_loading", "server", "1.0.0",
                "Asynchronously rewrites the append-only file to disk.", this::bgrewriteaof));
    }

    /** SAVE: writes the RDB file now; a background save in progress refuses it. */
    void save(Session s, byte[][] argv, ReplySink out) {
        RdbFile rdb = server.rdb();
        if (rdb.bgsaveInProgress()) throw new CommandError("ERR Background save already in progress");
        try {
            rdb.save();
        } catch (IOException e) {
            throw new CommandError("ERR");
        }
        out.ok();
    }

    /** BGSAVE [SCHEDULE]: writes the RDB file in the background. */
    void bgsave(Session s, byte[][] argv, ReplySink out) {
        boolean schedule = false;
        if (argv.length > 1) {
            if (argv.length == 2 && Arguments.is(argv[1], "schedule")) schedule = true;
            else throw new CommandError(Arguments.SYNTAX);
        }
        RdbFile rdb = server.rdb();
        if (rdb.bgsaveInProgress()) {
            if (!schedule) throw new CommandError("ERR Background save already in progress");
            rdb.schedule();
            out.simple("Background saving scheduled");
            return;
        }
        rdb.bgsave();
        out.simple("Background saving started");
    }

    /**
     * BGREWRITEAOF: rewrites the AOF as the commands that rebuild the dataset. It runs to the end
     * before replying (there is no child process), with Valkey's reply text.
     */
    void bgrewriteaof(Session s, byte[][] argv, ReplySink out) {
        try {
            server.aof().rewrite();
        } catch (IOException e) {
            throw new CommandError("ERR Background append only file rewriting failed: " + e.getMessage());
        }
        out.simple("Background append only file rewriting started");
    }
}
