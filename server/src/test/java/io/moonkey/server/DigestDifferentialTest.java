package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DEBUG DIGEST and DIGEST-VALUE equal redis-server 7.0.15's for the same data: the same
 * commands go to both servers, then the digests are compared.
 */
class DigestDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");

    /** Runs {@code script} (commands separated by ';', words by ' ') on both and compares the digests. */
    static void assertSameDigests(List<String[]> script, String... keys) throws Exception {
        try (RespConnection a = new RespConnection(pair.get().reference.port); RespConnection b = pair.get().ours.connect()) {
            a.call("flushall");
            b.call("flushall");
            for (String[] cmd : script) {
                assertEquals(a.call(cmd), b.call(cmd), String.join(" ", cmd));
            }
            assertEquals(a.call("debug", "digest"), b.call("debug", "digest"));
            List<String> dv = new ArrayList<>(List.of("debug", "digest-value"));
            dv.addAll(List.of(keys));
            assertEquals(a.call(dv.toArray(new String[0])), b.call(dv.toArray(new String[0])));
        }
    }

    static List<String[]> commands(String text) {
        List<String[]> out = new ArrayList<>();
        for (String c : text.split(";")) out.add(c.trim().split(" "));
        return out;
    }

    @Test
    void emptyDatasetIsAllZeros() throws Exception {
        assertSameDigests(commands("ping"), "nosuch");
    }

    @Test
    void stringsIntegersExpiresAndDatabases() throws Exception {
        assertSameDigests(commands("set a 1; set bb hello; set c 12345678901 px 100000000; append bb !; incr a;"
                + "select 4; set x 0; set y -7; select 0; set big 99999999999999999999; setrange r 3 xyz"), "a", "bb", "c", "big", "r", "nosuch");
    }

    @Test
    void everyCollectionType() throws Exception {
        assertSameDigests(commands("rpush l a b c 1 2; lpush l z; rpush big " + "x ".repeat(200).trim() + ";"
                + "sadd s 3 1 2; sadd t a b c; sadd t 10; hset h f1 v1 f2 v2; hset hb " + "f v ".repeat(100).trim() + ";"
                + "zadd z 1 a 2 b 0.1 c -inf d inf e; zadd zb " + "1.5 m ".repeat(1).trim() + " 3e-7 n 12345678901234567890 o;"
                + "xadd st 1-1 a 1 b 2; xadd st 1-2 c 3; xadd st 5-0 d 4; xdel st 1-2; xgroup create st g 0;"
                + "pexpire l 100000000; select 2; sadd s2 x"), "l", "big", "s", "t", "h", "hb", "z", "zb", "st");
    }
}
