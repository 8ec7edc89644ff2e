package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.config.ConfigException;
import io.moonkey.server.resp.ReplySink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CONFIG GET, SET, RESETSTAT, REWRITE, HELP. */
public final class ConfigCommand {
    private final Server server;

    public ConfigCommand(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "server";
        t.add(new CommandSpec("config", -2, "", g, "2.0.0", "A container for server configuration commands.", null)
                .sub(new CommandSpec("get", -3, "admin noscript loading stale", g, "2.0.0", "Returns the effective values of configuration parameters.", this::get))
                .sub(new CommandSpec("set", -4, "admin noscript loading stale", g, "2.0.0", "Sets configuration parameters in-flight.", this::set))
                .sub(new CommandSpec("resetstat", 2, "admin noscript loading stale", g, "2.0.0", "Resets the server's statistics.", this::resetstat))
                .sub(new CommandSpec("rewrite", 2, "admin noscript loading stale", g, "2.8.0", "Persists the effective configuration to file.", this::rewrite))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.", this::help)));
    }

    /** CONFIG GET parameter [parameter ...]: name/value pairs of the parameters matching the globs. */
    void get(Session s, byte[][] argv, ReplySink out) {
        List<String> patterns = new ArrayList<>();
        for (int i = 2; i < argv.length; i++) patterns.add(latin1(argv[i]));
        Map<String, String> found = server.config().matching(patterns);
        out.mapHeader(found.size());
        for (Map.Entry<String, String> e : found.entrySet()) {
            out.bulk(e.getKey());
            out.bulk(e.getValue());
        }
    }

    /** CONFIG SET parameter value [parameter value ...]: atomically sets parameters. */
    void set(Session s, byte[][] argv, ReplySink out) {
        if ((argv.length & 1) != 0) {
            throw new CommandError("ERR wrong number of arguments for 'config|set' command");
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 2; i < argv.length; i += 2) pairs.add(new String[] {latin1(argv[i]), latin1(argv[i + 1])});
        try {
            server.config().set(pairs, true);
        } catch (ConfigException e) {
            throw new CommandError(e.getMessage());
        }
        out.ok();
    }

    /** CONFIG RESETSTAT. */
    void resetstat(Session s, byte[][] argv, ReplySink out) {
        server.resetStats();
        out.ok();
    }

    /** CONFIG REWRITE: writes the running configuration back to the config file. */
    void rewrite(Session s, byte[][] argv, ReplySink out) {
        try {
            server.config().rewrite();
        } catch (ConfigException e) {
            throw new CommandError(e.getMessage());
        } catch (IOException e) {
            throw new CommandError("ERR Rewriting config file: " + e.getMessage());
        }
        server.log().notice("CONFIG REWRITE executed with success.");
        out.ok();
    }

    /** CONFIG HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET <pattern>",
                "    Return parameters matching the glob-like <pattern> and their values.",
                "SET <directive> <value>",
                "    Set the configuration <directive> to <value>.",
                "RESETSTAT",
                "    Reset statistics reported by the INFO command.",
                "REWRITE",
                "    Rewrite the configuration file.");
    }
}
