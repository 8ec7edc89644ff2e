package io.moonkey.server;

import static io.moonkey.server.LdbClient.log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Lua debugger over the raw wire protocol (ldb.md), synchronous sessions. */
@Timeout(60)
class LdbTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static final String SCRIPT = """
            local a = 1
            redis.call('set','dbgkey','1')
            local b = {1,2,{x=3},'s'}
            local function f(x)
              redis.debug('in f', x, {1,2})
              redis.breakpoint()
              return x*2
            end
            local c = f(a)
            return {a, c}
            """;

    /** ldb.md §7, entry for entry, with Valkey's texts (differences.md §2). */
    @Test
    void capturedSessionOfSection7() throws Exception {
        try (LdbClient c = new LdbClient(server.port); RespConnection other = server.connect()) {
            other.call("DEL", "dbgkey");
            assertEquals("+OK\r\n", c.conn.call("SCRIPT", "DEBUG", "sync"));
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   local a = 1"), c.eval(SCRIPT, 0));
            assertEquals(log("* Stopped at 2, stop reason = step over", "-> 2   redis.call('set','dbgkey','1')"), c.cmd("s"));
            assertEquals(log("<value> a = 1"), c.cmd("p"));
            assertEquals(log("<value> 1"), c.cmd("print", "a"));
            assertEquals(log("No such variable."), c.cmd("print", "nosuch"));
            assertEquals(log("<value> {}"), c.cmd("print", "KEYS"));
            assertEquals(log("   8   end", "  #9   local c = f(a)", "   10  return {a, c}"), c.cmd("b", "9"));
            assertEquals(log("1 breakpoints set:", "  #9   local c = f(a)"), c.cmd("b"));
            assertEquals(log("Wrong line number."), c.cmd("b", "100"));
            assertEquals(log("Invalid argument:'x'"), c.cmd("b", "x"));
            assertEquals(log("Breakpoint removed."), c.cmd("b", "-9"));
            assertEquals(log("All breakpoints removed."), c.cmd("b", "0"));
            assertEquals(log("In top level:", "-> 2   redis.call('set','dbgkey','1')"), c.cmd("t"));
            assertEquals(log("<retval> 2"), c.cmd("e", "1+1"));
            assertEquals(log("<command> ping", "<reply> \"+PONG\""), c.cmd("r", "ping"));
            assertEquals(log("<value> replies are truncated at 60 bytes."), c.cmd("maxlen", "10"));
            assertEquals(log("<command> set dbgkey 1", "<reply> \"+OK\"", "* Stopped at 3, stop reason = step over",
                    "-> 3   local b = {1,2,{x=3},'s'}"), c.cmd("s"));
            assertEquals(log("* Stopped at 8, stop reason = step over", "-> 8   end"), c.cmd("n"));
            assertEquals(log("<value> a = 1", "<value> b = {1; 2; {[\"x\"]=3}; \"s\"}"), c.cmd("p"));
            assertEquals(log("<debug> line 5: \"in f\", 1, {1; 2}", "* Stopped at 7, stop reason = server.breakpoint() called",
                    "-> 7     return x*2"), c.cmd("c"));
            assertEquals(log("In f:", "-> 7     return x*2", "From top level:", "   9   local c = f(a)"), c.cmd("t"));
            assertEquals(log("<value> x = 1"), c.cmd("p"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals("*2\r\n:1\r\n:2\r\n", c.readReply());
            assertTrue(c.closedByPeer());
            assertEquals("$1\r\n1\r\n", other.call("GET", "dbgkey")); // sync mode keeps changes
        }
    }

    @Test
    void compileErrorsAndBadNumkeysAreDegenerateSessions() throws Exception {
        String[][] cases = {
            {"retur 1", "0", "-ERR Error compiling script (new function): user_script:1: '=' expected near '1'\r\n"},
            {"return 1", "x", "-ERR value is not an integer or out of range\r\n"},
            {"return 1", "5", "-ERR Number of keys can't be greater than number of args\r\n"},
            {"return 1", "-1", "-ERR Number of keys can't be negative\r\n"},
        };
        for (String[] k : cases) {
            try (LdbClient c = new LdbClient(server.port)) {
                c.cmd("SCRIPT", "DEBUG", "sync");
                assertEquals(log("<endsession>"), c.cmd("EVAL", k[0], k[1]));
                assertEquals(k[2], c.readReply());
                assertTrue(c.closedByPeer());
            }
        }
    }

    @Test
    void evalshaIsRefusedAndTheConnectionStays() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            String sha = c.cmd("SCRIPT", "LOAD", "return 1").split("\r\n")[1];
            c.cmd("SCRIPT", "DEBUG", "sync");
            assertEquals("-ERR Please use EVAL instead of EVALSHA for debugging\r\n", c.cmd("EVALSHA", sha, "0"));
            assertEquals("-ERR Please use EVAL instead of EVALSHA for debugging\r\n", c.cmd("EVALSHA_RO", sha, "0"));
            assertEquals("-NOSCRIPT No matching script.\r\n", c.cmd("EVALSHA", "abc", "0"));
            assertEquals("+OK\r\n", c.cmd("SCRIPT", "DEBUG", "no"));
            assertEquals(":1\r\n", c.cmd("EVALSHA", sha, "0"));
            assertEquals(":1\r\n", c.cmd("EVAL", "return 1", "0")); // debugging off: a normal run
        }
    }

    @Test
    void scriptDebugArguments() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            assertEquals("-ERR Use SCRIPT DEBUG YES/SYNC/NO\r\n", c.cmd("SCRIPT", "DEBUG", "maybe"));
            assertEquals("+OK\r\n", c.cmd("SCRIPT", "DEBUG", "NO"));
            assertEquals("+OK\r\n", c.cmd("SCRIPT", "DEBUG", "Sync"));
            assertEquals("+OK\r\n", c.cmd("SCRIPT", "DEBUG", "no"));
            c.sendRaw("*1\r\n$4\r\nPING\r\n*3\r\n$6\r\nSCRIPT\r\n$5\r\nDEBUG\r\n$4\r\nsync\r\n");
            assertEquals("+PONG\r\n", c.readReply());
            assertEquals("-ERR SCRIPT DEBUG must be called outside a pipeline\r\n", c.readReply());
            assertEquals(":1\r\n", c.cmd("EVAL", "return 1", "0")); // still not debugging
        }
    }

    /** Starts a two-line session and sends {@code raw}: the script aborts with "protocol error". */
    private static void assertProtocolError(String raw) throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            assertEquals(log("* Stopped at 1, stop reason = step over", "-> 1   local x = 1"), c.start("sync", "local x = 1\nreturn x"));
            c.sendRaw(raw);
            assertEquals(log("<endsession>"), c.readReply());
            assertEquals("-ERR protocol error script: 81d3cc25cd49aae96a424764ed1ee8c44c88ce76, on @user_script:1.\r\n", c.readReply());
            assertTrue(c.closedByPeer());
        }
    }

    @Test
    void protocolErrors() throws Exception {
        assertProtocolError("hello\r\n"); // inline commands are not accepted
        assertProtocolError("*0\r\n");
        assertProtocolError("*1025\r\n");
        assertProtocolError("*1\r\n$0\r\n\r\n"); // an empty argument
        assertProtocolError("*1\r\n$1025\r\n");
        assertProtocolError("*1\r\n:1\r\n");
        assertProtocolError("*1\r\n$1\r\nsXY");
    }

    @Test
    void partialInputWaitsAndBytesBeforeTheArrayAreSkipped() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", "local x = 1\nreturn x");
            c.sendRaw("junk*1\r\n$1\r\n");
            Thread.sleep(100);
            c.sendRaw("s\r\n");
            assertEquals(log("* Stopped at 2, stop reason = step over", "-> 2   return x"), c.readReply());
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void abortKeepsSyncChanges() throws Exception {
        try (LdbClient c = new LdbClient(server.port); RespConnection other = server.connect()) {
            c.start("sync", "redis.call('set','abortkey','v')\nlocal y = 2\nreturn y");
            c.cmd("s");
            assertEquals(log("<endsession>"), c.cmd("a"));
            assertEquals("-ERR script aborted for user request script: 18b7a8b2cf7b4c1a20cac1fcc4ac2bd1ee2c3d06, on @user_script:2.\r\n",
                    c.readReply().replaceAll("script: [0-9a-f]{40}", "script: 18b7a8b2cf7b4c1a20cac1fcc4ac2bd1ee2c3d06"));
            assertTrue(c.closedByPeer());
            assertEquals("$1\r\nv\r\n", other.call("GET", "abortkey"));
        }
    }

    @Test
    void helpText() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", "return 1");
            List<String> help = LdbClient.entries(c.cmd("help"));
            assertEquals(30, help.size());
            assertEquals("Lua debugger help:", help.get(0));
            assertEquals("[v]alkey <cmd>       Execute a command.", help.get(20));
            assertEquals("", help.get(25));
            assertEquals("                     next line of code.", help.get(29));
            assertEquals(help, LdbClient.entries(c.cmd("H")));
            assertEquals(log("<error> Unknown Lua debugger command or wrong number of arguments."), c.cmd("foo"));
            assertEquals(log("<error> Unknown Lua debugger command or wrong number of arguments."), c.cmd("valkey"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    private static final String TEN_LINES = "local a = 1\nlocal b = 2\nlocal c = 3\nlocal d = 4\nlocal e = 5\n"
            + "local f = 6\nlocal g = 7\nlocal h = 8\nlocal i = 9\nreturn a\n";

    @Test
    void listAndWhole() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", TEN_LINES);
            List<String> around = LdbClient.entries(c.cmd("l"));
            assertEquals(6, around.size()); // lines 1..6
            assertEquals("-> 1   local a = 1", around.get(0));
            assertEquals(around, LdbClient.entries(c.cmd("list", "0")));
            assertEquals(log("   2   local b = 2", "   3   local c = 3", "   4   local d = 4"), c.cmd("l", "3", "1"));
            assertEquals(log("   10  return a"), c.cmd("l", "10", "0"));
            assertEquals(10, LdbClient.entries(c.cmd("w")).size());
            assertEquals(10, LdbClient.entries(c.cmd("whole")).size());
            assertEquals(log(), c.cmd("l", "50", "2"));
            c.cmd("b", "3");
            assertEquals(log("-> 1   local a = 1", "   2   local b = 2", "  #3   local c = 3"), c.cmd("l", "2", "1"));
            assertEquals(log("* Stopped at 3, stop reason = break point", "->#3   local c = 3"), c.cmd("c"));
            assertEquals(log("* Stopped at 4, stop reason = step over", "-> 4   local d = 4"), c.cmd("s"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void breakpointLimitsAndRemoval() throws Exception {
        StringBuilder src = new StringBuilder();
        for (int i = 1; i <= 70; i++) {
            src.append("local v").append(i).append(" = ").append(i).append('\n');
        }
        src.append("return v1");
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", src.toString());
            assertEquals(log("No breakpoints set. Use 'b <line>' to add one."), c.cmd("b"));
            assertEquals(log("Wrong line number."), c.cmd("b", "72"));
            assertEquals(log("No breakpoint in the specified line."), c.cmd("b", "-5"));
            String[] args = new String[66];
            args[0] = "b";
            for (int i = 1; i <= 65; i++) {
                args[i] = Integer.toString(i + 1);
            }
            List<String> added = LdbClient.entries(c.cmd(args));
            assertEquals("Too many breakpoints set.", added.get(added.size() - 1));
            assertEquals(64 * 3 + 1, added.size());
            assertEquals("64 breakpoints set:", LdbClient.entries(c.cmd("b")).get(0));
            assertEquals(log("Breakpoint removed.", "Wrong line number."), c.cmd("b", "-65", "2"));
            assertEquals(log("All breakpoints removed.", "   1   local v1 = 1", "  #2   local v2 = 2", "   3   local v3 = 3")
                    .replace("   1 ", "-> 1 "), c.cmd("b", "0", "2"));
            assertEquals(log("* Stopped at 2, stop reason = break point", "->#2   local v2 = 2"), c.cmd("c"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void printValuesTrimmingAndMaxlen() throws Exception {
        String script = "local s = 'a\\0b\\255\"\\\\\\n\\r\\t\\a\\b'\nlocal n = {0.1, 1e20, 3150000, 1/0, -1/0}\n"
                + "local t = {1,'two',{3}, x={y=true}}\nlocal big = string.rep('x', 300)\nlocal fn = tostring\nreturn 1";
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", script);
            assertEquals(log("No local variables in the current context."), c.cmd("p"));
            c.cmd("b", "6");
            c.cmd("c");
            assertEquals(log("<value> \"a\\x00b\\xff\\\"\\\\\\n\\r\\t\\a\\b\""), c.cmd("p", "s"));
            assertEquals(log("<value> {0.1; 1e+20; 3.15e+06; inf; -inf}"), c.cmd("p", "n"));
            assertEquals(log("<value> {[1]=1; [2]=\"two\"; [3]={3}; [\"x\"]={[\"y\"]=true}}"), c.cmd("p", "t"));
            assertTrue(c.cmd("p", "fn").startsWith("*1\r\n+<value> \"function@0x"));
            String big = "<value> \"" + "x".repeat(300) + "\"";
            assertEquals(log(big.substring(0, 256) + " ...", "<hint> The above reply was trimmed. Use 'maxlen 0' to disable trimming."),
                    c.cmd("p", "big"));
            assertEquals(log(big.substring(0, 256) + " ..."), c.cmd("p", "big")); // the hint once per session
            List<String> all = LdbClient.entries(c.cmd("print", "x", "y")); // not one argument: all locals
            assertEquals(5, all.size());
            assertEquals("<value> n = {0.1; 1e+20; 3.15e+06; inf; -inf}", all.get(1));
            assertEquals(log("<value> replies are truncated at 256 bytes."), c.cmd("m"));
            assertEquals(log("<value> replies are unlimited."), c.cmd("maxlen", "0"));
            assertEquals(log(big), c.cmd("p", "big"));
            assertEquals(log("<value> replies are truncated at 60 bytes."), c.cmd("maxlen", "-3"));
            assertEquals(log("<value> replies are truncated at 100 bytes."), c.cmd("M", "100"));
            assertEquals(log("<retval> " + ("\"" + "x".repeat(300) + "\"").substring(0, 91) + " ..."), c.cmd("e", "string.rep('x', 300)"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void evalCommand() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", "local secret = 42\nreturn secret", "k1", "a1");
            c.cmd("s");
            assertEquals(log("<retval> nil"), c.cmd("e", "nil"));
            assertEquals(log("<retval> 3"), c.cmd("eval", "1", "+", "2"));
            assertEquals(log("<retval> {\"k1\"; \"a1\"}"), c.cmd("e", "{ARGV[1], ARGV[2]}")); // numkeys 0: both are ARGV
            assertEquals(log("<value> {\"k1\"; \"a1\"}"), c.cmd("p", "ARGV"));
            assertEquals(log("<error> ldb_eval:1: x"), c.cmd("e", "error('x')"));
            assertEquals(log("<error> ldb_eval:1: '=' expected near '+'"), c.cmd("e", "x +"));
            assertEquals(log("<error> ERR Unknown command called from script"), c.cmd("e", "redis.call('nosuch')"));
            assertEquals(log("<retval> nil"), c.cmd("e", "local z = 1"));
            assertTrue(c.cmd("e", "secret").startsWith("*1\r\n+<error> "), "the script's locals are not visible");
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":42\r\n", c.readReply());
        }
    }

    @Test
    void commandTracingWhileStepping() throws Exception {
        String script = String.join("\n",
                "redis.call('set','trS','x')",
                "redis.pcall('incr','trS')",
                "redis.pcall('nosuchcmd')",
                "redis.call('get','trNokey')",
                "redis.call('mget','trS','trNokey')",
                "redis.call('mset','k1','1','k2','2','k3','3','k4','4','k5','5','k6','6')",
                "redis.setresp(3)",
                "redis.call('get','trNokey')",
                "return 1");
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", script);
            assertEquals(log("<command> set trS x", "<reply> \"+OK\"", "* Stopped at 2, stop reason = step over",
                    "-> 2   redis.pcall('incr','trS')"), c.cmd("s"));
            assertEquals(log("<command> incr trS", "<error> -ERR value is not an integer or out of range",
                    "<reply> \"-ERR value is not an integer or out of range\"", "* Stopped at 3, stop reason = step over",
                    "-> 3   redis.pcall('nosuchcmd')"), c.cmd("s"));
            assertEquals(log("<command> nosuchcmd", "<error> Unknown command called from script",
                    "* Stopped at 4, stop reason = step over", "-> 4   redis.call('get','trNokey')"), c.cmd("s"));
            assertEquals(log("<command> get trNokey", "<reply> NULL", "* Stopped at 5, stop reason = step over",
                    "-> 5   redis.call('mget','trS','trNokey')"), c.cmd("s"));
            assertEquals(log("<command> mget trS trNokey", "<reply> [\"x\",NULL]", "* Stopped at 6, stop reason = step over",
                    "-> 6   redis.call('mset','k1','1','k2','2','k3','3','k4','4','k5','5','k6','6')"), c.cmd("s"));
            assertEquals("<command> mset k1 1 k2 2 k3 3 k4 4 k5 ... (2 more)", LdbClient.entries(c.cmd("s")).get(0));
            c.cmd("s");
            assertEquals("<reply> (null)", LdbClient.entries(c.cmd("s")).get(1));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void continueDoesNotTraceAndDebugOutsideASessionIsSilent() throws Exception {
        try (LdbClient c = new LdbClient(server.port); RespConnection plain = server.connect()) {
            assertEquals("$-1\r\n", plain.call("EVAL", "server.debug('x') return server.breakpoint()", "0"));
            c.start("sync", "redis.call('set','ck','1')\nserver.debug('a', nil)\nlocal r = server.breakpoint()\nreturn r");
            assertEquals(log("<debug> line 2: \"a\", nil", "* Stopped at 4, stop reason = server.breakpoint() called",
                    "-> 4   return r"), c.cmd("c"));
            assertEquals(log("<value> true"), c.cmd("p", "r"));
            assertEquals(log("<endsession>"), c.cmd("c"));
            assertEquals(":1\r\n", c.readReply());
        }
    }

    @Test
    void timeoutStopsAnInfiniteLoop() throws Exception {
        try (RespConnection admin = server.connect(); LdbClient c = new LdbClient(server.port)) {
            admin.call("CONFIG", "SET", "busy-reply-threshold", "200");
            try {
                c.start("sync", "local i = 0\nwhile true do\n  i = i + 1\nend\n");
                assertEquals(log("* Stopped at 3, stop reason = timeout reached, infinite loop?", "-> 3     i = i + 1"), c.cmd("c"));
                assertEquals(log("<endsession>"), c.cmd("a"));
                assertTrue(c.readReply().startsWith("-ERR script aborted for user request script: "));
            } finally {
                admin.call("CONFIG", "SET", "busy-reply-threshold", "5000");
            }
        }
    }

    @Test
    void moreThanOneMegabyteWithoutACommandAborts() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", "local x = 1\nreturn x");
            c.sendRaw("*1\r\n$5" + "5".repeat(1 << 20) + "55");
            assertEquals(log("<endsession>"), c.readReply());
            assertEquals("-ERR max client buffer reached script: 81d3cc25cd49aae96a424764ed1ee8c44c88ce76, on @user_script:1.\r\n",
                    c.readReply());
        }
    }

    @Test
    void aClientLeavingAtATimeoutStopAbortsTheScript() throws Exception {
        try (RespConnection admin = server.connect()) {
            admin.call("CONFIG", "SET", "busy-reply-threshold", "200");
            try {
                LdbClient c = new LdbClient(server.port);
                c.start("sync", "local i = 0\nwhile true do\n  i = i + 1\nend\n");
                assertEquals(log("* Stopped at 3, stop reason = timeout reached, infinite loop?", "-> 3     i = i + 1"), c.cmd("c"));
                c.close();
                assertEquals("+PONG\r\n", admin.call("PING")); // the endless script was ended
            } finally {
                admin.call("CONFIG", "SET", "busy-reply-threshold", "5000");
            }
        }
    }

    @Test
    void aClientThatLeavesLetsTheScriptFinish() throws Exception {
        try (RespConnection other = server.connect()) {
            other.call("DEL", "leftkey");
            LdbClient c = new LdbClient(server.port);
            c.start("sync", "local x = 1\nserver.breakpoint()\nredis.call('set','leftkey','done')\nreturn x");
            c.close();
            assertEquals("$4\r\ndone\r\n", other.call("GET", "leftkey")); // the server is free again
        }
    }

    @Test
    void stepsIntoFunctionsAndLoops() throws Exception {
        try (LdbClient c = new LdbClient(server.port)) {
            c.start("sync", "local t = 0\nfor i=1,2 do\n  t = t + i\nend\nreturn t");
            List<String> stops = new ArrayList<>();
            String r;
            while (!(r = c.cmd("s")).contains("<endsession>")) {
                stops.add(LdbClient.entries(r).get(0));
                if (stops.size() == 2) {
                    assertEquals(log("<value> t = 0", "<value> (for index) = 1", "<value> (for limit) = 2",
                            "<value> (for step) = 1", "<value> i = 1"), c.cmd("p"));
                }
            }
            assertEquals(List.of(2, 3, 2, 3, 2, 5), stops.stream().map(s -> Integer.parseInt(s.split(" ")[3].replace(",", ""))).toList());
            assertEquals(":3\r\n", c.readReply());
        }
    }
}
