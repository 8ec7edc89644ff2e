package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DEBUG DIGEST and DIGEST-VALUE equal redis-server 7.0.15's for the same data: the same
 * commands go to both servers, then the digests are compared.
 */
class DigestDifferentialTest {
    private static ReferenceServer reference;
    private static TestServer ours;

    @BeforeAll
    static void start() throws Exception {
        reference = ReferenceServer.start();
        if (reference != null) ours = new TestServer("--enable-debug-command", "yes", "--save", "", "--appendonly", "no");
    }

    @AfterAll
    static void stop() {
        if (ours != null) ours.close();
        if (reference != null) reference.close();
    }

    /** Runs {@code script} (commands separated by ';', words by ' ') on both and compares the digests. */
    static void assertSameDigests(List<String[]> script, String... keys) throws Exception {
        Assumptions.assumeTrue(reference != null, ReferenceServer.SKIP_MESSAGE);
        try (RespConnection a = new RespConnection(reference.port); RespConnection b = ours.connect()) {
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
}
