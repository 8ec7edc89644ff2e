package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Keyspace notifications and WATCH for the hash and set commands, against redis-server 7.0.15:
 * the events a subscriber receives for a run of writes, and whether a watched key counts as
 * changed, must be the same.
 */
@AddLifecycleHook(ReferencePairHook.class)
class HashSetKeyspaceEventsTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    /** Runs the commands on a fresh database and returns the replies followed by the events seen. */
    private static List<String> eventsOf(int port, String... commands) throws Exception {
        try (RespConnection c = new RespConnection(port); RespConnection sub = new RespConnection(port)) {
            c.call("FLUSHALL");
            c.call("CONFIG", "SET", "notify-keyspace-events", "KEA");
            sub.call("PSUBSCRIBE", "__key*__:*");
            List<String> out = new ArrayList<>();
            for (String line : commands) out.add(c.call(line.split(" ", -1)));
            sub.sendRaw(RespConnection.encode(RespConnection.args("PING")));
            while (true) {
                String r = sub.readReply();
                if (r.contains("pong")) break;
                out.add(r);
            }
            c.call("CONFIG", "SET", "notify-keyspace-events", "");
            return out;
        }
    }

    private static void same(String... commands) throws Exception {
        List<String> expected = eventsOf(pair.get().reference.port, commands);
        List<String> actual = eventsOf(pair.get().ours.port, commands);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Example
    void hashEvents() throws Exception {
        same("HSET h a 1 b 2", "HSETNX h a 3", "HSETNX h c 3", "HINCRBY h a 5", "HINCRBYFLOAT h f 1.5", "HDEL h x", "HDEL h a b",
                "HMSET h x 1", "HDEL h c f x", "HGET h a");
    }

    @Example
    void setEvents() throws Exception {
        same("SADD s 1 2 3", "SADD s 1", "SREM s 9", "SREM s 1", "SMOVE s t 2", "SMOVE s t 3", "SADD u 5", "SMOVE u t 5",
                "SINTERSTORE d t t", "SUNIONSTORE d t nokey", "SDIFFSTORE d t t", "SINTERSTORE d t nokey", "SADD p 1 2 3 4 5",
                "SPOP p 5", "SADD p 1", "SPOP p", "SPOP p 0", "SADD q 1 2 3 4 5 6 7 8 9 10");
    }

    /** WATCH s; another client runs {@code other}; the watcher's EXEC succeeds only if that changed s. */
    private static List<String> watchOutcome(int port, String setup, String other) throws Exception {
        try (RespConnection a = new RespConnection(port); RespConnection b = new RespConnection(port)) {
            a.call("FLUSHALL");
            List<String> out = new ArrayList<>();
            if (!setup.isEmpty()) out.add(a.call(setup.split(" ")));
            a.call("WATCH", "s");
            String reply = b.call(other.split(" "));
            if (!other.startsWith("SPOP")) out.add(reply); // which member SPOP takes is random
            a.call("MULTI");
            a.call("PING");
            out.add(a.call("EXEC"));
            return out;
        }
    }

    @Example
    void watchSeesOnlyRealChanges() throws Exception {
        String[][] cases = {
            {"SADD s 1", "SADD s 1"}, {"SADD s 1", "SADD s 2"}, {"SADD s 1", "SREM s 2"}, {"SADD s 1", "SREM s 1"},
            {"SADD s 1", "SMOVE s s 1"}, {"SADD s 1", "SMOVE t s 1"}, {"SADD s 1", "SINTERSTORE s s s"},
            {"", "SINTERSTORE s nokey s"}, {"SADD s 1 2", "SPOP s 0"}, {"SADD s 1 2", "SPOP s 1"},
            {"HSET s a 1", "HSET s a 1"}, {"HSET s a 1", "HSETNX s a 2"}, {"HSET s a 1", "HDEL s b"}, {"HSET s a 1", "HDEL s a"},
            {"HSET s a 1", "HINCRBY s a 0"}, {"SADD t 1", "SMOVE t s 1"}, {"SADD s 1", "SMOVE s t 1"},
        };
        for (String[] c : cases) {
            assertEquals(watchOutcome(pair.get().reference.port, c[0], c[1]), watchOutcome(pair.get().ours.port, c[0], c[1]), String.join(" / ", c));
        }
    }
}
