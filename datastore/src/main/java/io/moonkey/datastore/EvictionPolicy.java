package io.moonkey.datastore;

/** The maxmemory-policy values, with their config spelling. */
public enum EvictionPolicy {
    NOEVICTION("noeviction", false, false),
    ALLKEYS_LRU("allkeys-lru", true, false),
    VOLATILE_LRU("volatile-lru", true, true),
    ALLKEYS_LFU("allkeys-lfu", true, false),
    VOLATILE_LFU("volatile-lfu", true, true),
    ALLKEYS_RANDOM("allkeys-random", true, false),
    VOLATILE_RANDOM("volatile-random", true, true),
    VOLATILE_TTL("volatile-ttl", true, true);

    private final String configName;
    private final boolean evicts;
    private final boolean volatileOnly;

    EvictionPolicy(String configName, boolean evicts, boolean volatileOnly) {
        this.configName = configName;
        this.evicts = evicts;
        this.volatileOnly = volatileOnly;
    }

    public String configName() {
        return configName;
    }

    public boolean evicts() {
        return evicts;
    }

    /** Only keys with an expire are candidates. */
    public boolean volatileOnly() {
        return volatileOnly;
    }

    public boolean isLfu() {
        return this == ALLKEYS_LFU || this == VOLATILE_LFU;
    }

    public boolean isLru() {
        return this == ALLKEYS_LRU || this == VOLATILE_LRU;
    }

    public static EvictionPolicy byName(String name) {
        for (EvictionPolicy p : values()) {
            if (p.configName.equalsIgnoreCase(name)) return p;
        }
        return null;
    }
}
