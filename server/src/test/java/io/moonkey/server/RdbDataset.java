package io.moonkey.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A dataset with every type in every encoding redis-server 7.0 writes (raw, integer and
 * LZF-compressible strings; small and multi-node lists; intset, listpack and table sets;
 * listpack and skiplist sorted sets with infinite scores; listpack and table hashes; streams
 * with deleted entries, groups, consumers and pending entries), expire times, several
 * databases and a function library, written with the same commands to any server.
 */
final class RdbDataset {
    private RdbDataset() {}

    /** The keys written to database 0, for DEBUG DIGEST-VALUE and DUMP comparisons. */
    static final List<String> KEYS = List.of("s:raw", "s:int", "s:neg", "s:long", "s:bin", "l:small", "l:big", "set:int", "set:bigint",
            "set:str", "set:big", "z:small", "z:big", "h:small", "h:big", "x:plain", "x:groups", "x:empty", "ttl:s", "s:utf");

    static void fill(RespConnection c, long seed) throws Exception {
        Random r = new Random(seed);
        call(c, "set", "s:raw", "hello world");
        call(c, "set", "s:int", "12345");
        call(c, "set", "s:neg", "-9223372036854775808");
        call(c, "set", "s:long", "abc".repeat(400)); // compressible: LZF in a file
        call(c, "set", "s:bin", "\u0000\u00ff\r\n\u0001binary");
        call(c, "set", "s:utf", "caf\u00c3\u00a9");
        call(c, "set", "ttl:s", "expiring", "px", "86400000");
        call(c, "rpush", "l:small", "a", "1", "-5", "bb", "");
        List<String> big = new ArrayList<>(List.of("rpush", "l:big"));
        for (int i = 0; i < 600; i++) big.add(i % 3 == 0 ? Integer.toString(r.nextInt(100000)) : "item-" + i + "-" + "x".repeat(r.nextInt(40)));
        call(c, big.toArray(new String[0]));
        call(c, "sadd", "set:int", "1", "2", "3", "-100", "70000", "5000000000");
        List<String> bigint = new ArrayList<>(List.of("sadd", "set:bigint"));
        for (int i = 0; i < 600; i++) bigint.add(Integer.toString(i * 7));
        call(c, bigint.toArray(new String[0]));
        call(c, "sadd", "set:str", "a", "b", "c", "1");
        List<String> bigset = new ArrayList<>(List.of("sadd", "set:big"));
        for (int i = 0; i < 300; i++) bigset.add("m" + i + "y".repeat(r.nextInt(80)));
        call(c, bigset.toArray(new String[0]));
        call(c, "zadd", "z:small", "1", "a", "2.5", "b", "-3", "c", "inf", "d", "-inf", "e", "100000", "f");
        List<String> bigz = new ArrayList<>(List.of("zadd", "z:big"));
        for (int i = 0; i < 300; i++) {
            bigz.add(Double.toString(r.nextGaussian() * 1000));
            bigz.add("member" + i);
        }
        call(c, bigz.toArray(new String[0]));
        call(c, "hset", "h:small", "f1", "v1", "f2", "2", "n", "-77");
        List<String> bigh = new ArrayList<>(List.of("hset", "h:big"));
        for (int i = 0; i < 300; i++) {
            bigh.add("field" + i);
            bigh.add(i % 10 == 0 ? "z".repeat(100) : Integer.toString(i));
        }
        call(c, bigh.toArray(new String[0]));
        for (int i = 1; i <= 250; i++) {
            if (i % 4 == 0) call(c, "xadd", "x:plain", i + "-1", "other", Integer.toString(i), "extra", "e");
            else call(c, "xadd", "x:plain", i + "-1", "f", "v" + i, "n", Integer.toString(i * 1000));
        }
        call(c, "xdel", "x:plain", "3-1", "120-1", "250-1");
        call(c, "xadd", "x:groups", "1-1", "a", "1");
        call(c, "xadd", "x:groups", "2-1", "a", "2");
        call(c, "xadd", "x:groups", "3-1", "b", "3");
        call(c, "xgroup", "create", "x:groups", "g1", "0");
        call(c, "xgroup", "create", "x:groups", "g2", "$");
        call(c, "xreadgroup", "group", "g1", "alice", "count", "2", "streams", "x:groups", ">");
        call(c, "xreadgroup", "group", "g1", "bob", "count", "1", "streams", "x:groups", ">");
        call(c, "xack", "x:groups", "g1", "1-1");
        call(c, "xgroup", "createconsumer", "x:groups", "g2", "carol");
        call(c, "xadd", "x:empty", "5-5", "k", "v");
        call(c, "xdel", "x:empty", "5-5");
        call(c, "select", "3");
        call(c, "set", "in3", "three");
        call(c, "hset", "h3", "a", "b");
        call(c, "select", "0");
        call(c, "function", "load", "#!lua name=rdblib\nredis.register_function('rdbf', function(keys, args) return 42 end)");
    }

    private static void call(RespConnection c, String... args) throws Exception {
        String reply = c.call(args);
        if (reply.startsWith("-")) throw new IllegalStateException(String.join(" ", args).substring(0, Math.min(60, String.join(" ", args).length())) + " -> " + reply);
    }
}
