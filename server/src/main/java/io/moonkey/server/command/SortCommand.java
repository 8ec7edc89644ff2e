package io.moonkey.server.command;

import io.moonkey.server.Server;

/** SORT and SORT_RO over lists, sets and sorted sets (BY, GET, LIMIT, ALPHA, STORE). */
public final class SortCommand {
    private final Server server;

    public SortCommand(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "generic";
    }
}
