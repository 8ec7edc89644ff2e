package io.moonkey.server.command;

import io.moonkey.server.Server;

/** The hash commands: HSET and friends, counters, HSCAN, HRANDFIELD. */
public final class HashCommands {
    private final Server server;

    public HashCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "hash";
    }
}
