package io.moonkey.server.scripting;

/** The flags a script declares in its shebang line (scripting.md §4.1), by their exact names. */
public enum ScriptFlag {
    NO_WRITES("no-writes"),
    ALLOW_OOM("allow-oom"),
    ALLOW_STALE("allow-stale"),
    NO_CLUSTER("no-cluster"),
    ALLOW_CROSS_SLOT_KEYS("allow-cross-slot-keys");

    public final String text;

    ScriptFlag(String text) {
        this.text = text;
    }

    /** The flag named exactly {@code text} (case-sensitive), or null. */
    public static ScriptFlag named(String text) {
        for (ScriptFlag f : values()) {
            if (f.text.equals(text)) {
                return f;
            }
        }
        return null;
    }
}
