package io.moonkey.server.command;

import io.moonkey.datastore.set.SetLimits;
import io.moonkey.server.Server;

/**
 * The three set encoding thresholds (set-max-intset-entries, set-max-listpack-entries,
 * set-max-listpack-value) as one {@link SetLimits}, rebuilt only when CONFIG SET has changed one
 * of them, so the set commands read them on every write without allocating.
 */
final class SetEncodingLimits {
    private final EncodingLimit intsetEntries;
    private final EncodingLimit listpackEntries;
    private final EncodingLimit listpackValue;
    private SetLimits current = SetLimits.DEFAULTS;

    SetEncodingLimits(Server server) {
        intsetEntries = new EncodingLimit(server, "set-max-intset-entries");
        listpackEntries = new EncodingLimit(server, "set-max-listpack-entries");
        listpackValue = new EncodingLimit(server, "set-max-listpack-value");
    }

    SetLimits get() {
        long i = intsetEntries.get(), e = listpackEntries.get(), v = listpackValue.get();
        SetLimits c = current;
        if (c.intsetEntries() != i || c.listpackEntries() != e || c.listpackValue() != v) current = c = new SetLimits(i, e, v);
        return c;
    }
}
