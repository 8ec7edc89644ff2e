package io.moonkey.server.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one command table: every command, its subcommands, arity, flags and key specs. Lookup by
 * the raw name bytes is case-insensitive and allocation-free (an open-addressed array hashed on
 * lower-cased bytes), since it runs for every request.
 */
public final class CommandTable {
    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private CommandSpec[] slots = new CommandSpec[512];
    private byte[][] slotNames = new byte[512][];
    private int nextId;

    public void add(CommandSpec spec) {
        if (byName.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("command registered twice: " + spec.name());
        }
        spec.setId(nextId++);
        for (CommandSpec sub : spec.subcommands().values()) sub.setId(nextId++);
        if (byName.size() * 2 > slots.length) rebuild(slots.length * 2);
        else insert(spec);
    }

    private void rebuild(int size) {
        slots = new CommandSpec[size];
        slotNames = new byte[size][];
        for (CommandSpec s : byName.values()) insert(s);
    }

    private void insert(CommandSpec s) {
        byte[] n = s.name().getBytes();
        int mask = slots.length - 1;
        int pos = hash(n) & mask;
        while (slots[pos] != null) pos = (pos + 1) & mask;
        slots[pos] = s;
        slotNames[pos] = n;
    }

    private static int hash(byte[] name) {
        int h = 0x811c9dc5;
        for (byte b : name) {
            int c = b >= 'A' && b <= 'Z' ? b + 32 : b;
            h = (h ^ c) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /** The top-level command named {@code name} (any case), or null. */
    public CommandSpec lookup(byte[] name) {
        int mask = slots.length - 1;
        int pos = hash(name) & mask;
        CommandSpec s;
        while ((s = slots[pos]) != null) {
            if (equalsLower(slotNames[pos], name)) return s;
            pos = (pos + 1) & mask;
        }
        return null;
    }

    private static boolean equalsLower(byte[] lower, byte[] any) {
        if (lower.length != any.length) return false;
        for (int i = 0; i < lower.length; i++) {
            int c = any[i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower[i]) return false;
        }
        return true;
    }

    /** A command by name, or "container|sub" for a subcommand; null if unknown. */
    public CommandSpec lookup(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int bar = n.indexOf('|');
        if (bar < 0) return byName.get(n);
        CommandSpec c = byName.get(n.substring(0, bar));
        return c == null ? null : c.subcommands().get(n.substring(bar + 1));
    }

    /**
     * The spec that would run {@code argv}: the command, or its subcommand for containers.
     * Null when the command or the subcommand is unknown.
     */
    public CommandSpec resolve(byte[][] argv) {
        CommandSpec c = lookup(argv[0]);
        if (c == null || !c.isContainer() || argv.length < 2) return c;
        return c.subcommands().get(new String(argv[1], java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
    }

    public Collection<CommandSpec> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** One more than the largest {@link CommandSpec#id()} of any command or subcommand. */
    public int idCount() {
        return nextId;
    }

    public int size() {
        return byName.size();
    }

    /** Every command and subcommand (COMMAND LIST, INFO commandstats). */
    public List<CommandSpec> allWithSubcommands() {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandSpec c : byName.values()) {
            out.add(c);
            out.addAll(c.subcommands().values());
        }
        return out;
    }
}
