package io.moonkey.server.acl;

import io.moonkey.server.Session;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.Help;
import io.moonkey.server.resp.ReplySink;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** ACL CAT, DELUSER, DRYRUN, GENPASS, GETUSER, HELP, LIST, LOAD, LOG, SAVE, SETUSER, USERS, WHOAMI. */
public final class AclCommand {
    private final Acl acl;
    private final SecureRandom random = new SecureRandom();

    public AclCommand(Acl acl) {
        this.acl = acl;
    }

    public void register(CommandTable t) {
        String g = "server";
        String admin = "admin noscript loading stale";
        t.add(new CommandSpec("acl", -2, "", g, "6.0.0", "A container for Access List Control commands.", null)
                .sub(new CommandSpec("cat", -2, "noscript loading stale", g, "6.0.0", "Lists the ACL categories, or the commands inside a category.", this::cat))
                .sub(new CommandSpec("deluser", -3, admin, g, "6.0.0", "Deletes ACL users, and terminates their connections.", this::deluser))
                .sub(new CommandSpec("dryrun", -4, admin, g, "7.0.0", "Simulates the execution of a command by a user, without executing the command.", this::dryrun))
                .sub(new CommandSpec("genpass", -2, "noscript loading stale", g, "6.0.0", "Generates a pseudorandom, secure password that can be used to identify ACL users.", this::genpass))
                .sub(new CommandSpec("getuser", 3, admin, g, "6.0.0", "Lists the ACL rules of a user.", this::getuser))
                .sub(new CommandSpec("help", 2, "loading stale", g, "6.0.0", "Returns helpful text about the different subcommands.", this::help))
                .sub(new CommandSpec("list", 2, admin, g, "6.0.0", "Dumps the effective rules in ACL file format.", this::list))
                .sub(new CommandSpec("load", 2, admin, g, "6.0.0", "Reloads the rules from the configured ACL file.", this::load))
                .sub(new CommandSpec("log", -2, admin, g, "6.0.0", "Lists recent security events generated due to ACL rejections.", this::log))
                .sub(new CommandSpec("save", 2, admin, g, "6.0.0", "Saves the effective ACL rules in the configured ACL file.", this::save))
                .sub(new CommandSpec("setuser", -3, admin, g, "6.0.0", "Creates and modifies an ACL user and its rules.", this::setuser))
                .sub(new CommandSpec("users", 2, admin, g, "6.0.0", "Lists all ACL users.", this::users))
                .sub(new CommandSpec("whoami", 2, "noscript loading stale", g, "6.0.0", "Returns the authenticated username of the current connection.", this::whoami)));
    }

    private static String latin1(byte[] b) {
        return Acl.latin1(b);
    }

    private static CommandError wrongArgs(byte[][] argv) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1])
                + "'. Try ACL HELP.");
    }

    /** ACL CAT [category]: the categories, or the commands (and subcommands) in one. */
    void cat(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) throw wrongArgs(argv);
        if (argv.length == 2) {
            out.arrayHeader(AclCategories.NAMES.size());
            for (String c : AclCategories.NAMES) out.bulk(c);
            return;
        }
        String cat = latin1(argv[2]).toLowerCase(Locale.ROOT);
        if (!AclCategories.exists(cat)) throw new CommandError("ERR Unknown category '" + latin1(argv[2]) + "'");
        List<String> names = new ArrayList<>();
        for (CommandSpec c : s.server().commands().all()) {
            if (AclCategories.has(c, cat)) names.add(c.fullName()); // containers too (all are @slow)
            for (CommandSpec sub : c.subcommands().values()) if (AclCategories.has(sub, cat)) names.add(sub.fullName());
        }
        out.arrayHeader(names.size());
        for (String n : names) out.bulk(n);
    }

    /** ACL DELUSER name [name ...]. */
    void deluser(Session s, byte[][] argv, ReplySink out) {
        List<String> names = new ArrayList<>();
        for (int i = 2; i < argv.length; i++) names.add(latin1(argv[i]));
        try {
            out.integer(acl.deleteUsers(names, s));
        } catch (AclException e) {
            throw new CommandError(e.getMessage());
        }
    }

    /** ACL DRYRUN user command [arg ...]: OK, or why the user could not run it (nothing is logged). */
    void dryrun(Session s, byte[][] argv, ReplySink out) {
        User u = acl.user(latin1(argv[2]));
        if (u == null) throw new CommandError("ERR User '" + latin1(argv[2]) + "' not found");
        byte[][] line = java.util.Arrays.copyOfRange(argv, 3, argv.length);
        CommandSpec cmd = s.server().commands().resolve(line);
        if (cmd == null || (cmd.isContainer() && line.length >= 2)) {
            throw new CommandError("ERR Command '" + latin1(argv[3]) + "' not found");
        }
        if (!cmd.arityAccepts(line.length)) {
            throw new CommandError("ERR wrong number of arguments for '" + cmd.fullName() + "' command");
        }
        Denial d = u.check(cmd, line);
        if (d == null) out.ok();
        else out.bulk(d.verboseMessage(u.name(), cmd.fullName(), line));
    }

    /** ACL GENPASS [bits]: random hex, one digit per four bits (256 bits by default). */
    void genpass(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) throw wrongArgs(argv);
        long bits = 256;
        if (argv.length == 3) {
            bits = Arguments.parseLong(argv[2], "ERR value is not an integer or out of range");
            if (bits <= 0 || bits > 4096) {
                throw new CommandError("ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096");
            }
        }
        int chars = (int) ((bits + 3) / 4);
        byte[] raw = new byte[(chars + 1) / 2];
        random.nextBytes(raw);
        out.bulk(HexFormat.of().formatHex(raw).substring(0, chars));
    }

    /** ACL GETUSER name: flags, passwords, commands, keys, channels and selectors; null when absent. */
    void getuser(Session s, byte[][] argv, ReplySink out) {
        User u = acl.user(latin1(argv[2]));
        if (u == null) {
            out.nullBulk();
            return;
        }
        out.mapHeader(6);
        out.bulk("flags");
        List<String> flags = u.flags();
        out.setHeader(flags.size());
        for (String f : flags) out.bulk(f);
        out.bulk("passwords");
        out.arrayHeader(u.passwordHashes().size());
        for (String p : u.passwordHashes()) out.bulk(p);
        describePermissions(u.root(), out, false);
        out.bulk("selectors");
        out.arrayHeader(u.selectors().size());
        for (Selector sel : u.selectors()) describePermissions(sel, out, true);
    }

    private static void describePermissions(Selector sel, ReplySink out, boolean asMap) {
        if (asMap) out.mapHeader(3);
        out.bulk("commands");
        out.bulk(sel.describeCommands());
        out.bulk("keys");
        out.bulk(sel.describeKeys());
        out.bulk("channels");
        out.bulk(sel.describeChannels());
    }

    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CAT [<category>]",
                "    List all commands that belong to <category>, or all command categories",
                "    when no category is specified.",
                "DELUSER <username> [<username> ...]",
                "    Delete a list of users.",
                "DRYRUN <username> <command> [<arg> ...]",
                "    Returns whether the user can execute the given command without executing the command.",
                "GETUSER <username>",
                "    Get the user's details.",
                "GENPASS [<bits>]",
                "    Generate a secure 256-bit user password. The optional `bits` argument can",
                "    be used to specify a different size.",
                "LIST",
                "    Show users details in config file format.",
                "LOAD",
                "    Reload users from the ACL file.",
                "LOG [<count> | RESET]",
                "    Show the ACL log entries.",
                "SAVE",
                "    Save the current config to the ACL file.",
                "SETUSER <username> <attribute> [<attribute> ...]",
                "    Create or modify a user with the specified attributes.",
                "USERS",
                "    List all the registered usernames.",
                "WHOAMI",
                "    Return the current connection username.");
    }

    /** ACL LIST: one "user name rules" line per user. */
    void list(Session s, byte[][] argv, ReplySink out) {
        out.arrayHeader(acl.users().size());
        for (User u : acl.users().values()) out.bulk("user " + u.name() + " " + u.describe());
    }

    void load(Session s, byte[][] argv, ReplySink out) {
        try {
            acl.load(s);
        } catch (AclException e) {
            throw new CommandError(e.getMessage());
        }
        out.ok();
    }

    /** ACL LOG [count | RESET]: the newest entries (10 by default). */
    void log(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) throw wrongArgs(argv);
        long count = 10;
        if (argv.length == 3) {
            if (Arguments.is(argv[2], "reset")) {
                acl.log().reset();
                out.ok();
                return;
            }
            count = Math.max(0, Arguments.parseLong(argv[2], "ERR value is not an integer or out of range"));
        }
        acl.log().reply(out, count);
    }

    void save(Session s, byte[][] argv, ReplySink out) {
        try {
            acl.save();
        } catch (AclException e) {
            throw new CommandError(e.getMessage());
        }
        out.ok();
    }

    /** ACL SETUSER name [rule ...]. */
    void setuser(Session s, byte[][] argv, ReplySink out) {
        String name = latin1(argv[2]);
        if (name.indexOf(' ') >= 0 || name.indexOf('\0') >= 0) {
            throw new CommandError("ERR Usernames can't contain spaces or null characters");
        }
        List<String> rules = new ArrayList<>();
        for (int i = 3; i < argv.length; i++) rules.add(latin1(argv[i]));
        try {
            acl.setUser(name, rules);
        } catch (AclException e) {
            throw new CommandError(e.getMessage());
        }
        out.ok();
    }

    void users(Session s, byte[][] argv, ReplySink out) {
        out.arrayHeader(acl.users().size());
        for (String n : acl.users().keySet()) out.bulk(n);
    }

    void whoami(Session s, byte[][] argv, ReplySink out) {
        out.bulk(s.user().name());
    }
}
