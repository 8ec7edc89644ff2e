package io.moonkey.server.command;

import io.moonkey.server.resp.ReplySink;

/** The HELP subcommand replies: status lines, ending with Valkey's HELP footer. */
public final class Help {
    private Help() {}

    public static void reply(ReplySink out, String... lines) {
        out.arrayHeader(lines.length + 2);
        for (String l : lines) out.simple(l);
        out.simple("HELP");
        out.simple("    Print this help.");
    }
}
