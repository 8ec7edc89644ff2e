package io.moonkey.server;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Watcher;
import io.moonkey.server.command.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller's context, passed to every command: the selected database, the protocol version and
 * the per-client state (transaction, watched keys, subscriptions, name). A network client has a
 * {@link ClientChannel}; an in-process caller (a script's fake client) has none and gets its
 * replies only through the sink it passes to the dispatcher.
 */
public final class Session implements Watcher {
    private final Server server;
    /** CLIENT TRACKING options, null when tracking is off. */
    public ClientTracking.State tracking;
    /** Invalidations caused by this client's own command, sent after its reply. */
    final java.util.List<byte[]> pendingInvalidations = new java.util.ArrayList<>(0);
    private final long id;
    private final ClientChannel channel;
    private int dbIndex;
    private Database db;
    private int protocol = 2;
    private boolean authenticated;
    /** The ACL user this connection runs as (the default user until AUTH). */
    private io.moonkey.server.acl.User user;

    byte[] name;
    String libName = "", libVersion = "";
    final long createdMs = System.currentTimeMillis();
    long lastInteractionMs = createdMs;
    CommandSpec lastCommand;
    ReplyMode replyMode = ReplyMode.ON;
    /** CLIENT REPLY SKIP was the last command: the next command's reply is dropped. */
    boolean skipNextReply;
    /** The command now executing is that next command. */
    boolean skippingReply;
    boolean noEvict;
    boolean monitor;
    boolean scriptCaller;
    boolean closing;

    // MULTI/EXEC
    boolean inMulti;
    boolean multiError; // a command failed to queue: EXEC answers EXECABORT
    boolean casDirty; // a watched key was touched
    final List<byte[][]> queued = new ArrayList<>();
    final List<CommandSpec> queuedSpecs = new ArrayList<>();
    final List<WatchedKey> watched = new ArrayList<>(0);

    /** The port a replica announced with REPLCONF listening-port. */
    int announcedPort;

    // blocking commands: what this client waits on, or null
    BlockedClients.Waiter blockedOn;

    // pub/sub
    final Subscriptions subscriptions = new Subscriptions();

    // propagation of the command being executed
    byte[][] propagateAs;
    boolean propagationPrevented;
    boolean propagationForced;
    /** Where this caller's writes go (PropagationStream.AOF/REPLICAS); a script's set_repl narrows it. */
    int propagationTargets = PropagationStream.ALL;
    boolean executingTransaction;

    Session(Server server, long id, ClientChannel channel) {
        this.server = server;
        this.id = id;
        this.channel = channel;
        this.db = server.keyspace().db(0);
        this.user = server.acl().defaultUser();
        this.authenticated = server.acl().newConnectionsAuthenticated();
    }

    public Server server() {
        return server;
    }

    public long id() {
        return id;
    }

    /** The network channel, or null for an in-process caller. */
    public ClientChannel channel() {
        return channel;
    }

    public Database db() {
        return db;
    }

    public int dbIndex() {
        return dbIndex;
    }

    public void select(int index) {
        dbIndex = index;
        db = server.keyspace().db(index);
    }

    public int protocol() {
        return protocol;
    }

    public void setProtocol(int p) {
        protocol = p;
        if (channel != null) channel.writer().setProtocol(p);
    }

    public boolean authenticated() {
        return authenticated;
    }

    public void setAuthenticated(boolean a) {
        authenticated = a;
    }

    public io.moonkey.server.acl.User user() {
        return user;
    }

    public void setUser(io.moonkey.server.acl.User u) {
        user = u;
    }

    /** The channels this session is subscribed to (ACL re-checks them when its user's rules change). */
    public Iterable<byte[]> subscribedChannels() {
        return subscriptions.channels;
    }

    public Iterable<byte[]> subscribedPatterns() {
        return subscriptions.patterns;
    }

    public boolean inMulti() {
        return inMulti;
    }

    /** True while queuing (MULTI) or while EXEC runs the queued commands. */
    public boolean inTransaction() {
        return inMulti || executingTransaction;
    }

    /** True for the fake client a script's server.call runs on. */
    /**
     * Whether a blocking command may block this caller: not a script's client, not inside
     * MULTI/EXEC, and a real connection. Otherwise blocking commands answer as on timeout.
     */
    public boolean canBlock() {
        return channel != null && !scriptCaller && !inTransaction();
    }

    public boolean isScriptCaller() {
        return scriptCaller;
    }

    public void setScriptCaller(boolean b) {
        scriptCaller = b;
    }

    public byte[] name() {
        return name;
    }

    /** Inside MULTI with queued commands the subscription context is irrelevant; RESP2 only. */
    public boolean inPubSubContext() {
        return protocol == 2 && subscriptions.total() > 0;
    }

    /** Number of channels plus patterns subscribed. */
    public int subscriberCount() {
        return subscriptions.count();
    }

    public void touchInteraction() {
        lastInteractionMs = System.currentTimeMillis();
    }

    public long createdMs() {
        return createdMs;
    }

    public long lastInteractionMs() {
        return lastInteractionMs;
    }

    public String lastCommandName() {
        return lastCommand == null ? "NULL" : lastCommand.fullName();
    }

    public int channelCount() {
        return subscriptions.channels.size();
    }

    public int patternCount() {
        return subscriptions.patterns.size();
    }

    public int shardChannelCount() {
        return subscriptions.shardChannels.size();
    }

    public int queuedCount() {
        return queued.size();
    }

    public int watchedCount() {
        return watched.size();
    }

    public boolean noEvictFlag() {
        return noEvict;
    }

    public void setNoEvict(boolean b) {
        noEvict = b;
    }

    public String libName() {
        return libName;
    }

    public String libVersion() {
        return libVersion;
    }

    public void setLibName(String n) {
        libName = n;
    }

    public void setLibVersion(String v) {
        libVersion = v;
    }

    /**
     * A command from the connection starts: a pending SKIP now applies to it. The skipped command
     * may itself be CLIENT REPLY SKIP, which arms the next one again, or ON, which cancels it.
     */
    public void replyStarting() {
        skippingReply = skipNextReply;
        skipNextReply = false;
    }

    /** The command was postponed (CLIENT PAUSE) before running: the skip waits for its rerun. */
    public void replyPostponed() {
        skipNextReply |= skippingReply;
        skippingReply = false;
    }

    /** Whether the reply of the command just run is dropped (REPLY OFF, or the skipped command). */
    public boolean replySuppressed() {
        return skippingReply || replyMode == ReplyMode.OFF;
    }

    public ReplyMode replyMode() {
        return replyMode;
    }

    /** CLIENT REPLY: OFF silences replies until ON; SKIP silences the next command's reply. */
    public void setReplyMode(ReplyMode m) {
        if (m == ReplyMode.SKIP) {
            skipNextReply = true;
        } else {
            replyMode = m;
            if (m == ReplyMode.ON) {
                skippingReply = false; // ON's own +OK is sent even when ON was the skipped command
            }
        }
    }

    // ---- propagation ----------------------------------------------------------------------------

    /**
     * Makes the current command propagate as {@code argv} instead of its own arguments
     * (EXPIRE as PEXPIREAT, INCRBYFLOAT as SET ... KEEPTTL).
     */
    public void propagateAs(byte[]... argv) {
        propagateAs = argv;
    }

    private boolean masterLink;

    /** Whether this is the client applying our master's stream (exempt from read-only and OOM checks). */
    public boolean isMasterLink() {
        return masterLink;
    }

    public void setMasterLink(boolean b) {
        masterLink = b;
    }

    public int announcedPort() {
        return announcedPort;
    }

    public void setAnnouncedPort(int port) {
        announcedPort = port;
    }

    /** Sets where this caller's writes propagate (server.set_repl in scripts). */
    public void setPropagationTargets(int targets) {
        propagationTargets = targets;
    }

    public int propagationTargets() {
        return propagationTargets;
    }

    /** Keeps the current command out of the propagation stream even if it changed data. */
    public void preventPropagation() {
        propagationPrevented = true;
    }

    /** Propagates the current command even though it changed no data (PUBLISH). */
    public void forcePropagation() {
        propagationForced = true;
    }

    /** Propagates an extra command now, in execution order (e.g. one per key in a multi-key op). */
    public void alsoPropagate(byte[]... argv) {
        server.propagation().add(dbIndex, argv, propagationTargets);
    }

    /** Publishes a keyspace notification for {@code key} in this session's database. */
    public void notifyKeyspace(int type, String event, byte[] key) {
        server.events().notify(type, event, key, dbIndex);
    }

    /** Counts a data change; the dispatcher propagates commands that made any. */
    public void dirty(long n) {
        server.addDirty(n);
    }

    public void dirty() {
        server.addDirty(1);
    }

    // ---- WATCH ----------------------------------------------------------------------------------

    @Override
    public void keyTouched() {
        casDirty = true;
    }

    void unwatchAll() {
        for (WatchedKey w : watched) w.db().unwatch(w.key(), this);
        watched.clear();
        casDirty = false;
    }

    /** RESET: back to a fresh connection's state (keeps id and connection). */
    public void reset() {
        server.tracking().disable(this);
        resetMulti();
        unwatchAll();
        server.pubsub().removeAll(this);
        server.monitors.remove(this);
        monitor = false;
        select(0);
        setProtocol(2);
        name = null;
        replyMode = ReplyMode.ON;
        skipNextReply = false;
        skippingReply = false;
        noEvict = false;
        user = server.acl().defaultUser();
        authenticated = server.acl().newConnectionsAuthenticated();
    }

    public byte[] nameOrNull() {
        return name;
    }

    public void setName(byte[] n) {
        name = n == null || n.length == 0 ? null : n;
    }

    void resetMulti() {
        inMulti = false;
        multiError = false;
        queued.clear();
        queuedSpecs.clear();
    }
}
