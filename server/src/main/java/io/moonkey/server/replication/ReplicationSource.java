package io.moonkey.server.replication;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.PropagationStream;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * This server as a master: the replication ids and offset, the backlog, the attached replicas,
 * and the clients waiting in WAIT. The propagation stream's replica-bound commands are encoded
 * once, kept in the backlog and written to every replica; the offset counts their bytes, as
 * Valkey's master_repl_offset does. As a replica, the stream comes from our master instead
 * ({@link #feedFromMaster}) and keeps its ids and offsets, so that a promoted replica can let
 * the others continue (replid2, second_repl_offset).
 */
public final class ReplicationSource {
    private static final byte[][] PING = {"PING".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] GETACK = {bytes("REPLCONF"), bytes("GETACK"), bytes("*")};

    /** A client blocked in WAIT. */
    private record Waiter(Session session, long offset, long replicas, long deadlineMs) {}

    private final Server server;
    private static final String NO_ID = "0000000000000000000000000000000000000000";

    private String replId;
    private String replId2 = NO_ID;
    private long secondOffset = -1;
    private long offset;
    private ReplicationBacklog backlog;
    private boolean following; // a replica: local writes are not ours to propagate
    private long fullSyncs, partialSyncs, partialRefused;
    private final List<Replica> replicas = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final PropagationStream.Listener feed = this::feed;
    private long lastPingMs;
    private boolean getAckPending;

    public ReplicationSource(Server server) {
        this.server = server;
        replId = newId();
    }

    private static String newId() {
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** INFO stats sync_full, sync_partial_ok, sync_partial_err. */
    public long[] syncCounts() {
        return new long[] {fullSyncs, partialSyncs, partialRefused};
    }

    public String replId2() {
        return replId2;
    }

    public long secondOffset() {
        return secondOffset;
    }

    public long backlogFirstOffset() {
        return backlog == null ? 0 : backlog.firstOffset();
    }

    public long backlogHistlen() {
        return backlog == null ? 0 : backlog.histlen();
    }

    private void ensureBacklog() {
        if (backlog != null) return;
        backlog = new ReplicationBacklog((int) Math.min(Integer.MAX_VALUE - 64, server.config().getLong("repl-backlog-size")), offset);
        // from now on every replica-bound command is counted and kept, replicas or not
        server.propagation().addListener(feed, PropagationStream.REPLICAS);
    }

    /** Becoming a replica: our replicas must resynchronise with the new history. */
    public void startFollowing() {
        following = true;
        for (Replica r : new ArrayList<>(replicas)) r.session.channel().close(false);
    }

    /** A full synchronisation with a master: its id and offset are ours now, with a fresh backlog. */
    public void adoptMaster(String id, long masterOffset) {
        replId = id;
        replId2 = NO_ID;
        secondOffset = -1;
        offset = masterOffset;
        if (backlog != null) server.propagation().removeListener(feed);
        backlog = null;
        ensureBacklog();
    }

    /** +CONTINUE with a new id: the master was promoted; our history up to now stays valid under the old id. */
    public void masterIdChanged(String id) {
        if (id.equals(replId)) return;
        replId2 = replId;
        secondOffset = offset + 1;
        replId = id;
    }

    /** REPLICAOF NO ONE: a new history starts here; replicas of the old one may continue (PSYNC with replid2). */
    public void promoted() {
        following = false;
        replId2 = replId;
        secondOffset = offset + 1;
        replId = newId();
    }

    /** The bytes of the master's stream this replica applied: kept and passed on unchanged. */
    public void feedFromMaster(byte[] raw, int off, int len) {
        append(raw, off, len);
    }

    public String replId() {
        return replId;
    }

    public long offset() {
        return offset;
    }

    public boolean backlogActive() {
        return backlog != null;
    }

    public long backlogSize() {
        return backlog == null ? server.config().getLong("repl-backlog-size") : backlog.size();
    }

    public int replicaCount() {
        return replicas.size();
    }

    public boolean isReplica(Session s) {
        return find(s) != null;
    }

    private Replica find(Session s) {
        for (Replica r : replicas) if (r.session == s) return r;
        return null;
    }

    /**
     * Full synchronisation of a new replica: {@code +FULLRESYNC} (for PSYNC), the RDB payload,
     * then from now on the stream. The snapshot and the stream meet at the current offset.
     */
    void attach(Session s, int listeningPort, boolean psync) {
        ensureBacklog();
        fullSyncs++;
        RespWriter w = s.channel().writer();
        byte[] rdb = io.moonkey.server.persistence.rdb.RdbSnapshot.of(server.keyspace(), io.moonkey.server.Version.REDIS_COMPAT,
                server.functions().libraryCodes(), new String[] {replId, Long.toString(offset)},
                server.config().getBool("rdbcompression"));
        if (psync) w.simple("FULLRESYNC " + replId + " " + offset);
        byte[] header = ("$" + rdb.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        w.raw(header, 0, header.length);
        w.raw(rdb, 0, rdb.length);
        s.channel().flushSoon();
        added(s, listeningPort);
        server.log().notice("Synchronization with replica " + s.channel().remoteAddress() + " succeeded");
    }

    private void added(Session s, int listeningPort) {
        if (replicas.isEmpty()) lastPingMs = System.currentTimeMillis(); // first PING one period from now
        // the next command goes to everyone after a SELECT, which a new replica needs
        server.propagation().removeListener(feed);
        server.propagation().addListener(feed, PropagationStream.REPLICAS);
        replicas.add(new Replica(s, listeningPort, System.currentTimeMillis()));
    }

    /**
     * PSYNC replid offset: continues from the backlog when it holds {@code from} of this history
     * (or of the previous one up to where it ended), answering {@code +CONTINUE replid}; false
     * when a full synchronisation is needed.
     */
    boolean tryContinue(Session s, String id, long from, int listeningPort) {
        if (id.equals("?")) return false;
        boolean known = id.equals(replId) || (id.equals(replId2) && from <= secondOffset);
        if (backlog == null || following || !known || !backlog.holds(from)) {
            partialRefused++;
            server.log().notice("Partial resynchronization not accepted: " + (known ? "offset " + from + " not in the backlog ("
                    + backlogFirstOffset() + " to " + offset + ")" : "replication ID mismatch (asked " + id + ", ours " + replId
                    + ", previous " + replId2 + " up to " + secondOffset + ")"));
            return false;
        }
        RespWriter w = s.channel().writer();
        w.simple("CONTINUE " + replId);
        byte[] missed = backlog.from(from);
        w.raw(missed, 0, missed.length);
        s.channel().flushSoon();
        added(s, listeningPort);
        partialSyncs++;
        server.log().notice("Partial resynchronization request from " + s.channel().remoteAddress() + " accepted. Sending "
                + missed.length + " bytes of backlog starting from offset " + from + ".");
        return true;
    }

    /** Forgets a replica whose connection closed. */
    public void sessionClosed(Session s) {
        Replica r = find(s);
        if (r == null) return;
        replicas.remove(r);
    }

    private void feed(byte[][] argv) {
        if (following) return; // a replica passes on its master's stream, not its own writes
        byte[] enc = io.moonkey.server.resp.CommandEncoding.encode(argv);
        append(enc, 0, enc.length);
    }

    private void append(byte[] b, int off, int len) {
        offset += len;
        if (backlog != null) backlog.add(b, off, len);
        for (int i = 0; i < replicas.size(); i++) {
            ClientChannel ch = replicas.get(i).session.channel();
            ch.writer().raw(b, off, len);
            ch.flushSoon();
        }
    }

    /** REPLCONF ACK from a replica. */
    void acknowledged(Session s, long ackOffset) {
        Replica r = find(s);
        if (r == null) return;
        if (ackOffset > r.ackOffset) r.ackOffset = ackOffset;
        r.lastAckMs = System.currentTimeMillis();
        checkWaiters(r.lastAckMs);
    }

    /** How many replicas acknowledged at least {@code target}. */
    long acknowledgedAtLeast(long target) {
        long n = 0;
        for (Replica r : replicas) if (r.ackOffset >= target) n++;
        return n;
    }

    /**
     * WAIT numreplicas timeout: replies now if enough replicas acknowledged the current offset,
     * else blocks the client until they do or the timeout (ms, 0 = forever) passes.
     */
    void await(Session s, long numReplicas, long timeoutMs, io.moonkey.server.resp.ReplySink out) {
        long target = offset;
        long acked = acknowledgedAtLeast(target);
        if (acked >= numReplicas || replicas.isEmpty() || !s.canBlock()) {
            out.integer(acked);
            return;
        }
        long deadline = timeoutMs == 0 ? 0 : System.currentTimeMillis() + timeoutMs;
        waiters.add(new Waiter(s, target, numReplicas, deadline));
        s.channel().pauseInput(true);
        getAckPending = true;
    }

    private void checkWaiters(long now) {
        for (Waiter w : waiters.toArray(new Waiter[0])) {
            long acked = acknowledgedAtLeast(w.offset);
            boolean timedOut = w.deadlineMs != 0 && w.deadlineMs <= now;
            if (acked >= w.replicas || timedOut || w.session.channel() == null) {
                waiters.remove(w);
                ClientChannel ch = w.session.channel();
                ch.writer().integer(acked);
                ch.flushSoon();
                ch.pauseInput(false);
            }
        }
    }

    /**
     * Runs on every event-loop turn: asks replicas for an ACK when a WAIT is pending, answers
     * timed-out WAITs, and pings replicas every repl-ping-replica-period seconds.
     */
    public void tick(long now) {
        if (replicas.isEmpty() && waiters.isEmpty()) return;
        if (getAckPending) {
            getAckPending = false;
            server.propagation().toReplicasRaw(GETACK);
        }
        if (!waiters.isEmpty()) checkWaiters(now);
        long period = server.config().getLong("repl-ping-replica-period") * 1000;
        if (!replicas.isEmpty() && now - lastPingMs >= period) {
            lastPingMs = now;
            server.propagation().toReplicasRaw(PING);
        }
    }

    /** Drops the WAIT of a client that disconnected. */
    public void waiterClosed(Session s) {
        waiters.removeIf(w -> w.session == s);
    }

    /** INFO replication lines for the replicas ("slave0:ip=...,port=...,state=online,offset=...,lag=..."). */
    public List<String> describeReplicas() {
        List<String> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < replicas.size(); i++) {
            Replica r = replicas.get(i);
            String addr = r.session.channel().remoteAddress();
            String ip = addr.substring(0, addr.lastIndexOf(':'));
            out.add("slave" + i + ":ip=" + ip + ",port=" + r.listeningPort + ",state=online,offset=" + r.ackOffset
                    + ",lag=" + (now - r.lastAckMs) / 1000);
        }
        return out;
    }

    /** ROLE's list of replicas: ip, port and acknowledged offset of each. */
    List<String[]> roleEntries() {
        List<String[]> out = new ArrayList<>();
        for (Replica r : replicas) {
            String addr = r.session.channel().remoteAddress();
            out.add(new String[] {addr.substring(0, addr.lastIndexOf(':')), Integer.toString(r.listeningPort), Long.toString(r.ackOffset)});
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
