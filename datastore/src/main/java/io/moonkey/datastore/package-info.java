/**
 * The keyspace: numbered {@link io.moonkey.datastore.Database}s of byte-array keys on fastutil
 * open hash maps with a separate expires table, lazy and active expiry, LRU/LFU access
 * information, memory accounting and maxmemory eviction, and the value types.
 */
package io.moonkey.datastore;
