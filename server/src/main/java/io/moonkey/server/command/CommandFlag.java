package io.moonkey.server.command;

/**
 * Valkey's command flags, as COMMAND INFO names them. A command's flags are a bit set of these
 * ordinals; the dispatcher and the scripting engine decide on them.
 */
public enum CommandFlag {
    WRITE("write"),
    READONLY("readonly"),
    DENYOOM("denyoom"),
    MODULE("module"),
    ADMIN("admin"),
    PUBSUB("pubsub"),
    NOSCRIPT("noscript"),
    BLOCKING("blocking"),
    LOADING("loading"),
    STALE("stale"),
    SKIP_MONITOR("skip_monitor"),
    SKIP_SLOWLOG("skip_slowlog"),
    ASKING("asking"),
    FAST("fast"),
    NO_AUTH("no_auth"),
    MAY_REPLICATE("may_replicate"),
    SENTINEL("sentinel"),
    ONLY_SENTINEL("only_sentinel"),
    NO_MANDATORY_KEYS("no_mandatory_keys"),
    PROTECTED("protected"),
    NO_ASYNC_LOADING("no_async_loading"),
    NO_MULTI("no_multi"),
    MOVABLE_KEYS("movablekeys"),
    ALLOW_BUSY("allow_busy");

    private final String wireName;

    CommandFlag(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public long bit() {
        return 1L << ordinal();
    }

    /** Parses a space-separated flag list such as {@code "write denyoom fast"}. */
    public static long parse(String list) {
        long bits = 0;
        for (String w : list.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            boolean found = false;
            for (CommandFlag f : values()) {
                if (f.wireName.equals(w)) {
                    bits |= f.bit();
                    found = true;
                }
            }
            if (!found) throw new IllegalArgumentException("unknown command flag " + w);
        }
        return bits;
    }
}
