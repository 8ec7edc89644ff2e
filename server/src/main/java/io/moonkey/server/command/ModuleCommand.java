package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/**
 * MODULE: native modules cannot be loaded into a JVM server, so the list is always empty and a
 * load fails as a module that does not load fails on Valkey. LOAD, LOADEX and UNLOAD are
 * flagged protected: the dispatcher refuses them unless enable-module-command allows.
 */
public final class ModuleCommand {
    private final Server server;

    public ModuleCommand(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "server";
        String f = "admin noscript no_async_loading protected";
        t.add(new CommandSpec("module", -2, "", g, "4.0.0", "A container for module commands.", null)
                .sub(new CommandSpec("list", 2, "admin noscript", g, "4.0.0", "Returns all loaded modules.", this::list))
                .sub(new CommandSpec("load", -3, f, g, "4.0.0", "Loads a module.", this::load))
                .sub(new CommandSpec("loadex", -3, f, g, "7.0.0", "Loads a module using extended parameters.", this::load))
                .sub(new CommandSpec("unload", 3, f, g, "4.0.0", "Unloads a module.", this::unload))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.", this::help)
                        .acl("slow")));
    }

    /** MODULE LIST: the loaded modules (none). */
    void list(Session s, byte[][] argv, ReplySink out) {
        out.arrayHeader(0);
    }

    /** MODULE LOAD path [arg ...] and MODULE LOADEX: refused or failing, as no native code can load. */
    void load(Session s, byte[][] argv, ReplySink out) {
        server.log().warning("Module " + latin1(argv[2]) + " failed to load: native modules are not supported by this server");
        throw new CommandError("ERR Error loading the extension. Please check the server logs.");
    }

    /** MODULE UNLOAD name: there is never such a module. */
    void unload(Session s, byte[][] argv, ReplySink out) {
        throw new CommandError("ERR Error unloading module: no such module with that name");
    }

    /** MODULE HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "MODULE <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "LIST",
                "    Return a list of loaded modules.",
                "LOAD <path> [<arg> ...]",
                "    Load a module library from <path>, passing to it any optional arguments.",
                "LOADEX <path> [[CONFIG NAME VALUE] [CONFIG NAME VALUE]] [ARGS ...]",
                "    Load a module library from <path>, while passing it module configurations and optional arguments.",
                "UNLOAD <name>",
                "    Unload a module.");
    }
}
