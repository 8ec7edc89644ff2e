package io.moonkey.server.scripting.ldb;

import io.moonkey.datastore.Database;
import io.moonkey.server.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The private copy of the server a forked debugging session runs against (ldb.md §2.1): a
 * server of its own — keyspace, command table, Lua state — with every key of every database
 * duplicated ({@code Value.duplicate()}, expire times kept) and the settings scripts depend on.
 * Nothing it does reaches the real server; it is dropped with the session.
 */
final class ForkedDataset {
    /** Settings copied into the private server (those a script's behaviour depends on). */
    private static final List<String> SETTINGS = List.of("busy-reply-threshold", "maxmemory", "maxmemory-policy",
            "proto-max-bulk-len", "notify-keyspace-events", "loglevel");

    private ForkedDataset() {}

    /** Copies {@code server}'s data; runs on the main thread so the copy is one consistent moment. */
    static Server copyOf(Server server) throws Exception {
        Server fork = new Server("--databases", Long.toString(server.keyspace().databases()));
        List<String[]> settings = new ArrayList<>();
        for (String name : SETTINGS) {
            settings.add(new String[] {name, server.config().get(name)});
        }
        fork.config().set(settings, false);
        for (int i = 0; i < server.keyspace().databases(); i++) {
            copy(server.keyspace().db(i), fork.keyspace().db(i));
        }
        return fork;
    }

    private static void copy(Database from, Database to) {
        long cursor = 0;
        do {
            cursor = from.scan(cursor, (key, value) -> {
                if (from.isLogicallyExpired(key)) {
                    return;
                }
                byte[] k = key.clone();
                to.put(k, value.duplicate(), false);
                long when = from.expireTime(key);
                if (when >= 0) {
                    to.setExpire(k, when);
                }
            });
        } while (cursor != 0);
    }
}
