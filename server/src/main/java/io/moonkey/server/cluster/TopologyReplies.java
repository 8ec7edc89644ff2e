package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;

/**
 * What a node says of the cluster's layout: the CLUSTER NODES line (also the nodes.conf
 * line), CLUSTER SLOTS, CLUSTER SHARDS and CLUSTER INFO, in Valkey's formats. The node knows
 * no address of its own (no peer ever told it), so its IP is empty, as on a lone Valkey node,
 * unless {@code cluster-announce-ip} gives one.
 */
final class TopologyReplies {
    private TopologyReplies() {}

    /**
     * This node's line: {@code <id> <ip:port@cport> myself,master - 0 0 <epoch> connected <slots>}
     * and a line feed. The configuration file's form adds the aux fields after the address.
     */
    static String nodeLine(Cluster cluster, boolean forConfig) {
        ClusterState st = cluster.state();
        StringBuilder b = new StringBuilder(128).append(st.myId()).append(' ').append(cluster.ip()).append(':').append(cluster.port())
                .append('@').append(cluster.busPort());
        if (forConfig) b.append(",,tls-port=0,shard-id=").append(st.shardId());
        b.append(" myself,master - 0 0 ").append(st.configEpoch()).append(" connected");
        for (int from = st.nextServed(0); from >= 0; ) {
            int to = st.nextUnserved(from) - 1;
            b.append(' ').append(from);
            if (to > from) b.append('-').append(to);
            from = st.nextServed(to + 1);
        }
        for (int s = 0; s < HashSlot.COUNT; s++) {
            if (st.migrating(s)) b.append(" [").append(s).append("->-").append(st.myId()).append(']');
        }
        return b.append('\n').toString();
    }

    /** CLUSTER SLOTS: {@code [start, end, [ip, port, id, {}]]} per contiguous range served. */
    static void slots(Cluster cluster, ReplySink out) {
        ClusterState st = cluster.state();
        int ranges = 0;
        for (int from = st.nextServed(0); from >= 0; from = st.nextServed(st.nextUnserved(from))) ranges++;
        out.arrayHeader(ranges);
        for (int from = st.nextServed(0); from >= 0; ) {
            int to = st.nextUnserved(from) - 1;
            out.arrayHeader(3);
            out.integer(from);
            out.integer(to);
            out.arrayHeader(4);
            out.bulk(cluster.ip());
            out.integer(cluster.port());
            out.bulk(st.myId());
            out.mapHeader(0); // no extra networking metadata (hostname is not set)
            from = st.nextServed(to + 1);
        }
    }

    /** CLUSTER SHARDS: one shard, this node, with its slot ranges as a flat start/end list. */
    static void shards(Cluster cluster, long replicationOffset, ReplySink out) {
        ClusterState st = cluster.state();
        out.arrayHeader(1);
        out.mapHeader(2);
        out.bulk("slots");
        int ranges = 0;
        for (int from = st.nextServed(0); from >= 0; from = st.nextServed(st.nextUnserved(from))) ranges++;
        out.arrayHeader(ranges * 2);
        for (int from = st.nextServed(0); from >= 0; ) {
            int to = st.nextUnserved(from) - 1;
            out.integer(from);
            out.integer(to);
            from = st.nextServed(to + 1);
        }
        out.bulk("nodes");
        out.arrayHeader(1);
        out.mapHeader(7);
        out.bulk("id");
        out.bulk(st.myId());
        out.bulk("port");
        out.integer(cluster.port());
        out.bulk("ip");
        out.bulk(cluster.ip());
        out.bulk("endpoint");
        out.bulk(cluster.ip());
        out.bulk("role");
        out.bulk("master");
        out.bulk("replication-offset");
        out.integer(replicationOffset);
        out.bulk("health");
        out.bulk("online");
    }

    /** CLUSTER INFO's text. */
    static byte[] info(Cluster cluster) {
        ClusterState st = cluster.state();
        int assigned = st.servedCount();
        String text = "cluster_state:" + (st.ok() ? "ok" : "fail") + "\r\n"
                + "cluster_slots_assigned:" + assigned + "\r\n"
                + "cluster_slots_ok:" + assigned + "\r\n"
                + "cluster_slots_pfail:0\r\n"
                + "cluster_slots_fail:0\r\n"
                + "cluster_known_nodes:1\r\n"
                + "cluster_size:" + st.size() + "\r\n"
                + "cluster_current_epoch:" + st.currentEpoch() + "\r\n"
                + "cluster_my_epoch:" + st.configEpoch() + "\r\n"
                + "cluster_stats_messages_sent:0\r\n"
                + "cluster_stats_messages_received:0\r\n"
                + "total_cluster_links_buffer_limit_exceeded:0\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
