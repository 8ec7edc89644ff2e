package io.moonkey.server;

import io.moonkey.datastore.Glob;
import io.moonkey.server.resp.RespWriter;
import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2ObjectLinkedOpenCustomHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Server-wide channel and pattern subscriptions, and message delivery. */
public final class PubSub {
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PMESSAGE = "pmessage".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SMESSAGE = "smessage".getBytes(StandardCharsets.US_ASCII);

    private final Map<byte[], Set<Session>> channels = new Object2ObjectLinkedOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
    private final Map<byte[], Set<Session>> patterns = new Object2ObjectLinkedOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
    /** Shard channels (SSUBSCRIBE): a namespace of their own, never matched by patterns. */
    private final Map<byte[], Set<Session>> shardChannels = new Object2ObjectLinkedOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);

    /** Subscribes; false if already subscribed. */
    boolean subscribe(Session s, byte[] channel) {
        if (!s.subscriptions.channels.add(channel)) return false;
        channels.computeIfAbsent(channel, k -> new LinkedHashSet<>()).add(s);
        return true;
    }

    boolean unsubscribe(Session s, byte[] channel) {
        if (!s.subscriptions.channels.remove(channel)) return false;
        Set<Session> set = channels.get(channel);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) channels.remove(channel);
        }
        return true;
    }

    boolean psubscribe(Session s, byte[] pattern) {
        if (!s.subscriptions.patterns.add(pattern)) return false;
        patterns.computeIfAbsent(pattern, k -> new LinkedHashSet<>()).add(s);
        return true;
    }

    boolean punsubscribe(Session s, byte[] pattern) {
        if (!s.subscriptions.patterns.remove(pattern)) return false;
        Set<Session> set = patterns.get(pattern);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) patterns.remove(pattern);
        }
        return true;
    }

    boolean ssubscribe(Session s, byte[] channel) {
        if (!s.subscriptions.shardChannels.add(channel)) return false;
        shardChannels.computeIfAbsent(channel, k -> new LinkedHashSet<>()).add(s);
        return true;
    }

    boolean sunsubscribe(Session s, byte[] channel) {
        if (!s.subscriptions.shardChannels.remove(channel)) return false;
        Set<Session> set = shardChannels.get(channel);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) shardChannels.remove(channel);
        }
        return true;
    }

    /** Drops every subscription of a closing or reset session. */
    void removeAll(Session s) {
        for (byte[] c : new ArrayList<>(s.subscriptions.channels)) unsubscribe(s, c);
        for (byte[] p : new ArrayList<>(s.subscriptions.patterns)) punsubscribe(s, p);
        for (byte[] c : new ArrayList<>(s.subscriptions.shardChannels)) sunsubscribe(s, c);
    }

    /** Delivers a shard message (SPUBLISH) to the shard channel's subscribers; returns their number. */
    public long spublish(byte[] channel, byte[] message) {
        return deliver(shardChannels.get(channel), SMESSAGE, channel, message);
    }

    /** Pushes {@code [kind, channel, message]} to each subscriber; returns how many got it. */
    private static long deliver(Set<Session> subs, byte[] kind, byte[] channel, byte[] message) {
        if (subs == null) return 0;
        long n = 0;
        for (Session s : subs) {
            ClientChannel ch = s.channel();
            if (ch == null) continue;
            RespWriter w = ch.writer();
            w.pushHeader(3);
            w.bulk(kind);
            w.bulk(channel);
            w.bulk(message);
            ch.flushSoon();
            n++;
        }
        return n;
    }

    /** Delivers a message; returns the number of receivers (PUBLISH's reply). */
    public long publish(byte[] channel, byte[] message) {
        long n = deliver(channels.get(channel), MESSAGE, channel, message);
        if (!patterns.isEmpty()) {
            for (Map.Entry<byte[], Set<Session>> e : patterns.entrySet()) {
                if (!Glob.matches(e.getKey(), channel)) continue;
                for (Session s : e.getValue()) {
                    ClientChannel ch = s.channel();
                    if (ch == null) continue;
                    RespWriter w = ch.writer();
                    w.pushHeader(4);
                    w.bulk(PMESSAGE);
                    w.bulk(e.getKey());
                    w.bulk(channel);
                    w.bulk(message);
                    ch.flushSoon();
                    n++;
                }
            }
        }
        return n;
    }

    /** Active channels matching {@code pattern} (null = all). */
    List<byte[]> channels(byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] c : channels.keySet()) {
            if (pattern == null || Glob.matches(pattern, c)) out.add(c);
        }
        return out;
    }

    int subscribers(byte[] channel) {
        Set<Session> s = channels.get(channel);
        return s == null ? 0 : s.size();
    }

    /** Active shard channels matching {@code pattern} (null = all). */
    List<byte[]> shardChannels(byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] c : shardChannels.keySet()) {
            if (pattern == null || Glob.matches(pattern, c)) out.add(c);
        }
        return out;
    }

    /** A copy of the sessions subscribed to a shard channel, in subscription order. */
    List<Session> shardSubscriberSessions(byte[] channel) {
        Set<Session> s = shardChannels.get(channel);
        return s == null ? List.of() : new ArrayList<>(s);
    }

    int shardSubscribers(byte[] channel) {
        Set<Session> s = shardChannels.get(channel);
        return s == null ? 0 : s.size();
    }

    public int shardChannelCount() {
        return shardChannels.size();
    }

    int patternCount() {
        return patterns.size();
    }

    int channelCount() {
        return channels.size();
    }
}
