package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.server.InfoReport;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.SlowLog;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Server-level commands: databases, INFO, TIME, SLOWLOG, LATENCY, MONITOR, WAIT, SHUTDOWN. */
public final class ServerCommands {
    private final Server server;
    private final InfoReport info;

    public ServerCommands(Server server) {
        this.server = server;
        this.info = new InfoReport(server);
    }

    public void register(CommandTable t) {
        String g = "server";
        t.add(new CommandSpec("dbsize", 1, "readonly fast", g, "1.0.0", "Returns the number of keys in the database.", this::dbsize).acl("keyspace", "read", "fast"));
        t.add(new CommandSpec("flushdb", -1, "write", g, "1.0.0", "Remove all keys from the current database.", this::flushdb).acl("keyspace", "write", "slow", "dangerous"));
        t.add(new CommandSpec("flushall", -1, "write", g, "1.0.0", "Removes all keys from all databases.", this::flushall).acl("keyspace", "write", "slow", "dangerous"));
        t.add(new CommandSpec("swapdb", 3, "write fast", g, "4.0.0", "Swaps two databases.", this::swapdb).acl("keyspace", "write", "fast", "dangerous"));
        t.add(new CommandSpec("time", 1, "loading stale fast", g, "2.6.0", "Returns the server time.", this::time));
        t.add(new CommandSpec("info", -1, "loading stale", g, "1.0.0", "Returns information and statistics about the server.", this::info).acl("slow", "dangerous"));
        t.add(new CommandSpec("lastsave", 1, "loading stale fast", g, "1.0.0", "Returns the Unix timestamp of the last successful save to disk.", this::lastsave).acl("admin", "fast", "dangerous"));
        t.add(new CommandSpec("monitor", 1, "admin noscript loading stale", g, "1.0.0", "Listens for all requests received by the server in real-time.", this::monitor));
        t.add(new CommandSpec("shutdown", -1, "admin noscript loading stale no_multi allow_busy", g, "1.0.0",
                "Synchronously saves the database(s) to disk and shuts down the server.", this::shutdown));
        t.add(new CommandSpec("memory", -2, "", g, "4.0.0", "A container for memory diagnostics commands.", null)
                .sub(new CommandSpec("usage", -3, "readonly", g, "4.0.0", "Estimates the memory usage of a key.", this::memoryUsage)
                        .keys(KeySpec.range("RO", 2, 0, 1)))
                .sub(new CommandSpec("doctor", 2, "", g, "4.0.0", "Outputs a memory problems report.", this::memoryDoctor))
                .sub(new CommandSpec("purge", 2, "", g, "4.0.0", "Asks the allocator to release memory.", this::memoryPurge))
                .sub(new CommandSpec("stats", 2, "", g, "4.0.0", "Returns details about memory usage.", this::memoryStats))
                .sub(new CommandSpec("malloc-stats", 2, "", g, "4.0.0", "Returns the allocator statistics.", this::memoryMallocStats))
                .sub(new CommandSpec("help", 2, "loading stale", g, "4.0.0", "Returns helpful text about the different subcommands.", this::memoryHelp)));
        t.add(new CommandSpec("slowlog", -2, "", g, "2.2.12", "A container for slow log commands.", null)
                .sub(new CommandSpec("get", -2, "admin loading stale", g, "2.2.12", "Returns the slow log's entries.", this::slowlogGet))
                .sub(new CommandSpec("len", 2, "admin loading stale", g, "2.2.12", "Returns the number of entries in the slow log.", this::slowlogLen))
                .sub(new CommandSpec("reset", 2, "admin loading stale", g, "2.2.12", "Clears all entries from the slow log.", this::slowlogReset))
                .sub(new CommandSpec("help", 2, "loading stale", g, "6.2.0", "Show helpful text about the different subcommands", this::slowlogHelp)));
        t.add(new CommandSpec("latency", -2, "", g, "2.8.13", "A container for latency diagnostics commands.", null)
                .sub(new CommandSpec("latest", 2, "admin noscript loading stale", g, "2.8.13", "Returns the latest latency samples for all events.", this::latencyLatest))
                .sub(new CommandSpec("history", 3, "admin noscript loading stale", g, "2.8.13", "Returns timestamp-latency samples for an event.", this::latencyHistory))
                .sub(new CommandSpec("reset", -2, "admin noscript loading stale", g, "2.8.13", "Resets the latency data for one or more events.", this::latencyReset))
                .sub(new CommandSpec("doctor", 2, "admin noscript loading stale", g, "2.8.13", "Returns a human-readable latency analysis report.", this::latencyDoctor))
                .sub(new CommandSpec("graph", 3, "admin noscript loading stale", g, "2.8.13", "Returns a latency graph for an event.", this::latencyGraph))
                .sub(new CommandSpec("histogram", -2, "admin noscript loading stale", g, "7.0.0",
                        "Returns the cumulative distribution of latencies of a subset or all commands.", this::emptyMap))
                .sub(new CommandSpec("help", 2, "loading stale", g, "2.8.13", "Returns helpful text about the different subcommands.", this::latencyHelp)));
    }

    /** DBSIZE: number of keys in the selected database. */
    void dbsize(Session s, byte[][] argv, ReplySink out) {
        out.integer(s.db().size());
    }

    private static void flushMode(byte[][] argv) {
        if (argv.length > 2 || (argv.length == 2 && !is(argv[1], "async") && !is(argv[1], "sync"))) {
            throw new CommandError(SYNTAX);
        }
    }

    /** FLUSHDB [ASYNC | SYNC]: deletes every key of the selected database. */
    void flushdb(Session s, byte[][] argv, ReplySink out) {
        flushMode(argv);
        long n = s.db().clear();
        s.dirty(n + 1);
        server.tracking().flushed(s);
        out.ok();
    }

    /** FLUSHALL [ASYNC | SYNC]: deletes every key of every database. */
    void flushall(Session s, byte[][] argv, ReplySink out) {
        flushMode(argv);
        long n = server.keyspace().flushAll();
        server.rdb().flushedAll(n);
        s.dirty(n + 1);
        server.tracking().flushed(s);
        out.ok();
    }

    /** SWAPDB index1 index2: exchanges two databases' contents. */
    void swapdb(Session s, byte[][] argv, ReplySink out) {
        if (server.cluster().enabled()) throw new CommandError("ERR SWAPDB is not allowed in cluster mode");
        long a = parseLong(argv[1], "ERR invalid first DB index");
        long b = parseLong(argv[2], "ERR invalid second DB index");
        int n = server.keyspace().databases();
        if (a < 0 || a >= n || b < 0 || b >= n) throw new CommandError("ERR DB index is out of range");
        server.keyspace().swap((int) a, (int) b);
        server.blocked().signalExistingKeys(server.keyspace().db((int) a));
        server.blocked().signalExistingKeys(server.keyspace().db((int) b));
        s.dirty();
        out.ok();
    }

    /** TIME: [unix seconds, microseconds] as bulk strings (frozen while a script runs). */
    void time(Session s, byte[][] argv, ReplySink out) {
        long us = server.dispatcher().commandStartMicros();
        out.arrayHeader(2);
        out.bulk(Long.toString(us / 1_000_000));
        out.bulk(Long.toString(us % 1_000_000));
    }

    /** INFO [section [section ...]]: the server report (verbatim text in RESP3). */
    void info(Session s, byte[][] argv, ReplySink out) {
        List<String> sections = new ArrayList<>();
        for (int i = 1; i < argv.length; i++) sections.add(latin1(argv[i]));
        out.verbatim("txt", info.render(sections).getBytes(StandardCharsets.UTF_8));
    }

    /** LASTSAVE. */
    void lastsave(Session s, byte[][] argv, ReplySink out) {
        out.integer(server.lastSaveTime());
    }

    /** MONITOR: streams every command the server executes to this client. */
    void monitor(Session s, byte[][] argv, ReplySink out) {
        if (s.channel() == null) throw new CommandError("ERR MONITOR needs a connection");
        server.addMonitor(s);
        out.ok();
    }

    /**
     * SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]: stops the server (no reply on success),
     * saving the RDB file first with SAVE, or when save points are configured and not NOSAVE.
     */
    void shutdown(Session s, byte[][] argv, ReplySink out) {
        boolean nosave = false, save = false, force = false, abort = false;
        for (int i = 1; i < argv.length; i++) {
            if (is(argv[i], "nosave")) nosave = true;
            else if (is(argv[i], "save")) save = true;
            else if (is(argv[i], "now")) continue;
            else if (is(argv[i], "force")) force = true;
            else if (is(argv[i], "abort")) abort = true;
            else throw new CommandError(SYNTAX);
        }
        if ((abort && argv.length != 2) || (nosave && save)) throw new CommandError(SYNTAX);
        if (abort) throw new CommandError("ERR No shutdown in progress.");
        if (server.busyMessage() != null && !nosave) throw new CommandError(server.busyMessage());
        server.log().warning("User requested shutdown...");
        if (!nosave && (save || server.rdb().hasSavePoints())) {
            server.log().notice("Saving the final RDB snapshot before exiting.");
            server.rdb().awaitBackgroundSave();
            try {
                server.rdb().save();
            } catch (java.io.IOException e) {
                if (!force) {
                    server.log().warning("Error trying to save the DB, can't exit.");
                    throw new CommandError("ERR Errors trying to SHUTDOWN. Check logs.");
                }
            }
        }
        server.shutdownSaved();
        server.shutdown();
        if (s.channel() != null) s.channel().close(false);
    }

    /** MEMORY USAGE key [SAMPLES count]: estimated bytes of the key, its value and its expire. */
    void memoryUsage(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 5) {
            if (!is(argv[3], "samples")) throw new CommandError(SYNTAX);
            long n = parseLong(argv[4]);
            if (n < 0) throw new CommandError(SYNTAX);
        } else if (argv.length != 3) {
            throw new CommandError(SYNTAX);
        }
        io.moonkey.datastore.Database db = s.db();
        io.moonkey.datastore.Value v = db.lookup(argv[2], io.moonkey.datastore.Database.NO_TOUCH | io.moonkey.datastore.Database.NO_STATS);
        if (v == null) {
            out.nullBulk();
            return;
        }
        long bytes = io.moonkey.datastore.Memory.keyEntry(argv[2]) + v.memoryUsage()
                + (db.expireTime(argv[2]) >= 0 ? io.moonkey.datastore.Memory.EXPIRE_ENTRY : 0);
        out.integer(bytes);
    }

    /** MEMORY DOCTOR. */
    void memoryDoctor(Session s, byte[][] argv, ReplySink out) {
        out.verbatim("txt", "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base."
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * MEMORY STATS: Valkey's fields in its order. The allocator figures are the JVM heap's: used
     * (allocated), committed (active) and the process's resident set (resident).
     */
    void memoryStats(Session s, byte[][] argv, ReplySink out) {
        io.moonkey.datastore.Keyspace ks = server.keyspace();
        long used = ks.usedMemory();
        long peak = info.peak(used);
        long startup = server.startupMemory();
        long clients = server.clientOutputBytes();
        io.moonkey.server.scripting.ScriptingStats sc = server.scriptingStats();
        java.util.List<Integer> dbs = new java.util.ArrayList<>();
        long tables = 0;
        for (int i = 0; i < ks.databases(); i++) {
            io.moonkey.datastore.Database db = ks.db(i);
            if (db.size() == 0) continue;
            dbs.add(i);
            tables += db.mainTableBytes() + db.expiresTableBytes();
        }
        long overhead = startup + clients + sc.scriptsEvalBytes() + sc.functionsBytes() + tables;
        long keys = ks.totalKeys();
        long dataset = Math.max(0, used - overhead);
        Runtime rt = Runtime.getRuntime();
        long allocated = rt.totalMemory() - rt.freeMemory(), active = rt.totalMemory();
        long resident = io.moonkey.server.InfoReport.rssBytes();
        out.mapHeader(27 + dbs.size());
        out.bulk("peak.allocated");
        out.integer(peak);
        out.bulk("total.allocated");
        out.integer(used);
        out.bulk("startup.allocated");
        out.integer(startup);
        out.bulk("replication.backlog");
        out.integer(0);
        out.bulk("clients.slaves");
        out.integer(0);
        out.bulk("clients.normal");
        out.integer(clients);
        out.bulk("cluster.links");
        out.integer(0);
        out.bulk("aof.buffer");
        out.integer(0);
        out.bulk("lua.caches");
        out.integer(sc.scriptsEvalBytes());
        out.bulk("functions.caches");
        out.integer(sc.functionsBytes());
        for (int i : dbs) {
            io.moonkey.datastore.Database db = ks.db(i);
            out.bulk("db." + i);
            out.mapHeader(3);
            out.bulk("overhead.hashtable.main");
            out.integer(db.mainTableBytes());
            out.bulk("overhead.hashtable.expires");
            out.integer(db.expiresTableBytes());
            out.bulk("overhead.hashtable.slot-to-keys");
            out.integer(0);
        }
        out.bulk("overhead.total");
        out.integer(overhead);
        out.bulk("keys.count");
        out.integer(keys);
        out.bulk("keys.bytes-per-key");
        out.integer(keys == 0 ? 0 : (used - startup) / keys);
        out.bulk("dataset.bytes");
        out.integer(dataset);
        out.bulk("dataset.percentage");
        out.doubleValue(used - startup <= 0 ? 0 : dataset * 100.0 / (used - startup));
        out.bulk("peak.percentage");
        out.doubleValue(peak == 0 ? 0 : used * 100.0 / peak);
        out.bulk("allocator.allocated");
        out.integer(allocated);
        out.bulk("allocator.active");
        out.integer(active);
        out.bulk("allocator.resident");
        out.integer(resident);
        out.bulk("allocator-fragmentation.ratio");
        out.doubleValue(allocated == 0 ? 0 : (double) active / allocated);
        out.bulk("allocator-fragmentation.bytes");
        out.integer(active - allocated);
        out.bulk("allocator-rss.ratio");
        out.doubleValue(active == 0 ? 0 : (double) resident / active);
        out.bulk("allocator-rss.bytes");
        out.integer(resident - active);
        out.bulk("rss-overhead.ratio");
        out.doubleValue(1.0);
        out.bulk("rss-overhead.bytes");
        out.integer(0);
        out.bulk("fragmentation");
        out.doubleValue(used == 0 ? 0 : (double) resident / used);
        out.bulk("fragmentation.bytes");
        out.integer(resident - used);
    }

    /** MEMORY MALLOC-STATS: the JVM's heap has no allocator report, as Valkey built without jemalloc. */
    void memoryMallocStats(Session s, byte[][] argv, ReplySink out) {
        out.bulk("Stats not supported for the current allocator");
    }

    /** MEMORY PURGE: runs a full collection so the JVM can return free heap to the OS. */
    void memoryPurge(Session s, byte[][] argv, ReplySink out) {
        System.gc();
        out.ok();
    }

    /** MEMORY HELP. */
    void memoryHelp(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "DOCTOR",
                "    Return memory problems reports.",
                "MALLOC-STATS",
                "    Return internal statistics report from the memory allocator.",
                "PURGE",
                "    Attempt to purge dirty pages for reclamation by the allocator.",
                "STATS",
                "    Return information about the memory usage of the server.",
                "USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value. Nested values are",
                "    sampled up to <count> times (default: 5, 0 means sample all).");
    }

    /** SLOWLOG GET [count]: newest entries first; count -1 = all. */
    void slowlogGet(Session s, byte[][] argv, ReplySink out) {
        long count = 10;
        if (argv.length > 3) throw new CommandError("ERR wrong number of arguments for 'slowlog|get' command");
        if (argv.length == 3) {
            count = parseLong(argv[2], "ERR count should be greater than or equal to -1");
            if (count < -1) throw new CommandError("ERR count should be greater than or equal to -1");
            if (count == -1) count = Long.MAX_VALUE;
        }
        List<SlowLog.Entry> entries = new ArrayList<>();
        for (SlowLog.Entry e : server.slowLog().entries()) {
            if (entries.size() >= count) break;
            entries.add(e);
        }
        out.arrayHeader(entries.size());
        for (SlowLog.Entry e : entries) {
            out.arrayHeader(6);
            out.integer(e.id());
            out.integer(e.timestampSec());
            out.integer(e.durationMicros());
            out.arrayHeader(e.argv().length);
            for (byte[] a : e.argv()) out.bulk(a);
            out.bulk(e.addr());
            out.bulk(e.name());
        }
    }

    /** SLOWLOG LEN. */
    void slowlogLen(Session s, byte[][] argv, ReplySink out) {
        out.integer(server.slowLog().size());
    }

    /** SLOWLOG RESET. */
    void slowlogReset(Session s, byte[][] argv, ReplySink out) {
        server.slowLogReset();
        out.ok();
    }

    /** SLOWLOG HELP. */
    void slowlogHelp(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET [<count>]",
                "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                "    Entries are made of:",
                "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                "    client name",
                "LEN",
                "    Return the length of the slowlog.",
                "RESET",
                "    Reset the slowlog.");
    }

    void emptyMap(Session s, byte[][] argv, ReplySink out) {
        out.mapHeader(0);
    }

    /** LATENCY LATEST: per event class, [name, time of latest sample, its latency, all-time max]. */
    void latencyLatest(Session s, byte[][] argv, ReplySink out) {
        var events = server.latency().events();
        out.arrayHeader(events.size());
        events.forEach((name, series) -> {
            out.arrayHeader(4);
            out.bulk(name);
            out.integer(series.latest().unixSeconds());
            out.integer(series.latest().millis());
            out.integer(series.max());
        });
    }

    /** LATENCY HISTORY event: its [time, latency] samples, oldest first. */
    /** LATENCY GRAPH event: the recorded samples of {@code event} as a text chart. */
    void latencyGraph(Session s, byte[][] argv, ReplySink out) {
        String event = new String(argv[2], StandardCharsets.ISO_8859_1);
        var series = server.latency().events().get(event);
        if (series == null || series.samples().isEmpty()) throw new CommandError("ERR No samples available for event '" + event + "'");
        out.verbatim("txt", LatencyGraph.render(event, series, System.currentTimeMillis() / 1000).getBytes(StandardCharsets.ISO_8859_1));
    }

    void latencyHistory(Session s, byte[][] argv, ReplySink out) {
        var series = server.latency().events().get(new String(argv[2], StandardCharsets.ISO_8859_1));
        if (series == null) {
            out.arrayHeader(0);
            return;
        }
        out.arrayHeader(series.samples().size());
        for (var sample : series.samples()) {
            out.arrayHeader(2);
            out.integer(sample.unixSeconds());
            out.integer(sample.millis());
        }
    }

    /** LATENCY RESET [event ...]: number of event series reset. */
    void latencyReset(Session s, byte[][] argv, ReplySink out) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 2; i < argv.length; i++) {
            names.add(new String(argv[i], StandardCharsets.ISO_8859_1));
        }
        out.integer(server.latency().reset(names));
    }

    /** LATENCY DOCTOR. */
    void latencyDoctor(Session s, byte[][] argv, ReplySink out) {
        out.verbatim("txt", ("Dave, no latency spike was observed during the lifetime of this instance, awesome! "
                + "Latency monitoring is not collecting samples in this server.\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** LATENCY HELP. */
    void latencyHelp(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "DOCTOR",
                "    Return a human readable latency analysis report.",
                "GRAPH <event>",
                "    Return an ASCII latency graph for the <event> class.",
                "HISTORY <event>",
                "    Return time-latency samples for the <event> class.",
                "LATEST",
                "    Return the latest latency samples for all events.",
                "RESET [<event> ...]",
                "    Reset latency data of one or more <event> classes.",
                "    (default: reset all data for all event classes)",
                "HISTOGRAM [COMMAND ...]",
                "    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.",
                "    If no commands are specified then all histograms are replied.");
    }
}
