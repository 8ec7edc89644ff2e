package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Error statistics around scripts (scripting.md §7), against redis-server 7.0.15: a called
 * command's error counts once, at that command (its failed_calls, errorstats), and not again
 * when the script passes it on; errors raised by the script itself count at EVAL.
 */
class ScriptErrorStatsDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension();

    private static final String[][] SESSION = {
        {"SET", "k", "v"},
        {"EVAL", "return redis.call('incr', KEYS[1])", "1", "k"},
        {"EVAL", "return redis.pcall('incr', KEYS[1])", "1", "k"},
        {"EVAL", "redis.pcall('incr', KEYS[1]) return 1", "1", "k"},
        {"EVAL", "return redis.pcall('nosuch')", "0"},
        {"EVAL", "return redis.call('nosuch')", "0"},
        {"EVAL", "return redis.call('set', 'x')", "0"},
        {"EVAL", "error('x')", "0"},
        {"EVAL", "return redis.error_reply('MY thing')", "0"},
        {"EVAL", "return {err='OTHER x'}", "0"},
        {"EVAL", "return redis.status_reply('fine')", "0"},
        {"MULTI"}, {"INCR", "k"}, {"SET", "a", "b"}, {"EXEC"},
        {"INCR", "k"},
    };

    /** The counters of INFO that these commands move, one line each. */
    private static List<String> counters(RespConnection c) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : c.call("INFO", "errorstats").split("\r\n")) {
            if (line.startsWith("errorstat_")) {
                lines.add(line);
            }
        }
        for (String line : c.call("INFO", "stats").split("\r\n")) {
            if (line.endsWith("error_replies") || line.contains("error_replies:")) {
                lines.add(line);
            }
        }
        for (String line : c.call("INFO", "commandstats").split("\r\n")) {
            if (line.matches("cmdstat_(eval|incr|set|exec|multi):.*")) {
                // usec fields differ by machine; calls, rejected_calls and failed_calls must not.
                lines.add(line.replaceAll("usec=\\d+,usec_per_call=[\\d.]+,", ""));
            }
        }
        lines.sort(null); // redis-server lists commandstats in its hash table's order
        return lines;
    }

    @Test
    void errorStatisticsMatchRedis() throws Exception {
        try (RespConnection theirs = new RespConnection(pair.get().reference.port); RespConnection mine = pair.get().ours.connect()) {
            for (RespConnection c : List.of(theirs, mine)) {
                c.call("FLUSHALL");
                c.call("CONFIG", "RESETSTAT");
                for (String[] cmd : SESSION) {
                    c.call(cmd);
                }
            }
            List<String> expected = counters(theirs);
            assertEquals(expected, counters(mine));
            assertEquals(true, expected.contains("errorstat_ERR:count=9"), "the reference counted as expected: " + expected);
        }
    }
}
