package io.moonkey.server.config;

import static io.moonkey.server.config.ConfigParam.bool;
import static io.moonkey.server.config.ConfigParam.choice;
import static io.moonkey.server.config.ConfigParam.integer;
import static io.moonkey.server.config.ConfigParam.memory;
import static io.moonkey.server.config.ConfigParam.string;

/**
 * The parameters the server knows, with Valkey's names, aliases, defaults and ranges. Many are
 * accepted and reported but have no effect yet (persistence, replication, encodings of the data
 * types still to come): clients and test harnesses set them and expect CONFIG GET to echo.
 */
public final class ServerParams {
    private ServerParams() {}

    public static final long MAX = Long.MAX_VALUE;
    public static final long IMAX = Integer.MAX_VALUE;

    public static void registerAll(Config c) {
        // networking
        c.register(integer("port", 6379, 0, 65535));
        c.register(string("bind", "* -::*"));
        c.register(bool("protected-mode", true));
        c.register(integer("tcp-backlog", 511, 0, IMAX).immutable());
        c.register(integer("timeout", 0, 0, IMAX));
        c.register(integer("tcp-keepalive", 300, 0, IMAX));
        c.register(string("unixsocket", "").immutable());
        c.register(integer("unixsocketperm", 0, 0, 0777).immutable());
        c.register(integer("maxclients", 10000, 1, IMAX));
        c.register(memory("client-query-buffer-limit", 1024L * 1024 * 1024));
        c.register(memory("proto-max-bulk-len", 512L * 1024 * 1024));
        c.register(string("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"));
        c.register(integer("io-threads", 1, 1, 128).immutable());
        c.register(bool("io-threads-do-reads", false).immutable());
        // general
        c.register(bool("daemonize", false).immutable());
        c.register(string("pidfile", "").immutable());
        c.register(choice("loglevel", "notice", "debug", "verbose", "notice", "warning", "nothing"));
        c.register(string("logfile", "").immutable());
        c.register(integer("databases", 16, 1, IMAX).immutable());
        c.register(bool("always-show-logo", false).immutable());
        c.register(bool("set-proc-title", true).immutable());
        c.register(integer("hz", 10, 0, IMAX));
        c.register(bool("dynamic-hz", true));
        c.register(string("dir", System.getProperty("user.dir")));
        c.register(string("dbfilename", "dump.rdb"));
        c.register(string("save", "3600 1 300 100 60 10000"));
        c.register(bool("stop-writes-on-bgsave-error", true));
        c.register(bool("rdbcompression", true));
        c.register(bool("rdbchecksum", true));
        c.register(bool("appendonly", false));
        c.register(string("appendfilename", "appendonly.aof").immutable());
        c.register(string("appenddirname", "appendonlydir").immutable());
        c.register(choice("appendfsync", "everysec", "always", "everysec", "no"));
        c.register(bool("no-appendfsync-on-rewrite", false));
        c.register(integer("auto-aof-rewrite-percentage", 100, 0, IMAX));
        c.register(memory("auto-aof-rewrite-min-size", 64L * 1024 * 1024));
        c.register(bool("aof-use-rdb-preamble", true));
        c.register(bool("aof-timestamp-enabled", false));
        c.register(bool("aof-load-truncated", true));
        c.register(string("requirepass", ""));
        c.register(string("masterauth", ""));
        c.register(string("masteruser", ""));
        c.register(string("replicaof", "").alias("slaveof"));
        c.register(bool("replica-read-only", true).alias("slave-read-only"));
        c.register(bool("replica-serve-stale-data", true).alias("slave-serve-stale-data"));
        c.register(integer("replica-priority", 100, 0, IMAX).alias("slave-priority"));
        c.register(integer("min-replicas-to-write", 0, 0, IMAX).alias("min-slaves-to-write"));
        c.register(integer("min-replicas-max-lag", 10, 0, IMAX).alias("min-slaves-max-lag"));
        c.register(memory("repl-backlog-size", 1024L * 1024));
        c.register(integer("repl-timeout", 60, 1, IMAX));
        c.register(integer("repl-ping-replica-period", 10, 1, IMAX).alias("repl-ping-slave-period"));
        c.register(bool("repl-diskless-sync", true));
        c.register(integer("repl-diskless-sync-delay", 5, 0, IMAX));
        c.register(bool("cluster-enabled", false).immutable());
        c.register(string("cluster-config-file", "nodes.conf").immutable());
        c.register(integer("cluster-node-timeout", 15000, 0, MAX));
        c.register(integer("cluster-port", 0, 0, 65535).immutable());
        c.register(string("cluster-announce-ip", ""));
        c.register(integer("cluster-announce-port", 0, 0, 65535));
        c.register(integer("cluster-announce-bus-port", 0, 0, 65535));
        c.register(bool("cluster-require-full-coverage", true));
        c.register(bool("cluster-allow-reads-when-down", false));
        c.register(bool("cluster-allow-pubsubshard-when-down", true));
        c.register(bool("cluster-allow-replica-migration", true));
        c.register(bool("cluster-replica-no-failover", false));
        c.register(integer("cluster-migration-barrier", 1, 0, IMAX));
        c.register(integer("cluster-replica-validity-factor", 10, 0, IMAX));
        // memory
        c.register(memory("maxmemory", 0));
        c.register(choice("maxmemory-policy", "noeviction", "volatile-lru", "volatile-lfu", "volatile-random",
                "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"));
        c.register(integer("maxmemory-samples", 5, 1, 64));
        c.register(integer("maxmemory-eviction-tenacity", 10, 0, 100));
        c.register(memory("maxmemory-clients", 0));
        c.register(integer("lfu-log-factor", 10, 0, IMAX));
        c.register(integer("lfu-decay-time", 1, 0, IMAX));
        c.register(bool("lazyfree-lazy-eviction", false));
        c.register(bool("lazyfree-lazy-expire", false));
        c.register(bool("lazyfree-lazy-server-del", false));
        c.register(bool("lazyfree-lazy-user-del", false));
        c.register(bool("lazyfree-lazy-user-flush", false));
        c.register(bool("replica-lazy-flush", false).alias("slave-lazy-flush"));
        c.register(bool("activedefrag", false));
        c.register(integer("active-expire-effort", 1, 1, 10));
        c.register(bool("jemalloc-bg-thread", true));
        // scripting
        c.register(integer("busy-reply-threshold", 5000, 0, MAX).alias("lua-time-limit"));
        c.register(bool("lua-replicate-commands", true));
        // logs and introspection
        c.register(integer("slowlog-log-slower-than", 10000, -1, MAX));
        c.register(integer("slowlog-max-len", 128, 0, MAX));
        c.register(integer("latency-monitor-threshold", 0, 0, MAX));
        c.register(bool("latency-tracking", true));
        c.register(string("latency-tracking-info-percentiles", "50 99 99.9"));
        c.register(string("notify-keyspace-events", "").normaliser(io.moonkey.server.KeyspaceEvents::normalise));
        c.register(choice("enable-debug-command", "no", "yes", "no", "local"));
        c.register(choice("enable-protected-configs", "no", "yes", "no", "local"));
        c.register(choice("enable-module-command", "no", "yes", "no", "local"));
        c.register(bool("crash-log-enabled", true));
        c.register(bool("crash-memcheck-enabled", true));
        c.register(integer("tracking-table-max-keys", 1000000, 0, MAX));
        c.register(string("acllog-max-len", "128"));
        c.register(choice("acl-pubsub-default", "resetchannels", "allchannels", "resetchannels"));
        c.register(string("aclfile", "").immutable());
        c.register(string("oom-score-adj", "no"));
        c.register(string("oom-score-adj-values", "0 200 800"));
        c.register(bool("disable-thp", true));
        c.register(bool("extended-redis-compatibility", false));
        // data type encodings (the types come in the next issue; values are kept and reported)
        c.register(integer("hash-max-listpack-entries", 128, 0, MAX).alias("hash-max-ziplist-entries"));
        c.register(integer("hash-max-listpack-value", 64, 0, MAX).alias("hash-max-ziplist-value"));
        c.register(integer("list-max-listpack-size", -2, Integer.MIN_VALUE, IMAX).alias("list-max-ziplist-size"));
        c.register(integer("list-compress-depth", 0, 0, IMAX));
        c.register(integer("set-max-intset-entries", 512, 0, MAX));
        c.register(integer("set-max-listpack-entries", 128, 0, MAX));
        c.register(integer("set-max-listpack-value", 64, 0, MAX));
        c.register(integer("zset-max-listpack-entries", 128, 0, MAX).alias("zset-max-ziplist-entries"));
        c.register(integer("zset-max-listpack-value", 64, 0, MAX).alias("zset-max-ziplist-value"));
        c.register(integer("hll-sparse-max-bytes", 3000, 0, MAX));
        c.register(memory("stream-node-max-bytes", 4096));
        c.register(integer("stream-node-max-entries", 100, 0, MAX));
        c.register(bool("activerehashing", true));
        c.register(bool("sanitize-dump-payload", false));
    }
}
