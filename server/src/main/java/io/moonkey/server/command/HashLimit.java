package io.moonkey.server.command;

import io.moonkey.server.Server;
import io.moonkey.server.config.ConfigParam;

/**
 * An integer config parameter that the hash and set commands read on every write (the encoding
 * thresholds). Parsed again only when CONFIG SET has replaced its text, so reading it costs no
 * lookup by name and no allocation.
 */
final class HashLimit {
    private final Server server;
    private final String name;
    private ConfigParam param;
    private String text;
    private long value;

    HashLimit(Server server, String name) {
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
