package io.moonkey.server.command;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.MultiState;
import io.moonkey.server.resp.ReplySink;

/** MULTI, EXEC, DISCARD, WATCH, UNWATCH. */
public final class TransactionCommands {
    private final Server server;

    public TransactionCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "transactions";
        t.add(new CommandSpec("multi", 1, "noscript loading stale fast allow_busy", g, "1.2.0", "Starts a transaction.", this::multi));
        t.add(new CommandSpec("exec", 1, "noscript loading stale skip_slowlog", g, "1.2.0", "Executes all commands in a transaction.", this::exec));
        t.add(new CommandSpec("discard", 1, "noscript loading stale fast allow_busy", g, "2.0.0", "Discards a transaction.", this::discard));
        t.add(new CommandSpec("watch", -2, "noscript loading stale fast allow_busy", g, "2.2.0",
                "Monitors changes to keys to determine the execution of a transaction.", this::watch)
                .keys(KeySpec.range("RO", 1, -1, 1)));
        t.add(new CommandSpec("unwatch", 1, "noscript loading stale fast allow_busy", g, "2.2.0",
                "Forgets about watched keys of a transaction.", this::unwatch));
    }

    /** MULTI: starts queuing commands. */
    void multi(Session s, byte[][] argv, ReplySink out) {
        if (s.inMulti()) throw new CommandError("ERR MULTI calls can not be nested");
        MultiState.begin(s);
        out.ok();
    }

    /** EXEC: runs the queued commands atomically; null if a watched key changed. */
    void exec(Session s, byte[][] argv, ReplySink out) {
        if (!s.inMulti()) throw new CommandError("ERR EXEC without MULTI");
        MultiState.exec(s, out);
    }

    /** DISCARD: drops the queued commands and the watches. */
    void discard(Session s, byte[][] argv, ReplySink out) {
        if (!s.inMulti()) throw new CommandError("ERR DISCARD without MULTI");
        MultiState.discard(s);
        out.ok();
    }

    /** WATCH key [key ...]: EXEC will fail if any of these keys changes before it. */
    void watch(Session s, byte[][] argv, ReplySink out) {
        if (s.inMulti()) throw new CommandError("ERR WATCH inside MULTI is not allowed");
        for (int i = 1; i < argv.length; i++) MultiState.watch(s, argv[i]);
        out.ok();
    }

    /** UNWATCH: forgets all watched keys. */
    void unwatch(Session s, byte[][] argv, ReplySink out) {
        MultiState.unwatch(s);
        out.ok();
    }
}
