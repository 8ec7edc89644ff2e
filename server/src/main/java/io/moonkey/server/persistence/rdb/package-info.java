/**
 * The RDB format: reading (files, replication payloads, DUMP payloads) and writing (SAVE, BGSAVE,
 * full synchronisation of replicas, DUMP). Files are written as RDB version 10 with the record
 * types redis-server 7.0 reads; version 11 files (Valkey's) and every 7.0 encoding are read.
 */
package io.moonkey.server.persistence.rdb;
