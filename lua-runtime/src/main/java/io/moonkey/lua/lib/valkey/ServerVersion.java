package io.moonkey.lua.lib.valkey;

/** The Valkey version moonkey presents to scripts ({@code server.VALKEY_VERSION}). */
public final class ServerVersion {
    public static final String VERSION = "8.1.0";

    private ServerVersion() {}

    /** The version as 0x00MMmmPP. */
    public static int number() {
        String[] parts = VERSION.split("\\.");
        return Integer.parseInt(parts[0]) << 16 | Integer.parseInt(parts[1]) << 8 | Integer.parseInt(parts[2]);
    }
}
