package io.moonkey.server;

import java.util.Locale;

/**
 * client-output-buffer-limit: per client class, a hard limit (close at once) and a soft limit
 * (close when exceeded continuously for some seconds). 0 disables a limit.
 */
public final class OutputLimits {
    private final long[] hard = new long[3], soft = new long[3], softSeconds = new long[3];
    static final int NORMAL = 0, PUBSUB = 1, REPLICA = 2;

    /** Parses Valkey's "class hard soft seconds ..." form (classes normal, pubsub, replica alias slave). */
    void parse(String spec) {
        String[] w = spec.trim().split("\\s+");
        for (int i = 0; i + 3 < w.length; i += 4) {
            String cls = w[i].toLowerCase(Locale.ROOT);
            int c = switch (cls) {
                case "normal" -> NORMAL;
                case "pubsub" -> PUBSUB;
                case "replica", "slave" -> REPLICA;
                default -> -1;
            };
            if (c < 0) continue;
            hard[c] = Math.max(0, io.moonkey.server.config.ConfigParam.parseMemory(w[i + 1]));
            soft[c] = Math.max(0, io.moonkey.server.config.ConfigParam.parseMemory(w[i + 2]));
            softSeconds[c] = Long.parseLong(w[i + 3]);
        }
    }

    /**
     * Whether a client with {@code pending} output bytes must be closed; {@code softSince} is the
     * time the soft limit was first seen exceeded (0 = not exceeded), updated in place.
     */
    public boolean exceeded(Session s, long pending, long[] softSince) {
        int c = s.server().replication().isReplica(s) ? REPLICA : s.subscriberCount() > 0 ? PUBSUB : NORMAL;
        if (hard[c] > 0 && pending >= hard[c]) return true;
        if (soft[c] > 0 && pending >= soft[c]) {
            long now = System.currentTimeMillis();
            if (softSince[0] == 0) softSince[0] = now;
            return now - softSince[0] > softSeconds[c] * 1000;
        }
        softSince[0] = 0;
        return false;
    }
}
