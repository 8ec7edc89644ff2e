package io.moonkey.server.cluster;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.HashSlot;
import io.moonkey.server.Session;
import io.moonkey.server.command.Arguments;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.Help;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CLUSTER and its subcommands, READONLY, READWRITE and ASKING, as a Valkey node alone in its
 * cluster answers them. The commands exist in every mode; without cluster mode they answer
 * {@code This instance has cluster support disabled}, as Valkey's do.
 */
public final class ClusterCommand {
    static final String DISABLED = "ERR This instance has cluster support disabled";
    private static final String INVALID_SLOT = "ERR Invalid or out of range slot";

    private final Cluster cluster;

    public ClusterCommand(Cluster cluster) {
        this.cluster = cluster;
    }

    private interface Handler {
        void run(Session s, byte[][] argv, ReplySink out);
    }

    /** A subcommand that first refuses when cluster mode is off. */
    private CommandSpec sub(String name, int arity, String flags, String since, String summary, Handler h) {
        return new CommandSpec(name, arity, flags, "cluster", since, summary, (s, a, o) -> {
            if (!cluster.enabled()) throw new CommandError(DISABLED);
            h.run(s, a, o);
        });
    }

    public void register(CommandTable t) {
        String admin = "admin stale no_async_loading";
        t.add(new CommandSpec("cluster", -2, "", "cluster", "3.0.0", "A container for Valkey Cluster commands.", null)
                .sub(sub("addslots", -3, admin, "3.0.0", "Assigns new hash slots to a node.", (s, a, o) -> addSlots(a, o, false)))
                .sub(sub("addslotsrange", -4, admin, "7.0.0", "Assigns new hash slot ranges to a node.", (s, a, o) -> addSlotRanges(a, o, false)))
                .sub(sub("bumpepoch", 2, admin, "3.0.0", "Advances the cluster config epoch.", this::bumpEpoch))
                .sub(sub("count-failure-reports", 3, "admin stale", "3.0.0", "Returns the number of active failure reports active for a node.",
                        (s, a, o) -> {
                            knownNode(a[2]);
                            o.integer(0); // no peer, so nobody reports failures
                        }))
                .sub(sub("countkeysinslot", 3, "stale", "3.0.0", "Returns the number of keys in a hash slot.", this::countKeysInSlot))
                .sub(sub("delslots", -3, admin, "3.0.0", "Sets hash slots as unbound for a node.", (s, a, o) -> addSlots(a, o, true)))
                .sub(sub("delslotsrange", -4, admin, "7.0.0", "Sets hash slot ranges as unbound for a node.", (s, a, o) -> addSlotRanges(a, o, true)))
                .sub(sub("failover", -2, admin, "3.0.0", "Forces a replica to perform a manual failover of its master.", this::failover))
                .sub(sub("flushslots", 2, admin, "3.0.0", "Deletes all slots information from a node.", this::flushSlots))
                .sub(sub("forget", 3, admin, "3.0.0", "Removes a node from the nodes table.", this::forget))
                .sub(sub("getkeysinslot", 4, "stale", "3.0.0", "Returns the key names in a hash slot.", this::getKeysInSlot))
                .sub(sub("info", 2, "stale", "3.0.0", "Returns information about the state of a node.",
                        (s, a, o) -> o.verbatim("txt", TopologyReplies.info(cluster))))
                .sub(sub("keyslot", 3, "stale", "3.0.0", "Returns the hash slot for a key.", (s, a, o) -> o.integer(HashSlot.of(a[2]))))
                .sub(sub("links", 2, "stale", "7.0.0", "Returns a list of all TCP links to and from peer nodes.", (s, a, o) -> o.arrayHeader(0)))
                .sub(sub("meet", -4, admin, "3.0.0", "Forces a node to handshake with another node.", this::meet))
                .sub(sub("myid", 2, "stale", "3.0.0", "Returns the ID of a node.", (s, a, o) -> o.bulk(cluster.state().myId())))
                .sub(sub("myshardid", 2, "stale", "7.2.0", "Returns the shard ID of a node.", (s, a, o) -> o.bulk(cluster.state().shardId())))
                .sub(sub("nodes", 2, "stale", "3.0.0", "Returns the cluster configuration for a node.",
                        (s, a, o) -> o.verbatim("txt", TopologyReplies.nodeLine(cluster, false).getBytes(StandardCharsets.ISO_8859_1))))
                .sub(sub("replicas", 3, "admin stale", "5.0.0", "Lists the replica nodes of a master node.", this::replicas))
                .sub(sub("replicate", 3, admin, "3.0.0", "Configure a node as replica of a master node.", this::replicate))
                .sub(sub("reset", -2, "admin noscript stale", "3.0.0", "Resets a node.", this::reset))
                .sub(sub("saveconfig", 2, admin, "3.0.0", "Forces a node to save the cluster configuration to disk.", this::saveConfig))
                .sub(sub("set-config-epoch", 3, admin, "3.0.0", "Sets the configuration epoch for a new node.", this::setConfigEpoch))
                .sub(sub("setslot", -4, admin, "3.0.0", "Binds a hash slot to a node.", this::setSlot))
                .sub(sub("shards", 2, "stale", "7.0.0", "Returns the mapping of cluster slots to shards.",
                        (s, a, o) -> TopologyReplies.shards(cluster, cluster.server().replication().offset(), o)))
                .sub(sub("slaves", 3, "admin stale", "3.0.0", "Lists the replica nodes of a master node.", this::replicas))
                .sub(sub("slot-stats", -4, "stale", "8.0.0", "Return an array of slot usage statistics for slots assigned to the current node.",
                        (s, a, o) -> new SlotStats(cluster).run(a, o)))
                .sub(sub("slots", 2, "stale", "3.0.0", "Returns the mapping of cluster slots to nodes.", (s, a, o) -> TopologyReplies.slots(cluster, o)))
                .sub(new CommandSpec("help", 2, "loading stale", "cluster", "5.0.0", "Returns helpful text about the different subcommands.", this::help)));
        t.add(new CommandSpec("readonly", 1, "loading stale fast", "cluster", "3.0.0",
                "Enables read-only queries for a connection to a Valkey Cluster replica node.", this::readMode).acl("fast", "connection"));
        t.add(new CommandSpec("readwrite", 1, "loading stale fast", "cluster", "3.0.0",
                "Enables read-write queries for a connection to a Valkey Cluster replica node.", this::readMode).acl("fast", "connection"));
        t.add(new CommandSpec("asking", 1, "fast", "cluster", "3.0.0", "Signals that a cluster client is following an -ASK redirect.", this::readMode).acl("fast", "connection"));
    }

    /**
     * READONLY, READWRITE, ASKING: accepted. They only change how a replica or a slot being
     * imported answers, and this node is a master importing nothing.
     */
    private void readMode(Session s, byte[][] argv, ReplySink out) {
        if (!cluster.enabled()) throw new CommandError(DISABLED);
        out.ok();
    }

    /** Only this node is known: any other id is an unknown node. */
    private void knownNode(byte[] id) {
        requireKnown(id, "ERR Unknown node ");
    }

    static int slotArg(byte[] arg) {
        long v = Arguments.parseLong(arg, INVALID_SLOT);
        if (!Cluster.validSlot(v)) throw new CommandError(INVALID_SLOT);
        return (int) v;
    }

    /**
     * Checks that {@code [from, to]} can be added (or deleted): each slot free (or assigned) and
     * named once in the whole request.
     */
    private void checkAssignments(boolean[] named, boolean del, int from, int to) {
        ClusterState st = cluster.state();
        for (int slot = from; slot <= to; slot++) {
            if (del && !st.serves(slot)) throw new CommandError("ERR Slot " + slot + " is already unassigned");
            if (!del && st.serves(slot)) throw new CommandError("ERR Slot " + slot + " is already busy");
            if (named[slot]) throw new CommandError("ERR Slot " + slot + " specified multiple times");
            named[slot] = true;
        }
    }

    /** ADDSLOTS / DELSLOTS slot...: all slots parse, then all are checked, then all change. */
    private void addSlots(byte[][] argv, ReplySink out, boolean del) {
        for (int i = 2; i < argv.length; i++) slotArg(argv[i]);
        boolean[] named = new boolean[HashSlot.COUNT];
        for (int i = 2; i < argv.length; i++) {
            int slot = slotArg(argv[i]);
            checkAssignments(named, del, slot, slot);
        }
        apply(named, del);
        out.ok();
    }

    /** ADDSLOTSRANGE / DELSLOTSRANGE start end...: each pair parsed and checked in turn. */
    private void addSlotRanges(byte[][] argv, ReplySink out, boolean del) {
        if (argv.length % 2 == 1) {
            throw new CommandError("ERR wrong number of arguments for 'cluster|" + (del ? "delslotsrange" : "addslotsrange") + "' command");
        }
        boolean[] named = new boolean[HashSlot.COUNT];
        for (int i = 2; i < argv.length; i += 2) {
            int from = slotArg(argv[i]);
            int to = slotArg(argv[i + 1]);
            if (from > to) throw new CommandError("ERR start slot number " + from + " is greater than end slot number " + to);
            checkAssignments(named, del, from, to);
        }
        apply(named, del);
        out.ok();
    }

    private void apply(boolean[] named, boolean del) {
        ClusterState st = cluster.state();
        java.util.BitSet removed = new java.util.BitSet(HashSlot.COUNT);
        for (int slot = 0; slot < HashSlot.COUNT; slot++) {
            if (!named[slot]) continue;
            if (del) removed.set(slot);
            else st.assign(slot);
        }
        cluster.unassign(removed);
        cluster.changed();
    }

    private void bumpEpoch(Session s, byte[][] argv, ReplySink out) {
        boolean bumped = cluster.state().bumpEpoch();
        if (bumped) cluster.changed();
        out.simple((bumped ? "BUMPED " : "STILL ") + cluster.state().configEpoch());
    }

    private void setConfigEpoch(Session s, byte[][] argv, ReplySink out) {
        long epoch = Arguments.parseLong(argv[2]);
        if (epoch < 0) throw new CommandError("ERR Invalid config epoch specified: " + epoch);
        if (cluster.state().configEpoch() != 0) throw new CommandError("ERR Node config epoch is already non-zero");
        cluster.state().setConfigEpoch(epoch);
        cluster.changed();
        out.ok();
    }

    private void saveConfig(Session s, byte[][] argv, ReplySink out) {
        if (!cluster.saveConfig()) throw new CommandError("ERR error saving the cluster node config: can't write the file");
        out.ok();
    }

    private void countKeysInSlot(Session s, byte[][] argv, ReplySink out) {
        long slot = Arguments.parseLong(argv[2]);
        if (!Cluster.validSlot(slot)) throw new CommandError("ERR Invalid slot");
        out.integer(cluster.keysInSlot((int) slot));
    }

    /**
     * GETKEYSINSLOT slot count: walks the table (there is no per-slot key index, only counts),
     * stopping once it has {@code count} keys or all the keys the slot holds.
     */
    private void getKeysInSlot(Session s, byte[][] argv, ReplySink out) {
        long slot = Arguments.parseLong(argv[2]);
        long max = Arguments.parseLong(argv[3]);
        if (max < 0 || !Cluster.validSlot(slot)) throw new CommandError("ERR Invalid slot or number of keys");
        Database db = cluster.server().keyspace().db(0);
        int want = (int) Math.min(max, db.keysInSlot((int) slot));
        List<byte[]> keys = new ArrayList<>(want);
        long cursor = 0;
        while (keys.size() < want) {
            cursor = db.scan(cursor, (k, v) -> {
                if (keys.size() < want && HashSlot.of(k) == slot) keys.add(k);
            });
            if (cursor == 0) break;
        }
        out.arrayHeader(keys.size());
        for (byte[] k : keys) out.bulk(k);
    }

    private void flushSlots(Session s, byte[][] argv, ReplySink out) {
        if (cluster.server().keyspace().db(0).size() != 0) throw new CommandError("ERR DB must be empty to perform CLUSTER FLUSHSLOTS.");
        cluster.unassignAll();
        cluster.changed();
        out.ok();
    }

    private void reset(Session s, byte[][] argv, ReplySink out) {
        boolean hard = false;
        if (argv.length == 3) {
            if (Arguments.is(argv[2], "hard")) hard = true;
            else if (!Arguments.is(argv[2], "soft")) throw new CommandError(Arguments.SYNTAX);
        } else if (argv.length > 3) {
            throw new CommandError(Arguments.SYNTAX);
        }
        if (cluster.server().keyspace().db(0).size() != 0) {
            throw new CommandError("ERR CLUSTER RESET can't be called with master nodes containing keys");
        }
        cluster.unassignAll();
        if (hard) cluster.state().renew();
        cluster.changed();
        out.ok();
    }

    private void setSlot(Session s, byte[][] argv, ReplySink out) {
        int slot = slotArg(argv[2]);
        ClusterState st = cluster.state();
        if (argv.length == 4 && Arguments.is(argv[3], "stable")) {
            st.setMigrating(slot, false);
            st.setImporting(slot, false);
        } else if (argv.length == 5 && Arguments.is(argv[3], "migrating")) {
            if (!st.serves(slot)) throw new CommandError("ERR I'm not the owner of hash slot " + slot);
            requireKnown(argv[4], "ERR I don't know about node ");
            st.setMigrating(slot, true);
        } else if (argv.length == 5 && Arguments.is(argv[3], "importing")) {
            if (st.serves(slot)) throw new CommandError("ERR I'm already the owner of hash slot " + slot);
            requireKnown(argv[4], "ERR I don't know about node ");
            st.setImporting(slot, true); // not reached: the only known node is this one, the owner
        } else if (argv.length == 5 && Arguments.is(argv[3], "node")) {
            requireKnown(argv[4], "ERR Unknown node ");
            st.setMigrating(slot, false);
            st.assign(slot);
        } else {
            throw new CommandError("ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP");
        }
        cluster.changed();
        out.ok();
    }

    private void requireKnown(byte[] id, String error) {
        String name = new String(id, StandardCharsets.ISO_8859_1);
        if (!name.equals(cluster.state().myId())) throw new CommandError(error + name);
    }

    private void forget(Session s, byte[][] argv, ReplySink out) {
        knownNode(argv[2]);
        throw new CommandError("ERR I tried hard but I can't forget myself...");
    }

    private void replicate(Session s, byte[][] argv, ReplySink out) {
        knownNode(argv[2]);
        throw new CommandError("ERR Can't replicate myself");
    }

    private void replicas(Session s, byte[][] argv, ReplySink out) {
        knownNode(argv[2]);
        out.arrayHeader(0);
    }

    private void failover(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3 || (argv.length == 3 && !Arguments.is(argv[2], "force") && !Arguments.is(argv[2], "takeover"))) {
            throw new CommandError(Arguments.SYNTAX);
        }
        throw new CommandError("ERR You should send CLUSTER FAILOVER to a replica");
    }

    /**
     * MEET ip port [bus-port]: the arguments are checked as Valkey checks them, but this node
     * has no cluster bus to shake hands over, so a valid request is refused too.
     */
    private void meet(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 5) throw new CommandError("ERR wrong number of arguments for 'cluster|meet' command");
        String port = new String(argv[3], StandardCharsets.ISO_8859_1);
        if (!port.matches("-?[0-9]+")) throw new CommandError("ERR Invalid TCP base port specified: " + port);
        if (argv.length == 5) {
            String bus = new String(argv[4], StandardCharsets.ISO_8859_1);
            if (!bus.matches("-?[0-9]+")) throw new CommandError("ERR Invalid TCP bus port specified: " + bus);
        }
        throw new CommandError("ERR CLUSTER MEET is not supported: this node has no cluster bus");
    }

    private void help(Session s, byte[][] argv, ReplySink out) {
        if (!cluster.enabled()) throw new CommandError(DISABLED);
        Help.reply(out,
                "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "COUNTKEYSINSLOT <slot>",
                "    Return the number of keys in <slot>.",
                "GETKEYSINSLOT <slot> <count>",
                "    Return key names stored by current node in a slot.",
                "INFO",
                "    Return information about the cluster.",
                "KEYSLOT <key>",
                "    Return the hash slot for <key>.",
                "MYID",
                "    Return the node id.",
                "MYSHARDID",
                "    Return the node's shard id.",
                "NODES",
                "    Return cluster configuration seen by node. Output format:",
                "    <id> <ip:port@bus-port[,hostname]> <flags> <master> <pings> <pongs> <epoch> <link> <slot> ...",
                "REPLICAS <node-id>",
                "    Return <node-id> replicas.",
                "SLOTS",
                "    Return information about slots range mappings. Each range is made of:",
                "    start, end, master and replicas IP addresses, ports and ids",
                "SLOT-STATS",
                "    Return an array of slot usage statistics for slots assigned to the current node.",
                "SHARDS",
                "    Return information about slot range mappings and the nodes associated with them.",
                "ADDSLOTS <slot> [<slot> ...]",
                "    Assign slots to current node.",
                "ADDSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
                "    Assign slots which are between <start-slot> and <end-slot> to current node.",
                "BUMPEPOCH",
                "    Advance the cluster config epoch.",
                "COUNT-FAILURE-REPORTS <node-id>",
                "    Return number of failure reports for <node-id>.",
                "DELSLOTS <slot> [<slot> ...]",
                "    Delete slots information from current node.",
                "DELSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]",
                "    Delete slots information which are between <start-slot> and <end-slot> from current node.",
                "FAILOVER [FORCE|TAKEOVER]",
                "    Promote current replica node to being a master.",
                "FORGET <node-id>",
                "    Remove a node from the cluster.",
                "FLUSHSLOTS",
                "    Delete current node own slots information.",
                "MEET <ip> <port> [<bus-port>]",
                "    Connect nodes into a working cluster.",
                "REPLICATE <node-id>",
                "    Configure current node as replica to <node-id>.",
                "RESET [HARD|SOFT]",
                "    Reset current node (default: soft).",
                "SET-CONFIG-EPOCH <epoch>",
                "    Set config epoch of current node.",
                "SETSLOT <slot> (IMPORTING <node-id>|MIGRATING <node-id>|STABLE|NODE <node-id>)",
                "    Set slot state.",
                "SAVECONFIG",
                "    Force saving cluster configuration on disk.",
                "LINKS",
                "    Return information about all network links between this node and its peers.",
                "    Output format is an array where each array element is a map containing attributes of a link");
    }
}
