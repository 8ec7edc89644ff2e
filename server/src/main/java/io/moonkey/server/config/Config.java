package io.moonkey.server.config;

import io.moonkey.datastore.Glob;
import io.moonkey.server.resp.InlineSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration registry: parameters by name and alias, loading from a valkey.conf-style
 * file and {@code --name value} arguments, CONFIG GET/SET semantics and CONFIG REWRITE.
 */
public final class Config {
    private final Map<String, ConfigParam> byName = new LinkedHashMap<>();
    private final Map<String, ConfigParam> byAlias = new LinkedHashMap<>();
    private Path file;
    /** The {@code user} directives, each its words after "user" (the ACL applies them at startup). */
    private final List<List<String>> userLines = new ArrayList<>();

    public ConfigParam register(ConfigParam p) {
        byName.put(p.name(), p);
        for (String a : p.aliases()) byAlias.put(a, p);
        return p;
    }

    /** The parameter named or aliased {@code name} (any case), or null. */
    public ConfigParam param(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        ConfigParam p = byName.get(n);
        return p != null ? p : byAlias.get(n);
    }

    public String get(String name) {
        return param(name).value();
    }

    public long getLong(String name) {
        return Long.parseLong(get(name));
    }

    public boolean getBool(String name) {
        return get(name).equals("yes");
    }

    public List<List<String>> userLines() {
        return userLines;
    }

    /** The current ACL users as config lines, for CONFIG REWRITE (empty when an aclfile holds them). */
    private java.util.function.Supplier<List<String>> usersForRewrite = List::of;

    public void setUsersForRewrite(java.util.function.Supplier<List<String>> source) {
        usersForRewrite = source;
    }

    public Path file() {
        return file;
    }

    /** Name/value pairs matching the glob patterns (CONFIG GET); an alias shows under its own name. */
    public Map<String, String> matching(List<String> patterns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pat : patterns) {
            byte[] pb = pat.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            boolean glob = pat.indexOf('*') >= 0 || pat.indexOf('?') >= 0 || pat.indexOf('[') >= 0;
            if (!glob) {
                ConfigParam p = param(pat);
                if (p != null) out.put(pat.toLowerCase(Locale.ROOT), p.value());
                continue;
            }
            for (ConfigParam p : byName.values()) {
                if (Glob.matches(pb, p.name().getBytes(StandardCharsets.UTF_8))) out.put(p.name(), p.value());
            }
            for (Map.Entry<String, ConfigParam> e : byAlias.entrySet()) {
                if (Glob.matches(pb, e.getKey().getBytes(StandardCharsets.UTF_8))) out.put(e.getKey(), e.getValue().value());
            }
        }
        return out;
    }

    /**
     * Sets several parameters atomically (CONFIG SET): all are validated before any is applied.
     * Throws with the full error message on the first bad one.
     */
    public void set(List<String[]> pairs, boolean fromClient) throws ConfigException {
        List<ConfigParam> params = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String[] pv : pairs) {
            ConfigParam p = param(pv[0]);
            if (p == null) throw new ConfigException("ERR Unknown option or number of arguments for CONFIG SET - '" + pv[0] + "'");
            if (params.contains(p)) {
                throw new ConfigException("ERR CONFIG SET failed (possibly related to argument '" + pv[0] + "') - duplicate parameter");
            }
            if (fromClient && p.isImmutable()) {
                throw new ConfigException("ERR CONFIG SET failed (possibly related to argument '" + pv[0] + "') - can't set immutable config");
            }
            try {
                values.add(p.normalise(pv[1]));
            } catch (ConfigException e) {
                throw new ConfigException("ERR CONFIG SET failed (possibly related to argument '" + pv[0] + "') - " + e.getMessage());
            }
            params.add(p);
        }
        for (int i = 0; i < params.size(); i++) params.get(i).set(values.get(i));
    }

    /** Loads a config file; errors carry the line for the FATAL CONFIG FILE ERROR report. */
    public void loadFile(Path path) throws IOException, ConfigException {
        file = path.toAbsolutePath();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        loadLines(lines, path.toString());
    }

    /**
     * Applies command-line arguments as valkey-server does: an optional config file path first,
     * then {@code --name value ...} groups, each turned into a config line.
     */
    public void applyArgs(String[] args) throws IOException, ConfigException {
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("--")) {
            loadFile(Path.of(args[0]));
            i = 1;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = null;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                if (cur != null) lines.add(cur.toString());
                cur = new StringBuilder(a.substring(2));
            } else {
                if (cur == null) throw new ConfigException("Invalid argument '" + a + "'");
                cur.append(' ').append(quote(a));
            }
        }
        if (cur != null) lines.add(cur.toString());
        loadLines(lines, "command line");
    }

    private static String quote(String a) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : a.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    private void loadLines(List<String> lines, String source) throws ConfigException {
        int n = 0;
        for (String line : lines) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            byte[][] words = InlineSplitter.split(b, 0, b.length);
            if (words == null) throw fatal(source, n, line, "Unbalanced quotes in configuration line");
            if (words.length == 0) continue;
            String name = new String(words[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            if (name.equals("include") || name.equals("rename-command") || name.equals("loadmodule")) continue;
            if (name.equals("user")) {
                List<String> words1 = new ArrayList<>();
                for (int w = 1; w < words.length; w++) words1.add(new String(words[w], StandardCharsets.ISO_8859_1));
                userLines.add(words1);
                continue;
            }
            ConfigParam p = param(name);
            if (p == null) throw fatal(source, n, line, "Bad directive or wrong number of arguments");
            StringBuilder v = new StringBuilder();
            for (int w = 1; w < words.length; w++) {
                if (w > 1) v.append(' ');
                v.append(new String(words[w], StandardCharsets.UTF_8));
            }
            try {
                p.set(p.normalise(v.toString()));
            } catch (ConfigException e) {
                throw fatal(source, n, line, e.getMessage());
            }
        }
    }

    private static ConfigException fatal(String source, int line, String text, String reason) {
        return new ConfigException("\n*** FATAL CONFIG FILE ERROR (moonkey) ***\nReading the configuration file, at line "
                + line + " (" + source + ")\n>>> '" + text.trim() + "'\n" + reason);
    }

    /**
     * CONFIG REWRITE: rewrites the config file so it reflects the running values, keeping
     * comments and unknown lines, replacing the first line of each parameter and appending
     * parameters that differ from their defaults.
     */
    public void rewrite() throws IOException, ConfigException {
        if (file == null) throw new ConfigException("ERR The server is running without a config file");
        List<String> in = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        List<String> out = new ArrayList<>();
        java.util.Set<ConfigParam> written = new java.util.HashSet<>();
        // existing user lines are replaced in place by the current users, the rest appended (as Valkey)
        java.util.ArrayDeque<String> users = new java.util.ArrayDeque<>(usersForRewrite.get());
        for (String line : in) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                out.add(line);
                continue;
            }
            String name = t.split("\\s+")[0];
            if (name.equalsIgnoreCase("user")) {
                if (!users.isEmpty()) out.add(users.poll());
                continue;
            }
            ConfigParam p = param(name);
            if (p == null) {
                out.add(line);
                continue;
            }
            if (written.add(p)) out.add(p.name() + " " + rewriteValue(p.value()));
        }
        boolean header = false;
        for (ConfigParam p : byName.values()) {
            if (written.contains(p) || p.value().equals(p.defaultValue())) continue;
            if (!header) {
                out.add("# Generated by CONFIG REWRITE");
                header = true;
            }
            out.add(p.name() + " " + rewriteValue(p.value()));
        }
        if (!users.isEmpty() && !header) out.add("# Generated by CONFIG REWRITE");
        out.addAll(users);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String rewriteValue(String v) {
        return v.isEmpty() ? "\"\"" : v;
    }
}
