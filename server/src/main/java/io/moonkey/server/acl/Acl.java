package io.moonkey.server.acl;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's users and the ACL checks on them: authentication, the permission checks the
 * dispatcher and scripts run, the ACL log and the INFO counters. The default user exists always;
 * requirepass sets its password as Valkey does ("resetpass" then {@code >pass}, or "nopass").
 */
public final class Acl {
    public static final String DEFAULT = "default";
    private static final String WRONGPASS = "WRONGPASS invalid username-password pair or user is disabled.";

    private final Server server;
    /** By name, in byte order (ACL USERS/LIST order). */
    private final TreeMap<String, User> users = new TreeMap<>();
    private final User defaultUser;
    /** Valkey's user-less internal clients (AOF loading): everything allowed, never listed. */
    private final User internalUser;
    private final AclLog log = new AclLog();
    private long deniedAuth, deniedCommand, deniedKey, deniedChannel;

    public Acl(Server server) {
        this.server = server;
        defaultUser = newUser(DEFAULT);
        resetDefault(defaultUser);
        users.put(DEFAULT, defaultUser);
        internalUser = newUser(DEFAULT);
        resetDefault(internalUser);
    }

    public User internalUser() {
        return internalUser;
    }

    private static void resetDefault(User u) {
        try {
            for (String r : new String[] {"+@all", "~*", "&*", "on", "nopass"}) u.apply(r);
        } catch (AclRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    public User defaultUser() {
        return defaultUser;
    }

    /** The user named {@code name}, or null. */
    public User user(String name) {
        return users.get(name);
    }

    Map<String, User> users() {
        return users;
    }

    /** Whether a new connection starts authenticated: the default user is on and has nopass. */
    public boolean newConnectionsAuthenticated() {
        return defaultUser.enabled() && defaultUser.nopass();
    }

    /** requirepass changed: the default user gets exactly that password, or nopass when empty. */
    public void requirepassChanged(String password) {
        try {
            defaultUser.apply("resetpass");
            defaultUser.apply(password.isEmpty() ? "nopass" : ">" + password);
        } catch (AclRuleException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- authentication -------------------------------------------------------------------------

    /**
     * AUTH and HELLO AUTH: on success the session runs as the user; on failure the attempt is
     * logged (reason auth, object AUTH) and the WRONGPASS error returned.
     */
    public String authenticate(Session s, byte[] username, byte[] password) {
        String name = latin1(username);
        User u = users.get(name);
        if (u != null && u.accepts(password)) {
            s.setUser(u);
            s.setAuthenticated(true);
            return null;
        }
        deniedAuth++;
        log.add(Denial.Kind.AUTH.reason(), context(s), "AUTH", name, clientInfo(s), logMaxLen());
        return WRONGPASS;
    }

    // ---- permission checks ----------------------------------------------------------------------

    /**
     * The dispatcher's check for a restricted user (the caller tests {@link User#unrestricted()}
     * first): null when allowed, else the NOPERM error, which is also logged and counted.
     */
    public String denyAtDispatch(Session s, CommandSpec cmd, byte[][] argv) {
        Denial d = s.user().check(cmd, argv);
        if (d == null) return null;
        record(s, s.user(), d, cmd, argv, context(s));
        return "NOPERM " + d.message(s.user().name(), cmd.fullName());
    }

    /** The check EXEC repeats for each queued command, since rules may have changed meanwhile. */
    public String denyInTransaction(Session s, CommandSpec cmd, byte[][] argv) {
        if (s.user().unrestricted()) return null;
        Denial d = s.user().check(cmd, argv);
        if (d == null) return null;
        record(s, s.user(), d, cmd, argv, "multi");
        String reason = switch (d.kind()) {
            case COMMAND -> "no permission to execute the command or subcommand";
            case KEY -> "no permission to touch the specified keys";
            case CHANNEL -> "no permission to access one of the channels used as arguments";
            case AUTH -> "no permission";
        };
        return "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. "
                + "This command is no longer allowed for the following reason: " + reason;
    }

    /**
     * server.call's check (scripting.md §4.6 item 4) for the user of {@code caller}, the client
     * that runs the script: null when allowed, else the script error text, logged with context lua.
     */
    public String denyInScript(Session caller, CommandSpec cmd, byte[][] argv) {
        User u = caller.user();
        if (u.unrestricted()) return null;
        Denial d = u.check(cmd, argv);
        if (d == null) return null;
        record(caller, u, d, cmd, argv, "lua");
        return "ERR ACL failure in script: " + d.message(u.name(), cmd.fullName());
    }

    /** server.acl_check_cmd: whether the caller's user may run the command line; nothing is logged. */
    public boolean permits(Session caller, CommandSpec cmd, byte[][] argv) {
        return caller.user().check(cmd, argv) == null;
    }

    /**
     * Whether the session's user may read any key with this command line: some selector allows
     * the line and reads every key (SORT's BY and GET patterns need it, as in Valkey).
     */
    public boolean readsAnyKey(Session s, byte[][] argv) {
        CommandSpec cmd = server.commands().resolve(argv);
        return cmd != null && s.user().readsAnyKey(cmd, argv);
    }

    private void record(Session s, User u, Denial d, CommandSpec cmd, byte[][] argv, String context) {
        switch (d.kind()) {
            case COMMAND -> deniedCommand++;
            case KEY -> deniedKey++;
            case CHANNEL -> deniedChannel++;
            case AUTH -> deniedAuth++;
        }
        String object = d.kind() == Denial.Kind.COMMAND ? cmd.fullName() : latin1(argv[d.argIndex()]);
        log.add(d.kind().reason(), context, object, u.name(), clientInfo(s), logMaxLen());
    }

    private static String context(Session s) {
        return s.inMulti() ? "multi" : "toplevel";
    }

    private String clientInfo(Session s) {
        return io.moonkey.server.command.ClientCommand.infoLine(server, s);
    }

    private int logMaxLen() {
        return (int) Math.min(Integer.MAX_VALUE, server.config().getLong("acllog-max-len"));
    }

    AclLog log() {
        return log;
    }

    /** INFO stats: acl_access_denied_auth, _cmd, _key, _channel. */
    public long[] deniedCounts() {
        return new long[] {deniedAuth, deniedCommand, deniedKey, deniedChannel};
    }

    // ---- users ----------------------------------------------------------------------------------

    /**
     * ACL SETUSER: applies the rules to a copy of the user (a new user if absent), then commits
     * them all or none. Selector rules spread over several arguments are joined first.
     */
    public void setUser(String name, List<String> args) throws AclException {
        List<String> rules = joinSelectors(args);
        User existing = users.get(name);
        User work = existing != null ? existing.copy(name) : newUser(name);
        for (String r : rules) {
            try {
                work.apply(r);
            } catch (AclRuleException e) {
                throw new AclException("ERR Error in ACL SETUSER modifier '" + r + "': " + e.getMessage());
            }
        }
        if (existing == null) {
            users.put(name, work);
        } else {
            existing.copyFrom(work);
            disconnectRefusedSubscribers(existing);
        }
    }

    /**
     * Joins arguments from one starting with '(' to the one ending with ')' into one selector
     * rule, as Valkey's ACLMergeSelectorArguments does.
     */
    static List<String> joinSelectors(List<String> args) throws AclException {
        List<String> out = new ArrayList<>(args.size());
        StringBuilder open = null;
        String start = null;
        for (String a : args) {
            if (open != null) {
                open.append(' ').append(a);
                if (a.endsWith(")")) {
                    out.add(open.toString());
                    open = null;
                }
            } else if (a.startsWith("(") && !a.endsWith(")")) {
                open = new StringBuilder(a);
                start = a;
            } else {
                out.add(a);
            }
        }
        if (open != null) throw new AclException("ERR Unmatched parenthesis in acl selector starting at '" + start + "'.");
        return out;
    }

    /** ACL DELUSER: removes the users and disconnects their clients; returns how many existed. */
    public int deleteUsers(List<String> names, Session caller) throws AclException {
        for (String n : names) {
            if (n.equals(DEFAULT)) throw new AclException("ERR The 'default' user cannot be removed");
        }
        int deleted = 0;
        for (String n : names) {
            User u = users.remove(n);
            if (u == null) continue;
            deleted++;
            disconnectClientsOf(u, caller);
        }
        return deleted;
    }

    /** Closes every connection authenticated as {@code u}; the caller's only after its reply. */
    void disconnectClientsOf(User u, Session caller) {
        for (Session c : new ArrayList<Session>(asList(server.clients()))) {
            if (c.user() != u || c.channel() == null) continue;
            c.channel().close(c == caller);
        }
    }

    /**
     * After a user's channel rules change, its subscribed clients that now hold a subscription
     * the user may no longer have are disconnected (Valkey's ACLKillPubsubClientsIfNeeded).
     */
    private void disconnectRefusedSubscribers(User u) {
        for (Session c : new ArrayList<Session>(asList(server.clients()))) {
            if (c.user() != u || c.channel() == null || c.subscriberCount() == 0) continue;
            boolean refused = false;
            for (byte[] ch : c.subscribedChannels()) refused |= !u.permitsChannel(ch, false);
            for (byte[] p : c.subscribedPatterns()) refused |= !u.permitsChannel(p, true);
            if (refused) c.channel().close(false);
        }
    }

    private static <T> List<T> asList(Iterable<T> it) {
        List<T> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }

    /**
     * Replaces every user but the default one with {@code loaded} (ACL LOAD); the default user
     * object is kept and takes the loaded rules, or full permissions when the file omits it.
     * Clients of the replaced users are disconnected.
     */
    void replaceAll(Map<String, User> loaded, Session caller) {
        for (User old : new ArrayList<>(users.values())) {
            if (old != defaultUser) disconnectClientsOf(old, caller);
        }
        User newDefault = loaded.remove(DEFAULT);
        users.clear();
        if (newDefault != null) {
            defaultUser.copyFrom(newDefault);
        } else {
            defaultUser.copyFrom(newUser(DEFAULT));
            resetDefault(defaultUser);
        }
        users.put(DEFAULT, defaultUser);
        users.putAll(loaded);
    }

    // ---- the aclfile and config "user" lines --------------------------------------------------

    private static final String NO_ACLFILE = "ERR This Valkey instance is not configured to use an ACL file. You may "
            + "want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a "
            + "Valkey configuration file set) in order to store users in the Valkey configuration.";

    private java.nio.file.Path aclfile() throws AclException {
        String f = server.config().get("aclfile");
        if (f.isEmpty()) throw new AclException(NO_ACLFILE);
        return java.nio.file.Path.of(f);
    }

    /** ACL LOAD: replaces all users with the file's, or changes nothing when it has errors. */
    public void load(Session caller) throws AclException {
        replaceAll(AclFile.read(aclfile(), this), caller);
    }

    /** ACL SAVE. */
    public void save() throws AclException {
        java.nio.file.Path p = aclfile();
        try {
            AclFile.write(p, users.values());
        } catch (java.io.IOException e) {
            server.log().warning("Failed to save the ACL file " + p + ": " + e.getMessage());
            throw new AclException("ERR There was an error trying to save the ACLs. Please check the server logs for more information");
        }
    }

    /**
     * At startup: the config file's {@code user} lines, or the aclfile (not both, as in Valkey).
     * Returns an error text for the fatal startup report, or null.
     */
    public String loadAtStartup(List<List<String>> userLines) {
        boolean hasFile = !server.config().get("aclfile").isEmpty();
        if (hasFile && !userLines.isEmpty()) {
            return "Configuring Valkey with users defined in valkey.conf and at the same setting an ACL file path is "
                    + "invalid. This setup is very likely to lead to configuration errors and security holes, please "
                    + "define either an ACL file or declare users directly in your valkey.conf, but not both.";
        }
        if (hasFile) {
            try {
                load(null);
            } catch (AclException e) {
                return e.getMessage().substring(4);
            }
            return null;
        }
        for (List<String> line : userLines) {
            if (line.isEmpty()) return "Error in user declaration: missing user name";
            String name = line.get(0);
            try {
                if (!name.equals(DEFAULT) && users.containsKey(name)) {
                    return "Error in user declaration '" + name + "': Duplicate user found. A user can only be defined once in config files";
                }
                User u = name.equals(DEFAULT) ? defaultUser : newUser(name);
                if (u == defaultUser) u.apply("reset");
                for (String r : joinSelectors(line.subList(1, line.size()))) u.apply(r);
                users.put(name, u);
            } catch (AclException e) {
                return "Error in user declaration '" + name + "': " + e.getMessage().substring(4);
            } catch (AclRuleException e) {
                return "Error in user declaration '" + name + "': " + e.getMessage();
            }
        }
        return null;
    }

    /** CONFIG REWRITE's user lines: every user, or none when the users live in the aclfile. */
    public List<String> configLines() {
        if (!server.config().get("aclfile").isEmpty()) return List.of();
        List<String> lines = new ArrayList<>();
        for (User u : users.values()) lines.add("user " + u.name() + " " + u.describe());
        return lines;
    }

    User newUser(String name) {
        return new User(name, server.commands(), this::allChannelsByDefault);
    }

    private boolean allChannelsByDefault() {
        return server.config().get("acl-pubsub-default").equals("allchannels");
    }

    Server server() {
        return server;
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
