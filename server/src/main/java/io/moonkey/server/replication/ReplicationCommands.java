package io.moonkey.server.replication;

import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.resp.ReplySink;
import java.util.List;
import java.util.Locale;

/** SYNC, PSYNC, REPLCONF, ROLE and WAIT: the commands of the master side of replication. */
public final class ReplicationCommands {
    private final Server server;
    private final ReplicationSource source;

    public ReplicationCommands(Server server, ReplicationSource source) {
        this.server = server;
        this.source = source;
    }

    public void register(CommandTable t) {
        String g = "server";
        t.add(new CommandSpec("sync", 1, "admin noscript no_async_loading no_multi", g, "1.0.0",
                "An internal command used in replication.", this::sync));
        t.add(new CommandSpec("psync", -3, "admin noscript no_async_loading no_multi", g, "2.8.0",
                "An internal command used in replication.", this::psync));
        t.add(new CommandSpec("replconf", -1, "admin noscript loading stale allow_busy", g, "3.0.0",
                "An internal command for configuring the replication stream.", this::replconf));
        t.add(new CommandSpec("role", 1, "noscript loading stale fast", g, "2.8.12", "Returns the replication role.", this::role).acl("admin", "fast", "dangerous"));
        t.add(new CommandSpec("replicaof", 3, "admin noscript stale no_async_loading", g, "5.0.0",
                "Configures a server as replica of another, or promotes it to a master.", this::replicaof));
        t.add(new CommandSpec("slaveof", 3, "admin noscript stale no_async_loading", g, "1.0.0",
                "Sets a Redis server as a replica of another, or promotes it to being a master.", this::replicaof));
        t.add(new CommandSpec("wait", 3, "", "generic", "3.0.0",
                "Blocks until the asynchronous replication of all preceding write commands sent by the connection is completed.", this::waitCommand).acl("slow", "connection"));
    }

    /** SYNC: the old full synchronisation (the RDB payload, then the stream, no +FULLRESYNC line). */
    void sync(Session s, byte[][] argv, ReplySink out) {
        if (s.channel() == null || source.isReplica(s)) return;
        source.attach(s, s.announcedPort(), false);
    }

    /**
     * PSYNC replicationid offset: {@code +CONTINUE <replid>} and the missed stream when the
     * backlog holds it, else a full resynchronisation: {@code +FULLRESYNC <replid> <offset>},
     * the RDB payload, then the stream. A replica whose own link is not up refuses, as Valkey.
     */
    void psync(Session s, byte[][] argv, ReplySink out) {
        if (s.channel() == null || source.isReplica(s)) return;
        ReplicaMode mode = server.replicaMode();
        if (mode.active() && !mode.linkUp()) throw new CommandError("NOMASTERLINK Can't SYNC while not connected with my master");
        long from;
        try {
            from = Long.parseLong(Arguments.latin1(argv[2]));
        } catch (NumberFormatException e) {
            from = -1;
        }
        if (!mode.active() && source.tryContinue(s, Arguments.latin1(argv[1]), from, s.announcedPort())) return;
        source.attach(s, s.announcedPort(), true);
    }

    /**
     * REPLCONF option value [option value ...]: listening-port, ip-address, capa, rdb-only... are
     * noted and answered +OK; ACK offset (from an attached replica) is recorded without a reply.
     */
    void replconf(Session s, byte[][] argv, ReplySink out) {
        if (argv.length % 2 == 0) throw new CommandError(Arguments.SYNTAX);
        for (int i = 1; i < argv.length; i += 2) {
            String opt = Arguments.latin1(argv[i]).toLowerCase(Locale.ROOT);
            switch (opt) {
                case "listening-port" -> s.setAnnouncedPort((int) Arguments.parseLong(argv[i + 1]));
                case "ack" -> {
                    source.acknowledged(s, Arguments.parseLong(argv[i + 1]));
                    return; // a replica's ACK gets no reply
                }
                case "getack" -> {
                    if (s.isMasterLink()) server.replicaMode().acknowledgeNow();
                    return; // no reply: only our master asks, and it reads none
                }
                case "ip-address", "capa", "rdb-only", "rdb-filter-only" -> { }
                default -> throw new CommandError("ERR Unrecognized REPLCONF option: " + Arguments.latin1(argv[i]));
            }
        }
        out.ok();
    }

    /**
     * REPLICAOF host port | NO ONE: starts replicating a master (replying "+OK Already
     * connected to specified master" when it is the current one), or stops and becomes a master.
     */
    void replicaof(Session s, byte[][] argv, ReplySink out) {
        ReplicaMode mode = server.replicaMode();
        if (Arguments.is(argv[1], "no") && Arguments.is(argv[2], "one")) {
            mode.stopFollowing();
            out.ok();
            return;
        }
        long port;
        try {
            port = Long.parseLong(Arguments.latin1(argv[2]));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) throw new CommandError("ERR Invalid master port");
        if (s.isMasterLink()) throw new CommandError("ERR Command is not valid when client is a replica.");
        if (!mode.follow(Arguments.latin1(argv[1]), (int) port)) {
            out.simple("OK Already connected to specified master");
            return;
        }
        out.ok();
    }

    /** ROLE: {@code master}, the replication offset, and each replica's ip, port and offset. */
    void role(Session s, byte[][] argv, ReplySink out) {
        ReplicaMode mode = server.replicaMode();
        if (mode.active()) {
            out.arrayHeader(5);
            out.bulk(Arguments.bytes("slave"));
            out.bulk(Arguments.bytes(mode.host()));
            out.integer(mode.port());
            out.bulk(Arguments.bytes(mode.state()));
            out.integer(mode.appliedOffset());
            return;
        }
        List<String[]> replicas = source.roleEntries();
        out.arrayHeader(3);
        out.bulk(Arguments.bytes("master"));
        out.integer(source.offset());
        out.arrayHeader(replicas.size());
        for (String[] r : replicas) {
            out.arrayHeader(3);
            for (String f : r) out.bulk(Arguments.bytes(f));
        }
    }

    /**
     * WAIT numreplicas timeout: blocks until that many replicas acknowledged every write made so
     * far, or the timeout (ms, 0 = forever) passes; replies how many did.
     */
    void waitCommand(Session s, byte[][] argv, ReplySink out) {
        long n = Arguments.parseLong(argv[1]);
        long timeout = Arguments.parseLong(argv[2], "ERR timeout is not an integer or out of range");
        if (timeout < 0) throw new CommandError("ERR timeout is negative");
        source.await(s, n, timeout, out);
    }
}
