package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hash and set writes send to replicas and the AOF, and the memory they account. */
class HashSetPropagationTest {
    private final LocalClient c;
    private final List<String> stream = new ArrayList<>();

    HashSetPropagationTest() throws Exception {
        c = new LocalClient();
        c.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            stream.add(b.toString());
        });
    }

    @Test
    void hashWritesPropagateAsGivenExceptHincrbyfloat() {
        c.call("HSET", "h", "a", "1");
        c.call("HSETNX", "h", "a", "2"); // no change: not propagated
        c.call("HINCRBY", "h", "a", "2");
        c.call("HINCRBYFLOAT", "h", "f", "1.5");
        c.call("HDEL", "h", "nothing");
        c.call("HDEL", "h", "a", "f");
        assertEquals(List.of("SELECT 0", "HSET h a 1", "HINCRBY h a 2", "HSET h f 1.5", "HDEL h a f"), stream);
        assertEquals(":0\r\n", c.call("EXISTS", "h"));
    }

    @Test
    void spopPropagatesTheRemovedMembers() {
        c.call("SADD", "s", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        stream.clear();
        String one = c.call("SPOP", "s");
        String member = one.substring(one.indexOf("\r\n") + 2, one.length() - 2);
        assertEquals(List.of("SREM s " + member), stream);
        stream.clear();
        c.call("SPOP", "s", "2"); // few members: popped one by one
        assertEquals(1, stream.size());
        assertTrue(stream.get(0).startsWith("SREM s ") && stream.get(0).split(" ").length == 4, stream.toString());
        stream.clear();
        c.call("SPOP", "s", "6"); // most of the set: the survivor moves to a new set
        assertEquals(1, stream.size());
        assertEquals(8, stream.get(0).split(" ").length, stream.toString());
        assertEquals(":1\r\n", c.call("SCARD", "s"));
        stream.clear();
        c.call("SPOP", "s", "5"); // the whole set
        assertEquals(List.of("DEL s"), stream);
        stream.clear();
        c.call("SPOP", "s", "5");
        c.call("SPOP", "s");
        assertEquals(List.of(), stream);
    }

    @Test
    void largeSpopIsBatched() {
        String[] add = new String[2 + 3000];
        add[0] = "SADD";
        add[1] = "s";
        for (int i = 0; i < 3000; i++) add[2 + i] = "m" + i;
        c.call(add);
        stream.clear();
        c.call("SPOP", "s", "2500");
        // several commands from one are wrapped in a transaction, as Valkey does
        assertEquals(5, stream.size(), String.valueOf(stream.size()));
        assertEquals("MULTI", stream.get(0));
        assertEquals(2 + 1024, stream.get(1).split(" ").length);
        assertEquals(2 + 1024, stream.get(2).split(" ").length);
        assertEquals(2 + 452, stream.get(3).split(" ").length);
        assertEquals("EXEC", stream.get(4));
    }

    @Test
    void memoryReturnsToTheStartWhenTheKeysAreGone() {
        long start = c.server.keyspace().db(0).bytes();
        c.call("HSET", "h", "a", "1", "b", "2");
        for (int i = 0; i < 300; i++) c.call("HSET", "h", "f" + i, "v" + i);
        c.call("SADD", "s", "1", "2", "x");
        c.call("SADD", "i", "1", "2", "3");
        c.call("SMOVE", "s", "t", "x");
        c.call("SINTERSTORE", "u", "s", "i");
        c.call("SPOP", "i", "2");
        assertTrue(c.server.keyspace().db(0).bytes() > start);
        c.call("HDEL", "h", "a", "b");
        for (int i = 0; i < 300; i++) c.call("HDEL", "h", "f" + i);
        c.call("SREM", "s", "1", "2");
        c.call("SPOP", "t", "5");
        c.call("SPOP", "i");
        c.call("DEL", "u");
        assertEquals("*0\r\n", c.call("KEYS", "*"));
        assertEquals(start, c.server.keyspace().db(0).bytes());
    }
}
