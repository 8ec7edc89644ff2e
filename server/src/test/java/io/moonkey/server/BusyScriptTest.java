package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.server.scripting.ScriptCache;
import org.junit.jupiter.api.Test;

/** Busy scripts over real connections (scripting.md §8), with busy-reply-threshold at 100 ms. */
class BusyScriptTest {
    private static final String BUSY = "-BUSY Valkey is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";

    private static void send(RespConnection c, String... args) throws Exception {
        c.sendRaw(RespConnection.encode(RespConnection.args(args)));
    }

    @Test
    void othersGetBusyAndScriptKillStopsALoopingScript() throws Exception {
        try (TestServer s = new TestServer("--busy-reply-threshold", "100");
             RespConnection a = s.connect(); RespConnection b = s.connect()) {
            String body = "local i = 0\nwhile true do i = i + 1 end";
            assertEquals("-NOTBUSY No scripts in execution right now.\r\n", b.call("SCRIPT", "KILL"));
            send(a, "EVAL", body, "0");
            Thread.sleep(400);
            assertEquals(BUSY, b.call("PING"));
            assertEquals(BUSY, b.call("GET", "x"));
            assertEquals("+OK\r\n", b.call("SCRIPT", "KILL"));
            assertEquals("-ERR Script killed by user with SCRIPT KILL. script: " + ScriptCache.sha1(body.getBytes())
                    + ", on @user_script:2.\r\n", a.readReply());
            assertEquals("+PONG\r\n", b.call("PING"));
            assertEquals("+PONG\r\n", a.call("PING"));
        }
    }

    @Test
    void pcallCannotSwallowTheKill() throws Exception {
        try (TestServer s = new TestServer("--busy-reply-threshold", "100");
             RespConnection a = s.connect(); RespConnection b = s.connect()) {
            send(a, "EVAL", "while true do pcall(function() while true do end end) end", "0");
            Thread.sleep(400);
            assertEquals("+OK\r\n", b.call("SCRIPT", "KILL"));
            String reply = a.readReply();
            assertEquals(true, reply.startsWith("-ERR Script killed by user with SCRIPT KILL. script: "), reply);
        }
    }

    @Test
    void aScriptThatWroteCannotBeKilled() throws Exception {
        try (TestServer s = new TestServer("--busy-reply-threshold", "100");
             RespConnection a = s.connect(); RespConnection b = s.connect()) {
            send(a, "EVAL", "server.call('set', 'x', '1') local t = os.clock() while os.clock() - t < 1 do end return 'done'", "0");
            Thread.sleep(400);
            assertEquals("-UNKILLABLE Sorry the script already executed write commands against the dataset. You can either "
                    + "wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.\r\n",
                    b.call("SCRIPT", "KILL"));
            assertEquals("$4\r\ndone\r\n", a.readReply());
            assertEquals("$1\r\n1\r\n", b.call("GET", "x"));
        }
    }

    @Test
    void busyFunctionsAreKilledWithFunctionKill() throws Exception {
        try (TestServer s = new TestServer("--busy-reply-threshold", "100");
             RespConnection a = s.connect(); RespConnection b = s.connect()) {
            assertEquals("$4\r\nspin\r\n", a.call("FUNCTION", "LOAD",
                    "#!lua name=spin\nserver.register_function('spin', function()\n  while true do end\nend)"));
            send(a, "FCALL", "spin", "1", "somekey", "arg1");
            Thread.sleep(400);
            assertEquals("-BUSY Valkey is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n",
                    b.call("PING"));
            assertEquals("-BUSY Valkey is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n",
                    b.call("SCRIPT", "KILL"));
            String stats = b.call("FUNCTION", "STATS");
            assertEquals(true, stats.contains("$4\r\nspin\r\n$7\r\ncommand\r\n*5\r\n$5\r\nFCALL\r\n"), stats);
            assertEquals("+OK\r\n", b.call("FUNCTION", "KILL"));
            assertEquals("-ERR Script killed by user with FUNCTION KILL. script: spin, on @user_function:3.\r\n", a.readReply());
            assertEquals("+PONG\r\n", b.call("PING"));
        }
    }
}
