package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the differential test cannot compare with redis-server 7.0.15: Valkey's own names and effects. */
class ScriptingTest {
    private final LocalClient c;
    private final List<String> stream = new ArrayList<>();

    ScriptingTest() throws Exception {
        c = new LocalClient();
        c.server.propagation().addListener(argv -> {
            StringBuilder b = new StringBuilder();
            for (byte[] a : argv) {
                b.append(b.isEmpty() ? "" : " ").append(new String(a, StandardCharsets.ISO_8859_1));
            }
            stream.add(b.toString());
        });
    }

    @Test
    void serverIsTheApiAndRedisItsAlias() {
        assertEquals(":1\r\n", c.call("EVAL", "return server == redis", "0"));
        assertEquals("+OK\r\n", c.call("EVAL", "return server.call('set', KEYS[1], ARGV[1])", "1", "k", "v"));
        assertEquals("$6\r\nvalkey\r\n", c.call("EVAL", "return server.SERVER_NAME", "0"));
        assertEquals("$5\r\n7.2.4\r\n", c.call("EVAL", "return server.REDIS_VERSION", "0"));
    }

    @Test
    void scriptWritesAreReplicatedAsEffectsInMultiExec() {
        c.call("EVAL", "server.call('set', 'a', '1') server.call('incr', 'a') return server.call('get', 'a')", "0");
        assertEquals(List.of("SELECT 0", "MULTI", "set a 1", "incr a", "EXEC"), stream);
        stream.clear();
        c.call("EVAL", "return server.call('set', 'b', '2')", "0");
        assertEquals(List.of("set b 2"), stream); // a single write is not wrapped
        stream.clear();
        c.call("EVAL", "return server.call('get', 'b')", "0");
        c.call("EVAL", "return 1", "0");
        assertEquals(List.of(), stream); // read-only scripts propagate nothing, nor does EVAL itself
    }

    @Test
    void cacheAndFlush() {
        String sha = c.call("SCRIPT", "LOAD", "return 'x'").split("\r\n")[1];
        assertEquals(40, sha.length());
        assertEquals("$1\r\nx\r\n", c.call("EVALSHA", sha.toUpperCase(), "0"));
        assertEquals("$10\r\nreturn 'x'\r\n", c.call("SCRIPT", "SHOW", sha));
        assertEquals("+OK\r\n", c.call("EVAL", "cjson.encode_max_depth(3) return server.status_reply('OK')", "0"));
        assertEquals(":3\r\n", c.call("EVAL", "return cjson.encode_max_depth()", "0")); // state persists in the VM
        assertEquals("+OK\r\n", c.call("SCRIPT", "FLUSH"));
        assertEquals(":1000\r\n", c.call("EVAL", "return cjson.encode_max_depth()", "0")); // a fresh VM
        assertEquals("-NOSCRIPT No matching script.\r\n", c.call("EVALSHA", sha, "0"));
        assertEquals("-NOSCRIPT No matching script.\r\n", c.call("SCRIPT", "SHOW", sha));
    }

    @Test
    void evalCreatedScriptsAreEvictedBeyondFiveHundred() {
        for (int i = 0; i < 510; i++) {
            c.call("EVAL", "return " + i, "0");
        }
        String first = io.moonkey.server.scripting.ScriptCache.sha1("return 0".getBytes());
        assertEquals("*1\r\n:0\r\n", c.call("SCRIPT", "EXISTS", first));
        String last = io.moonkey.server.scripting.ScriptCache.sha1("return 509".getBytes());
        assertEquals("*1\r\n:1\r\n", c.call("SCRIPT", "EXISTS", last));
    }

    @Test
    void keysAndArgsAreFreshEachRun() {
        assertEquals(":2\r\n", c.call("EVAL", "KEYS[2] = 'x' return #KEYS", "1", "a"));
        assertEquals(":1\r\n", c.call("EVAL", "return #KEYS", "1", "a"));
        assertEquals("-ERR user_script:1: Script attempted to access nonexistent global variable 'leak' "
                + "script: " + io.moonkey.server.scripting.ScriptCache.sha1("return leak".getBytes())
                + ", on @user_script:1.\r\n", c.call("EVAL", "return leak", "0"));
    }

    @Test
    void redisCliEval() throws Exception {
        String cli = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (new File(d, "redis-cli").canExecute()) {
                cli = new File(d, "redis-cli").getPath();
            }
        }
        Assumptions.assumeTrue(cli != null, "install redis-tools (Debian package redis-tools) to run redis-cli --eval");
        Path script = Files.createTempFile("moonkey", ".lua");
        Files.writeString(script, "server.call('set', KEYS[1], ARGV[1])\nreturn {KEYS[1], server.call('get', KEYS[1])}\n");
        try (TestServer s = new TestServer()) {
            Process p = new ProcessBuilder(cli, "-p", String.valueOf(s.port), "--eval", script.toString(), "cli-key", ",", "cli-value")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals("cli-key\ncli-value\n", out); // raw output, as redis-cli prints off a terminal
        } finally {
            Files.delete(script);
        }
    }

    @Test
    void monitorShowsTheScriptThenItsCommandsTaggedLua() throws Exception {
        try (TestServer s = new TestServer(); RespConnection monitor = s.connect(); RespConnection client = s.connect()) {
            assertEquals("+OK\r\n", monitor.call("MONITOR"));
            client.call("EVAL", "server.call('set','mk','v'); return server.call('get','mk')", "1", "mk");
            String first = monitor.readReply();
            String second = monitor.readReply();
            String third = monitor.readReply();
            assertTrue(first.endsWith("\"EVAL\" \"server.call('set','mk','v'); return server.call('get','mk')\" \"1\" \"mk\"\r\n"), first);
            assertTrue(second.endsWith(" [0 lua] \"set\" \"mk\" \"v\"\r\n"), second);
            assertTrue(third.endsWith(" [0 lua] \"get\" \"mk\"\r\n"), third);
        }
    }

    @Test
    void infoReportsTheScriptCache() {
        c.call("SCRIPT", "FLUSH");
        String info = c.call("INFO", "memory");
        assertTrue(info.contains("number_of_cached_scripts:0\r\n"), info);
        assertTrue(info.contains("used_memory_scripts_eval:0\r\n"), info);
        c.call("EVAL", "return 1", "0");
        c.call("FUNCTION", "LOAD", "#!lua name=infolib\nserver.register_function('infof', function() return 1 end)");
        info = c.call("INFO", "memory");
        assertTrue(info.contains("number_of_cached_scripts:1\r\n"), info);
        assertTrue(info.contains("number_of_functions:1\r\n"), info);
        assertTrue(info.contains("number_of_libraries:1\r\n"), info);
        assertTrue(!info.contains("used_memory_scripts_eval:0\r\n"), info);
        assertTrue(c.call("INFO", "stats").contains("evicted_scripts:0\r\n"));
        c.call("FUNCTION", "FLUSH");
    }
}
