package io.moonkey.server.acl;

import io.moonkey.datastore.Glob;
import io.moonkey.server.command.CommandFlag;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One set of command, key and channel permissions: a user's root permissions or one of its
 * parenthesised selectors. Commands are a bitmap over {@link CommandSpec#id()}; the applied
 * command rules are also kept in order, as Valkey keeps them, so that ACL LIST reproduces them.
 */
final class Selector {
    private final CommandTable table;
    /** Bit per command id; meaningless while {@link #allCommands} is set (then every bit is on). */
    private long[] allowed;
    /** +@all in effect and not narrowed since: every command, including ones the table lacks yet. */
    private boolean allCommands;
    /**
     * The rules start from +@all (Valkey's reserved "future commands" bit): only +@all and -@all
     * change it, so "+@all -get" still describes as such.
     */
    private boolean fromAll;
    private boolean allKeys, allChannels;
    private final List<KeyPattern> keys = new ArrayList<>();
    private final List<byte[]> channels = new ArrayList<>();
    /** The command rules since the last +@all/-@all, each once, as "+get", "-@read", "+config|get". */
    private final List<String> rules = new ArrayList<>();
    /** Allowed first arguments of commands without subcommands (the old "+select|0" form). */
    private final Map<Integer, Set<String>> firstArgs = new HashMap<>();

    Selector(CommandTable table) {
        this.table = table;
        this.allowed = new long[0];
    }

    Selector copy() {
        Selector c = new Selector(table);
        c.allowed = allowed.clone();
        c.allCommands = allCommands;
        c.fromAll = fromAll;
        c.allKeys = allKeys;
        c.allChannels = allChannels;
        c.keys.addAll(keys);
        c.channels.addAll(channels);
        c.rules.addAll(rules);
        firstArgs.forEach((k, v) -> c.firstArgs.put(k, new HashSet<>(v)));
        return c;
    }

    /** Whether this selector permits everything: no check is needed for a user whose root selector does. */
    boolean unrestricted() {
        return allCommands && allKeys && allChannels;
    }

    boolean allChannels() {
        return allChannels;
    }

    // ---- rules ----------------------------------------------------------------------------------

    /** Applies one selector rule (commands, keys, channels); Valkey's ACLSetSelector. */
    void apply(String op) throws AclRuleException {
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "allkeys" -> setAllKeys();
            case "resetkeys" -> {
                allKeys = false;
                keys.clear();
            }
            case "allchannels" -> setAllChannels();
            case "resetchannels" -> {
                allChannels = false;
                channels.clear();
            }
            case "allcommands", "+@all" -> setAllCommands(true);
            case "nocommands", "-@all" -> setAllCommands(false);
            default -> applyPattern(op, lower);
        }
    }

    private void applyPattern(String op, String lower) throws AclRuleException {
        if (op.isEmpty()) throw AclRuleException.syntax();
        char c = op.charAt(0);
        if (c == '~' || c == '%') {
            addKeyPattern(op);
        } else if (c == '&') {
            addChannel(op.substring(1));
        } else if ((c == '+' || c == '-') && op.length() > 1 && op.charAt(1) == '@') {
            category(lower.substring(2), c == '+');
        } else if (c == '+' || c == '-') {
            command(lower.substring(1), c == '+');
        } else {
            throw AclRuleException.syntax();
        }
    }

    private void setAllKeys() {
        allKeys = true;
        keys.clear();
    }

    private void setAllChannels() {
        allChannels = true;
        channels.clear();
    }

    private void addKeyPattern(String op) throws AclRuleException {
        if (allKeys) {
            throw new AclRuleException("Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and "
                    + "does not have any effect. Try 'resetkeys' to start with an empty list of patterns");
        }
        int flags = KeyPattern.ALL;
        int offset = 1;
        if (op.charAt(0) == '%') {
            flags = 0;
            for (; offset < op.length(); offset++) {
                char f = Character.toUpperCase(op.charAt(offset));
                if (f == 'R' && (flags & KeyPattern.READ) == 0) {
                    flags |= KeyPattern.READ;
                } else if (f == 'W' && (flags & KeyPattern.WRITE) == 0) {
                    flags |= KeyPattern.WRITE;
                } else if (f == '~') {
                    offset++;
                    break;
                } else {
                    throw AclRuleException.syntax();
                }
            }
            if (flags == 0) throw AclRuleException.syntax();
        }
        String pattern = op.substring(offset);
        if (pattern.equals("*") && flags == KeyPattern.ALL) {
            setAllKeys();
            return;
        }
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i).pattern(), p)) {
                keys.set(i, new KeyPattern(p, keys.get(i).flags() | flags));
                return;
            }
        }
        keys.add(new KeyPattern(p, flags));
    }

    private void addChannel(String pattern) throws AclRuleException {
        if (allChannels) {
            throw new AclRuleException("Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and "
                    + "does not have any effect. Try 'resetchannels' to start with an empty list of channels");
        }
        if (pattern.equals("*")) {
            setAllChannels();
            return;
        }
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] existing : channels) if (Arrays.equals(existing, p)) return;
        channels.add(p);
    }

    private void setAllCommands(boolean on) {
        allCommands = on;
        fromAll = on;
        allowed = new long[on ? words() : 0];
        if (on) Arrays.fill(allowed, -1L);
        rules.clear();
        firstArgs.clear();
    }

    private int words() {
        return (table.idCount() + 63) >>> 6;
    }

    private void category(String name, boolean allow) throws AclRuleException {
        if (!AclCategories.exists(name)) throw AclRuleException.unknownCommand();
        if (!allow) narrowFromAll();
        for (CommandSpec c : table.all()) {
            if (AclCategories.has(c, name)) setCommand(c, allow);
            for (CommandSpec sub : c.subcommands().values()) {
                if (AclCategories.has(sub, name)) setCommand(sub, allow);
            }
        }
        if (!allow) allCommands = false;
        updateRules("@" + name, allow);
    }

    private void command(String name, boolean allow) throws AclRuleException {
        int bar = name.indexOf('|');
        if (!allow && (bar < 0 || table.lookup(name.substring(0, bar)) != null)) narrowFromAll();
        if (bar < 0) {
            CommandSpec c = table.lookup(name);
            if (c == null) throw AclRuleException.unknownCommand();
            setCommand(c, allow);
            for (CommandSpec sub : c.subcommands().values()) setCommand(sub, allow);
            firstArgs.remove(c.id());
        } else {
            CommandSpec parent = table.lookup(name.substring(0, bar));
            if (parent == null) throw AclRuleException.unknownCommand();
            String arg = name.substring(bar + 1);
            if (parent.isContainer()) {
                CommandSpec sub = parent.subcommands().get(arg);
                if (sub == null) throw AclRuleException.unknownCommand();
                setCommand(sub, allow);
            } else {
                // The pre-7.0 first-argument form only ever adds (Valkey refuses "-select|0").
                if (!allow) throw AclRuleException.unknownCommand();
                if (arg.isEmpty() || arg.indexOf('|') >= 0) throw AclRuleException.syntax();
                if (!permits(parent)) firstArgs.computeIfAbsent(parent.id(), k -> new HashSet<>()).add(arg);
            }
        }
        if (!allow) allCommands = false;
        updateRules(name, allow);
    }

    /** Before the first "-" rule after +@all: every command known now becomes an explicit bit. */
    private void narrowFromAll() {
        if (!allCommands) return;
        allowed = new long[words()];
        Arrays.fill(allowed, -1L);
    }

    private void setCommand(CommandSpec c, boolean allow) {
        int id = c.id();
        if (id >>> 6 >= allowed.length) {
            if (!allow) return;
            allowed = Arrays.copyOf(allowed, Math.max(words(), (id >>> 6) + 1));
        }
        if (allow) allowed[id >>> 6] |= 1L << id;
        else allowed[id >>> 6] &= ~(1L << id);
    }

    /** Drops earlier rules the new one supersedes (the same name, or its subcommands), then appends it. */
    private void updateRules(String name, boolean allow) {
        rules.removeIf(r -> {
            String n = r.substring(1);
            return n.equals(name) || (n.startsWith(name) && n.charAt(name.length()) == '|');
        });
        rules.add((allow ? "+" : "-") + name);
    }

    // ---- description ----------------------------------------------------------------------------

    /** The key rules as ACL LIST shows them ("~*", "~a %R~b"), empty when no key is allowed. */
    String describeKeys() {
        if (allKeys) return "~*";
        StringBuilder b = new StringBuilder();
        for (KeyPattern k : keys) {
            if (!b.isEmpty()) b.append(' ');
            b.append(k.describe());
        }
        return b.toString();
    }

    /** The channel patterns ("&*", "&a &b"), empty when none; ACL LIST prefixes "resetchannels". */
    String describeChannels() {
        if (allChannels) return "&*";
        StringBuilder b = new StringBuilder();
        for (byte[] c : channels) {
            if (!b.isEmpty()) b.append(' ');
            b.append('&').append(Denial.latin1(c));
        }
        return b.toString();
    }

    /** The command rules: "+@all" or "-@all", then the rules applied since, in order. */
    String describeCommands() {
        StringBuilder b = new StringBuilder(fromAll ? "+@all" : "-@all");
        for (String r : rules) b.append(' ').append(r);
        return b.toString();
    }

    /** The whole selector as rules that recreate it (ACL LIST, ACL SAVE). */
    String describe() {
        StringBuilder b = new StringBuilder();
        String k = describeKeys();
        if (!k.isEmpty()) b.append(k).append(' ');
        if (allChannels) {
            b.append("&* ");
        } else {
            b.append("resetchannels ");
            String c = describeChannels();
            if (!c.isEmpty()) b.append(c).append(' ');
        }
        return b.append(describeCommands()).toString();
    }

    // ---- checks ---------------------------------------------------------------------------------

    boolean permits(CommandSpec cmd) {
        if (allCommands || cmd.has(CommandFlag.NO_AUTH)) return true; // AUTH, HELLO, QUIT, RESET: always
        int id = cmd.id();
        return id >>> 6 < allowed.length && (allowed[id >>> 6] & (1L << id)) != 0;
    }

    /** The command bit, or an allowed first argument for a command without subcommands. */
    private boolean permitsCommand(CommandSpec cmd, byte[][] argv) {
        if (permits(cmd)) return true;
        if (firstArgs.isEmpty() || argv.length < 2 || cmd.parent() != null) return false;
        Set<String> args = firstArgs.get(cmd.id());
        return args != null && args.contains(Denial.latin1(argv[1]).toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a command line: the command, then its keys with the access they need, then its
     * channels. Returns null when allowed.
     */
    Denial check(CommandSpec cmd, byte[][] argv) {
        if (!permitsCommand(cmd, argv)) return new Denial(Denial.Kind.COMMAND, 0);
        if (!allKeys) {
            int[] refused = {-1};
            cmd.forEachKey(argv, (pos, flags) -> {
                // NOT_KEY specs (SPUBLISH's channel, for slot routing) are not keys for ACL
                if (refused[0] < 0 && !flags.contains("NOT_KEY") && !permitsKey(argv[pos], KeyAccess.needed(cmd, argv, flags))) refused[0] = pos;
            });
            if (refused[0] >= 0) return new Denial(Denial.Kind.KEY, refused[0]);
        }
        if (!allChannels) {
            int bad = ChannelArguments.firstRefused(cmd, argv, this);
            if (bad >= 0) return new Denial(Denial.Kind.CHANNEL, bad);
        }
        return null;
    }

    /** allkeys, or a "*" pattern that grants reading. */
    boolean readsAnyKey() {
        if (allKeys) return true;
        for (KeyPattern k : keys) {
            if ((k.flags() & KeyPattern.READ) != 0 && k.pattern().length == 1 && k.pattern()[0] == '*') return true;
        }
        return false;
    }

    boolean permitsKey(byte[] key, int needed) {
        if (allKeys) return true;
        for (KeyPattern k : keys) {
            if ((k.flags() & needed) == needed && Glob.matches(k.pattern(), key)) return true;
        }
        return false;
    }

    /** A channel (glob-matched) or, for PSUBSCRIBE, a pattern (which must equal an allowed one). */
    boolean permitsChannel(byte[] channel, boolean isPattern) {
        if (allChannels) return true;
        for (byte[] c : channels) {
            if (isPattern ? Arrays.equals(c, channel) : Glob.matches(c, channel)) return true;
        }
        return false;
    }
}
