package io.moonkey.server;

import java.util.Map;
import java.util.TreeMap;

/** Server-wide counters for INFO stats / errorstats (reset by CONFIG RESETSTAT). */
public final class Stats {
    long commandsProcessed;
    long connectionsReceived;
    long rejectedConnections;
    long netInputBytes;
    long netOutputBytes;
    long errorReplies;
    long pubsubMessages;
    final Map<String, Long> errorsByCode = new TreeMap<>();
    /** Error replies of the command now executing, for its failed_calls (saved around nested calls). */
    long callErrors;

    /**
     * Counts an error reply under its code word (ERR, WRONGTYPE...). An uncounted one (a script
     * passing on an error its command already counted) still fails the command running.
     */
    public void errorReplied(String message, boolean counted) {
        callErrors++;
        if (!counted) {
            return;
        }
        errorReplies++;
        int sp = message.indexOf(' ');
        String code = sp < 0 ? message : message.substring(0, sp);
        if (errorsByCode.size() < 128 || errorsByCode.containsKey(code)) errorsByCode.merge(code, 1L, Long::sum);
    }

    void reset() {
        commandsProcessed = connectionsReceived = rejectedConnections = 0;
        netInputBytes = netOutputBytes = errorReplies = pubsubMessages = 0;
        errorsByCode.clear();
    }
}
