package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.server.persistence.rdb.Crc64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * DUMP and RESTORE against redis-server 7.0.15: each restores the other's payloads for every
 * type and encoding of {@link RdbDataset} with equal per-key digests, and both give the same
 * errors. Our payloads carry Valkey's RDB version 11, which 7.0 refuses (differences.md §3 row
 * 11 for FUNCTION DUMP, the same bytes here): the test rewrites them to 10 for it.
 */
class DumpRestoreDifferentialTest {
    private static byte[] bulk(String reply) {
        int nl = reply.indexOf("\r\n");
        return reply.substring(nl + 2, reply.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The payload with another version and a recomputed checksum. */
    static byte[] withVersion(byte[] p, int version) {
        byte[] q = p.clone();
        int end = q.length - 10;
        q[end] = (byte) version;
        q[end + 1] = (byte) (version >>> 8);
        long crc = Crc64.update(0, q, 0, end + 2);
        for (int i = 0; i < 8; i++) q[end + 2 + i] = (byte) (crc >>> (8 * i));
        return q;
    }

    @Test
    void eachRestoresTheOthersPayloads() throws Exception {
        ReferencePair pair = ReferencePair.start("--save", "", "--enable-debug-command", "yes");
        Assumptions.assumeTrue(pair != null, ReferenceServer.SKIP_MESSAGE);
        try (pair) {
            RespConnection r = pair.refConn(), m = pair.ourConn();
            RdbDataset.fill(r, 3);
            RdbDataset.fill(m, 3);
            for (String key : RdbDataset.KEYS) {
                String ttl = key.startsWith("ttl:") ? "86400000" : "0"; // the digest tells whether a key expires
                String expected = r.call("debug", "digest-value", key);
                assertEquals(expected, m.call("debug", "digest-value", key), key);
                byte[] theirs = bulk(r.call("dump", key));
                assertEquals("+OK\r\n", m.call("restore", "from-redis:" + key, ttl, latin1(theirs)), key);
                assertEquals(expected, m.call("debug", "digest-value", "from-redis:" + key), key);

                byte[] mine = bulk(m.call("dump", key));
                assertEquals(11, mine[mine.length - 10]);
                assertEquals("-ERR DUMP payload version or checksum are wrong\r\n", r.call("restore", "x", "0", latin1(mine)));
                assertEquals("+OK\r\n", r.call("restore", "from-ours:" + key, ttl, latin1(withVersion(mine, 10))), key);
                assertEquals(expected, r.call("debug", "digest-value", "from-ours:" + key), key);
            }
            // the two datasets were written at different times: compare all but the millisecond times
            String times = ":\\d{13}\r\n";
            assertEquals(r.call("xinfo", "stream", "from-ours:x:groups", "full").replaceAll(times, ":T"),
                    m.call("xinfo", "stream", "from-redis:x:groups", "full").replaceAll(times, ":T"));
        }
    }

    @Test
    void errorsAndOptionsAsRedis() throws Exception {
        ReferencePair pair = ReferencePair.start("--save", "", "--enable-debug-command", "yes");
        Assumptions.assumeTrue(pair != null, ReferenceServer.SKIP_MESSAGE);
        try (pair) {
            RespConnection r = pair.refConn(), m = pair.ourConn();
            for (RespConnection c : List.of(r, m)) {
                c.call("set", "k", "value");
                c.call("rpush", "l", "a", "b");
            }
            byte[] p = withVersion(bulk(r.call("dump", "k")), 10);
            byte[] corrupt = p.clone();
            corrupt[1] ^= 1;
            byte[] tooNew = withVersion(p, 12);
            byte[] garbage = withVersion(new byte[] {(byte) 200, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0}, 10);
            byte[] truncatedList = bulk(r.call("dump", "l"));
            truncatedList = withVersion(java.util.Arrays.copyOfRange(truncatedList, 0, truncatedList.length - 3), 10);
            String[][] cases = {
                {"restore", "k", "0", latin1(p)},
                {"restore", "n", "-1", latin1(p)},
                {"restore", "n", "abc", latin1(p)},
                {"restore", "n", "0", latin1(corrupt)},
                {"restore", "n", "0", latin1(tooNew)},
                {"restore", "n", "0", latin1(garbage)},
                {"restore", "n", "0", latin1(truncatedList)},
                {"restore", "n", "0", "short"},
                {"restore", "n", "0", latin1(p), "idletime", "-1"},
                {"restore", "n", "0", latin1(p), "freq", "256"},
                {"restore", "n", "0", latin1(p), "freq", "x"},
                {"restore", "n", "0", latin1(p), "idletime", "5", "freq", "5"},
                {"restore", "n", "0", latin1(p), "bogus"},
                {"restore", "n", "0", latin1(p), "idletime"},
                {"restore", "n", "0", latin1(p), "replace", "absttl", "idletime", "100"},
                {"get", "n"},
                {"restore", "k", "0", latin1(p), "replace"},
                {"restore", "e", "1000", latin1(p), "absttl"},
                {"exists", "e"},
                {"restore", "k", "1", latin1(p), "replace", "absttl"},
                {"exists", "k"},
                {"restore", "t", "100000", latin1(p)},
                {"dump", "missing"},
                {"dump"},
            };
            for (String[] cmd : cases) assertEquals(r.call(cmd), m.call(cmd), String.join(" ", cmd).substring(0, Math.min(40, String.join(" ", cmd).length())));
            long rt = Long.parseLong(r.call("pttl", "t").substring(1).trim());
            long mt = Long.parseLong(m.call("pttl", "t").substring(1).trim());
            assertTrue(rt > 90000 && mt > 90000, rt + " " + mt);
        }
    }

    @Test
    void restorePropagatesAnAbsoluteTtlAndAnExpiredReplacementAsDel() throws Exception {
        ReferencePair pair = ReferencePair.start("--save", "", "--enable-debug-command", "yes"); // the reference is the replica
        Assumptions.assumeTrue(pair != null, ReferenceServer.SKIP_MESSAGE);
        try (pair) {
            RespConnection m = pair.ourConn(), r = pair.refConn();
            m.call("set", "src", "payload");
            // RESTORE propagates its payload as given: version 10, so that redis 7.0 accepts it too
            byte[] p = withVersion(bulk(m.call("dump", "src")), 10);
            assertEquals("+OK\r\n", r.call("replicaof", "127.0.0.1", Integer.toString(pair.ours.port)));
            ReplicaTest.await("link up", () -> "up".equals(ReplicaTest.info(r, "replication", "master_link_status")));
            assertEquals("+OK\r\n", m.call("restore", "ttl", "100000", latin1(p)));
            assertEquals("+OK\r\n", m.call("restore", "old", "0", latin1(p)));
            assertEquals("+OK\r\n", m.call("restore", "old", "1", latin1(p), "replace", "absttl")); // in the past: deleted
            assertEquals(":0\r\n", m.call("exists", "old"));
            assertEquals(":1\r\n", m.call("wait", "1", "5000"));
            assertEquals(m.call("pexpiretime", "ttl"), r.call("pexpiretime", "ttl")); // the same instant, not 100 s after arrival
            assertEquals(":0\r\n", r.call("exists", "old"));
            assertEquals("$7\r\npayload\r\n", r.call("get", "ttl"));
        }
    }
}
