package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Blocking list commands with several clients, against the reference redis-server 7.0.15: two
 * clients block (in that order) on generated commands, a third runs generated writes (pushes,
 * moves, transactions, scripts, type changes), then the still-blocked clients are released with
 * CLIENT UNBLOCK. Every reply of all three clients, and the lists left, must be the same on
 * both servers: who is served, in which order, with what, and what stays blocked.
 */
@AddLifecycleHook(ReferencePairHook.class)
class ListBlockingDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");
    /** Per server: the actor, then the two waiters. */
    private static RespConnection[] refConns, ourConns;

    @BeforeContainer
    static void start() throws Exception {
        if (!pair.started()) return;
        refConns = new RespConnection[] {pair.connectReference(), pair.connectReference(), pair.connectReference()};
        ourConns = new RespConnection[] {pair.connectOurs(), pair.connectOurs(), pair.connectOurs()};
    }

    /** A blocking command that blocks on the initially empty l1/l2 (l3 starts with elements). */
    private static Arbitrary<String> waiter() {
        return Arbitraries.of("BLPOP l1 l2 5", "BRPOP l2 5", "BLPOP l2 l1 5", "BLMOVE l1 l2 LEFT RIGHT 5", "BRPOPLPUSH l2 l1 5",
                "BLMPOP 5 2 l1 l2 LEFT COUNT 2", "BLMPOP 5 1 l2 RIGHT", "BLMOVE l1 l1 RIGHT LEFT 5", "BLMOVE l2 s LEFT LEFT 5",
                "BRPOP l1 5");
    }

    /** The actor's writes; a few are several commands (a transaction) in one step. */
    private static Arbitrary<List<String>> action() {
        return Arbitraries.oneOf(
                Arbitraries.of("RPUSH l1 a b", "LPUSH l2 x", "RPUSH l1 a", "RPUSH l2 1 2 3", "DEL l1", "DEL l2", "SET l1 str",
                        "SET s str", "LMOVE l3 l1 LEFT LEFT", "RPOPLPUSH l3 l2", "SORT l3 ALPHA STORE l1", "LPOP l1", "LPUSHX l2 z",
                        "LMPOP 2 l3 l1 RIGHT COUNT 2", "RPUSH l3 r", "RENAME l3 l2", "COPY l3 l1").map(List::of),
                Arbitraries.of(
                        List.of("MULTI", "RPUSH l1 m1", "RPUSH l2 m2", "EXEC"),
                        List.of("MULTI", "RPUSH l1 m1", "DEL l1", "EXEC"),
                        List.of("MULTI", "RPUSH l2 m1 m2", "LPOP l2", "EXEC"),
                        List.of("EVAL \"redis.call('rpush', KEYS[1], 'e1', 'e2') return redis.call('lpop', KEYS[1])\" 1 l2"),
                        List.of("EVAL \"return redis.call('lpush', KEYS[1], 'x')\" 1 l1")));
    }

    record Scenario(String first, String second, List<List<String>> actions, boolean resp3) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(waiter(), Arbitraries.oneOf(waiter(), Arbitraries.just("")), action().list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(false, true)).as(Scenario::new);
    }

    /** Runs the scenario on one server; returns every reply in order. */
    private static List<String> run(RespConnection[] c, Scenario sc) throws Exception {
        RespConnection actor = c[0];
        List<String> replies = new ArrayList<>();
        actor.call("FLUSHALL");
        actor.call("RPUSH", "l3", "p", "q", "r");
        String[] ids = {c[1].call("CLIENT", "ID").substring(1).trim(), c[2].call("CLIENT", "ID").substring(1).trim()};
        for (int i = 1; i < 3; i++) c[i].call("HELLO", sc.resp3() ? "3" : "2"); // the waiters' timeout replies differ
        String[] waiters = {sc.first(), sc.second()};
        int blocked = 0;
        for (int i = 0; i < 2; i++) {
            if (waiters[i].isEmpty()) continue;
            c[i + 1].sendRaw(RespConnection.encode(RespConnection.args(waiters[i].split(" "))));
            awaitBlocked(actor, ++blocked);
        }
        for (List<String> step : sc.actions()) {
            for (String cmd : step) replies.add(cmd + " -> " + actor.call(words(cmd)));
        }
        for (int i = 0; i < 2; i++) {
            if (waiters[i].isEmpty()) continue;
            replies.add("unblock -> " + actor.call("CLIENT", "UNBLOCK", ids[i]));
            replies.add(waiters[i] + " -> " + c[i + 1].readReply());
        }
        for (String k : List.of("l1", "l2", "l3")) replies.add(k + ": " + actor.call("LRANGE", k, "0", "-1"));
        return replies;
    }

    /** Splits on spaces, keeping a double-quoted script in one piece. */
    private static String[] words(String cmd) {
        List<String> w = new ArrayList<>();
        int i = 0;
        while (i < cmd.length()) {
            if (cmd.charAt(i) == '"') {
                int end = cmd.indexOf('"', i + 1);
                w.add(cmd.substring(i + 1, end));
                i = end + 2;
            } else {
                int end = cmd.indexOf(' ', i);
                if (end < 0) end = cmd.length();
                w.add(cmd.substring(i, end));
                i = end + 1;
            }
        }
        return w.toArray(new String[0]);
    }

    private static void awaitBlocked(RespConnection c, int n) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (c.call("INFO", "clients").contains("blocked_clients:" + n + "\r\n")) return;
            Thread.sleep(5);
        }
        throw new AssertionError("never saw " + n + " blocked clients");
    }

    @Property(tries = 120, seed = "20261124", shrinking = ShrinkingMode.BOUNDED)
    void sameServingAsReference(@ForAll("scenarios") Scenario sc) throws Exception {
        assertEquals(run(refConns, sc), run(ourConns, sc), sc.toString());
    }

    @Example
    void chainOfMovesServesBothWaiters() throws Exception {
        Scenario sc = new Scenario("BLMOVE l1 l2 LEFT RIGHT 5", "BLPOP l2 5", List.of(List.of("RPUSH l1 a b")), false);
        List<String> ref = run(refConns, sc);
        assertEquals("unblock -> :0\r\n", ref.get(1), "the first waiter was served");
        assertEquals("unblock -> :0\r\n", ref.get(3), "the second waiter was served");
        assertEquals(ref, run(ourConns, sc));
    }
}
