package io.moonkey.server;

import io.moonkey.server.resp.RespWriter;
import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.longs.LongLinkedOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2ObjectLinkedOpenCustomHashMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Server-assisted client-side caching (CLIENT TRACKING), as Valkey does it. In the default mode
 * the server remembers which clients read which keys (any database: keys are tracked by name)
 * and, when a key changes, sends each of them one invalidation and forgets them. In broadcast
 * mode (BCAST) clients name key prefixes instead and get the changed keys matching them,
 * gathered until the event loop goes back to sleep. Messages are RESP3 pushes
 * {@code ["invalidate", [key...]]}, or for a RESP2 client a pub/sub message on
 * {@code __redis__:invalidate} of the client it redirects to; a flush sends a null key list.
 */
public final class ClientTracking {
    private static final byte[] INVALIDATE = "invalidate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHANNEL = "__redis__:invalidate".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BROKEN = "tracking-redir-broken".getBytes(StandardCharsets.US_ASCII);

    /** One client's tracking options (CLIENT TRACKING ON ...), and its CLIENT CACHING answer. */
    public static final class State {
        public boolean bcast, optin, optout, noloop, caching, brokenRedirect;
        public long redirect;
        public final List<byte[]> prefixes = new ArrayList<>();
    }

    /**
     * The clients of one broadcast prefix and the keys changed under it since the last round, in
     * byte order and each once, with the client whose command first changed it (for NOLOOP).
     */
    private static final class Prefix {
        final LongLinkedOpenHashSet clients = new LongLinkedOpenHashSet();
        final java.util.TreeMap<byte[], Session> keys = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
    }

    private final Server server;
    private final Map<byte[], LongLinkedOpenHashSet> table = new Object2ObjectLinkedOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY);
    /** Broadcast prefixes in byte order, the order Valkey's radix tree walks them. */
    private final Map<byte[], Prefix> prefixes = new java.util.TreeMap<>(java.util.Arrays::compareUnsigned);
    private int trackingClients;
    private long items;

    ClientTracking(Server server) {
        this.server = server;
    }

    public int clients() {
        return trackingClients;
    }

    public long keys() {
        return table.size();
    }

    public long items() {
        return items;
    }

    public long prefixCount() {
        return prefixes.size();
    }

    /**
     * Turns tracking on for {@code s}, or changes its options (already checked against each
     * other): the flags are replaced, broadcast prefixes accumulate (none given means all keys).
     */
    public void enable(Session s, long redirect, boolean bcast, boolean optin, boolean optout, boolean noloop,
                       List<byte[]> newPrefixes) {
        if (s.tracking == null) {
            s.tracking = new State();
            trackingClients++;
        }
        State st = s.tracking;
        st.brokenRedirect = false;
        st.redirect = redirect;
        st.bcast = bcast;
        st.optin = optin;
        st.optout = optout;
        st.noloop = noloop;
        if (bcast) {
            if (newPrefixes.isEmpty()) addPrefix(s, st, new byte[0]);
            for (byte[] p : newPrefixes) addPrefix(s, st, p);
        }
    }

    private void addPrefix(Session s, State st, byte[] p) {
        for (byte[] q : st.prefixes) if (java.util.Arrays.equals(p, q)) return;
        st.prefixes.add(p);
        st.prefixes.sort(java.util.Arrays::compareUnsigned); // listed in byte order, as Valkey keeps them
        prefixes.computeIfAbsent(p, k -> new Prefix()).clients.add(s.id());
    }

    /** Turns tracking off for {@code s} (CLIENT TRACKING OFF, RESET, disconnection). */
    public void disable(Session s) {
        State st = s.tracking;
        if (st == null) return;
        for (byte[] p : st.prefixes) {
            Prefix px = prefixes.get(p);
            if (px == null) continue;
            px.clients.remove(s.id());
            if (px.clients.isEmpty()) prefixes.remove(p);
        }
        s.tracking = null;
        trackingClients--;
    }

    /** After a read-only command of {@code tracker} (the calling client, for a script): remembers its keys. */
    public void remember(Session tracker, io.moonkey.server.command.CommandSpec cmd, byte[][] argv) {
        State st = tracker.tracking;
        if (st == null || st.bcast) return;
        if ((st.optin && !st.caching) || (st.optout && st.caching)) return;
        if (cmd.has(io.moonkey.server.command.CommandFlag.PUBSUB)) return; // shard channels are not keys
        cmd.forEachKey(argv, (pos, flags) -> {
            byte[] key = argv[pos];
            LongLinkedOpenHashSet ids = table.get(key);
            if (ids == null) {
                ids = new LongLinkedOpenHashSet(2);
                table.put(key.clone(), ids);
            }
            if (ids.add(tracker.id())) items++;
        });
    }

    /** A key changed (written, deleted, expired or evicted) while {@code current} ran its command. */
    public void keyModified(byte[] key, Session current) {
        if (!prefixes.isEmpty()) {
            for (Map.Entry<byte[], Prefix> e : prefixes.entrySet()) {
                byte[] p = e.getKey();
                if (key.length >= p.length && java.util.Arrays.equals(key, 0, p.length, p, 0, p.length)) {
                    e.getValue().keys.putIfAbsent(key.clone(), current);
                }
            }
        }
        if (table.isEmpty()) return;
        LongLinkedOpenHashSet ids = table.remove(key);
        if (ids == null) return;
        items -= ids.size();
        for (long id : ids) {
            Session target = server.client(id);
            if (target == null || target.tracking == null || target.tracking.bcast) continue;
            if (target.tracking.noloop && target == current) continue;
            if (target == current && server.dispatcher().executing()) {
                target.pendingInvalidations.add(key.clone()); // sent after the command's reply
            } else {
                send(target, List.of(key));
            }
        }
    }

    /** The pending entry that stands for "everything" (a flush by the client itself). */
    private static final byte[] ALL = new byte[0];

    /**
     * FLUSHDB/FLUSHALL by {@code current}: every tracking client is told that everything is
     * invalid (the flushing client after its reply); the table empties.
     */
    public void flushed(Session current) {
        if (trackingClients > 0) {
            for (Session s : server.clients()) {
                if (s.tracking == null) continue;
                if (s == current) s.pendingInvalidations.add(ALL);
                else send(s, null);
            }
        }
        table.clear();
        items = 0;
    }

    /** Sends the invalidations a client earned by its own command, now that its reply is out. */
    public void afterCommand(Session s) {
        if (s.pendingInvalidations.isEmpty()) return;
        List<byte[]> keys = new ArrayList<>(s.pendingInvalidations);
        s.pendingInvalidations.clear();
        for (byte[] k : keys) send(s, k == ALL ? null : List.of(k));
    }

    /** Before the event loop sleeps: one message per prefix with the keys changed under it. */
    public void broadcastPending() {
        if (prefixes.isEmpty()) return;
        for (Prefix px : prefixes.values()) {
            if (px.keys.isEmpty()) continue;
            List<byte[]> all = new ArrayList<>(px.keys.keySet());
            for (long id : px.clients) {
                Session target = server.client(id);
                if (target == null || target.tracking == null) continue;
                List<byte[]> keys = all;
                if (target.tracking.noloop) {
                    keys = new ArrayList<>();
                    for (Map.Entry<byte[], Session> e : px.keys.entrySet()) {
                        if (e.getValue() != target) keys.add(e.getKey());
                    }
                    if (keys.isEmpty()) continue;
                }
                send(target, keys);
            }
            px.keys.clear();
        }
    }

    /** Writes one invalidation message ({@code keys} null = everything) to the client or its redirection. */
    private void send(Session client, List<byte[]> keys) {
        State st = client.tracking;
        Session to = client;
        boolean redirected = false;
        if (st != null && st.redirect != 0) {
            to = server.client(st.redirect);
            if (to == null) {
                st.brokenRedirect = true;
                ClientChannel ch = client.channel();
                if (client.protocol() > 2 && ch != null) {
                    RespWriter w = ch.writer();
                    w.pushHeader(2);
                    w.bulk(BROKEN);
                    w.integer(st.redirect);
                    ch.flushSoon();
                }
                return;
            }
            redirected = true;
        }
        ClientChannel ch = to.channel();
        if (ch == null) return;
        RespWriter w = ch.writer();
        if (to.protocol() > 2) {
            w.pushHeader(2);
            w.bulk(INVALIDATE);
        } else if (redirected && to.inPubSubContext()) {
            w.pushHeader(3);
            w.bulk(MESSAGE);
            w.bulk(CHANNEL);
        } else {
            return; // RESP2 has no pushes on the same connection
        }
        if (keys == null) {
            w.nullBulk();
        } else {
            w.arrayHeader(keys.size());
            for (byte[] k : keys) w.bulk(k);
        }
        ch.flushSoon();
    }

    /** Prefixes of one client must not overlap each other or the ones it already has; the error, or null. */
    public static String prefixCollision(State existing, List<byte[]> fresh) {
        for (int i = 0; i < fresh.size(); i++) {
            byte[] p = fresh.get(i);
            if (existing != null) {
                for (byte[] q : existing.prefixes) {
                    if (overlap(p, q)) {
                        return "ERR Prefix '" + latin1(p) + "' overlaps with an existing prefix '" + latin1(q)
                                + "'. Prefixes for a single client must not overlap.";
                    }
                }
            }
            for (int j = i + 1; j < fresh.size(); j++) {
                if (overlap(p, fresh.get(j))) {
                    return "ERR Prefix '" + latin1(p) + "' overlaps with another provided prefix '" + latin1(fresh.get(j))
                            + "'. Prefixes for a single client must not overlap.";
                }
            }
        }
        return null;
    }

    private static boolean overlap(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        return java.util.Arrays.equals(a, 0, n, b, 0, n);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
