package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Blocking XREAD and XREADGROUP with several real connections, each scenario played against our
 * server and redis-server 7.0.15: clients block, others write, and every reply (the blocked
 * ones' included, read after the writes) must be the same bytes.
 */
class StreamBlockingTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    /** One step: a connection (0, 1, 2...) sends a command, and either waits for its reply or (block) waits until it blocked. */
    private record Step(int conn, String command, boolean block) {}

    private static Step send(int conn, String command) {
        return new Step(conn, command, false);
    }

    private static Step block(int conn, String command) {
        return new Step(conn, command, true);
    }

    /** Reads the reply a blocked connection got. */
    private static Step reply(int conn) {
        return new Step(conn, null, false);
    }

    private static String play(int port, Step... steps) throws Exception {
        List<RespConnection> conns = new ArrayList<>();
        StringBuilder transcript = new StringBuilder();
        try (RespConnection admin = new RespConnection(port)) {
            admin.call("FLUSHALL");
            int blocked = 0;
            for (int i = 0; i < 4; i++) conns.add(new RespConnection(port));
            for (Step st : steps) {
                RespConnection c = conns.get(st.conn);
                if (st.command == null) {
                    transcript.append(st.conn).append(" < ").append(c.readReply());
                    blocked--;
                    continue;
                }
                String[] args = st.command.split(" ");
                for (int i = 0; i < args.length; i++) args[i] = args[i].replace('#', ' '); // '#' stands for a space inside an argument
                if (st.block) {
                    c.sendRaw(RespConnection.encode(RespConnection.args(args)));
                    blocked++;
                    awaitBlocked(admin, blocked);
                } else {
                    String r = c.call(args);
                    if (!args[0].equals("HELLO")) transcript.append(st.conn).append(' ').append(st.command).append(" -> ").append(r); // HELLO names the server
                    // a write may have served blocked clients: let their count settle before going on
                    Thread.sleep(5);
                    blocked = blockedCount(admin);
                }
            }
        } finally {
            for (RespConnection c : conns) c.close();
        }
        return transcript.toString();
    }

    private static int blockedCount(RespConnection admin) throws Exception {
        String info = admin.call("INFO", "clients");
        int at = info.indexOf("blocked_clients:");
        return Integer.parseInt(info.substring(at + 16, info.indexOf('\r', at)));
    }

    private static void awaitBlocked(RespConnection admin, int n) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (blockedCount(admin) == n) return;
            Thread.sleep(5);
        }
        throw new AssertionError("never saw " + n + " blocked clients");
    }

    private static void same(Step... steps) throws Exception {
        assertEquals(play(pair.get().reference.port, steps), play(pair.get().ours.port, steps));
    }

    @Test
    void xreadIsServedByAnotherClientsXadd() throws Exception {
        same(send(1, "XADD s 1-1 a 1"), block(0, "XREAD BLOCK 0 STREAMS s $"), send(1, "XADD s 2-1 b 2"), reply(0),
                send(0, "XREAD BLOCK 0 STREAMS s 0"));
    }

    @Test
    void dollarMeansAfterTheLastIdAtBlockTime() throws Exception {
        // the first XADD after blocking is delivered, not the entries that were there before
        same(send(1, "XADD s 1-1 a 1"), send(1, "XADD s 2-1 a 2"), block(0, "XREAD COUNT 10 BLOCK 0 STREAMS s $"), send(1, "XADD s 3-1 a 3"),
                reply(0));
    }

    @Test
    void streamCreatedWhileBlocked() throws Exception {
        same(block(0, "XREAD BLOCK 0 STREAMS nokey other $ 0"), send(1, "SET unrelated 1"), send(1, "XADD other 5-5 f v"), reply(0));
    }

    @Test
    void timeoutRepliesNil() throws Exception {
        same(block(0, "XREAD BLOCK 150 STREAMS s $"), reply(0), send(0, "HELLO 3"), block(0, "XREAD BLOCK 150 STREAMS s 0"), reply(0),
                send(1, "XGROUP CREATE s g $ MKSTREAM"), block(0, "XREADGROUP GROUP g c BLOCK 150 STREAMS s >"), reply(0));
    }

    @Test
    void everyXreadClientGetsTheEntry() throws Exception {
        same(send(2, "XADD s 1-1 a 1"), block(0, "XREAD BLOCK 0 STREAMS s $"), block(1, "XREAD BLOCK 0 STREAMS s 1-1"),
                send(2, "XADD s 2-1 b 2"), reply(0), reply(1));
    }

    @Test
    void xreadgroupIsServedNewEntries() throws Exception {
        same(send(2, "XGROUP CREATE s g $ MKSTREAM"), block(0, "XREADGROUP GROUP g alice BLOCK 0 STREAMS s >"),
                block(1, "XREADGROUP GROUP g bob BLOCK 500 STREAMS s >"), send(2, "XADD s 1-1 a 1"), reply(0),
                send(2, "XPENDING s g"), send(2, "XADD s 2-1 b 2"), reply(1), send(2, "XPENDING s g"), send(2, "XINFO GROUPS s"));
    }

    @Test
    void xreadgroupNoackAndCount() throws Exception {
        same(send(2, "XGROUP CREATE s g $ MKSTREAM"), block(0, "XREADGROUP GROUP g c COUNT 1 NOACK BLOCK 0 STREAMS s >"),
                send(2, "MULTI"), send(2, "XADD s 1-1 a 1"), send(2, "XADD s 2-1 b 2"), send(2, "EXEC"), reply(0), send(2, "XPENDING s g"),
                send(2, "XINFO GROUPS s"));
    }

    @Test
    void deletedAndRecreatedStream() throws Exception {
        same(send(1, "XADD s 5-1 a 1"), block(0, "XREAD BLOCK 0 STREAMS s $"), send(1, "DEL s"), send(1, "XADD s 1-1 b 2"),
                send(1, "XADD s 6-1 c 3"), reply(0));
    }

    @Test
    void cannotBlockInsideMultiOrScripts() throws Exception {
        same(send(0, "MULTI"), send(0, "XREAD BLOCK 0 STREAMS s $"), send(0, "EXEC"));
        // Valkey lets a script use BLOCK, which answers at once (redis 7.0 refuses it; differences.md §3 row 9)
        try (RespConnection c = pair.get().ours.connect()) {
            c.call("DEL", "s");
            c.call("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM");
            assertEquals("$-1\r\n", c.call("EVAL", "return redis.call('xread','block','0','streams','s','$')", "0")); // null -> false -> nil
            assertEquals("$-1\r\n", c.call("EVAL", "return redis.pcall('XREADGROUP','GROUP','g','c','BLOCK','0','STREAMS','s','>')", "0"));
            c.call("XADD", "s", "1-1", "f", "v");
            assertEquals("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n",
                    c.call("EVAL", "return redis.call('xread','block','0','streams','s','0')", "0"));
            c.call("DEL", "s");
        }
    }

    @Test
    void blockingArgumentErrors() throws Exception {
        same(send(0, "XREAD BLOCK -1 STREAMS s $"), send(0, "XREAD BLOCK x STREAMS s $"), send(0, "XREAD BLOCK 1.5 STREAMS s $"),
                send(0, "XREAD BLOCK 99999999999999999999 STREAMS s $"));
    }

    @Test
    void groupDestroyedOrStreamReplacedWhileBlocked() throws Exception {
        same(send(2, "XGROUP CREATE s g $ MKSTREAM"), block(0, "XREADGROUP GROUP g c BLOCK 0 STREAMS s >"), send(2, "XGROUP DESTROY s g"),
                reply(0), block(1, "XREAD BLOCK 300 STREAMS s $"), send(2, "DEL s"), send(2, "SET s string"), reply(1));
    }
}
