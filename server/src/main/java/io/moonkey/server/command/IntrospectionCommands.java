package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Glob;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** COMMAND and its subcommands: the command table as clients (and cluster-aware libraries) read it. */
public final class IntrospectionCommands {
    private final Server server;

    public IntrospectionCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "server";
        t.add(new CommandSpec("command", -1, "loading stale", g, "2.8.13", "Returns detailed information about all commands.", this::command).acl("slow", "connection")
                .sub(new CommandSpec("count", 2, "loading stale", g, "2.8.13", "Returns a count of commands.", this::count).acl("slow", "connection"))
                .sub(new CommandSpec("info", -2, "loading stale", g, "2.8.13", "Returns information about one, multiple or all commands.", this::info).acl("slow", "connection"))
                .sub(new CommandSpec("docs", -2, "loading stale", g, "7.0.0", "Returns documentary information about one, multiple or all commands.", this::docs).acl("slow", "connection"))
                .sub(new CommandSpec("list", -2, "loading stale", g, "7.0.0", "Returns a list of command names.", this::list).acl("slow", "connection"))
                .sub(new CommandSpec("getkeys", -4, "loading stale", g, "2.8.13", "Extracts the key names from an arbitrary command.", this::getkeys).acl("slow", "connection"))
                .sub(new CommandSpec("getkeysandflags", -4, "loading stale", g, "7.0.0",
                        "Extracts the key names and access flags for an arbitrary command.", this::getkeysandflags).acl("slow", "connection"))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.", this::help).acl("slow", "connection")));
    }

    /** COMMAND: information about every command. */
    void command(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 1) {
            // a container with an unknown subcommand is rejected by the dispatcher; never here
            throw new CommandError(SYNTAX);
        }
        out.arrayHeader(server.commands().size());
        for (CommandSpec c : server.commands().all()) writeInfo(c, out);
    }

    /** COMMAND COUNT. */
    void count(Session s, byte[][] argv, ReplySink out) {
        out.integer(server.commands().size());
    }

    /** COMMAND INFO [command-name ...]: all commands when none is given; nil for unknown names. */
    void info(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 2) {
            command(s, new byte[][] {argv[0]}, out);
            return;
        }
        out.arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            CommandSpec c = server.commands().lookup(latin1(argv[i]));
            if (c == null) out.nullBulk();
            else writeInfo(c, out);
        }
    }

    static void writeInfo(CommandSpec c, ReplySink out) {
        out.arrayHeader(10);
        out.bulk(c.fullName());
        out.integer(c.arity());
        List<String> flags = new ArrayList<>();
        for (CommandFlag f : CommandFlag.values()) if (c.has(f) && f != CommandFlag.PROTECTED) flags.add(f.wireName()); // 7.0 does not list protected
        boolean movable = false;
        for (KeySpec k : c.keySpecs()) if (k.isKeynum() || k.keyword() != null) movable = true;
        if (movable && !flags.contains("movablekeys")) flags.add("movablekeys");
        out.setHeader(flags.size());
        for (String f : flags) out.simple(f);
        out.integer(c.firstKey());
        out.integer(c.lastKey());
        out.integer(c.keyStep());
        String[] cats = c.aclCategories();
        out.setHeader(cats.length);
        for (String a : cats) out.simple("@" + a);
        out.setHeader(c.tips().length);
        for (String t : c.tips()) out.bulk(t);
        out.setHeader(c.keySpecs().size());
        for (KeySpec k : c.keySpecs()) writeKeySpec(k, out);
        out.setHeader(c.subcommands().size());
        for (CommandSpec sub : c.subcommands().values()) writeInfo(sub, out);
    }

    private static void writeKeySpec(KeySpec k, ReplySink out) {
        out.mapHeader(3);
        out.bulk("flags");
        String[] fl = k.flags().split(" ");
        out.setHeader(fl.length);
        for (String f : fl) {
            boolean upper = f.equals("RO") || f.equals("RW") || f.equals("OW") || f.equals("RM");
            out.simple(upper ? f : f.toLowerCase(Locale.ROOT));
        }
        out.bulk("begin_search");
        out.mapHeader(2);
        out.bulk("type");
        if (k.keyword() != null) {
            out.bulk("keyword");
            out.bulk("spec");
            out.mapHeader(2);
            out.bulk("keyword");
            out.bulk(k.keyword());
            out.bulk("startfrom");
            out.integer(k.begin());
        } else {
            out.bulk("index");
            out.bulk("spec");
            out.mapHeader(1);
            out.bulk("index");
            out.integer(k.begin());
        }
        out.bulk("find_keys");
        out.mapHeader(2);
        out.bulk("type");
        if (k.isKeynum()) {
            out.bulk("keynum");
            out.bulk("spec");
            out.mapHeader(3);
            out.bulk("keynumidx");
            out.integer(k.numKeysIndex());
            out.bulk("firstkey");
            out.integer(k.firstKeyAfterNum());
            out.bulk("keystep");
            out.integer(k.step());
        } else {
            out.bulk("range");
            out.bulk("spec");
            out.mapHeader(3);
            out.bulk("lastkey");
            out.integer(k.lastKey());
            out.bulk("keystep");
            out.integer(k.step());
            out.bulk("limit");
            out.integer(k.limit());
        }
    }

    /** COMMAND DOCS [command-name ...]: summary, since and group per command. */
    void docs(Session s, byte[][] argv, ReplySink out) {
        List<CommandSpec> list = new ArrayList<>();
        if (argv.length == 2) {
            list.addAll(server.commands().all());
        } else {
            for (int i = 2; i < argv.length; i++) {
                CommandSpec c = server.commands().lookup(latin1(argv[i]));
                if (c != null) list.add(c);
            }
        }
        out.mapHeader(list.size());
        for (CommandSpec c : list) {
            out.bulk(c.fullName());
            writeDoc(c, out);
        }
    }

    private static void writeDoc(CommandSpec c, ReplySink out) {
        boolean subs = !c.subcommands().isEmpty();
        out.mapHeader(subs ? 4 : 3);
        out.bulk("summary");
        out.bulk(c.summary());
        out.bulk("since");
        out.bulk(c.since());
        out.bulk("group");
        out.bulk(c.group());
        if (subs) {
            out.bulk("subcommands");
            out.mapHeader(c.subcommands().size());
            for (CommandSpec sub : c.subcommands().values()) {
                out.bulk(sub.fullName());
                writeDoc(sub, out);
            }
        }
    }

    /** COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]. */
    void list(Session s, byte[][] argv, ReplySink out) {
        String cat = null;
        byte[] pattern = null;
        boolean module = false;
        if (argv.length == 5 && is(argv[2], "filterby")) {
            if (is(argv[3], "aclcat")) cat = latin1(argv[4]).toLowerCase(Locale.ROOT);
            else if (is(argv[3], "pattern")) pattern = argv[4];
            else if (is(argv[3], "module")) module = true;
            else throw new CommandError(SYNTAX);
        } else if (argv.length != 2) {
            throw new CommandError(SYNTAX);
        }
        List<String> names = new ArrayList<>();
        if (!module) {
            for (CommandSpec c : server.commands().allWithSubcommands()) {
                if (c.isContainer() && c.parent() == null && cat != null) continue;
                if (cat != null && !List.of(c.aclCategories()).contains(cat)) continue;
                if (pattern != null && !Glob.matches(pattern, Arguments.bytes(c.fullName()), true)) continue;
                names.add(c.fullName());
            }
        }
        out.arrayHeader(names.size());
        for (String n : names) out.bulk(n);
    }

    /**
     * The command whose keys COMMAND GETKEYS(ANDFLAGS) extracts, with Valkey's checks in its
     * order: unknown command, a command without keys, then the arity.
     */
    private CommandSpec resolveForKeys(byte[][] argv) {
        byte[][] target = java.util.Arrays.copyOfRange(argv, 2, argv.length);
        CommandSpec c = server.commands().lookup(target[0]);
        if (c == null) throw new CommandError("ERR Invalid command specified");
        if (c.isContainer() && target.length >= 2) {
            CommandSpec sub = c.subcommands().get(latin1(target[1]).toLowerCase(Locale.ROOT));
            if (sub == null) throw new CommandError("ERR Invalid command specified");
            c = sub;
        }
        if (c.keySpecs().isEmpty()) throw new CommandError("ERR The command has no key arguments");
        if (!c.arityAccepts(target.length)) throw new CommandError("ERR Invalid number of arguments specified for command");
        return c;
    }

    /** The key positions, or Valkey's error when none could be found in a command that needs some. */
    private static int[] keyPositionsOrError(CommandSpec c, byte[][] target) {
        int[] pos = c.keyPositions(target);
        if (pos.length == 0 && !c.has(CommandFlag.NO_MANDATORY_KEYS)) throw new CommandError("ERR Invalid arguments specified for command");
        return pos;
    }

    /** COMMAND GETKEYS command [arg ...]: the key arguments of that command line. */
    void getkeys(Session s, byte[][] argv, ReplySink out) {
        CommandSpec c = resolveForKeys(argv);
        byte[][] target = java.util.Arrays.copyOfRange(argv, 2, argv.length);
        int[] pos = keyPositionsOrError(c, target);
        out.arrayHeader(pos.length);
        for (int p : pos) out.bulk(target[p]);
    }

    /** COMMAND GETKEYSANDFLAGS command [arg ...]: keys with their key-spec flags. */
    void getkeysandflags(Session s, byte[][] argv, ReplySink out) {
        CommandSpec c = resolveForKeys(argv);
        byte[][] target = java.util.Arrays.copyOfRange(argv, 2, argv.length);
        keyPositionsOrError(c, target);
        List<Integer> positions = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        c.forEachKey(target, (pos, f) -> {
            positions.add(pos);
            flags.add(f);
        });
        out.arrayHeader(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            out.arrayHeader(2);
            out.bulk(target[positions.get(i)]);
            List<String> shown = new ArrayList<>();
            for (String f : flags.get(i).split(" ")) {
                if (f.equals("VARIABLE_FLAGS")) continue; // resolved per call in Valkey; not listed
                boolean upper = f.equals("RO") || f.equals("RW") || f.equals("OW") || f.equals("RM");
                shown.add(upper ? f : f.toLowerCase(Locale.ROOT));
            }
            out.setHeader(shown.size());
            for (String f : shown) out.simple(f);
        }
    }

    /** COMMAND HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "(no subcommand)",
                "    Return details about all commands.",
                "INFO [<command-name> ...]",
                "    Return details about multiple commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "COUNT",
                "    Return the total number of commands in this server.",
                "LIST",
                "    Return a list of all commands in this server.",
                "DOCS [<command-name> ...]",
                "    Return documentation details about multiple commands.",
                "    If no command names are given, documentation details for all",
                "    commands are returned.",
                "GETKEYS <full-command>",
                "    Return the keys from a full command.",
                "GETKEYSANDFLAGS <full-command>",
                "    Return the keys and the access flags from a full command.");
    }
}
