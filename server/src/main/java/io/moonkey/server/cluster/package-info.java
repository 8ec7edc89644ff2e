/**
 * Cluster mode ({@code cluster-enabled yes}) for a node alone in its cluster, as a single-node
 * Valkey cluster behaves: it serves the hash slots assigned to it (CLUSTER ADDSLOTS...), keeps
 * its identity, epochs and slots in {@code cluster-config-file} under {@code dir}, and computes
 * the cluster state from slot coverage.
 *
 * <ul>
 *   <li>{@link io.moonkey.server.cluster.Cluster}: the facade the server holds; the dispatcher's
 *       check of each request (one slot, served, cluster up) goes through it.</li>
 *   <li>{@link io.moonkey.server.cluster.SlotRouting}: Valkey's getNodeByQuery for one node.</li>
 *   <li>{@link io.moonkey.server.cluster.ScriptSlotGuard}: the per-command checks inside
 *       scripts (scripting.md §11).</li>
 *   <li>{@link io.moonkey.server.cluster.ClusterState}, {@link io.moonkey.server.cluster.NodesConfigFile},
 *       {@link io.moonkey.server.cluster.TopologyReplies}, {@link io.moonkey.server.cluster.SlotStats}
 *       and {@link io.moonkey.server.cluster.ClusterCommand}: state, file and commands.</li>
 * </ul>
 *
 * <p>Keys per slot are counted (an int per slot in the database, kept by every insertion and
 * removal) rather than indexed: COUNTKEYSINSLOT is O(1), GETKEYSINSLOT walks the table until it
 * has found what the count says the slot holds.
 *
 * <p>There is no cluster bus: no peers, so no MOVED/ASK redirections, failover or gossip;
 * CLUSTER MEET checks its arguments and is refused. Slots marked MIGRATING (to this node, the
 * only one it knows) are shown by CLUSTER NODES but do not change routing. READONLY, READWRITE
 * and ASKING are accepted without effect (they matter to replicas and importing slots only).
 */
package io.moonkey.server.cluster;
