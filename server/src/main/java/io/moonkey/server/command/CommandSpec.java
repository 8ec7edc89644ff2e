package io.moonkey.server.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the command table: name, arity (negative = at least), flags, key specs, docs and
 * the implementation; a container command (CONFIG, CLIENT...) has subcommands instead.
 * Also carries the per-command statistics INFO commandstats reports.
 */
public final class CommandSpec {
    private final String name;
    private final int arity;
    private final long flags;
    private final String group;
    private final String since;
    private final String summary;
    private final Command handler;
    private final List<KeySpec> keySpecs = new ArrayList<>(1);
    private final Map<String, CommandSpec> subcommands = new LinkedHashMap<>();
    private CommandSpec parent;
    private String[] aclCategories;
    private String[] tips = new String[0];
    /** Dense index of this command or subcommand in the table, for per-user permission bitmaps (ACL). */
    private int id = -1;

    // statistics (INFO commandstats)
    public long calls, microseconds, rejectedCalls, failedCalls;

    public CommandSpec(String name, int arity, String flags, String group, String since, String summary, Command handler) {
        this.name = name;
        this.arity = arity;
        this.flags = CommandFlag.parse(flags);
        this.group = group;
        this.since = since;
        this.summary = summary;
        this.handler = handler;
    }

    /** Adds a key spec; returns this for chaining. */
    public CommandSpec keys(KeySpec spec) {
        keySpecs.add(spec);
        return this;
    }

    /** Adds a subcommand (its name is the part after the '|'). */
    public CommandSpec sub(CommandSpec sub) {
        sub.parent = this;
        subcommands.put(sub.name, sub);
        return this;
    }

    /** Sets the command tips COMMAND INFO and COMMAND DOCS report (nondeterministic_output, request_policy:...). */
    public CommandSpec tips(String... t) {
        tips = t;
        return this;
    }

    public String[] tips() {
        return tips;
    }

    /** Sets the ACL categories explicitly (without '@'); by default they follow from flags and group. */
    public CommandSpec acl(String... categories) {
        aclCategories = categories;
        return this;
    }

    public String name() {
        return name;
    }

    /** This command's dense index in its table (0 .. CommandTable.idCount()-1). */
    public int id() {
        return id;
    }

    void setId(int id) {
        this.id = id;
    }

    /** "get", or "config|get" for a subcommand. */
    public String fullName() {
        return parent == null ? name : parent.name + "|" + name;
    }

    public int arity() {
        return arity;
    }

    public long flags() {
        return flags;
    }

    public boolean has(CommandFlag f) {
        return (flags & f.bit()) != 0;
    }

    public String group() {
        return group;
    }

    public String since() {
        return since;
    }

    public String summary() {
        return summary;
    }

    public Command handler() {
        return handler;
    }

    public CommandSpec parent() {
        return parent;
    }

    public List<KeySpec> keySpecs() {
        return Collections.unmodifiableList(keySpecs);
    }

    public Map<String, CommandSpec> subcommands() {
        return Collections.unmodifiableMap(subcommands);
    }

    public boolean isContainer() {
        return !subcommands.isEmpty();
    }

    /** Whether {@code argc} arguments (command name included) satisfy the arity. */
    public boolean arityAccepts(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }

    /** Legacy first key index (COMMAND INFO's 4th field). */
    public int firstKey() {
        if (keySpecs.isEmpty()) return 0;
        KeySpec k = keySpecs.get(0);
        return k.isKeynum() || k.keyword() != null ? 0 : k.begin(); // movable keys: no legacy range
    }

    public int lastKey() {
        if (keySpecs.isEmpty()) return 0;
        KeySpec k = keySpecs.get(0);
        if (k.isKeynum() || k.keyword() != null) return 0;
        int last = k.lastKey() < 0 ? k.lastKey() : k.begin() + k.lastKey();
        for (KeySpec o : keySpecs) {
            if (o.isKeynum() || o.keyword() != null) continue;
            int l = o.lastKey() < 0 ? o.lastKey() : o.begin() + o.lastKey();
            if (last >= 0 && (l < 0 || l > last)) last = l;
        }
        return last;
    }

    public int keyStep() {
        if (keySpecs.isEmpty()) return 0;
        KeySpec k = keySpecs.get(0);
        return k.isKeynum() || k.keyword() != null ? 0 : k.step();
    }

    /** Valkey's ACL category order, in which COMMAND INFO lists them. */
    private static final List<String> ACL_ORDER = List.of("keyspace", "read", "write", "set", "sortedset", "list", "hash",
            "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous",
            "connection", "transaction", "scripting");

    /** ACL categories, without the '@'. */
    public String[] aclCategories() {
        if (aclCategories != null) return aclCategories;
        java.util.Set<String> c = new java.util.HashSet<>();
        if (isContainer() && handler == null) {
            c.add("slow");
        } else {
            if (has(CommandFlag.WRITE)) c.add("write");
            if (has(CommandFlag.READONLY) && !group.equals("scripting")) c.add("read");
            if (group.equals("generic")) c.add("keyspace");
            switch (group) {
                case "string" -> c.add("string");
                case "bitmap" -> c.add("bitmap");
                case "hyperloglog" -> c.add("hyperloglog");
                case "geo" -> c.add("geo");
                case "pubsub" -> c.add("pubsub");
                case "transactions" -> c.add("transaction");
                case "connection" -> c.add("connection");
                case "scripting" -> c.add("scripting");
                default -> {}
            }
            if (has(CommandFlag.ADMIN)) c.add("admin");
            if (has(CommandFlag.ADMIN) || name.equals("keys") || name.equals("flushdb") || name.equals("flushall")) c.add("dangerous");
            c.add(has(CommandFlag.FAST) ? "fast" : "slow");
            if (has(CommandFlag.BLOCKING)) c.add("blocking");
        }
        List<String> ordered = new ArrayList<>();
        for (String a : ACL_ORDER) if (c.contains(a)) ordered.add(a);
        aclCategories = ordered.toArray(new String[0]);
        return aclCategories;
    }

    /**
     * The argv indexes of the keys (COMMAND GETKEYS, and what key-aware code such as cluster
     * routing will use). Invalid key counts give no keys, as Valkey's GETKEYS does.
     */
    /** Receives each key position of a command line with the key-spec flags that apply to it. */
    @FunctionalInterface
    public interface KeySink {
        void key(int position, String flags);
    }

    /** Finds keys where key specs cannot (SORT's STORE anywhere in the arguments); Valkey's getkeys_proc. */
    @FunctionalInterface
    public interface KeyFinder {
        void find(byte[][] argv, KeySink sink);
    }

    private KeyFinder keyFinder;

    /** Sets a key finder that replaces the key specs for COMMAND GETKEYS(ANDFLAGS). */
    public CommandSpec keysBy(KeyFinder finder) {
        keyFinder = finder;
        return this;
    }

    /** The argv positions of the keys of a command line, with their flags, as the key specs (or the finder) say. */
    public void forEachKey(byte[][] argv, KeySink out) {
        if (keyFinder != null) {
            keyFinder.find(argv, out);
            return;
        }
        for (KeySpec k : keySpecs) {
            if (k.keyword() != null) {
                for (int i = k.begin(); i < argv.length - 1; i++) {
                    if (new String(argv[i]).equalsIgnoreCase(k.keyword())) {
                        int first = i + 1;
                        int last = k.lastKey() >= 0 ? first + k.lastKey() : argv.length - 1;
                        // a limit of n keeps 1/n of what follows (XREAD ... STREAMS k1 k2 id1 id2)
                        if (k.lastKey() < 0 && k.limit() > 1) last = first + (argv.length - first) / k.limit() - 1;
                        for (int j = first; j <= last && j < argv.length; j += Math.max(1, k.step())) out.key(j, k.flags());
                        break;
                    }
                }
                continue;
            }
            if (k.begin() >= argv.length) continue;
            if (k.isKeynum()) {
                int ni = k.begin() + k.numKeysIndex();
                if (ni >= argv.length) continue;
                long n = keyCount(argv[ni]);
                int first = k.begin() + k.firstKeyAfterNum();
                if (n < 0 || first + n * k.step() > argv.length) continue;
                for (int i = 0; i < n; i++) out.key(first + i * k.step(), k.flags());
                continue;
            }
            int last = k.lastKey() < 0 ? argv.length + k.lastKey() : k.begin() + k.lastKey();
            for (int i = k.begin(); i <= last && i < argv.length; i += Math.max(1, k.step())) out.key(i, k.flags());
        }
    }

    /**
     * A key count argument as {@code Long.parseLong} reads it (sign, digits, no overflow), or -1;
     * without allocating, since cluster mode routes every keyed EVAL through here.
     */
    private static long keyCount(byte[] b) {
        int i = b.length > 0 && (b[0] == '+' || b[0] == '-') ? 1 : 0;
        if (i == b.length) return -1;
        long n = 0;
        for (; i < b.length; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || n > (Long.MAX_VALUE - d) / 10) return -1;
            n = n * 10 + d;
        }
        return b[0] == '-' && n != 0 ? -1 : n; // negative counts name no keys either way
    }

    public int[] keyPositions(byte[][] argv) {
        List<Integer> out = new ArrayList<>();
        forEachKey(argv, (pos, flags) -> out.add(pos));
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
    }
}
