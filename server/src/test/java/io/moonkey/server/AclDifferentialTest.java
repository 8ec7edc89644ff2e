package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * ACL against redis-server 7.0.15: ACL SETUSER replies and GETUSER/LIST descriptions for random
 * rule lists, ACL CAT, ACL DRYRUN and the permission errors of random commands run by random
 * users. Oracle texts go through the R7→VK substitutions of differences.md §2 (plus DRYRUN's
 * "This user" → "User <name>"). Command rules are compared by effect, not text: redis 7.0 rebuilds
 * them from categories, Valkey (7.2 on) keeps them in the order applied; our description is also
 * fed back to the oracle, which must then grant exactly the same commands.
 */
@AddLifecycleHook(ReferencePairHook.class)
class AclDifferentialTest {
    static final ReferencePairExtension pair = new ReferencePairExtension("--save", "", "--appendonly", "no");

    // ---- substitutions (differences.md §2) --------------------------------------------------------

    static String toValkey(String r7, String user) {
        return r7.replace("NOPERM this user has no permissions to run the '", "NOPERM User " + user + " has no permissions to run the '")
                .replace("NOPERM this user has no permissions to access one of the keys used as arguments", "NOPERM No permissions to access a key")
                .replace("NOPERM this user has no permissions to access one of the channels used as arguments", "NOPERM No permissions to access a channel")
                .replace("The user executing the script can't run this command or subcommand", "ACL failure in script: User " + user + " has no permissions to run the '<cmd>' command")
                .replace("The user executing the script can't access at least one of the keys mentioned in the command arguments", "ACL failure in script: No permissions to access a key")
                .replace("The user executing the script can't publish to the channel mentioned in the command", "ACL failure in script: No permissions to access a channel")
                .replace("This user has no permissions", "User " + user + " has no permissions")
                .replace("This Redis instance", "This Valkey instance").replace("Redis configuration", "Valkey configuration");
    }

    /** Our script error names the command; the oracle's does not: put the placeholder back in ours. */
    private static final Pattern SCRIPT_CMD = Pattern.compile("(ACL failure in script: User \\S+ has no permissions to run the )'[^']*'");

    private static String unnameScriptCommand(String s) {
        return SCRIPT_CMD.matcher(s).replaceAll("$1'<cmd>'");
    }

    /** A single bulk reply whose text a substitution changed gets its length prefix recomputed. */
    private static String relength(String reply) {
        if (!reply.startsWith("$") || reply.startsWith("$-1")) return reply;
        String body = reply.substring(reply.indexOf("\r\n") + 2, reply.length() - 2);
        return "$" + body.length() + "\r\n" + body + "\r\n";
    }

    // ---- rules ------------------------------------------------------------------------------------

    private static final List<String> VALID_RULES = List.of("on", "off", "nopass", "resetpass", ">pw", ">other", "#"
            + "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", "allkeys", "resetkeys", "~k*", "~a?",
            "%R~r*", "%W~w*", "%RW~rw*", "%R~k*", "allchannels", "resetchannels", "&ch*", "&news", "+@all", "-@all",
            "allcommands", "nocommands", "+@read", "-@read", "+@write", "+@string", "-@string", "+@hash", "+@keyspace",
            "-@dangerous", "+@admin", "+@pubsub", "+@scripting", "+@connection", "-@slow", "+get", "-get", "+set", "-set",
            "+hget", "+publish", "+eval", "+client", "+client|list", "-client|list", "+config|get", "-config", "+select|0",
            "+select", "+del", "-del", "+multi", "+exec", "clearselectors", "(~sel* +get)", "(+set %W~w*)",
            "(&ch* +publish)", "skip-sanitize-payload", "sanitize-payload", "reset");
    private static final List<String> INVALID_RULES = List.of("bogus", "+nosuch", "+@nosuch", "%X~a", "%~a", "<nope",
            "#abc", "!" + "0".repeat(64), "(on)", "(>x)", "+config|nosuch", "-select|0", "+get)");

    @Provide
    Arbitrary<List<String>> rules() {
        Arbitrary<String> rule = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.of(VALID_RULES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(INVALID_RULES)));
        return rule.list().ofMinSize(0).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> validRules() {
        return Arbitraries.of(VALID_RULES).filter(r -> !r.equals("off") && !r.equals("reset")).list().ofMinSize(1).ofMaxSize(7);
    }

    private static final List<List<String>> PROBES = List.of(List.of("get", "k1"), List.of("get", "x"), List.of("set", "w1", "v"),
            List.of("set", "w1", "v", "get"), List.of("set", "rw1", "v"), List.of("hget", "h", "f"), List.of("del", "k1", "a1"),
            List.of("mget", "k1", "r1", "rw1"), List.of("lmove", "r1", "w1", "left", "right"), List.of("publish", "ch1", "m"),
            List.of("publish", "news", "m"), List.of("psubscribe", "ch*"), List.of("subscribe", "news", "ch2"),
            List.of("client", "list"), List.of("client", "info"), List.of("config", "get", "x"), List.of("config", "set", "x", "y"),
            List.of("select", "0"), List.of("select", "1"), List.of("eval", "return 1", "1", "sel1"), List.of("flushall"),
            List.of("keys", "*"), List.of("ping"), List.of("multi"), List.of("auth", "x"), List.of("incr", "k2"),
            List.of("hset", "a1", "f", "v"), List.of("acl", "whoami"), List.of("info"), List.of("sort", "k1"));

    private static String call(RespConnection c, List<String> words) throws Exception {
        return c.call(words.toArray(new String[0]));
    }

    private static List<String> with(List<String> head, List<String> tail) {
        List<String> l = new ArrayList<>(head);
        l.addAll(tail);
        return l;
    }

    /** GETUSER with the command rules masked: the parts both describe identically. */
    private static String maskCommands(String getuser) {
        return getuser.replaceAll("\\$8\r\ncommands\r\n\\$\\d+\r\n[^\r]*\r\n", "commands=?\r\n");
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void setuserRepliesDescriptionsAndDryruns(@ForAll("rules") List<String> rules) throws Exception {
        List<String> reset = List.of("ACL", "SETUSER", "d", "reset");
        call(pair.refConn(), reset);
        call(pair.ourConn(), reset);
        List<String> set = with(List.of("ACL", "SETUSER", "d"), rules);
        assertEquals(call(pair.refConn(), set), call(pair.ourConn(), set), "SETUSER " + rules);
        List<String> get = List.of("ACL", "GETUSER", "d");
        assertEquals(maskCommands(call(pair.refConn(), get)), maskCommands(call(pair.ourConn(), get)), "GETUSER after " + rules);
        // our description, replayed on the oracle as another user, must grant the same
        String ourList = call(pair.ourConn(), List.of("ACL", "LIST"));
        Matcher m = Pattern.compile("user d ([^\r]*)\r\n").matcher(ourList);
        assertTrue(m.find(), ourList);
        List<String> replay = with(List.of("ACL", "SETUSER", "d2", "reset"), splitRules(m.group(1)));
        assertEquals("+OK\r\n", call(pair.refConn(), replay), "the oracle accepts our description " + m.group(1));
        for (List<String> probe : PROBES) {
            String ref = relength(toValkey(call(pair.refConn(), with(List.of("ACL", "DRYRUN", "d"), probe)), "d"));
            String our = call(pair.ourConn(), with(List.of("ACL", "DRYRUN", "d"), probe));
            assertEquals(ref, our, "DRYRUN " + probe + " after " + rules);
            String replayed = relength(toValkey(call(pair.refConn(), with(List.of("ACL", "DRYRUN", "d2"), probe)), "d2").replace("User d2 ", "User d "));
            assertEquals(ref, replayed, "DRYRUN " + probe + " for our description " + m.group(1));
        }
    }

    /** Splits an ACL LIST rule text on spaces, keeping each parenthesised selector one argument. */
    private static List<String> splitRules(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder sel = null;
        for (String w : text.split(" ")) {
            if (sel != null) {
                sel.append(' ').append(w);
                if (w.endsWith(")")) {
                    out.add(sel.toString());
                    sel = null;
                }
            } else if (w.startsWith("(") && !w.endsWith(")")) {
                sel = new StringBuilder(w);
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static final List<List<String>> COMMANDS = List.of(List.of("get", "k1"), List.of("get", "x"),
            List.of("set", "w1", "v"), List.of("set", "k1", "v", "get"), List.of("set", "rw1", "1"), List.of("incr", "rw1"),
            List.of("mset", "k1", "1", "x", "2"), List.of("mget", "k1", "r1"), List.of("del", "k1", "w2"),
            List.of("lpush", "w3", "a"), List.of("lmove", "rw1", "w1", "left", "right"), List.of("hset", "a1", "f", "v"),
            List.of("hget", "a1", "f"), List.of("publish", "news", "m"), List.of("publish", "ch9", "m"), List.of("publish", "zz", "m"),
            List.of("client", "getname"), List.of("config", "get", "maxmemory"), List.of("select", "0"), List.of("select", "1"),
            List.of("exists", "k1", "x"), List.of("keys", "nomatch*"), List.of("type", "k1"), List.of("strlen", "r1"),
            List.of("eval", "return redis.call('get', KEYS[1])", "1", "k1"), List.of("eval", "return redis.call('get', 'x')", "0"),
            List.of("eval", "return redis.call('set', 'w9', '1')", "0"), List.of("eval", "return redis.pcall('publish', 'zz', 'm')", "0"),
            List.of("eval", "return redis.acl_check_cmd('get', 'x')", "0"), List.of("ping"), List.of("echo", "hi"), List.of("dbsize"));

    @Provide
    Arbitrary<List<List<String>>> commandLines() {
        return Arbitraries.of(COMMANDS).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.FULL)
    void permissionErrorsOfRandomCommandsForRandomUsers(@ForAll("validRules") List<String> rules,
            @ForAll("commandLines") List<List<String>> lines) throws Exception {
        List<String> replies = new ArrayList<>();
        for (RespConnection admin : List.of(pair.refConn(), pair.ourConn())) {
            call(admin, List.of("FLUSHALL"));
            call(admin, List.of("ACL", "SETUSER", "p", "reset", "on", ">pw"));
            replies.add(call(admin, with(List.of("ACL", "SETUSER", "p"), rules)));
        }
        assertEquals(replies.get(0), replies.get(1), "SETUSER " + rules);
        try (RespConnection ref = new RespConnection(pair.get().reference.port); RespConnection our = pair.get().ours.connect()) {
            assertEquals(ref.call("AUTH", "p", "pw"), our.call("AUTH", "p", "pw"));
            for (List<String> line : lines) {
                String r = toValkey(call(ref, line), "p");
                String o = unnameScriptCommand(call(our, line));
                assertEquals(r, o, line + " for user p " + rules);
            }
        }
    }

    @Example
    void categories() throws Exception {
        assertEquals(pair.refConn().call("ACL", "CAT"), pair.ourConn().call("ACL", "CAT"));
        Set<String> onlyOurs = new TreeSet<>();
        for (String cat : List.of("keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap",
                "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection",
                "transaction", "scripting")) {
            Set<String> ref = elements(pair.refConn().call("ACL", "CAT", cat));
            Set<String> our = elements(pair.ourConn().call("ACL", "CAT", cat));
            Set<String> missing = new TreeSet<>(ref);
            missing.removeAll(our);
            missing.removeIf(AclDifferentialTest::notInOurTable);
            Set<String> extra = new TreeSet<>(our);
            extra.removeAll(ref);
            assertEquals(Set.of(), missing, "@" + cat + " lacks");
            onlyOurs.addAll(extra);
        }
        // commands Valkey has and redis 7.0 lacks (differences.md §3 row 10 and later additions)
        onlyOurs.removeAll(Set.of("client|no-touch", "client|setinfo", "client|capa", "script|show", "cluster|myshardid",
                "cluster|slot-stats"));
        assertEquals(Set.of(), onlyOurs, "commands the oracle does not have");
        assertEquals(pair.refConn().call("ACL", "CAT", "nosuch"), pair.ourConn().call("ACL", "CAT", "nosuch"));
    }

    /** Commands our table lacks altogether (DUMP, RESTORE, MIGRATE...) are not an ACL matter. */
    private static boolean notInOurTable(String fullName) {
        try {
            String info = pair.ourConn().call("COMMAND", "INFO", fullName.split("\\|")[0]);
            return !info.contains("$" + fullName.length() + "\r\n" + fullName + "\r\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> elements(String reply) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\d+\r\n([^\r]*)\r\n").matcher(reply);
        while (m.find()) s.add(m.group(1));
        return s;
    }

    @Example
    void pubsubDefaultForNewUsersSelectorsAndReset() throws Exception {
        try {
            for (List<String> c : List.of(List.of("CONFIG", "SET", "acl-pubsub-default", "bogus"),
                    List.of("CONFIG", "SET", "acl-pubsub-default", "allchannels"), List.of("ACL", "SETUSER", "ps", "(+get)"),
                    List.of("ACL", "GETUSER", "ps"), List.of("ACL", "SETUSER", "ps", "reset"), List.of("ACL", "GETUSER", "ps"),
                    List.of("CONFIG", "GET", "acl-pubsub-default"))) {
                assertEquals(call(pair.refConn(), c), call(pair.ourConn(), c), c.toString());
            }
        } finally {
            for (RespConnection conn : List.of(pair.refConn(), pair.ourConn())) {
                call(conn, List.of("CONFIG", "SET", "acl-pubsub-default", "resetchannels"));
                call(conn, List.of("ACL", "DELUSER", "ps"));
            }
        }
    }

    @Example
    void subcommandErrorsAndHelp() throws Exception {
        for (List<String> c : List.of(List.of("ACL", "HELP"), List.of("ACL", "CAT", "a", "b"), List.of("ACL", "GENPASS", "0"),
                List.of("ACL", "GENPASS", "x"), List.of("ACL", "GENPASS", "4097"), List.of("ACL", "LOG", "x"),
                List.of("ACL", "LOG", "1", "2"), List.of("ACL", "LOG", "-1"), List.of("ACL", "DELUSER", "default"),
                List.of("ACL", "DELUSER", "nobody"), List.of("ACL", "SETUSER", "a b"), List.of("ACL", "GETUSER", "nobody"),
                List.of("ACL", "DRYRUN", "nobody", "get", "x"), List.of("ACL", "DRYRUN", "default", "nosuch"),
                List.of("ACL", "DRYRUN", "default", "client", "nosuch"), List.of("ACL", "DRYRUN", "default", "client", "kill"),
                List.of("ACL", "DRYRUN", "default", "get"), List.of("ACL", "SAVE"), List.of("ACL", "LOAD"), List.of("ACL", "NOPE"),
                List.of("ACL", "WHOAMI"), List.of("AUTH", "x"), List.of("AUTH", "nobody", "x"),
                List.of("ACL", "SETUSER", "x", "(", "+get"), List.of("ACL", "SETUSER", "x", "(+get", "~x", ")"))) {
            String ref = relength(toValkey(call(pair.refConn(), c), "default").replace("    Prints this help.", "    Print this help."));
            assertEquals(ref, call(pair.ourConn(), c), c.toString());
        }
        call(pair.refConn(), List.of("ACL", "DELUSER", "x"));
        call(pair.ourConn(), List.of("ACL", "DELUSER", "x"));
    }
}
