package io.moonkey.server;

import io.moonkey.datastore.Database;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.resp.RespWriter;
import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.Object2ObjectOpenCustomHashMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Clients blocked on keys (BLPOP, BZPOPMIN, BLMOVE, XREAD BLOCK...), as Valkey's blocked.c.
 *
 * <p>A blocking command that finds nothing to serve calls {@link #block}; its client stops
 * executing further requests. When a key it waits on is signalled ready (a new key is created
 * under that name, or {@link #signalKeyReady} is called), the blocked command is run again, in
 * arrival order of the clients, after the command that signalled finishes; if it blocks again it
 * keeps its place. On timeout its {@code onTimeout} writes the reply.
 */
public final class BlockedClients {
    /** One blocked client: what it waits on, until when, and what to run again. */
    static final class Waiter {
        final Session session;
        final Database db;
        final byte[][] keys;
        final long deadlineMs;
        byte[][] retry;
        final Consumer<ReplySink> onTimeout;
        /** Set when the command, run again, blocked again: it keeps its place in the queues. */
        boolean reblocked;

        Waiter(Session session, Database db, byte[][] keys, long deadlineMs, byte[][] retry, Consumer<ReplySink> onTimeout) {
            this.session = session;
            this.db = db;
            this.keys = keys;
            this.deadlineMs = deadlineMs;
            this.retry = retry;
            this.onTimeout = onTimeout;
        }
    }

    /** A key that got data while clients wait on it; served after the current command. */
    private record ReadyKey(Database db, byte[] key) {}

    private final Server server;
    /** Per database: key -> the clients waiting on it, in arrival order. */
    private final Map<Database, Object2ObjectOpenCustomHashMap<byte[], ArrayDeque<Waiter>>> byKey = new HashMap<>();
    private final List<Waiter> all = new ArrayList<>();
    private final List<ReadyKey> ready = new ArrayList<>();
    private Waiter retrying;
    private boolean serving;

    BlockedClients(Server server) {
        this.server = server;
    }

    /** The number of blocked clients (INFO blocked_clients). */
    public int count() {
        return all.size();
    }

    /** Whether {@code s} is blocked (CLIENT LIST flag b). */
    public boolean isBlocked(Session s) {
        return s.blockedOn != null;
    }

    /**
     * Blocks {@code s} on {@code keys} of its selected database until {@code deadlineMs} (unix ms,
     * 0 = forever). {@code retry} is the command to run again when a key is ready (usually the
     * original argv; XREAD passes its argv with '$' resolved). The caller must have checked
     * {@link Session#canBlock()}: a command that cannot block answers as on timeout instead.
     */
    public void block(Session s, byte[][] keys, long deadlineMs, byte[][] retry, Consumer<ReplySink> onTimeout) {
        if (!s.canBlock()) throw new IllegalStateException("block() for a client that cannot block");
        Waiter w = retrying;
        if (w != null && w.session == s) { // run again and still nothing: keep the place in line
            w.reblocked = true;
            w.retry = retry;
            return;
        }
        w = new Waiter(s, s.db(), keys.clone(), deadlineMs, retry, onTimeout);
        var table = byKey.computeIfAbsent(w.db, d -> new Object2ObjectOpenCustomHashMap<>(ByteArrays.HASH_STRATEGY));
        for (byte[] k : w.keys) {
            ArrayDeque<Waiter> q = table.get(k);
            if (q == null) table.put(k, q = new ArrayDeque<>(2));
            if (!q.contains(w)) q.add(w);
        }
        all.add(w);
        s.blockedOn = w;
        s.channel().pauseInput(true);
    }

    /** Tells the blocked clients of {@code key} that it may have data now (XADD to an existing stream...). */
    public void signalKeyReady(Database db, byte[] key) {
        if (all.isEmpty()) return;
        var table = byKey.get(db);
        if (table == null || !table.containsKey(key)) return;
        for (ReadyKey r : ready) if (r.db == db && Arrays.equals(r.key, key)) return;
        ready.add(new ReadyKey(db, key));
    }

    /** After SWAPDB: every waited-on key that now exists in {@code db} may serve its clients. */
    public void signalExistingKeys(Database db) {
        var table = byKey.get(db);
        if (table == null) return;
        for (byte[] k : table.keySet().toArray(new byte[0][])) {
            if (db.exists(k)) signalKeyReady(db, k);
        }
    }

    /**
     * Serves the clients blocked on keys that became ready, in the order the keys were signalled
     * and, per key, in the clients' arrival order; runs after each top-level command (Valkey's
     * handleClientsBlockedOnKeys). Serving may make further keys ready; they are served too.
     */
    void serveReadyKeys() {
        if (serving || ready.isEmpty()) return;
        serving = true;
        try {
            for (int i = 0; i < ready.size(); i++) {
                ReadyKey r = ready.get(i);
                var table = byKey.get(r.db);
                ArrayDeque<Waiter> q = table == null ? null : table.get(r.key);
                if (q == null) continue;
                for (Waiter w : q.toArray(new Waiter[0])) {
                    if (w.session.blockedOn != w) continue;
                    if (!r.db.exists(r.key)) break; // a served client emptied it
                    retry(w);
                }
            }
        } finally {
            ready.clear();
            serving = false;
        }
    }

    /** Runs the blocked command again; unblocks the client unless it blocked again. */
    private void retry(Waiter w) {
        Session s = w.session;
        CommandSpec cmd = server.commands().resolve(w.retry);
        RespWriter out = s.channel().writer();
        int mark = out.mark();
        w.reblocked = false;
        retrying = w;
        try {
            server.dispatcher().call(s, cmd, w.retry, out);
        } finally {
            retrying = null;
        }
        if (w.reblocked) {
            out.truncate(mark);
            return;
        }
        if (s.replyMode() == ReplyMode.OFF) out.truncate(mark);
        unblock(w);
    }

    /** Removes {@code w} from every queue and lets its client run its next requests. */
    private void unblock(Waiter w) {
        var table = byKey.get(w.db);
        for (byte[] k : w.keys) {
            ArrayDeque<Waiter> q = table.get(k);
            if (q == null) continue;
            q.remove(w);
            if (q.isEmpty()) table.remove(k);
        }
        all.remove(w);
        w.session.blockedOn = null;
        ClientChannel ch = w.session.channel();
        ch.flushSoon();
        ch.pauseInput(false);
    }

    /** Answers the clients whose timeout has passed; the event loop calls this on every turn. */
    public void expireTimeouts(long nowMs) {
        if (all.isEmpty()) return;
        for (Waiter w : all.toArray(new Waiter[0])) {
            if (w.deadlineMs != 0 && w.deadlineMs <= nowMs && w.session.blockedOn == w) timeout(w);
        }
    }

    private void timeout(Waiter w) {
        Session s = w.session;
        if (s.replyMode() != ReplyMode.OFF) w.onTimeout.accept(s.channel().writer());
        unblock(w);
    }

    /** The earliest deadline of a blocked client, or Long.MAX_VALUE; bounds the event loop's sleep. */
    public long nextDeadline() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            long d = all.get(i).deadlineMs;
            if (d != 0 && d < min) min = d;
        }
        return min;
    }

    /**
     * CLIENT UNBLOCK: answers a blocked client as on timeout, or with {@code error}; false if the
     * client is not blocked.
     */
    public boolean unblockClient(Session s, String error) {
        Waiter w = s.blockedOn;
        if (w == null) return false;
        if (error == null) {
            timeout(w);
        } else {
            if (s.replyMode() != ReplyMode.OFF) s.channel().writer().error(error);
            unblock(w);
        }
        return true;
    }

    /** Forgets a client whose connection closed while blocked. */
    void sessionClosed(Session s) {
        Waiter w = s.blockedOn;
        if (w == null) return;
        var table = byKey.get(w.db);
        for (byte[] k : w.keys) {
            ArrayDeque<Waiter> q = table.get(k);
            if (q == null) continue;
            q.remove(w);
            if (q.isEmpty()) table.remove(k);
        }
        all.remove(w);
        s.blockedOn = null;
    }

    /**
     * The number as C's strtold reads a whole argument (decimal, hex with an optional binary
     * exponent, inf/infinity), NaN when it is not one (leading space, trailing bytes, nan).
     */
    static double parseLongDouble(String t) {
        if (t.isEmpty() || Character.isWhitespace(t.charAt(0))) return Double.NaN;
        String body = t;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        try {
            double v;
            if (lower.startsWith("0x")) {
                if (!lower.matches("0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?[0-9]+)?")) return Double.NaN;
                v = Double.parseDouble(lower.contains("p") ? lower : lower + "p0");
            } else {
                if (!lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) return Double.NaN;
                v = Double.parseDouble(lower);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses a blocking timeout argument into an absolute deadline (unix ms, 0 = forever), as
     * Valkey's getTimeoutFromObjectOrReply: seconds as a float for BLPOP and friends
     * ({@code seconds}), integer milliseconds for XREAD BLOCK.
     */
    public long deadline(byte[] arg, boolean seconds) {
        long ms;
        String t = new String(arg, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (seconds) {
            double d = parseLongDouble(t);
            if (Double.isNaN(d)) throw new CommandError("ERR timeout is not a float or out of range");
            d = Math.ceil(d * 1000.0);
            // C's (long long) of a value out of range (inf, 1e400) is LLONG_MIN on x86: "negative"
            ms = Double.isInfinite(d) || d >= 0x1p63 || d < -0x1p63 ? Long.MIN_VALUE : (long) d;
        } else {
            ms = io.moonkey.server.command.Arguments.parseLong(arg, "ERR timeout is not an integer or out of range");
        }
        if (ms < 0) throw new CommandError("ERR timeout is negative");
        if (ms == 0) return 0;
        long now = System.currentTimeMillis();
        if (ms > Long.MAX_VALUE - now) throw new CommandError("ERR timeout is out of range");
        return now + ms;
    }
}
