package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random scripts in cluster mode against redis-server 7.0.15 (all slots served): a few
 * server.call lines over keys of three slots, with or without a shebang and its cross-slot or
 * no-writes flags, and some of the keys declared. Each line names one command, so the line an
 * oracle error points at tells which command its "non local key" text stands for in Valkey
 * (differences.md §2).
 */
@AddLifecycleHook(ReferencePairHook.class)
class ClusterScriptDifferentialTest {
    private static final Pattern NON_LOCAL = Pattern.compile(
            "Script attempted to access a non local key in a cluster node( script: \\w+, on @user_script:(\\d+)\\.)");
    private static final List<String> KEYS = List.of("a", "{a}1", "b", "{b}1", "c");

    static final ReferencePairExtension pair = new ReferencePairExtension(ClusterScriptDifferentialTest::startPair);
    private static RespConnection ref, our;

    private static ReferencePair startPair() throws Exception {
        Path dir = Files.createTempDirectory("moonkey-cluster-ref");
        return ReferencePair.start(List.of("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                "--dir", dir.toString(), "--cluster-port", Integer.toString(ClusterDifferentialTest.freePort())), // port + 10000 may not exist
                "--cluster-enabled", "yes", "--dir", Files.createTempDirectory("moonkey-cluster-ours").toString());
    }

    @BeforeContainer
    static void start() throws Exception {
        if (!pair.started()) return;
        ref = pair.refConn();
        our = pair.ourConn();
        for (RespConnection c : List.of(ref, our)) {
            c.call("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            ClusterDifferentialTest.awaitOk(c);
        }
    }

    /** One line of a script: the command and its Lua call. */
    private record Line(String command, String lua) {}

    private static Arbitrary<String> key() {
        return Arbitraries.of(KEYS);
    }

    private static Arbitrary<Line> line() {
        return Arbitraries.oneOf(
                key().map(k -> new Line("get", "redis.call('get', '" + k + "')")),
                key().map(k -> new Line("set", "redis.call('set', '" + k + "', 'v')")),
                Combinators.combine(key(), key()).as((k1, k2) -> new Line("mget", "redis.call('mget', '" + k1 + "', '" + k2 + "')")),
                Combinators.combine(key(), key()).as((k1, k2) -> new Line("del", "redis.call('del', '" + k1 + "', '" + k2 + "')")),
                Combinators.combine(key(), key()).as((k1, k2) -> new Line("exists", "redis.call('exists', '" + k1 + "', '" + k2 + "')")),
                key().map(k -> new Line("get", "redis.call('get', KEYS[1] or '" + k + "')")),
                Arbitraries.just(new Line("ping", "redis.call('ping')")));
    }

    @Provide
    Arbitrary<List<String>> evalCommand() {
        Arbitrary<String> shebang = Arbitraries.of("", "#!lua\n", "#!lua flags=allow-cross-slot-keys\n", "#!lua flags=no-writes\n");
        Arbitrary<List<Line>> lines = line().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<String>> declared = key().list().ofMaxSize(2);
        return Combinators.combine(shebang, lines, declared).as((sh, ls, keys) -> {
            StringBuilder body = new StringBuilder(sh);
            for (Line l : ls) body.append(l.lua()).append('\n');
            body.append("return 'done'");
            List<String> argv = new ArrayList<>(List.of("EVAL", body.toString(), Integer.toString(keys.size())));
            argv.addAll(keys);
            return argv;
        });
    }

    @Property(tries = 300)
    void scriptsAsTheOracle(@ForAll("evalCommand") List<String> argv) throws Exception {
        String[] a = argv.toArray(new String[0]);
        String expected = valkeyText(ref.call(a), a[1]);
        assertEquals(expected, our.call(a), () -> String.join(" | ", argv));
    }

    /** The oracle's "non local key" error in the Valkey words for the command on the line it names. */
    private static String valkeyText(String reply, String body) {
        Matcher m = NON_LOCAL.matcher(reply);
        if (!m.find()) return reply;
        String line = body.split("\n")[Integer.parseInt(m.group(2)) - 1];
        String cmd = line.substring(line.indexOf('\'') + 1, line.indexOf('\'', line.indexOf('\'') + 1));
        return m.replaceFirst("Command '" + cmd + "' in script attempted to access keys that don't hash to the same slot$1");
    }
}
