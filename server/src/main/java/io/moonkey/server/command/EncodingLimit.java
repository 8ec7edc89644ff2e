package io.moonkey.server.command;

import io.moonkey.server.Server;
import io.moonkey.server.config.ConfigParam;

/**
 * An encoding threshold of hashes, sets or lists (hash-max-listpack-entries, set-max-intset-entries,
 * list-max-listpack-size...), which the commands read on every write. Parsed again only when
 * CONFIG SET has replaced its text, so reading it costs no lookup by name and no allocation.
 */
final class EncodingLimit {
    private final Server server;
    private final String name;
    private ConfigParam param;
    private String text;
    private long value;

    EncodingLimit(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    long get() {
        if (param == null) param = server.config().param(name);
        String t = param.value();
        if (t != text) { // identity: a new value is a new string
            value = Long.parseLong(t);
            text = t;
        }
        return value;
    }
}
