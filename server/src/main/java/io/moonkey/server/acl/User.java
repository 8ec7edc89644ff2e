package io.moonkey.server.acl;

import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ACL user: enabled or not, its password hashes (SHA-256, hex) or nopass, and its
 * permissions as a root selector plus any number of additional selectors. Connections hold the
 * user object itself, so rule changes apply to them at once (ACL SETUSER replaces the contents).
 */
public final class User {
    private final String name;
    private final CommandTable table;
    /** acl-pubsub-default is allchannels: new users, new selectors and "reset" get every channel. */
    private final java.util.function.BooleanSupplier allChannelsByDefault;
    private boolean enabled;
    private boolean nopass;
    /** null when neither flag was ever given (ACL GETUSER then lists neither). */
    private Boolean sanitizePayload;
    private final Set<String> passwords = new LinkedHashSet<>();
    private Selector root;
    private final List<Selector> selectors = new ArrayList<>();
    /** Cached: the root selector permits every command, key and channel (the dispatcher's fast path). */
    private boolean unrestricted;

    /** A new user: off, no passwords, no commands, no keys, no channels (with acl-pubsub-default resetchannels). */
    User(String name, CommandTable table, java.util.function.BooleanSupplier allChannelsByDefault) {
        this.name = name;
        this.table = table;
        this.allChannelsByDefault = allChannelsByDefault;
        this.root = newSelector();
    }

    private Selector newSelector() {
        Selector s = new Selector(table);
        if (allChannelsByDefault.getAsBoolean()) {
            try {
                s.apply("allchannels");
            } catch (AclRuleException e) {
                throw new IllegalStateException(e);
            }
        }
        return s;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean nopass() {
        return nopass;
    }

    /** Whether every command on every key and channel is allowed: no check needed at dispatch. */
    public boolean unrestricted() {
        return unrestricted;
    }

    User copy(String newName) {
        User u = new User(newName, table, allChannelsByDefault);
        u.copyFrom(this);
        return u;
    }

    /** Takes over another user's rules (ACL SETUSER applies to a copy, then commits it here). */
    void copyFrom(User o) {
        enabled = o.enabled;
        nopass = o.nopass;
        sanitizePayload = o.sanitizePayload;
        passwords.clear();
        passwords.addAll(o.passwords);
        root = o.root.copy();
        selectors.clear();
        for (Selector s : o.selectors) selectors.add(s.copy());
        unrestricted = root.unrestricted();
    }

    // ---- rules ----------------------------------------------------------------------------------

    /** Applies one rule; a parenthesised rule adds a selector (Valkey's ACLSetUser). */
    void apply(String op) throws AclRuleException {
        try {
            applyRule(op);
        } finally {
            unrestricted = root.unrestricted();
        }
    }

    private void applyRule(String op) throws AclRuleException {
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "on" -> enabled = true;
            case "off" -> enabled = false;
            case "skip-sanitize-payload" -> sanitizePayload = false;
            case "sanitize-payload" -> sanitizePayload = true;
            case "nopass" -> {
                nopass = true;
                passwords.clear();
            }
            case "resetpass" -> {
                nopass = false;
                passwords.clear();
            }
            case "clearselectors" -> selectors.clear();
            case "reset" -> {
                for (String r : new String[] {"resetpass", "resetkeys", "resetchannels", "off", "clearselectors", "-@all"}) {
                    applyRule(r);
                }
                if (allChannelsByDefault.getAsBoolean()) applyRule("allchannels");
                sanitizePayload = true;
            }
            default -> applyOther(op);
        }
    }

    private void applyOther(String op) throws AclRuleException {
        if (op.isEmpty()) throw AclRuleException.syntax();
        char c = op.charAt(0);
        if (c == '>') {
            passwords.add(hash(op.substring(1).getBytes(StandardCharsets.ISO_8859_1)));
            nopass = false;
        } else if (c == '#') {
            passwords.add(validHash(op.substring(1)));
            nopass = false;
        } else if (c == '<') {
            if (!passwords.remove(hash(op.substring(1).getBytes(StandardCharsets.ISO_8859_1)))) throw noSuchPassword();
        } else if (c == '!') {
            if (!passwords.remove(validHash(op.substring(1)))) throw noSuchPassword();
        } else if (c == '(' && op.endsWith(")")) {
            selectors.add(parseSelector(op.substring(1, op.length() - 1)));
        } else {
            root.apply(op);
        }
    }

    private Selector parseSelector(String body) throws AclRuleException {
        Selector s = newSelector();
        for (String rule : body.trim().split(" +")) {
            if (!rule.isEmpty()) s.apply(rule);
        }
        return s;
    }

    private static AclRuleException noSuchPassword() {
        return new AclRuleException("The password you are trying to remove from the user does not exist");
    }

    private static String validHash(String h) throws AclRuleException {
        boolean ok = h.length() == 64;
        for (int i = 0; ok && i < h.length(); i++) {
            char ch = h.charAt(i);
            ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
        }
        if (!ok) {
            throw new AclRuleException("The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters");
        }
        return h;
    }

    /** SHA-256 of a password, lower-case hex: how passwords are stored and listed. */
    static String hash(byte[] password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code password} opens this user (enabled, and nopass or a matching hash). */
    boolean accepts(byte[] password) {
        if (!enabled) return false;
        if (nopass) return true;
        byte[] h = hash(password).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String p : passwords) found |= MessageDigest.isEqual(p.getBytes(StandardCharsets.US_ASCII), h);
        return found;
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * Checks a command line against the root selector and then each selector; the first that
     * allows it wins. When all refuse, the reported failure is the most specific one (a key or
     * channel over the command itself), and among equal kinds the one furthest in the arguments,
     * as Valkey picks it. Returns null when allowed.
     */
    public Denial check(CommandSpec cmd, byte[][] argv) {
        if (unrestricted) return null;
        Denial worst = root.check(cmd, argv);
        if (worst == null) return null;
        for (Selector s : selectors) {
            Denial d = s.check(cmd, argv);
            if (d == null) return null;
            if (d.kind().ordinal() > worst.kind().ordinal()
                    || (d.kind() == worst.kind() && d.argIndex() > worst.argIndex())) {
                worst = d;
            }
        }
        return worst;
    }

    /** Whether a selector allowing the line also allows reading every key. */
    boolean readsAnyKey(CommandSpec cmd, byte[][] argv) {
        if (unrestricted) return true;
        if (root.check(cmd, argv) == null && root.readsAnyKey()) return true;
        for (Selector s : selectors) if (s.check(cmd, argv) == null && s.readsAnyKey()) return true;
        return false;
    }

    /** Whether any selector lets this user receive messages of {@code channel} (or subscribe the pattern). */
    boolean permitsChannel(byte[] channel, boolean isPattern) {
        if (root.permitsChannel(channel, isPattern)) return true;
        for (Selector s : selectors) if (s.permitsChannel(channel, isPattern)) return true;
        return false;
    }

    // ---- description ----------------------------------------------------------------------------

    /** The rules after the user name in ACL LIST and the ACL file. */
    public String describe() {
        StringBuilder b = new StringBuilder(enabled ? "on" : "off");
        if (nopass) b.append(" nopass");
        if (sanitizePayload != null) b.append(sanitizePayload ? " sanitize-payload" : " skip-sanitize-payload");
        for (String p : passwords) b.append(" #").append(p);
        b.append(' ').append(root.describe());
        for (Selector s : selectors) b.append(" (").append(s.describe()).append(')');
        return b.toString();
    }

    /** ACL GETUSER's flags. */
    List<String> flags() {
        List<String> f = new ArrayList<>(3);
        f.add(enabled ? "on" : "off");
        if (nopass) f.add("nopass");
        if (sanitizePayload != null) f.add(sanitizePayload ? "sanitize-payload" : "skip-sanitize-payload");
        return f;
    }

    Set<String> passwordHashes() {
        return passwords;
    }

    Selector root() {
        return root;
    }

    List<Selector> selectors() {
        return selectors;
    }
}
