package io.moonkey.server.replication;

import io.moonkey.server.PropagationStream;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.persistence.rdb.RdbFormatException;
import io.moonkey.server.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * This server as a replica (REPLICAOF host port), on the execution thread: starts the
 * {@link MasterLink} and reconnects it a second after it breaks, loads the snapshot of a full
 * synchronisation, applies the stream's commands as the master client (exempt from
 * replica-read-only and maxmemory), passes their bytes on to the backlog so the offsets stay
 * the master's, and acknowledges the offset every second and on REPLCONF GETACK. Keys are not
 * expired here: the master's DELs do it; meanwhile our clients do not see them, as in Valkey.
 */
public final class ReplicaMode {
    private static final long RECONNECT_DELAY_MS = 1000, ACK_PERIOD_MS = 1000;

    private final Server server;
    private final ReplicationSource source;
    private final LinkedBlockingQueue<LinkEvent> events = new LinkedBlockingQueue<>();
    private final RespWriter discarded = new RespWriter();
    private String host;
    private int port;
    private MasterLink link;
    private Thread linkThread;
    private String state = "none";
    private boolean everUp;
    private long downSinceMs, lastIoMs, lastAckMs, reconnectAtMs;
    private Session master;

    public ReplicaMode(Server server, ReplicationSource source) {
        this.server = server;
        this.source = source;
    }

    public boolean active() {
        return host != null;
    }

    public boolean linkUp() {
        return state.equals("connected");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The offset of the master's stream applied so far, -1 without a master client. */
    public long appliedOffset() {
        return master == null ? -1 : source.offset();
    }

    /** ROLE's state word: connect, connecting, handshake, sync or connected. */
    public String state() {
        return state;
    }

    /** REPLICAOF host port; false when already replicating that master. */
    public boolean follow(String newHost, int newPort) {
        if (active() && host.equals(newHost) && port == newPort) return false;
        stopLink();
        if (!active()) {
            source.startFollowing();
            server.keyspace().setKeepExpired(true);
        }
        host = newHost;
        port = newPort;
        state = "connect";
        everUp = false;
        master = null;
        server.log().notice("Connecting to MASTER " + host + ":" + port);
        startLink();
        return true;
    }

    /** REPLICAOF NO ONE: stops replicating and starts a new history as a master. */
    public void stopFollowing() {
        if (!active()) return;
        // what arrived before the request is applied, so the old master's history continues from it
        List<LinkEvent> received = new ArrayList<>();
        events.drainTo(received);
        for (LinkEvent e : received) if (e instanceof LinkEvent.Command && master != null) handle(e, System.currentTimeMillis());
        stopLink();
        host = null;
        state = "none";
        master = null;
        source.promoted();
        server.keyspace().setKeepExpired(false);
        server.log().notice("MASTER MODE enabled");
    }

    private void stopLink() {
        if (link != null) link.stop();
        link = null;
        linkThread = null;
        events.clear();
    }

    private void startLink() {
        int listening = server.eventLoop() != null ? server.eventLoop().port() : (int) server.config().getLong("port");
        int timeout = (int) Math.min(Integer.MAX_VALUE, server.config().getLong("repl-timeout") * 1000);
        // our own history is what we offer to continue from (Valkey caches itself as the master)
        link = new MasterLink(host, port, listening, server.config().get("masteruser"), server.config().get("masterauth"),
                source.replId(), source.offset(), timeout, events, () -> {
                    var loop = server.eventLoop();
                    if (loop != null) loop.wakeup();
                });
        linkThread = new Thread(link, "moonkey-master-link");
        linkThread.setDaemon(true);
        linkThread.start();
    }

    /** CLIENT KILL TYPE master: breaks the link (a reconnection follows); false if it was not up. */
    public boolean dropLink() {
        if (!active() || link == null) return false;
        lost("killed by CLIENT KILL", System.currentTimeMillis());
        return true;
    }

    /** REPLCONF GETACK from the master: acknowledge at once. */
    public void acknowledgeNow() {
        if (link != null) link.acknowledge(source.offset());
        lastAckMs = System.currentTimeMillis();
    }

    /** Every event-loop turn: what the link received, reconnection, the periodic ACK. */
    public void tick(long now) {
        if (!active()) return;
        List<LinkEvent> batch = new ArrayList<>();
        events.drainTo(batch);
        for (LinkEvent e : batch) {
            if (link == null) break; // stopped while draining
            handle(e, now);
        }
        if (link == null && now >= reconnectAtMs) {
            state = "connect";
            startLink();
        }
        if (linkUp() && now - lastAckMs >= ACK_PERIOD_MS) acknowledgeNow();
    }

    private void handle(LinkEvent e, long now) {
        switch (e) {
            case LinkEvent.State st -> state = st.state();
            case LinkEvent.FullSync f -> fullSync(f, now);
            case LinkEvent.Continue c -> {
                if (c.newReplId() != null) source.masterIdChanged(c.newReplId());
                if (master == null) master = newMasterSession();
                up(now);
                server.log().notice("Successful partial resynchronization with master.");
            }
            case LinkEvent.Command c -> {
                lastIoMs = now;
                if (master == null) return;
                server.keyspace().setShowExpired(true); // the master decides what exists
                try {
                    server.dispatcher().execute(master, c.argv(), discarded);
                } finally {
                    server.keyspace().setShowExpired(false);
                }
                discarded.clear();
                source.feedFromMaster(c.raw(), 0, c.raw().length);
            }
            case LinkEvent.Lost l -> lost(l.reason(), now);
        }
    }

    private void fullSync(LinkEvent.FullSync f, long now) {
        server.log().notice("MASTER <-> REPLICA sync: receiving " + f.rdb().length + " bytes from master");
        server.keyspace().flushAll();
        try {
            server.rdb().load(f.rdb(), true);
        } catch (RdbFormatException ex) {
            server.log().warning("Failed trying to load the MASTER synchronization DB from socket: " + ex.getMessage());
            lost("bad snapshot", now);
            return;
        }
        source.adoptMaster(f.replId(), f.offset());
        master = newMasterSession();
        up(now);
        server.log().notice("MASTER <-> REPLICA sync: Finished with success");
        acknowledgeNow(); // a diskless master waits for this before streaming
    }

    private void up(long now) {
        state = "connected";
        everUp = true;
        lastIoMs = now;
    }

    private void lost(String reason, long now) {
        if (linkUp()) downSinceMs = now;
        server.log().warning("Connection with master lost: " + reason);
        if (link != null) link.stop();
        link = null;
        linkThread = null;
        state = "connect";
        reconnectAtMs = now + RECONNECT_DELAY_MS;
    }

    private Session newMasterSession() {
        Session s = server.newInternalSession();
        s.setMasterLink(true);
        s.setAuthenticated(true);
        s.setPropagationTargets(PropagationStream.AOF); // replicas get the master's bytes instead
        return s;
    }

    /** INFO replication's replica lines, after role. */
    public List<String> describe(long now) {
        List<String> out = new ArrayList<>();
        out.add("master_host:" + host);
        out.add("master_port:" + port);
        out.add("master_link_status:" + (linkUp() ? "up" : "down"));
        out.add("master_last_io_seconds_ago:" + (linkUp() ? (now - lastIoMs) / 1000 : -1));
        out.add("master_sync_in_progress:" + (state.equals("sync") ? 1 : 0));
        long off = master == null ? 0 : source.offset();
        out.add("slave_read_repl_offset:" + off);
        out.add("slave_repl_offset:" + off);
        if (!linkUp()) out.add("master_link_down_since_seconds:" + (everUp ? (now - downSinceMs) / 1000 : -1));
        out.add("slave_priority:" + server.config().get("replica-priority"));
        out.add("slave_read_only:" + (server.config().getBool("replica-read-only") ? 1 : 0));
        out.add("replica_announced:1");
        return out;
    }
}
