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

    /** Counts an error reply under its code word (ERR, WRONGTYPE...). */
    void errorReplied(String message) {
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
