package io.moonkey.server.command;

import java.util.Map;

/**
 * Valkey's command tips, as COMMAND INFO reports them: which replies are nondeterministic (in
 * content or in order) and, for cluster clients, how a request is routed and replies combined.
 * Kept in one table rather than at each registration, applied once the table is complete.
 */
public final class CommandTips {
    private static final String OUT = "nondeterministic_output", ORDER = "nondeterministic_output_order";

    private static final Map<String, String[]> TIPS = Map.ofEntries(
            Map.entry("client|info", new String[] {OUT}),
            Map.entry("client|list", new String[] {OUT}),
            Map.entry("cluster|bumpepoch", new String[] {OUT}),
            Map.entry("cluster|count-failure-reports", new String[] {OUT}),
            Map.entry("cluster|getkeysinslot", new String[] {OUT}),
            Map.entry("cluster|info", new String[] {OUT}),
            Map.entry("cluster|links", new String[] {OUT}),
            Map.entry("cluster|myshardid", new String[] {OUT}),
            Map.entry("cluster|nodes", new String[] {OUT}),
            Map.entry("cluster|replicas", new String[] {OUT}),
            Map.entry("cluster|shards", new String[] {OUT}),
            Map.entry("cluster|slaves", new String[] {OUT}),
            Map.entry("cluster|slot-stats", new String[] {OUT}),
            Map.entry("cluster|slots", new String[] {OUT}),
            Map.entry("command", new String[] {ORDER}),
            Map.entry("command|docs", new String[] {ORDER}),
            Map.entry("command|info", new String[] {ORDER}),
            Map.entry("command|list", new String[] {ORDER}),
            Map.entry("config|set", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"}),
            Map.entry("dbsize", new String[] {"request_policy:all_shards", "response_policy:agg_sum"}),
            Map.entry("del", new String[] {"request_policy:multi_shard", "response_policy:agg_sum"}),
            Map.entry("dump", new String[] {OUT}),
            Map.entry("exists", new String[] {"request_policy:multi_shard", "response_policy:agg_sum"}),
            Map.entry("flushall", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("flushdb", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("function|delete", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("function|flush", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("function|kill", new String[] {"request_policy:all_shards", "response_policy:one_succeeded"}),
            Map.entry("function|list", new String[] {ORDER}),
            Map.entry("function|load", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("function|restore", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("function|stats", new String[] {OUT, "request_policy:all_shards", "response_policy:special"}),
            Map.entry("hgetall", new String[] {ORDER}),
            Map.entry("hkeys", new String[] {ORDER}),
            Map.entry("hrandfield", new String[] {OUT}),
            Map.entry("hscan", new String[] {OUT}),
            Map.entry("hvals", new String[] {ORDER}),
            Map.entry("info", new String[] {OUT, "request_policy:all_shards", "response_policy:special"}),
            Map.entry("keys", new String[] {"request_policy:all_shards", ORDER}),
            Map.entry("lastsave", new String[] {OUT}),
            Map.entry("latency|doctor", new String[] {OUT, "request_policy:all_nodes", "response_policy:special"}),
            Map.entry("latency|graph", new String[] {OUT, "request_policy:all_nodes", "response_policy:special"}),
            Map.entry("latency|histogram", new String[] {OUT, "request_policy:all_nodes", "response_policy:special"}),
            Map.entry("latency|history", new String[] {OUT, "request_policy:all_nodes", "response_policy:special"}),
            Map.entry("latency|latest", new String[] {OUT, "request_policy:all_nodes", "response_policy:special"}),
            Map.entry("latency|reset", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"}),
            Map.entry("memory|doctor", new String[] {OUT, "request_policy:all_shards", "response_policy:special"}),
            Map.entry("memory|malloc-stats", new String[] {OUT, "request_policy:all_shards", "response_policy:special"}),
            Map.entry("memory|purge", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("memory|stats", new String[] {OUT, "request_policy:all_shards", "response_policy:special"}),
            Map.entry("mget", new String[] {"request_policy:multi_shard"}),
            Map.entry("migrate", new String[] {OUT}),
            Map.entry("module|list", new String[] {ORDER}),
            Map.entry("mset", new String[] {"request_policy:multi_shard", "response_policy:all_succeeded"}),
            Map.entry("msetnx", new String[] {"request_policy:multi_shard", "response_policy:agg_min"}),
            Map.entry("object|encoding", new String[] {OUT}),
            Map.entry("object|freq", new String[] {OUT}),
            Map.entry("object|idletime", new String[] {OUT}),
            Map.entry("object|refcount", new String[] {OUT}),
            Map.entry("ping", new String[] {"request_policy:all_shards", "response_policy:all_succeeded"}),
            Map.entry("pttl", new String[] {OUT}),
            Map.entry("randomkey", new String[] {"request_policy:all_shards", OUT}),
            Map.entry("scan", new String[] {OUT, "request_policy:special"}),
            Map.entry("script|exists", new String[] {"request_policy:all_shards", "response_policy:agg_logical_and"}),
            Map.entry("script|flush", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"}),
            Map.entry("script|kill", new String[] {"request_policy:all_shards", "response_policy:one_succeeded"}),
            Map.entry("script|load", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"}),
            Map.entry("sdiff", new String[] {ORDER}),
            Map.entry("sinter", new String[] {ORDER}),
            Map.entry("slowlog|get", new String[] {"request_policy:all_nodes", OUT}),
            Map.entry("slowlog|len", new String[] {"request_policy:all_nodes", "response_policy:agg_sum", OUT}),
            Map.entry("slowlog|reset", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"}),
            Map.entry("smembers", new String[] {ORDER}),
            Map.entry("spop", new String[] {OUT}),
            Map.entry("srandmember", new String[] {OUT}),
            Map.entry("sscan", new String[] {OUT}),
            Map.entry("sunion", new String[] {ORDER}),
            Map.entry("time", new String[] {OUT}),
            Map.entry("touch", new String[] {"request_policy:multi_shard", "response_policy:agg_sum"}),
            Map.entry("ttl", new String[] {OUT}),
            Map.entry("unlink", new String[] {"request_policy:multi_shard", "response_policy:agg_sum"}),
            Map.entry("wait", new String[] {"request_policy:all_shards", "response_policy:agg_min"}),
            Map.entry("xadd", new String[] {OUT}),
            Map.entry("xautoclaim", new String[] {OUT}),
            Map.entry("xclaim", new String[] {OUT}),
            Map.entry("xinfo|consumers", new String[] {OUT}),
            Map.entry("xpending", new String[] {OUT}),
            Map.entry("xtrim", new String[] {OUT}),
            Map.entry("zrandmember", new String[] {OUT}),
            Map.entry("zscan", new String[] {OUT}));

    private CommandTips() {}

    /** Gives every registered command and subcommand its tips. */
    public static void apply(CommandTable table) {
        for (CommandSpec c : table.allWithSubcommands()) {
            String[] t = TIPS.get(c.fullName());
            if (t != null) c.tips(t);
        }
    }
}
