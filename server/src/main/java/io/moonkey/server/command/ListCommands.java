package io.moonkey.server.command;

import io.moonkey.server.Server;

/** The list commands: pushes and pops at both ends, ranges, LMOVE/LMPOP and their blocking forms. */
public final class ListCommands {
    private final Server server;

    public ListCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "list";
    }
}
