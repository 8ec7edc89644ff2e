package io.moonkey.server.acl;

import io.moonkey.server.command.CommandSpec;

/**
 * The key permissions a key argument needs, from its key-spec flags as Valkey maps them: ACCESS
 * needs read; INSERT, DELETE and UPDATE need write; a key with none of these needs nothing more
 * than a matching pattern.
 */
final class KeyAccess {
    private KeyAccess() {}

    static int needed(CommandSpec cmd, byte[][] argv, String specFlags) {
        int need = 0;
        boolean access = specFlags.contains("ACCESS");
        // SET's key spec has VARIABLE_FLAGS: it reads the old value only with GET (Valkey's setGetKeys).
        if (access && specFlags.contains("VARIABLE_FLAGS") && cmd.name().equals("set") && !hasGetOption(argv)) {
            access = false;
        }
        if (access) need |= KeyPattern.READ;
        if (specFlags.contains("INSERT") || specFlags.contains("DELETE") || specFlags.contains("UPDATE")) {
            need |= KeyPattern.WRITE;
        }
        return need;
    }

    private static boolean hasGetOption(byte[][] argv) {
        for (int i = 3; i < argv.length; i++) {
            byte[] a = argv[i];
            if (a.length == 3 && (a[0] | 32) == 'g' && (a[1] | 32) == 'e' && (a[2] | 32) == 't') return true;
        }
        return false;
    }
}
