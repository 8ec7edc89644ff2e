package io.moonkey.server.config;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * One configuration parameter: its name and aliases, how values are validated and normalised
 * (the form CONFIG GET shows), and an optional hook applying a new value to the running server.
 */
public final class ConfigParam {
    public enum Kind { BOOL, INT, MEMORY, ENUM, STRING }

    private final String name;
    private final String[] aliases;
    private final Kind kind;
    private final String defaultValue;
    private final long min, max;
    private final String[] choices;
    private boolean immutable;
    private Consumer<String> onChange = v -> {};
    private Normaliser normaliser;

    /** Validates a string parameter's value and returns its canonical form. */
    @FunctionalInterface
    public interface Normaliser {
        String apply(String raw) throws ConfigException;
    }
    private String value;

    private ConfigParam(String name, String[] aliases, Kind kind, String def, long min, long max, String[] choices) {
        this.name = name;
        this.aliases = aliases;
        this.kind = kind;
        this.defaultValue = def;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.value = def;
    }

    public static ConfigParam bool(String name, boolean def) {
        return new ConfigParam(name, new String[0], Kind.BOOL, def ? "yes" : "no", 0, 0, null);
    }

    public static ConfigParam integer(String name, long def, long min, long max) {
        return new ConfigParam(name, new String[0], Kind.INT, Long.toString(def), min, max, null);
    }

    public static ConfigParam memory(String name, long def) {
        return new ConfigParam(name, new String[0], Kind.MEMORY, Long.toString(def), 0, Long.MAX_VALUE, null);
    }

    public static ConfigParam choice(String name, String def, String... choices) {
        return new ConfigParam(name, new String[0], Kind.ENUM, def, 0, 0, choices);
    }

    public static ConfigParam string(String name, String def) {
        return new ConfigParam(name, new String[0], Kind.STRING, def, 0, 0, null);
    }

    public ConfigParam alias(String... a) {
        return new ConfigParam(name, a, kind, defaultValue, min, max, choices).copyFlags(this);
    }

    private ConfigParam copyFlags(ConfigParam o) {
        immutable = o.immutable;
        onChange = o.onChange;
        normaliser = o.normaliser;
        return this;
    }

    /** A custom validation/normalisation for a string parameter. */
    public ConfigParam normaliser(Normaliser n) {
        normaliser = n;
        return this;
    }

    public ConfigParam immutable() {
        immutable = true;
        return this;
    }

    public ConfigParam onChange(Consumer<String> hook) {
        onChange = hook;
        return this;
    }

    public String name() {
        return name;
    }

    public String[] aliases() {
        return aliases;
    }

    public boolean isImmutable() {
        return immutable;
    }

    public String value() {
        return value;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Kind kind() {
        return kind;
    }

    /** Validates and normalises {@code raw}; throws with Valkey's wording when invalid. */
    public String normalise(String raw) throws ConfigException {
        switch (kind) {
            case BOOL -> {
                String v = raw.toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) throw new ConfigException("argument must be 'yes' or 'no'");
                return v;
            }
            case INT -> {
                long v;
                try {
                    v = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    throw new ConfigException("argument couldn't be parsed into an integer");
                }
                if (v < min || v > max) throw new ConfigException("argument must be between " + min + " and " + max + " inclusive");
                return Long.toString(v);
            }
            case MEMORY -> {
                long v = parseMemory(raw);
                if (v < 0) throw new ConfigException("argument must be a memory value");
                return Long.toString(v);
            }
            case ENUM -> {
                StringBuilder all = new StringBuilder();
                String[] words = raw.trim().split("\\s+");
                StringBuilder out = new StringBuilder();
                for (String w : words) {
                    String found = null;
                    for (String c : choices) if (c.equalsIgnoreCase(w)) found = c;
                    if (found == null) {
                        for (String c : choices) all.append(all.isEmpty() ? "" : ", ").append(c);
                        throw new ConfigException("argument(s) must be one of the following: " + all);
                    }
                    if (!out.isEmpty()) out.append(' ');
                    out.append(found);
                }
                return out.toString();
            }
            default -> {
                return normaliser == null ? raw : normaliser.apply(raw);
            }
        }
    }

    /** Sets a value (already normalised by {@link #normalise}) and applies it. */
    public void set(String normalised) {
        value = normalised;
        onChange.accept(normalised);
    }

    /** Valkey's memtoull: digits with an optional b/k/kb/m/mb/g/gb unit; -1 if invalid. */
    public static long parseMemory(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        long mul = 1;
        String[][] units = {{"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"}, {"g", "1000000000"}, {"m", "1000000"}, {"k", "1000"}, {"b", "1"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        if (t.isEmpty() || t.length() > 19) return -1;
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return -1;
        long v = Long.parseLong(t);
        if (v > Long.MAX_VALUE / mul) return -1;
        return v * mul;
    }
}
