package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server-assisted client-side caching against redis-server 7.0.15: three connections per server
 * (a RESP3 tracker, a RESP2 one redirecting to a subscriber, a writer) run the same script of
 * commands; every reply and every invalidation push or message is compared. Covers the default
 * mode, NOLOOP, OPTIN/OPTOUT with CLIENT CACHING, BCAST with prefixes, redirection, flushes,
 * scripts and MULTI, and the option errors.
 */
class ClientTrackingDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    /** Who sends (t = RESP3 tracker, r = RESP2 redirecting tracker, s = its subscriber, w = writer), the command, and the replies to read. */
    private record Step(String who, int replies, String... cmd) {
    }

    private static Step t(int n, String... c) {
        return new Step("t", n, c);
    }

    private static Step w(String... c) {
        return new Step("w", 1, c);
    }

    private static final List<Step> SCRIPT = List.of(
            t(1, "HELLO", "3"),
            t(1, "CLIENT", "TRACKINGINFO"),
            t(1, "CLIENT", "GETREDIR"),
            t(1, "CLIENT", "TRACKING", "ON", "PREFIX", "a"),
            t(1, "CLIENT", "TRACKING", "ON", "OPTIN", "OPTOUT"),
            t(1, "CLIENT", "TRACKING", "ON", "BCAST", "OPTIN"),
            t(1, "CLIENT", "TRACKING", "ON", "REDIRECT", "999999"),
            t(1, "CLIENT", "TRACKING", "MAYBE"),
            t(1, "CLIENT", "TRACKING", "ON", "NOSUCH"),
            t(1, "CLIENT", "CACHING", "YES"),
            t(1, "CLIENT", "TRACKING", "ON"),
            t(1, "CLIENT", "TRACKINGINFO"),
            t(1, "CLIENT", "GETREDIR"),
            t(1, "CLIENT", "CACHING", "YES"),
            t(1, "GET", "k1"),
            t(1, "MGET", "k2", "k3"),
            w("SET", "k1", "v"),
            t(1),
            w("MSET", "k2", "x", "k3", "y"),
            t(2),
            w("SET", "k1", "again"),
            t(1, "SET", "k4", "mine"),
            t(1, "GET", "k4"),
            t(2, "SET", "k4", "changed"),
            t(1, "EVAL", "return redis.call('get', KEYS[1])", "1", "k5"),
            w("DEL", "k5"),
            w("SET", "k5", "x"),
            t(1),
            t(1, "MULTI"),
            t(1, "GET", "k6"),
            t(1, "EXEC"),
            w("INCR", "k6"),
            t(1),
            t(1, "GET", "k7"),
            w("FLUSHALL"),
            t(1),
            t(1, "CLIENT", "TRACKING", "ON", "NOLOOP"),
            t(1, "GET", "k8"),
            t(1, "SET", "k8", "self"),
            t(1, "CLIENT", "TRACKINGINFO"),
            t(1, "CLIENT", "TRACKING", "OFF"),
            t(1, "CLIENT", "TRACKING", "ON", "OPTIN"),
            t(1, "GET", "k9"),
            w("SET", "k9", "v"),
            t(1, "CLIENT", "CACHING", "YES"),
            t(1, "CLIENT", "TRACKINGINFO"),
            t(1, "GET", "k9"),
            t(1, "CLIENT", "CACHING", "NO"),
            w("SET", "k9", "w"),
            t(1),
            t(1, "CLIENT", "TRACKING", "ON", "OPTOUT"),
            t(1, "CLIENT", "TRACKING", "OFF"),
            t(1, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "user:", "PREFIX", "job:"),
            t(1, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "us"),
            t(1, "CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "x", "PREFIX", "xy"),
            t(1, "CLIENT", "TRACKING", "ON", "PREFIX", "z"),
            t(1, "CLIENT", "TRACKINGINFO"),
            w("SET", "user:1", "a"),
            t(1),
            w("SET", "other", "a"),
            w("MSET", "job:2", "a", "job:1", "b", "user:9", "c"),
            t(2),
            t(1, "CLIENT", "TRACKING", "OFF"),
            new Step("s", 1, "SUBSCRIBE", "__redis__:invalidate"),
            new Step("r", 1, "CLIENT", "TRACKING", "ON", "REDIRECT", "@s"),
            new Step("r", 1, "CLIENT", "GETREDIR"),
            new Step("r", 1, "GET", "r1"),
            w("SET", "r1", "v"),
            new Step("s", 1),
            new Step("r", 1, "GET", "r2"),
            w("FLUSHDB"),
            new Step("s", 1),
            new Step("r", 1, "CLIENT", "TRACKING", "OFF"),
            w("INFO", "NOSUCHSECTION"));

    private static List<String> run(int port) throws Exception {
        List<String> seen = new ArrayList<>();
        try (RespConnection t = new RespConnection(port); RespConnection r = new RespConnection(port);
             RespConnection sub = new RespConnection(port); RespConnection w = new RespConnection(port)) {
            String subId = sub.call("CLIENT", "ID").trim().substring(1);
            for (Step st : SCRIPT) {
                RespConnection c = switch (st.who) {
                    case "t" -> t;
                    case "r" -> r;
                    case "s" -> sub;
                    default -> w;
                };
                String[] cmd = st.cmd.clone();
                for (int i = 0; i < cmd.length; i++) if (cmd[i].equals("@s")) cmd[i] = subId;
                if (cmd.length > 0) c.sendRaw(RespConnection.encode(RespConnection.args(cmd)));
                for (int i = 0; i < st.replies; i++) {
                    String reply = c.readReply();
                    if (cmd.length > 0 && cmd[0].equals("HELLO")) continue; // server name, version, id differ
                    if (reply.trim().equals(":" + subId)) reply = ":<subscriber id>"; // ids differ between servers
                    seen.add(st.who + " " + String.join(" ", st.cmd) + " -> " + reply);
                }
            }
        }
        return seen;
    }

    @Test
    void sameRepliesAndInvalidationsAsReference() throws Exception {
        assertEquals(run(pair.get().reference.port), run(pair.get().ours.port));
    }
}
