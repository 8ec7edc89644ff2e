package io.moonkey.datastore.set;

/**
 * The thresholds that pick a set's encoding: set-max-intset-entries, set-max-listpack-entries
 * and set-max-listpack-value, as the server configuration holds them when a command runs.
 */
public record SetLimits(long intsetEntries, long listpackEntries, long listpackValue) {
    /** Valkey's defaults (512, 128, 64). */
    public static final SetLimits DEFAULTS = new SetLimits(512, 128, 64);

    /** The intset bound as Valkey applies it: at most 2^30 entries, whatever is configured. */
    long maxIntset() {
        return Math.min(intsetEntries, 1L << 30);
    }
}
