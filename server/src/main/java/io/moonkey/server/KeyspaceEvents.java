package io.moonkey.server;

import java.nio.charset.StandardCharsets;

/**
 * Keyspace notifications (notify-keyspace-events): an event on a key is published to
 * {@code __keyspace@<db>__:<key>} (message: the event) and/or {@code __keyevent@<db>__:<event>}
 * (message: the key), if its class is enabled.
 */
public final class KeyspaceEvents {
    public static final int KEYSPACE = 1, KEYEVENT = 2, GENERIC = 4, STRING = 8, LIST = 16, SET = 32, HASH = 64,
            ZSET = 128, EXPIRED = 256, EVICTED = 512, STREAM = 1024, KEY_MISS = 2048, MODULE = 4096, NEW = 8192;
    private static final int ALL = GENERIC | STRING | LIST | SET | HASH | ZSET | EXPIRED | EVICTED | STREAM | MODULE;

    private final PubSub pubsub;
    private int flags;

    KeyspaceEvents(PubSub pubsub) {
        this.pubsub = pubsub;
    }

    /** Parses the config string ("KEA", "Ex"...); returns -1 for an invalid character. */
    static int parse(String s) {
        int f = 0;
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'A' -> f |= ALL;
                case 'g' -> f |= GENERIC;
                case '$' -> f |= STRING;
                case 'l' -> f |= LIST;
                case 's' -> f |= SET;
                case 'h' -> f |= HASH;
                case 'z' -> f |= ZSET;
                case 'x' -> f |= EXPIRED;
                case 'e' -> f |= EVICTED;
                case 'K' -> f |= KEYSPACE;
                case 'E' -> f |= KEYEVENT;
                case 't' -> f |= STREAM;
                case 'm' -> f |= KEY_MISS;
                case 'd' -> f |= MODULE;
                case 'n' -> f |= NEW;
                default -> {
                    return -1;
                }
            }
        }
        return f;
    }

    /** CONFIG's canonical spelling of a flag string ("KEA" is shown as "AKE"), or an error. */
    public static String normalise(String raw) throws io.moonkey.server.config.ConfigException {
        int f = parse(raw);
        if (f < 0) throw new io.moonkey.server.config.ConfigException("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
        StringBuilder b = new StringBuilder();
        if ((f & ALL) == ALL) {
            b.append('A');
        } else {
            if ((f & GENERIC) != 0) b.append('g');
            if ((f & STRING) != 0) b.append('$');
            if ((f & LIST) != 0) b.append('l');
            if ((f & SET) != 0) b.append('s');
            if ((f & HASH) != 0) b.append('h');
            if ((f & ZSET) != 0) b.append('z');
            if ((f & EXPIRED) != 0) b.append('x');
            if ((f & EVICTED) != 0) b.append('e');
            if ((f & STREAM) != 0) b.append('t');
            if ((f & MODULE) != 0) b.append('d');
            if ((f & NEW) != 0) b.append('n'); // not shown after 'A', though 'A' does not include it
        }
        if ((f & KEYSPACE) != 0) b.append('K');
        if ((f & KEYEVENT) != 0) b.append('E');
        if ((f & KEY_MISS) != 0) b.append('m');
        return b.toString();
    }

    void configure(String spec) {
        int f = parse(spec);
        flags = f < 0 ? 0 : f;
    }

    /** Whether events of {@code type} are published at all (cheap check for callers). */
    public boolean enabled(int type) {
        return (flags & type) != 0 && (flags & (KEYSPACE | KEYEVENT)) != 0;
    }

    public void notify(int type, String event, byte[] key, int db) {
        if (!enabled(type)) return;
        byte[] ev = event.getBytes(StandardCharsets.US_ASCII);
        if ((flags & KEYSPACE) != 0) {
            byte[] prefix = ("__keyspace@" + db + "__:").getBytes(StandardCharsets.US_ASCII);
            byte[] ch = new byte[prefix.length + key.length];
            System.arraycopy(prefix, 0, ch, 0, prefix.length);
            System.arraycopy(key, 0, ch, prefix.length, key.length);
            pubsub.publish(ch, ev);
        }
        if ((flags & KEYEVENT) != 0) {
            pubsub.publish(("__keyevent@" + db + "__:" + event).getBytes(StandardCharsets.US_ASCII), key);
        }
    }
}
