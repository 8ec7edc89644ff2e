package io.moonkey.server.acl;

import io.moonkey.server.command.CommandSpec;

/**
 * The channels a command names for ACL purposes: PUBLISH's channel and SUBSCRIBE's channels are
 * matched against the allowed patterns, PSUBSCRIBE's patterns must equal an allowed pattern.
 * Unsubscribing is never refused.
 */
final class ChannelArguments {
    private ChannelArguments() {}

    /** The argv index of the first channel the selector refuses, or -1. */
    static int firstRefused(CommandSpec cmd, byte[][] argv, Selector s) {
        if (cmd.parent() != null) return -1;
        switch (cmd.name()) {
            case "publish", "spublish" -> {
                return argv.length > 1 && !s.permitsChannel(argv[1], false) ? 1 : -1;
            }
            case "subscribe", "ssubscribe", "psubscribe" -> {
                boolean pattern = cmd.name().equals("psubscribe");
                for (int i = 1; i < argv.length; i++) if (!s.permitsChannel(argv[i], pattern)) return i;
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }
}
