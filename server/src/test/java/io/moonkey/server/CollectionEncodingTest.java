package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.datastore.Memory;
import io.moonkey.datastore.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Valkey's encodings of lists and sets (7.2 on) and every command that converts them, in both
 * directions, with the limits changed by CONFIG SET. redis-server 7.0.15, the differential
 * reference, does not have these encodings (see {@link ValkeyEncodings}), so the expected
 * encodings here follow Valkey's rules: t_list.c (listTypeTryConversion) and t_set.c
 * (setTypeCreate, setTypeAdd, setTypeMaybeConvert). Each test ends by deleting its keys and
 * checking that the keyspace's memory total is back to exactly what it was.
 */
class CollectionEncodingTest {
    private LocalClient c;
    private long emptyBytes;

    @BeforeEach
    void start() throws Exception {
        c = new LocalClient();
        emptyBytes = c.server.keyspace().db(0).bytes();
    }

    /** The running memory total equals a fresh estimate of every key, and returns to the start once they are deleted. */
    @AfterEach
    void memoryIsExact() {
        List<byte[]> keys = new ArrayList<>();
        c.server.keyspace().db(0).forEachEntry((k, v) -> keys.add(k));
        long fresh = emptyBytes;
        for (byte[] k : keys) {
            Value v = c.server.keyspace().db(0).lookup(k, 3);
            fresh += Memory.keyEntry(k) + v.memoryUsage();
        }
        assertEquals(fresh, c.server.keyspace().db(0).bytes(), "running total against a fresh estimate");
        c.call("FLUSHALL");
        assertEquals(emptyBytes, c.server.keyspace().db(0).bytes());
    }

    private void assertEncoding(String expected, String key) {
        assertEquals("$" + expected.length() + "\r\n" + expected + "\r\n", c.call("OBJECT", "ENCODING", key), key);
    }

    private String[] cmd(String first, String... rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    private void run(String... lines) {
        for (String line : lines) c.call(line.split(" "));
    }

    private static String repeat(char ch, int n) {
        return String.valueOf(ch).repeat(n);
    }

    // ---- lists ------------------------------------------------------------------------------------

    @Test
    void aNewListIsAListpackUntilAPushWouldPassTheByteLimit() {
        run("CONFIG SET list-max-listpack-size -1"); // 4096 bytes
        // a 100-byte string is a 103-byte entry; a listpack of k of them is 7 + 103k bytes, and a
        // push converts when those bytes plus the new element's 100 would pass 4096: at the 40th
        String e = repeat('x', 100);
        for (int i = 0; i < 39; i++) c.call("RPUSH", "l", e);
        assertEncoding("listpack", "l");
        c.call("RPUSH", "l", e);
        assertEncoding("quicklist", "l");
        // back only once one node of at most half the limit is left: 7 + 103 * 19 <= 2048
        for (int n = 40; n > 20; n--) {
            c.call("RPOP", "l");
            assertEncoding("quicklist", "l");
        }
        c.call("RPOP", "l");
        assertEquals(":19\r\n", c.call("LLEN", "l"));
        assertEncoding("listpack", "l");
    }

    @Test
    void aListEmptiedByAPopOrAMoveLeavesNoBytesBehind() {
        // the pop's own size change is recorded before the key goes (memoryIsExact checks the total)
        run("RPUSH a x y z", "LPOP a 3", "RPUSH b x", "RPOP b", "RPUSH c x", "LMOVE c d LEFT LEFT", "BLPOP d 0",
                "RPUSH e x y", "LTRIM e 5 6", "RPUSH f x x", "LREM f 0 x", "RPUSH g 1", "LMPOP 1 g LEFT");
        assertEquals(":0\r\n", c.call("DBSIZE"));
        assertEquals(emptyBytes, c.server.keyspace().db(0).bytes());
    }

    @Test
    void theCheckCountsEveryArgumentOfAPushAtOnce() {
        run("CONFIG SET list-max-listpack-size 4");
        run("RPUSH l 1 2 3 4");
        assertEncoding("listpack", "l");
        run("DEL l", "RPUSH l 1 2 3 4 5");
        assertEncoding("quicklist", "l");
        run("LPUSH m 1 2 3", "LPUSHX m 4", "OBJECT ENCODING m");
        assertEncoding("listpack", "m");
        run("RPUSHX m 5");
        assertEncoding("quicklist", "m");
    }

    @Test
    void shrinkingConvertsBackAtHalfTheCount() {
        run("CONFIG SET list-max-listpack-size 4", "RPUSH l 1 2 3 4", "RPUSH l 5");
        assertEncoding("quicklist", "l"); // nodes [1 2 3 4] [5]
        run("RPOP l");
        assertEncoding("quicklist", "l"); // one node, but 4 > 4 / 2
        run("RPOP l");
        assertEncoding("quicklist", "l");
        run("RPOP l");
        assertEncoding("listpack", "l");
        // LPOP with a count, LREM, LTRIM, LMPOP try the same conversion
        run("DEL l", "RPUSH l 1 2 3 4 5", "LPOP l 3");
        assertEncoding("quicklist", "l"); // [4] [5]: two nodes
        run("DEL l", "RPUSH l 1 2 3 4 5", "RPOP l 3");
        assertEncoding("listpack", "l");
        run("DEL l", "RPUSH l a b a b c", "LREM l 0 a");
        assertEncoding("quicklist", "l"); // [a b a b] [c] → [b b] [c]: two nodes left
        run("LREM l 0 c");
        assertEncoding("listpack", "l");
        run("DEL l", "RPUSH l 1 2 3 4 5", "LTRIM l 0 -1");
        assertEncoding("quicklist", "l");
        run("LTRIM l 0 1");
        assertEncoding("listpack", "l");
        run("DEL l", "RPUSH l 1 2 3 4 5", "LMPOP 1 l RIGHT COUNT 3");
        assertEncoding("listpack", "l");
        run("DEL l", "RPUSH l 1 2 3 4 5", "BLMPOP 0 1 l RIGHT COUNT 3");
        assertEncoding("listpack", "l");
    }

    @Test
    void aLargeElementGetsAPlainNodeAndKeepsTheListAQuicklist() {
        String big = repeat('b', 9000);
        c.call("RPUSH", "l", "a", "b");
        c.call("RPUSH", "l", big);
        assertEncoding("quicklist", "l");
        c.call("LPOP", "l");
        c.call("LPOP", "l");
        assertEncoding("quicklist", "l"); // a plain node alone never becomes a listpack
        c.call("LPUSH", "l", "x");
        c.call("RPOP", "l");
        assertEncoding("listpack", "l");
        assertEquals("*1\r\n$1\r\nx\r\n", c.call("LRANGE", "l", "0", "-1"));
    }

    @Test
    void linsertAndLsetConvertBeforeLookingAtPivotOrIndex() {
        run("CONFIG SET list-max-listpack-size 4", "RPUSH l 1 2 3 4");
        assertEquals(":-1\r\n", c.call("LINSERT", "l", "BEFORE", "nosuch", "x"));
        assertEncoding("quicklist", "l"); // as Valkey: converted although nothing was inserted
        run("DEL l", "RPUSH l 1 2 3 4");
        assertEquals("-ERR index out of range\r\n", c.call("LSET", "l", "10", "x"));
        assertEncoding("quicklist", "l");
        // a replacement too big for its node goes into a node of its own
        run("CONFIG SET list-max-listpack-size -1");
        c.call("DEL", "l");
        c.call("RPUSH", "l", repeat('y', 3000), "a"); // 7 + 3004 + 2 bytes
        c.call("LSET", "l", "1", repeat('z', 1100)); // 3013 + 1100 > 4096: converted first
        assertEncoding("quicklist", "l");
        c.call("LSET", "l", "0", "short");
        assertEncoding("quicklist", "l"); // [short] [z...]: two nodes
        // LSET shrinks too: one node of more than half the limit made small
        c.call("DEL", "l");
        c.call("RPUSH", "l", repeat('y', 3000), "a");
        c.call("LINSERT", "l", "BEFORE", "nosuch", repeat('z', 1200)); // converted, one node of 3013 bytes
        assertEncoding("quicklist", "l");
        c.call("LSET", "l", "0", "short");
        assertEncoding("listpack", "l");
        assertEquals("*2\r\n$5\r\nshort\r\n$1\r\na\r\n", c.call("LRANGE", "l", "0", "-1"));
    }

    @Test
    void movesCheckTheDestinationAndShrinkTheSource() {
        run("CONFIG SET list-max-listpack-size 4", "RPUSH src 1 2 3 4 5", "RPUSH dst a b c d");
        run("LMOVE src dst RIGHT LEFT");
        assertEncoding("quicklist", "dst");
        assertEncoding("quicklist", "src"); // one node of four: not within half
        run("RPOPLPUSH src dst", "RPOPLPUSH src dst");
        assertEncoding("listpack", "src");
        run("LMOVE src fresh LEFT LEFT");
        assertEncoding("listpack", "fresh");
        run("BLMOVE src fresh LEFT LEFT 0");
        assertEquals(":2\r\n", c.call("LLEN", "fresh"));
        assertEncoding("listpack", "fresh");
    }

    @Test
    void anIntegerMovedOutOfAQuicklistCountsNoBytes() {
        // Valkey pops an integer entry of a quicklist as a number, which its growth check
        // counts as 0 bytes; from a listpack it is a string of its length
        run("CONFIG SET list-max-listpack-size -1");
        // a 4080-byte string is a 4084-byte entry (2 bytes of encoding, 2 of back-length): 4091 bytes in all
        c.call("RPUSH", "dst", repeat('d', 4080));
        assertEncoding("listpack", "dst");
        c.call("RPUSH", "src", repeat('s', 5000), "123456");
        assertEncoding("quicklist", "src");
        c.call("RPOPLPUSH", "src", "dst"); // 4091 + 0 <= 4096
        assertEncoding("listpack", "dst");
        c.call("DEL", "dst");
        c.call("RPUSH", "dst", repeat('d', 4080));
        c.call("RPUSH", "src2", "123456");
        assertEncoding("listpack", "src2");
        c.call("RPOPLPUSH", "src2", "dst"); // 4091 + 6 > 4096
        assertEncoding("quicklist", "dst");
    }

    @Test
    void sortStorePacksAOneNodeResult() {
        run("RPUSH l 3 1 2", "SORT l STORE d");
        assertEncoding("listpack", "d");
        run("CONFIG SET list-max-listpack-size 4", "RPUSH m 5 4 3 2", "SORT m STORE d");
        assertEncoding("listpack", "d"); // one node of four: the full limit applies, not half
        run("RPUSH m 1", "SORT m STORE d");
        assertEncoding("quicklist", "d");
    }

    @Test
    void configSetChangesTheLimitForLaterChecks() {
        assertEquals("*2\r\n$22\r\nlist-max-listpack-size\r\n$2\r\n-2\r\n", c.call("CONFIG", "GET", "list-max-listpack-size"));
        run("CONFIG SET list-max-ziplist-size 2");
        assertEquals("*2\r\n$22\r\nlist-max-listpack-size\r\n$1\r\n2\r\n", c.call("CONFIG", "GET", "list-max-listpack-size"));
        run("RPUSH l a b");
        assertEncoding("listpack", "l");
        run("RPUSH l c");
        assertEncoding("quicklist", "l");
        run("CONFIG SET list-max-listpack-size 100", "RPOP l");
        assertEncoding("listpack", "l"); // the new limit's half applies to the old list
        assertEquals("*2\r\n$1\r\na\r\n$1\r\nb\r\n", c.call("LRANGE", "l", "0", "-1"));
    }

    @Test
    void listContentSurvivesConversionsBothWays() {
        run("CONFIG SET list-max-listpack-size 3");
        List<String> model = new ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            String e = r.nextInt(4) == 0 ? Integer.toString(r.nextInt(1000)) : "e" + r.nextInt(50);
            switch (r.nextInt(6)) {
                case 0, 1 -> {
                    c.call("RPUSH", "l", e);
                    model.add(e);
                }
                case 2 -> {
                    c.call("LPUSH", "l", e);
                    model.add(0, e);
                }
                case 3 -> {
                    if (!model.isEmpty()) {
                        c.call("LPOP", "l");
                        model.remove(0);
                    }
                }
                case 4 -> {
                    if (!model.isEmpty()) {
                        int at = r.nextInt(model.size());
                        c.call("LSET", "l", Integer.toString(at), e);
                        model.set(at, e);
                    }
                }
                default -> {
                    if (!model.isEmpty()) {
                        String pivot = model.get(r.nextInt(model.size()));
                        c.call("LINSERT", "l", "AFTER", pivot, e);
                        model.add(model.indexOf(pivot) + 1, e);
                    }
                }
            }
            StringBuilder expected = new StringBuilder("*" + model.size() + "\r\n");
            for (String m : model) expected.append('$').append(m.length()).append("\r\n").append(m).append("\r\n");
            if (model.isEmpty()) expected = new StringBuilder("*0\r\n");
            assertEquals(expected.toString(), c.call("LRANGE", "l", "0", "-1"), "step " + i);
            if (model.size() <= 1) assertTrue(c.call("OBJECT", "ENCODING", "l").contains("listpack") || model.isEmpty());
        }
    }

    // ---- sets -------------------------------------------------------------------------------------

    @Test
    void aSetOfStringsIsAListpackUntilALimitIsPassed() {
        run("SADD s a b c");
        assertEncoding("listpack", "s");
        run("CONFIG SET set-max-listpack-entries 3", "SADD s d");
        assertEncoding("hashtable", "s");
        run("SREM s a b c");
        assertEncoding("hashtable", "s"); // never back
        run("CONFIG SET set-max-listpack-value 5", "SADD v abcde");
        assertEncoding("listpack", "v");
        run("SADD v abcdef");
        assertEncoding("hashtable", "v");
        assertEquals("*2\r\n$24\r\nset-max-listpack-entries\r\n$1\r\n3\r\n", c.call("CONFIG", "GET", "set-max-listpack-entries"));
        assertEquals("*2\r\n$22\r\nset-max-listpack-value\r\n$1\r\n5\r\n", c.call("CONFIG", "GET", "set-max-listpack-value"));
    }

    @Test
    void anIntsetTakesAStringAsAListpackWithinTheLimits() {
        run("SADD i 3 1 2", "SADD i a");
        assertEncoding("listpack", "i");
        assertEquals("*4\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\na\r\n", c.call("SMEMBERS", "i"), "the intset's order, then the new member");
        run("CONFIG SET set-max-listpack-entries 3", "SADD j 3 1 2", "SADD j a");
        assertEncoding("hashtable", "j");
        run("CONFIG SET set-max-listpack-entries 128", "CONFIG SET set-max-listpack-value 3", "SADD k 1000 1", "SADD k a");
        assertEncoding("hashtable", "k"); // "1000" is wider than the value limit
        run("SADD m -10 1", "SADD m a");
        assertEncoding("listpack", "m");
        run("CONFIG SET set-max-intset-entries 2", "SADD n 1 2", "SADD n 3");
        assertEncoding("hashtable", "n"); // past the intset limit: a table, as before
    }

    @Test
    void saddsArgumentCountIsASizeHint() {
        run("CONFIG SET set-max-listpack-entries 3");
        run("SADD s a a a a"); // four arguments: a table at once, whatever the duplicates
        assertEncoding("hashtable", "s");
        run("SADD t a", "SADD t a a a");
        assertEncoding("listpack", "t");
        run("SADD t a a a a");
        assertEncoding("hashtable", "t");
        run("CONFIG SET set-max-intset-entries 2");
        run("SADD i 1 1 1"); // an integer, but more arguments than an intset takes: a listpack
        assertEncoding("listpack", "i");
        run("SADD j 1", "SADD j 1 1 1");
        assertEncoding("hashtable", "j");
        run("SADD k 1 1 1 1"); // beyond both limits: a table
        assertEncoding("hashtable", "k");
    }

    @Test
    void smoveCreatesTheDestinationForItsMember() {
        run("SADD src a 1 b", "SMOVE src d1 a", "SMOVE src d2 1");
        assertEncoding("listpack", "d1");
        assertEncoding("intset", "d2");
        run("SMOVE src d2 b");
        assertEncoding("listpack", "d2");
    }

    @Test
    void storeCommandsBuildTheirResultAsValkeyDoes() {
        run("SADD a x y 1 2", "SADD b x y 1 2 3");
        run("SINTERSTORE d a b");
        assertEncoding("listpack", "d");
        run("SREM a x y", "SINTERSTORE d a b");
        assertEncoding("intset", "d"); // only integers: made an intset at the end
        run("SUNIONSTORE d a b");
        assertEncoding("listpack", "d");
        run("SDIFFSTORE d b a");
        assertEncoding("listpack", "d");
        run("SDIFFSTORE d a b");
        assertEquals(":0\r\n", c.call("EXISTS", "d"));
        run("SUNIONSTORE d a");
        assertEncoding("intset", "d");
        StringBuilder many = new StringBuilder("SADD big");
        for (int i = 0; i < 200; i++) many.append(" m").append(i);
        run(many.toString(), "SUNIONSTORE d big a");
        assertEncoding("hashtable", "d");
        run("SINTERSTORE d big big");
        assertEncoding("hashtable", "d");
        run("SADD small m1 m2", "SINTERSTORE d big small");
        assertEncoding("listpack", "d");
    }

    @Test
    void spopWithACountRebuildsTheRemainingMembers() {
        StringBuilder strings = new StringBuilder("SADD h");
        for (int i = 0; i < 200; i++) strings.append(" m").append(i);
        run(strings.toString());
        assertEncoding("hashtable", "h");
        run("SPOP h 190"); // few remain: rebuilt, as a listpack
        assertEncoding("listpack", "h");
        assertEquals(":10\r\n", c.call("SCARD", "h"));
        StringBuilder ints = new StringBuilder("SADD i");
        for (int i = 0; i < 600; i++) ints.append(' ').append(i);
        run(ints.toString());
        assertEncoding("hashtable", "i");
        run("SPOP i 595"); // a table's members are strings to Valkey: a listpack even for integers
        assertEncoding("listpack", "i");
        run("SADD j 1 2 3 4 5 6 7 8 9 10", "SPOP j 9");
        assertEncoding("intset", "j");
        run("SADD k a b c d e f g h i j", "SPOP k 9");
        assertEncoding("listpack", "k");
        run("SADD k x y", "SPOP k 1", "SPOP k");
        assertEquals(":1\r\n", c.call("SCARD", "k"));
    }

    @Test
    void listpackSetsAnswerEveryReadingCommand() {
        run("SADD s a b c 1");
        assertEncoding("listpack", "s");
        assertEquals("*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\n1\r\n", c.call("SMEMBERS", "s"));
        assertEquals(":1\r\n", c.call("SISMEMBER", "s", "1"));
        assertEquals("*3\r\n:1\r\n:0\r\n:1\r\n", c.call("SMISMEMBER", "s", "b", "z", "c"));
        assertEquals("*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\n1\r\n", c.call("SSCAN", "s", "0"));
        assertEquals("*2\r\n$1\r\n0\r\n*1\r\n$1\r\nb\r\n", c.call("SSCAN", "s", "0", "MATCH", "b"));
        assertTrue(c.call("SRANDMEMBER", "s", "10").startsWith("*4\r\n"));
        assertEquals("*6\r\n", c.call("SRANDMEMBER", "s", "-6").substring(0, 4));
        assertTrue(c.call("SRANDMEMBER", "s", "2").startsWith("*2\r\n"));
        run("SREM s a", "SPOP s");
        assertEquals(":2\r\n", c.call("SCARD", "s"));
        run("COPY s t");
        assertEncoding("listpack", "t");
    }
}
