package io.moonkey.server;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.Memory;
import io.moonkey.server.command.CommandSpec;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The text of INFO: "# Section" blocks of field:value lines, with Valkey's field names. */
public final class InfoReport {
    private static final List<String> DEFAULT = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "cpu", "modules", "errorstats", "cluster", "keyspace");
    private static final List<String> ALL_EXTRA = List.of("commandstats", "latencystats");

    private final Server server;

    public InfoReport(Server server) {
        this.server = server;
    }

    /** The report for the requested section names (empty = default). */
    public String render(List<String> requested) {
        Set<String> sections = new LinkedHashSet<>();
        if (requested.isEmpty()) sections.addAll(DEFAULT);
        for (String r : requested) {
            String n = r.toLowerCase(Locale.ROOT);
            switch (n) {
                case "default" -> sections.addAll(DEFAULT);
                case "all", "everything" -> {
                    sections.addAll(DEFAULT);
                    sections.addAll(ALL_EXTRA);
                }
                default -> sections.add(n);
            }
        }
        StringBuilder b = new StringBuilder(2048);
        int n = 0;
        for (String sec : List.of("server", "clients", "memory", "persistence", "stats", "replication", "cpu",
                "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace")) {
            if (!sections.contains(sec)) continue;
            if (n++ > 0) b.append("\r\n");
            section(sec, b);
        }
        return b.toString();
    }

    private static void field(StringBuilder b, String name, Object value) {
        b.append(name).append(':').append(value).append("\r\n");
    }

    private void section(String name, StringBuilder b) {
        Keyspace ks = server.keyspace();
        Stats st = server.stats();
        long now = System.currentTimeMillis();
        switch (name) {
            case "server" -> {
                b.append("# Server\r\n");
                field(b, "redis_version", Version.REDIS_COMPAT);
                field(b, "server_name", Version.SERVER_NAME);
                field(b, "valkey_version", Version.VALKEY);
                field(b, "redis_git_sha1", "00000000");
                field(b, "redis_git_dirty", 0);
                field(b, "redis_build_id", "0");
                field(b, "redis_mode", server.cluster().enabled() ? "cluster" : "standalone");
                field(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
                field(b, "arch_bits", 64);
                field(b, "monotonic_clock", "POSIX clock_gettime");
                field(b, "multiplexing_api", "epoll");
                field(b, "gcc_version", "0.0.0");
                field(b, "process_id", ProcessHandle.current().pid());
                field(b, "process_supervised", "no");
                field(b, "run_id", server.runId());
                field(b, "tcp_port", server.eventLoop() != null ? server.eventLoop().port() : server.config().get("port"));
                long up = (now - server.startMs()) / 1000;
                field(b, "server_time_usec", now * 1000);
                field(b, "uptime_in_seconds", up);
                field(b, "uptime_in_days", up / 86400);
                field(b, "hz", server.config().get("hz"));
                field(b, "configured_hz", server.config().get("hz"));
                field(b, "lru_clock", (now / 1000) & ((1 << 24) - 1));
                field(b, "executable", System.getProperty("java.home") + "/bin/java");
                field(b, "config_file", server.config().file() == null ? "" : server.config().file());
                field(b, "io_threads_active", 0);
            }
            case "clients" -> {
                b.append("# Clients\r\n");
                int pubsubClients = 0, watching = 0;
                long watchedKeys = 0;
                for (Session s : server.clients()) {
                    if (s.subscriberCount() > 0) pubsubClients++;
                    if (!s.watched.isEmpty()) {
                        watching++;
                        watchedKeys += s.watched.size();
                    }
                }
                field(b, "connected_clients", server.clientCount());
                field(b, "cluster_connections", 0);
                field(b, "maxclients", server.config().get("maxclients"));
                field(b, "client_recent_max_input_buffer", 0);
                field(b, "client_recent_max_output_buffer", 0);
                field(b, "blocked_clients", server.blocked().count());
                field(b, "tracking_clients", server.tracking().clients());
                field(b, "pubsub_clients", pubsubClients);
                field(b, "watching_clients", watching);
                field(b, "clients_in_timeout_table", 0);
                field(b, "total_watched_keys", watchedKeys);
                field(b, "total_blocking_keys", 0);
                field(b, "total_blocking_keys_on_nokey", 0);
            }
            case "memory" -> {
                b.append("# Memory\r\n");
                long used = ks.usedMemory();
                long dataset = ks.datasetBytes();
                long rss = rssBytes();
                Runtime rt = Runtime.getRuntime();
                field(b, "used_memory", used);
                field(b, "used_memory_human", Memory.human(used));
                field(b, "used_memory_rss", rss);
                field(b, "used_memory_rss_human", Memory.human(rss));
                field(b, "used_memory_peak", Math.max(used, peak(used)));
                field(b, "used_memory_peak_human", Memory.human(Math.max(used, peak(used))));
                field(b, "used_memory_overhead", used - dataset);
                field(b, "used_memory_startup", 0);
                field(b, "used_memory_dataset", dataset);
                io.moonkey.server.scripting.ScriptingStats sc = server.scriptingStats();
                long vmTotal = sc.vmEvalBytes() + sc.vmFunctionsBytes();
                long scripts = sc.scriptsEvalBytes() + sc.functionsBytes();
                field(b, "used_memory_lua", sc.vmEvalBytes());
                field(b, "used_memory_vm_eval", sc.vmEvalBytes());
                field(b, "used_memory_lua_human", Memory.human(sc.vmEvalBytes()));
                field(b, "used_memory_scripts_eval", sc.scriptsEvalBytes());
                field(b, "number_of_cached_scripts", sc.cachedScripts());
                field(b, "number_of_functions", sc.functions());
                field(b, "number_of_libraries", sc.libraries());
                field(b, "used_memory_vm_functions", sc.vmFunctionsBytes());
                field(b, "used_memory_vm_total", vmTotal);
                field(b, "used_memory_vm_total_human", Memory.human(vmTotal));
                field(b, "used_memory_functions", sc.functionsBytes());
                field(b, "used_memory_scripts", scripts);
                field(b, "used_memory_scripts_human", Memory.human(scripts));
                field(b, "total_system_memory", totalSystemMemory());
                field(b, "jvm_heap_used", rt.totalMemory() - rt.freeMemory());
                field(b, "jvm_heap_committed", rt.totalMemory());
                field(b, "maxmemory", server.maxmemory());
                field(b, "maxmemory_human", Memory.human(server.maxmemory()));
                field(b, "maxmemory_policy", ks.policy().configName());
                field(b, "mem_fragmentation_ratio", used == 0 ? "0.00" : String.format(Locale.ROOT, "%.2f", (double) rss / used));
                field(b, "mem_allocator", "jvm");
                field(b, "lazyfree_pending_objects", 0);
            }
            case "persistence" -> {
                b.append("# Persistence\r\n");
                var rdb = server.rdb();
                field(b, "loading", server.loading() ? 1 : 0);
                field(b, "async_loading", 0);
                field(b, "current_cow_peak", 0);
                field(b, "current_cow_size", 0);
                field(b, "current_cow_size_age", 0);
                field(b, "current_fork_perc", "0.00");
                field(b, "current_save_keys_processed", 0);
                field(b, "current_save_keys_total", 0);
                field(b, "rdb_changes_since_last_save", rdb.changesSinceSave());
                field(b, "rdb_bgsave_in_progress", rdb.bgsaveInProgress() ? 1 : 0);
                field(b, "rdb_last_save_time", server.lastSaveTime());
                field(b, "rdb_last_bgsave_status", rdb.lastBgsaveOk() ? "ok" : "err");
                field(b, "rdb_last_bgsave_time_sec", rdb.lastBgsaveDurationSec());
                field(b, "rdb_current_bgsave_time_sec", rdb.currentBgsaveSeconds());
                field(b, "rdb_saves", rdb.saves());
                field(b, "rdb_last_cow_size", 0);
                field(b, "rdb_last_load_keys_expired", rdb.lastLoadExpired());
                field(b, "rdb_last_load_keys_loaded", rdb.lastLoadKeys());
                field(b, "aof_enabled", server.aof().enabled() ? 1 : 0);
                field(b, "aof_rewrite_in_progress", 0);
                field(b, "aof_rewrite_scheduled", 0);
                field(b, "aof_rewrites", server.aof().rewrites());
                field(b, "aof_last_bgrewrite_status", "ok");
                field(b, "aof_last_write_status", server.aof().lastWriteStatus());
            }
            case "stats" -> {
                b.append("# Stats\r\n");
                field(b, "total_connections_received", st.connectionsReceived);
                field(b, "total_commands_processed", st.commandsProcessed);
                field(b, "instantaneous_ops_per_sec", 0);
                field(b, "total_net_input_bytes", st.netInputBytes);
                field(b, "total_net_output_bytes", st.netOutputBytes);
                field(b, "rejected_connections", st.rejectedConnections);
                long[] syncs = server.replication().syncCounts();
                field(b, "sync_full", syncs[0]);
                field(b, "sync_partial_ok", syncs[1]);
                field(b, "sync_partial_err", syncs[2]);
                field(b, "expired_keys", ks.expiredKeys());
                field(b, "expired_stale_perc", "0.00");
                field(b, "expired_time_cap_reached_count", 0);
                field(b, "evicted_keys", ks.evictedKeys());
                field(b, "evicted_clients", 0);
                field(b, "evicted_scripts", server.scriptingStats().evictedScripts());
                field(b, "total_eviction_exceeded_time", 0);
                field(b, "keyspace_hits", ks.hits());
                field(b, "keyspace_misses", ks.misses());
                field(b, "pubsub_channels", server.pubsub().channelCount());
                field(b, "pubsub_patterns", server.pubsub().patternCount());
                field(b, "pubsubshard_channels", server.pubsub().shardChannelCount());
                field(b, "latest_fork_usec", 0);
                field(b, "total_forks", 0);
                field(b, "tracking_total_keys", server.tracking().keys());
                field(b, "tracking_total_items", server.tracking().items());
                field(b, "tracking_total_prefixes", server.tracking().prefixCount());
                field(b, "unexpected_error_replies", 0);
                field(b, "total_error_replies", st.errorReplies);
                field(b, "dump_payload_sanitizations", 0);
                field(b, "total_reads_processed", 0);
                field(b, "total_writes_processed", 0);
                long[] denied = server.acl().deniedCounts();
                field(b, "acl_access_denied_auth", denied[0]);
                field(b, "acl_access_denied_cmd", denied[1]);
                field(b, "acl_access_denied_key", denied[2]);
                field(b, "acl_access_denied_channel", denied[3]);
            }
            case "replication" -> {
                b.append("# Replication\r\n");
                var repl = server.replication();
                var mode = server.replicaMode();
                if (mode.active()) {
                    field(b, "role", "slave");
                    for (String line : mode.describe(System.currentTimeMillis())) b.append(line).append("\r\n");
                } else {
                    field(b, "role", "master");
                }
                field(b, "connected_slaves", repl.replicaCount());
                for (String line : repl.describeReplicas()) b.append(line).append("\r\n");
                field(b, "master_failover_state", "no-failover");
                field(b, "master_replid", repl.replId());
                field(b, "master_replid2", repl.replId2());
                field(b, "master_repl_offset", repl.offset());
                field(b, "second_repl_offset", repl.secondOffset());
                field(b, "repl_backlog_active", repl.backlogActive() ? 1 : 0);
                field(b, "repl_backlog_size", repl.backlogSize());
                field(b, "repl_backlog_first_byte_offset", repl.backlogFirstOffset());
                field(b, "repl_backlog_histlen", repl.backlogHistlen());
            }
            case "cpu" -> {
                b.append("# CPU\r\n");
                double cpu = cpuSeconds();
                field(b, "used_cpu_sys", String.format(Locale.ROOT, "%.6f", cpu * 0.3));
                field(b, "used_cpu_user", String.format(Locale.ROOT, "%.6f", cpu * 0.7));
                field(b, "used_cpu_sys_children", "0.000000");
                field(b, "used_cpu_user_children", "0.000000");
            }
            case "modules" -> b.append("# Modules\r\n");
            case "cluster" -> {
                b.append("# Cluster\r\n");
                field(b, "cluster_enabled", server.cluster().enabled() ? 1 : 0);
            }
            case "commandstats" -> {
                b.append("# Commandstats\r\n");
                for (CommandSpec c : server.commands().allWithSubcommands()) {
                    if (c.calls == 0 && c.rejectedCalls == 0 && c.failedCalls == 0) continue;
                    b.append("cmdstat_").append(c.fullName()).append(":calls=").append(c.calls)
                            .append(",usec=").append(c.microseconds)
                            .append(",usec_per_call=").append(String.format(Locale.ROOT, "%.2f", c.calls == 0 ? 0.0 : (double) c.microseconds / c.calls))
                            .append(",rejected_calls=").append(c.rejectedCalls)
                            .append(",failed_calls=").append(c.failedCalls).append("\r\n");
                }
            }
            case "errorstats" -> {
                b.append("# Errorstats\r\n");
                st.errorsByCode.forEach((code, count) -> b.append("errorstat_").append(code).append(":count=").append(count).append("\r\n"));
            }
            case "latencystats" -> b.append("# Latencystats\r\n");
            case "keyspace" -> {
                b.append("# Keyspace\r\n");
                for (int i = 0; i < ks.databases(); i++) {
                    Database d = ks.db(i);
                    if (d.size() == 0) continue;
                    b.append("db").append(i).append(":keys=").append(d.size()).append(",expires=").append(d.expiresSize())
                            .append(",avg_ttl=0,subexpiry=0\r\n");
                }
            }
            default -> {}
        }
    }

    private long peakSeen;

    /** The highest used_memory seen so far (INFO and MEMORY STATS report it). */
    public long peak(long used) {
        peakSeen = Math.max(peakSeen, used);
        return peakSeen;
    }

    /** Resident set size from /proc when available, else the committed heap. */
    public static long rssBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return Runtime.getRuntime().totalMemory();
    }

    private static long totalSystemMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }
}
