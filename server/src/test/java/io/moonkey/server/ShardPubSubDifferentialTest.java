package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sharded pub/sub (SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH, PUBSUB SHARDCHANNELS/SHARDNUMSUB) against
 * redis-server 7.0.15: a subscriber and a publisher connection on each server run the same
 * script of commands; every reply and every message pushed to the subscriber is compared.
 */
class ShardPubSubDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    /** Each step: who sends ("sub" or "pub"), the command, and how many replies/pushes to read. */
    private record Step(String who, int replies, String... cmd) {
    }

    private static final List<Step> SCRIPT = List.of(
            new Step("sub", 1, "SUNSUBSCRIBE"),
            new Step("sub", 2, "SSUBSCRIBE", "a", "b"),
            new Step("sub", 1, "SSUBSCRIBE", "a"),
            new Step("sub", 1, "SUBSCRIBE", "a"),
            new Step("sub", 1, "GET", "x"),
            new Step("sub", 1, "PING"),
            new Step("pub", 1, "PUBSUB", "SHARDCHANNELS"),
            new Step("pub", 1, "PUBSUB", "SHARDCHANNELS", "a*"),
            new Step("pub", 1, "PUBSUB", "SHARDCHANNELS", "a", "b"),
            new Step("pub", 1, "PUBSUB", "SHARDNUMSUB", "a", "b", "c"),
            new Step("pub", 1, "PUBSUB", "NUMSUB", "a", "b"),
            new Step("pub", 1, "PUBSUB", "CHANNELS"),
            new Step("pub", 1, "SPUBLISH", "a", "hello"),
            new Step("sub", 1),
            new Step("pub", 1, "PUBLISH", "a", "plain"),
            new Step("sub", 1),
            new Step("pub", 1, "SPUBLISH", "c", "nobody"),
            new Step("pub", 1, "SPUBLISH", "b", "x\r\ny"),
            new Step("sub", 1),
            new Step("sub", 1, "UNSUBSCRIBE"),
            new Step("sub", 1, "GET", "x"),
            new Step("sub", 1, "SUNSUBSCRIBE", "a", "zz"),
            new Step("sub", 1),
            new Step("sub", 1, "SUNSUBSCRIBE"),
            new Step("sub", 1, "GET", "x"),
            new Step("pub", 1, "PUBSUB", "SHARDNUMSUB", "a", "b"),
            new Step("pub", 1, "SPUBLISH", "a"),
            new Step("pub", 1, "SSUBSCRIBE"),
            new Step("pub", 1, "HELLO", "3"),
            new Step("pub", 1, "SSUBSCRIBE", "q"),
            new Step("pub", 1, "GET", "x"),
            new Step("pub", 1, "SPUBLISH", "q", "to myself"),
            new Step("pub", 1),
            new Step("pub", 1, "SUNSUBSCRIBE"));

    private static List<String> run(int port) throws Exception {
        List<String> seen = new ArrayList<>();
        try (RespConnection sub = new RespConnection(port); RespConnection pub = new RespConnection(port)) {
            for (Step st : SCRIPT) {
                RespConnection c = st.who.equals("sub") ? sub : pub;
                if (st.cmd.length > 0) c.sendRaw(RespConnection.encode(RespConnection.args(st.cmd)));
                for (int i = 0; i < st.replies; i++) {
                    String reply = c.readReply();
                    if (st.cmd.length > 0 && st.cmd[0].equals("HELLO")) continue; // server name, version, id differ
                    if (st.cmd.length > 1 && st.cmd[1].endsWith("CHANNELS")) reply = sortedArray(reply); // hash order differs
                    seen.add(st.who + " " + String.join(" ", st.cmd) + " -> " + reply);
                }
            }
        }
        return seen;
    }

    /** An array of bulk strings, as readReply prints it, with its elements sorted. */
    private static String sortedArray(String reply) {
        String[] lines = reply.split("\n");
        List<String> elements = new ArrayList<>();
        for (int i = 1; i + 1 < lines.length; i += 2) elements.add(lines[i] + "\n" + lines[i + 1] + "\n");
        elements.sort(null);
        return lines[0] + "\n" + String.join("", elements);
    }

    @Test
    void sameRepliesAndMessagesAsReference() throws Exception {
        assertEquals(run(pair.get().reference.port), run(pair.get().ours.port));
    }
}
