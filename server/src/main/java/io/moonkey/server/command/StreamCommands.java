package io.moonkey.server.command;

import io.moonkey.server.Server;

/** The stream commands: XADD, ranges, trimming, XREAD and consumer groups. */
public final class StreamCommands {
    private final Server server;

    public StreamCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "stream";
    }
}
