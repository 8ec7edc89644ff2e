package io.moonkey.server;

/** Version strings the server reports (INFO, HELLO, Lua's version constants). */
public final class Version {
    private Version() {}

    /** What clients expecting Redis see as redis_version (Valkey's compatibility value). */
    public static final String REDIS_COMPAT = "7.2.4";
    /** Our Valkey-compatibility level (valkey_version, HELLO's version). */
    public static final String VALKEY = "8.0.0";
    public static final String SERVER_NAME = "valkey";
}
