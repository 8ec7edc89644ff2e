package io.moonkey.server;

import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A session's side of pub/sub: (un)subscribing with the confirmation pushes Valkey sends. */
public final class PubSubSession {
    private PubSubSession() {}

    private static final byte[] SUBSCRIBE = "subscribe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNSUBSCRIBE = "unsubscribe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PSUBSCRIBE = "psubscribe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PUNSUBSCRIBE = "punsubscribe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SSUBSCRIBE = "ssubscribe".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUNSUBSCRIBE = "sunsubscribe".getBytes(StandardCharsets.US_ASCII);

    public static void subscribe(Session s, byte[] channel, ReplySink out) {
        s.server().pubsub().subscribe(s, channel);
        confirm(out, SUBSCRIBE, channel, s.subscriberCount());
    }

    public static void psubscribe(Session s, byte[] pattern, ReplySink out) {
        s.server().pubsub().psubscribe(s, pattern);
        confirm(out, PSUBSCRIBE, pattern, s.subscriberCount());
    }

    /** SSUBSCRIBE: the confirmation counts the session's shard channels only. */
    public static void ssubscribe(Session s, byte[] channel, ReplySink out) {
        s.server().pubsub().ssubscribe(s, channel);
        confirm(out, SSUBSCRIBE, channel, s.shardChannelCount());
    }

    /** SUNSUBSCRIBE from the given shard channels, or from all when {@code names} is null. */
    public static void sunsubscribe(Session s, List<byte[]> names, ReplySink out) {
        PubSub ps = s.server().pubsub();
        if (names == null) {
            names = new ArrayList<>(s.subscriptions.shardChannels);
            if (names.isEmpty()) {
                out.pushHeader(3);
                out.bulk(SUNSUBSCRIBE);
                out.nullBulk();
                out.integer(s.shardChannelCount());
                return;
            }
        }
        for (byte[] n : names) {
            ps.sunsubscribe(s, n);
            confirm(out, SUNSUBSCRIBE, n, s.shardChannelCount());
        }
    }

    /**
     * Cluster mode, slots no longer served: every subscriber of a shard channel in one of them
     * is unsubscribed from it and told with a sunsubscribe push, as Valkey does on DELSLOTS.
     */
    public static void dropShardChannels(Server server, java.util.function.IntPredicate slotDropped) {
        PubSub ps = server.pubsub();
        for (byte[] channel : ps.shardChannels(null)) {
            if (!slotDropped.test(io.moonkey.datastore.HashSlot.of(channel))) continue;
            for (Session s : ps.shardSubscriberSessions(channel)) {
                ps.sunsubscribe(s, channel);
                ClientChannel ch = s.channel();
                if (ch == null) continue;
                confirm(ch.writer(), SUNSUBSCRIBE, channel, s.shardChannelCount());
                ch.flushSoon();
            }
        }
    }

    public static List<byte[]> shardChannels(Server server, byte[] pattern) {
        return server.pubsub().shardChannels(pattern);
    }

    public static int shardSubscribers(Server server, byte[] channel) {
        return server.pubsub().shardSubscribers(channel);
    }

    /** Unsubscribes from the given channels/patterns, or from all when {@code names} is null. */
    public static void unsubscribe(Session s, List<byte[]> names, boolean patterns, ReplySink out) {
        PubSub ps = s.server().pubsub();
        byte[] kind = patterns ? PUNSUBSCRIBE : UNSUBSCRIBE;
        if (names == null) {
            names = new ArrayList<>(patterns ? s.subscriptions.patterns : s.subscriptions.channels);
            if (names.isEmpty()) {
                out.pushHeader(3);
                out.bulk(kind);
                out.nullBulk();
                out.integer(s.subscriberCount());
                return;
            }
        }
        for (byte[] n : names) {
            if (patterns) ps.punsubscribe(s, n);
            else ps.unsubscribe(s, n);
            confirm(out, kind, n, s.subscriberCount());
        }
    }

    private static void confirm(ReplySink out, byte[] kind, byte[] name, int count) {
        out.pushHeader(3);
        out.bulk(kind);
        out.bulk(name);
        out.integer(count);
    }

    public static List<byte[]> channels(Server server, byte[] pattern) {
        return server.pubsub().channels(pattern);
    }

    public static int subscribers(Server server, byte[] channel) {
        return server.pubsub().subscribers(channel);
    }

    public static int patternCount(Server server) {
        return server.pubsub().patternCount();
    }
}
