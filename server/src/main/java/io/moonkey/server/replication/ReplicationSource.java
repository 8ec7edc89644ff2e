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
 * This server as a master: the replication id and offset, the attached replicas, and the clients
 * waiting in WAIT. The propagation stream's replica-bound commands are encoded once and written
 * to every replica; the offset counts their bytes, as Valkey's master_repl_offset does.
 */
public final class ReplicationSource {
    private static final byte[][] PING = {"PING".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] GETACK = {bytes("REPLCONF"), bytes("GETACK"), bytes("*")};

    /** A client blocked in WAIT. */
    private record Waiter(Session session, long offset, long replicas, long deadlineMs) {}

    private final Server server;
    private final String replId;
    private long offset;
    private boolean backlogActive;
    private final List<Replica> replicas = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final PropagationStream.Listener feed = this::feed;
    private long lastPingMs;
    private boolean getAckPending;

    public ReplicationSource(Server server) {
        this.server = server;
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        replId = HexFormat.of().formatHex(id);
    }

    public String replId() {
        return replId;
    }

    public long offset() {
        return offset;
    }

    public boolean backlogActive() {
        return backlogActive;
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
        RespWriter w = s.channel().writer();
        byte[] rdb = io.moonkey.server.persistence.rdb.RdbSnapshot.of(server.keyspace(), io.moonkey.server.Version.REDIS_COMPAT,
                server.functions().libraryCodes(), new String[] {replId, Long.toString(offset)});
        if (psync) w.simple("FULLRESYNC " + replId + " " + offset);
        byte[] header = ("$" + rdb.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        w.raw(header, 0, header.length);
        w.raw(rdb, 0, rdb.length);
        s.channel().flushSoon();
        if (replicas.isEmpty()) lastPingMs = System.currentTimeMillis(); // first PING one period from now
        // (re-)adding the consumer makes the stream start with a SELECT, for the new replica
        server.propagation().removeListener(feed);
        server.propagation().addListener(feed, PropagationStream.REPLICAS);
        replicas.add(new Replica(s, listeningPort, System.currentTimeMillis()));
        backlogActive = true;
    }

    /** Forgets a replica whose connection closed. */
    public void sessionClosed(Session s) {
        Replica r = find(s);
        if (r == null) return;
        replicas.remove(r);
        if (replicas.isEmpty()) server.propagation().removeListener(feed);
    }

    private void feed(byte[][] argv) {
        byte[] enc = io.moonkey.server.resp.CommandEncoding.encode(argv);
        offset += enc.length;
        for (int i = 0; i < replicas.size(); i++) {
            ClientChannel ch = replicas.get(i).session.channel();
            ch.writer().raw(enc, 0, enc.length);
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
