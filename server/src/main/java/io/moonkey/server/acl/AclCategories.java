package io.moonkey.server.acl;

import io.moonkey.server.command.CommandSpec;
import java.util.List;

/** Valkey's ACL command categories, in the order ACL CAT lists them. */
final class AclCategories {
    static final List<String> NAMES = List.of("keyspace", "read", "write", "set", "sortedset", "list", "hash",
            "string", "bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking",
            "dangerous", "connection", "transaction", "scripting");

    private AclCategories() {}

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static boolean has(CommandSpec c, String category) {
        for (String a : c.aclCategories()) if (a.equals(category)) return true;
        return false;
    }
}
