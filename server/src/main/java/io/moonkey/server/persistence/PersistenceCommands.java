package io.moonkey.server.persistence;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.resp.ReplySink;
import java.io.IOException;

/** BGREWRITEAOF: the persistence commands there is something behind. */
public final class PersistenceCommands {
    private final Server server;

    public PersistenceCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        t.add(new CommandSpec("bgrewriteaof", 1, "admin noscript no_async_loading", "server", "1.0.0",
                "Asynchronously rewrites the append-only file to disk.", this::bgrewriteaof));
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
