package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the stream commands send to replicas and the AOF, as redis-server 7.0.15 does (observed
 * through a replica link): concrete IDs for '*' and 'ms-*', exact trims for '~', XREADGROUP and
 * the claims as XCLAIM ... FORCE JUSTID LASTID, group positions as XGROUP SETID ... ENTRIESREAD.
 */
class StreamPropagationTest {
    private final LocalClient c;
    private final List<String> stream = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);

    StreamPropagationTest() throws Exception {
        c = new LocalClient();
        c.server.keyspace().setClock(clock::get);
        c.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            stream.add(b.toString());
        });
    }

    @Test
    void addAndTrim() {
        c.call("CONFIG", "SET", "stream-node-max-entries", "2");
        for (int i = 1; i <= 5; i++) c.call("XADD", "s", i + "-1", "a", "1");
        assertEquals(":2\r\n", c.call("XTRIM", "s", "MAXLEN", "~", "2"));
        assertEquals("$3\r\n6-0\r\n", c.call("XADD", "s", "MINID", "~", "4", "6-*", "a", "1"));
        assertEquals(":0\r\n", c.call("XTRIM", "s", "MAXLEN", "~", "3"));
        assertEquals("$15\r\n1700000000000-0\r\n", c.call("XADD", "s", "*", "f", "v"));
        assertEquals("$15\r\n1700000000000-1\r\n", c.call("XADD", "s", "maxlen", "~", "2", "LIMIT", "10", "*", "f", "v"));
        c.call("XADD", "s", "NOMKSTREAM", "MAXLEN", "=", "1", "*", "f", "v");
        c.call("XADD", "none", "NOMKSTREAM", "*", "f", "v");
        c.call("XDEL", "s", "1-1", "9-9");
        assertEquals(List.of("XADD s 1-1 a 1", "XADD s 2-1 a 1", "XADD s 3-1 a 1", "XADD s 4-1 a 1", "XADD s 5-1 a 1",
                "XTRIM s MAXLEN = 3", "XADD s MINID = 3-1 6-0 a 1", "XADD s 1700000000000-0 f v",
                "XADD s maxlen = 2 LIMIT 10 1700000000000-1 f v", "XADD s NOMKSTREAM MAXLEN = 1 1700000000000-2 f v"),
                stream.stream().filter(x -> x.startsWith("X")).toList());
    }

    @Test
    void groupsPropagateAsClaimsAndSetid() {
        for (int i = 1; i <= 5; i++) c.call("XADD", "s", i + "-1", "a", "1");
        c.call("XGROUP", "CREATE", "s", "g", "0");
        stream.clear();
        c.call("XREADGROUP", "GROUP", "g", "c", "NOACK", "COUNT", "1", "STREAMS", "s", ">");
        clock.addAndGet(5);
        c.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "2", "STREAMS", "s", ">");
        c.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", "0"); // history: nothing propagated
        c.call("XREADGROUP", "GROUP", "g", "c", "STREAMS", "s", ">");
        c.call("XDEL", "s", "4-1");
        clock.addAndGet(5);
        c.call("XAUTOCLAIM", "s", "g", "d", "0", "0", "COUNT", "1");
        c.call("XCLAIM", "s", "g", "e", "0", "3-1", "9-9", "LASTID", "6-6");
        c.call("XCLAIM", "s", "g", "e", "0", "7-7", "LASTID", "10-1");
        c.call("XACK", "s", "g", "3-1");
        c.call("XGROUP", "CREATECONSUMER", "s", "g", "zz");
        c.call("XGROUP", "CREATECONSUMER", "s", "g", "zz");
        long t0 = 1_700_000_000_000L;
        assertEquals(List.of("MULTI", "XGROUP CREATECONSUMER s g c", "XGROUP SETID s g 1-1 ENTRIESREAD 1", "EXEC",
                "MULTI", "XCLAIM s g c 0 2-1 TIME " + (t0 + 5) + " RETRYCOUNT 1 FORCE JUSTID LASTID 2-1",
                "XCLAIM s g c 0 3-1 TIME " + (t0 + 5) + " RETRYCOUNT 1 FORCE JUSTID LASTID 3-1", "EXEC",
                "MULTI", "XCLAIM s g c 0 4-1 TIME " + (t0 + 5) + " RETRYCOUNT 1 FORCE JUSTID LASTID 4-1",
                "XCLAIM s g c 0 5-1 TIME " + (t0 + 5) + " RETRYCOUNT 1 FORCE JUSTID LASTID 5-1", "EXEC",
                "XDEL s 4-1",
                "XCLAIM s g d 0 2-1 TIME " + (t0 + 10) + " RETRYCOUNT 3 FORCE JUSTID LASTID 5-1",
                "XCLAIM s g e 0 3-1 TIME " + (t0 + 10) + " RETRYCOUNT 3 FORCE JUSTID LASTID 6-6",
                "XGROUP SETID s g 10-1 ENTRIESREAD 5", "XACK s g 3-1", "XGROUP CREATECONSUMER s g zz"), stream);
    }

    @Test
    void bullmqStyleScriptTrimsAndIsReplicatedExactly() {
        String script = "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'event', 'added', 'jobId', ARGV[2]) "
                + "redis.call('XTRIM', KEYS[1], 'MAXLEN', '~', ARGV[1]) return id";
        c.call("CONFIG", "SET", "stream-node-max-entries", "10");
        for (int i = 0; i < 35; i++) {
            clock.incrementAndGet();
            assertEquals("$15\r\n" + clock.get() + "-0\r\n", c.call("EVAL", script, "1", "bull:q:events", "20", Integer.toString(i)));
        }
        assertEquals(":25\r\n", c.call("XLEN", "bull:q:events")); // whole nodes of 10 go while 20 or more stay
        // a trim that removed nothing is not replicated; an XADD goes with the length it left
        assertEquals("XADD bull:q:events MAXLEN = 25 " + clock.get() + "-0 event added jobId 34", stream.get(stream.size() - 1));
        assertEquals(":20\r\n", c.call("EVAL", "return redis.call('XTRIM', KEYS[1], 'MAXLEN', '~', 5)", "1", "bull:q:events"));
        assertEquals(":5\r\n", c.call("XLEN", "bull:q:events")); // as redis-server 7.0.15 replies
        assertEquals("XTRIM bull:q:events MAXLEN = 5", stream.get(stream.size() - 1));
    }

    @Test
    void rebuildCommandsRecreateTheStream() throws Exception {
        c.call("XADD", "s", "1-1", "a", "1", "b", "2");
        c.call("XADD", "s", "2-1", "a", "3", "b", "4");
        c.call("XADD", "s", "3-1", "other", "x");
        c.call("XDEL", "s", "2-1");
        c.call("XGROUP", "CREATE", "s", "g", "0");
        c.call("XREADGROUP", "GROUP", "g", "alice", "COUNT", "1", "STREAMS", "s", ">");
        c.call("XGROUP", "CREATECONSUMER", "s", "g", "bob");
        c.call("XGROUP", "CREATE", "s", "h", "$", "ENTRIESREAD", "7");
        c.call("XADD", "empty", "MAXLEN", "0", "5-5", "f", "v");
        LocalClient copy = new LocalClient();
        for (String key : List.of("s", "empty")) {
            io.moonkey.datastore.stream.Stream st = (io.moonkey.datastore.stream.Stream) c.server.keyspace().db(0).lookupRead(key.getBytes());
            io.moonkey.datastore.stream.StreamRebuildCommands.forEach(key.getBytes(), st, argv -> {
                String[] a = new String[argv.length];
                for (int i = 0; i < a.length; i++) a[i] = new String(argv[i], StandardCharsets.ISO_8859_1);
                copy.call(a);
            });
            String seen = "seen-time\r\n:\\d+";
            assertEquals(c.call("XINFO", "STREAM", key, "FULL").replaceAll(seen, ""), copy.call("XINFO", "STREAM", key, "FULL").replaceAll(seen, ""));
        }
    }
}
