/**
 * The master side of replication: replicas attach with SYNC/PSYNC, get a snapshot of the dataset
 * as an RDB payload, then the propagation stream as RESP commands; they acknowledge offsets with
 * REPLCONF ACK, which WAIT counts. Every resynchronisation is a full one (no backlog).
 */
package io.moonkey.server.replication;
