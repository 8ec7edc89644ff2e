package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The algebra commands reading plain sets (every member scored 1) through the {@link Elements}
 * view, with a stand-in set value so this works without the set type's own classes.
 */
class SortedSetAlgebraTest {
    /** A minimal set value: TYPE set, its members through Elements. */
    static final class StandInSet extends Value implements Elements {
        private final List<String> members;

        StandInSet(String... members) {
            this.members = List.of(members);
        }

        @Override
        public ValueType type() {
            return ValueType.SET;
        }

        @Override
        public String encoding() {
            return "listpack";
        }

        @Override
        public long memoryUsage() {
            return 64;
        }

        @Override
        public Value duplicate() {
            return this;
        }

        @Override
        public long elementCount() {
            return members.size();
        }

        @Override
        public void forEachElement(Consumer<byte[]> action) {
            byte[] reused = new byte[16];
            for (String m : members) {
                // hand out a scratch array as the interface allows, to catch callers that keep it
                byte[] b = m.getBytes(StandardCharsets.ISO_8859_1);
                byte[] view = b.length == reused.length ? reused : b;
                System.arraycopy(b, 0, view, 0, b.length);
                action.accept(view);
                java.util.Arrays.fill(view, (byte) '#');
            }
        }
    }

    private final LocalClient c;

    SortedSetAlgebraTest() throws Exception {
        c = new LocalClient();
        c.server.keyspace().db(0).put(bytes("s"), new StandInSet("a", "b", "c", "1"), false);
        c.server.keyspace().db(0).put(bytes("t"), new StandInSet("c", "d"), false);
        c.call("ZADD", "z", "5", "a", "2", "b", "7", "x");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String arr(String... items) {
        StringBuilder b = new StringBuilder("*" + items.length + "\r\n");
        for (String i : items) b.append('$').append(i.length()).append("\r\n").append(i).append("\r\n");
        return b.toString();
    }

    @Test
    void unionScoresSetMembersOne() {
        assertEquals(arr("1", "1", "c", "1", "b", "3", "a", "6", "x", "7"), c.call("ZUNION", "2", "s", "z", "WITHSCORES"));
        assertEquals(arr("1", "2", "b", "2", "c", "2", "a", "5", "x", "7"),
                c.call("ZUNION", "2", "s", "z", "WEIGHTS", "2", "1", "WITHSCORES", "AGGREGATE", "MAX"));
    }

    @Test
    void interAndDiffWithSets() {
        assertEquals(arr("a", "1", "b", "1"), c.call("ZINTER", "2", "s", "z", "AGGREGATE", "MIN", "WITHSCORES"));
        assertEquals(arr("c"), c.call("ZINTER", "2", "s", "t"));
        assertEquals(arr("1", "1", "c", "1"), c.call("ZDIFF", "2", "s", "z", "WITHSCORES"));
        assertEquals(arr("x"), c.call("ZDIFF", "3", "z", "s", "t"));
        assertEquals(":2\r\n", c.call("ZINTERCARD", "2", "s", "z"));
        assertEquals(":1\r\n", c.call("ZINTERCARD", "2", "s", "z", "LIMIT", "1"));
    }

    @Test
    void storedResultsOwnTheirMembers() {
        assertEquals(":5\r\n", c.call("ZUNIONSTORE", "d", "2", "s", "t"));
        assertEquals(arr("1", "1", "a", "1", "b", "1", "d", "1", "c", "2"), c.call("ZRANGE", "d", "0", "-1", "WITHSCORES"));
        assertEquals("$8\r\nlistpack\r\n", c.call("OBJECT", "ENCODING", "d"));
        assertEquals("+zset\r\n", c.call("TYPE", "d"));
    }

    @Test
    void otherTypesAreRejected() {
        c.call("SET", "str", "x");
        assertEquals("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", c.call("ZUNION", "2", "s", "str"));
    }
}
