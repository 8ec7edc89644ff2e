/**
 * Replication, both sides. As a master: replicas attach with SYNC/PSYNC and get a snapshot of the
 * dataset as an RDB payload, then the propagation stream as RESP commands, which a backlog also
 * keeps so a replica that lost its link continues with PSYNC (+CONTINUE); they acknowledge
 * offsets with REPLCONF ACK, which WAIT counts. As a replica (REPLICAOF): a link thread talks to
 * the master and the execution thread loads its snapshot and applies its stream, keeping the
 * master's replication id and offsets.
 */
package io.moonkey.server.replication;
