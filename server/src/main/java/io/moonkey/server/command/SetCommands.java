package io.moonkey.server.command;

import io.moonkey.server.Server;

/** The set commands: membership, random members, the algebra (SINTER/SUNION/SDIFF and STORE forms), SSCAN. */
public final class SetCommands {
    private final Server server;

    public SetCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "set";
    }
}
