package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EVAL, EVALSHA and SCRIPT against redis-server 7.0.15: one command sequence sent to both,
 * replies compared byte for byte after the R7→Valkey text substitutions of differences.md §2.
 */
class ScriptingDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension();

    private static final Map<String, String> R7_TO_VK = Map.of(
            "Please specify at least one argument for this redis lib call", "Please specify at least one argument for this call",
            "Lua redis lib command arguments must be strings or integers", "Command arguments must be strings or integers",
            "Unknown Redis command called from script", "Unknown command called from script",
            "Wrong number of args calling Redis command from script", "Wrong number of args calling command from script",
            "NOSCRIPT No matching script. Please use EVAL.", "NOSCRIPT No matching script.",
            "redis.setresp() requires one argument.", "server.setresp() requires one argument.",
            "Invalid debug level.", "Invalid log level.");

    static String normalise(String reply) {
        for (Map.Entry<String, String> e : R7_TO_VK.entrySet()) {
            reply = reply.replace(e.getKey(), e.getValue());
        }
        return reply;
    }

    private static String[] eval(String script, String... keysAndArgs) {
        String[] c = new String[keysAndArgs.length + 2];
        c[0] = "EVAL";
        c[1] = script;
        System.arraycopy(keysAndArgs, 0, c, 2, keysAndArgs.length);
        return c;
    }

    static List<String[]> corpus() {
        List<String[]> c = new ArrayList<>();
        // Replies of each Lua type (lua-api.md §5).
        for (String r : new String[] {"'hello'", "42", "3.99", "-3.99", "1e20", "0/0", "true", "false", "nil", "{}",
            "{1, 2, 3}", "{1, 2, nil, 4}", "{'a', {'b', {'c'}}}", "{ok='fine'}", "{err='MYERR custom'}", "{err='no code'}",
            "{ok='a\\r\\nb'}", "{1, {ok='x'}, {err='E inner'}, true, false}", "{double=3.5}", "{map={a=1}}", "{set={x=true}}",
            "{a=1, 2, 3}", "cjson.decode('[1,null,2]')", "{ok=1}", "redis.status_reply('PONG')", "redis.error_reply('E x')",
            "redis.error_reply('')", "redis.sha1hex('')", "#KEYS + #ARGV", "KEYS", "ARGV", "{KEYS[1], ARGV[2]}"}) {
            c.add(eval("return " + r, "2", "k1", "k2", "a1", "a2"));
        }
        // Commands from scripts and their replies converted to Lua and back.
        c.add(eval("return redis.call('set', KEYS[1], ARGV[1])", "1", "sk", "v1"));
        c.add(eval("return redis.call('get', KEYS[1])", "1", "sk"));
        c.add(eval("return redis.call('get', 'missing')", "0"));
        c.add(eval("return type(redis.call('get', 'missing'))", "0"));
        c.add(eval("return redis.call('incr', 'counter')", "0"));
        c.add(eval("return redis.call('incrbyfloat', 'fl', '1.5')", "0"));
        c.add(eval("return redis.call('set', 'n', 10) and redis.call('incrby', 'n', 5)", "0"));
        c.add(eval("return redis.call('mget', 'sk', 'missing', 'n')", "0"));
        c.add(eval("return redis.call('ping')", "0"));
        c.add(eval("return redis.call('ping')['ok']", "0"));
        c.add(eval("return redis.pcall('incr', 'sk')", "0"));
        c.add(eval("return redis.call('incr', 'sk')", "0"));
        c.add(eval("local r = redis.pcall('nosuchcommand') return r['err']", "0"));
        c.add(eval("return redis.call('nosuchcommand')", "0"));
        c.add(eval("return redis.call('get')", "0"));
        c.add(eval("return redis.call()", "0"));
        c.add(eval("return redis.call('get', {})", "0"));
        c.add(eval("return redis.pcall('get', nil)", "0"));
        c.add(eval("return redis.call('eval', 'return 1', '0')", "0"));
        c.add(eval("return redis.call('script', 'load', 'return 1')", "0"));
        c.add(eval("return redis.call('set', 'x', 0.5)", "0"));
        c.add(eval("return redis.call('get', 'x')", "0"));
        c.add(eval("return redis.call('set', 'x', 12)", "0"));
        c.add(eval("return redis.call('exists', 'x', 'nope')", "0"));
        c.add(eval("redis.call('del', 'a') redis.call('set', 'a', '1') return redis.call('get', 'a')", "0"));
        c.add(eval("return pcall(redis.call, 'nosuch')", "0"));
        c.add(eval("local ok, e = pcall(function() redis.call('nosuch') end) return e", "0"));
        c.add(eval("redis.setresp(3) return redis.call('ping')", "0"));
        c.add(eval("redis.setresp(3) return redis.call('get', 'missing')", "0"));
        c.add(eval("redis.setresp(3) return true", "0"));
        c.add(eval("redis.setresp(3) return false", "0"));
        c.add(eval("redis.setresp(4)", "0"));
        c.add(eval("redis.setresp()", "0"));
        c.add(eval("redis.log(redis.LOG_WARNING, 'hello from a script') return 1", "0"));
        c.add(eval("redis.log(9, 'x')", "0"));
        c.add(eval("return redis.set_repl(redis.REPL_ALL)", "0"));
        c.add(eval("return redis.replicate_commands()", "0"));
        // Errors and their replies (scripting.md §7).
        for (String e : new String[] {"error('boom')", "error('boom', 0)", "error()", "error(42)", "error({err='MYERR x'})",
            "error('multi\\nline')", "local t = nil; return t.x", "return nosuchglobal", "x = 1", "return 1 + {}",
            "return #nil", "return ('x'):rep(-1) .. nil", "error(redis.error_reply('MY err'))", "return string.rep()",
            "return redis.call('get', 'a', 'b')", "local a = {} a[nil] = 1", "return {}..'x'", "return math.floor('x')"}) {
            c.add(eval(e, "0"));
        }
        c.add(eval("\n\nerror('third line')", "0"));
        // Compile errors and shebangs (scripting.md §3.2, §4.1).
        for (String s : new String[] {"return =", "return 'unfinished", "x = = 1", "#!lua", "#!lua\nreturn 1",
            "#!lua flags=no-writes\nreturn 1", "#!lua flags=bad\nreturn 1", "#!python\nreturn 1", "#!lua name=x\nreturn 1",
            "#!lua flags=no-writes\nreturn redis.call('set', 'x', 1)", "#!lua flags=no-writes\nreturn redis.call('get', 'x')",
            "#!lua\nerror('second line')", "#!lua flags=no-writes,allow-oom\nreturn 2", "#!lua flags=\nreturn 3"}) {
            c.add(eval(s, "0"));
        }
        c.add(new String[] {"EVAL_RO", "return redis.call('set', 'x', 1)", "0"});
        c.add(new String[] {"EVAL_RO", "return redis.call('get', 'x')", "0"});
        c.add(new String[] {"EVAL_RO", "#!lua\nreturn 1", "0"});
        c.add(new String[] {"EVAL_RO", "#!lua flags=no-writes\nreturn 1", "0"});
        c.add(new String[] {"EVAL_RO", "return redis.pcall('publish', 'ch', 'm')", "0"});
        // numkeys (scripting.md §2.1).
        for (String n : new String[] {"01", "-0", "+1", " 1", "1.5", "x", "3", "-1", "9223372036854775808", "-9223372036854775808"}) {
            c.add(new String[] {"EVAL", "return 1", n, "a"});
        }
        c.add(new String[] {"EVAL", "return 1"});
        // The cache and SCRIPT.
        c.add(new String[] {"SCRIPT", "LOAD", "return 'loaded'"});
        c.add(new String[] {"EVALSHA", "4e2c4f0cb3adc8e6e8a7a8d5d0e7b4f2e5c6a7b8", "0"});
        c.add(new String[] {"EVALSHA", "short", "0"});
        c.add(new String[] {"SCRIPT", "EXISTS", "a42059b356c875f0717db19a51f6aaca9ae659ea", "nope"});
        c.add(new String[] {"EVALSHA", "a42059b356c875f0717db19a51f6aaca9ae659ea", "0"});
        c.add(new String[] {"SCRIPT", "LOAD", "return 'loaded'"});
        c.add(new String[] {"SCRIPT", "LOAD", "return ="});
        c.add(new String[] {"SCRIPT", "LOAD", "#!lua"});
        c.add(new String[] {"SCRIPT", "FLUSH", "SYNC", "extra"});
        c.add(new String[] {"SCRIPT", "FLUSH", "nope"});
        c.add(new String[] {"SCRIPT", "KILL"});
        c.add(new String[] {"SCRIPT", "DEBUG", "maybe"});
        c.add(new String[] {"SCRIPT", "NOSUCH"});
        c.add(new String[] {"SCRIPT"});
        c.add(new String[] {"SCRIPT", "EXISTS"});
        c.add(new String[] {"SCRIPT", "FLUSH"});
        c.add(new String[] {"SCRIPT", "EXISTS", "a42059b356c875f0717db19a51f6aaca9ae659ea"});
        c.add(new String[] {"EVAL", "return redis.call('get', KEYS[1])", "1", "sk"});
        // Over maxmemory (scripting.md §4.4–4.6): shebang scripts are judged by their flags at dispatch.
        c.add(new String[] {"CONFIG", "SET", "maxmemory", "1"});
        for (String s : new String[] {"return 1", "#!lua\nreturn 1", "#!lua flags=no-writes\nreturn 1",
            "#!lua flags=allow-oom\nreturn redis.call('set', 'oomk', 'v')", "return redis.call('set', 'oomk', 'v')",
            "return redis.pcall('set', 'oomk', 'v')", "redis.call('del', 'nokey') return redis.call('set', 'oomk', 'v2')",
            "#!lua flags=no-writes\nreturn redis.call('get', 'oomk')"}) {
            c.add(eval(s, "0"));
        }
        // Inside MULTI the flags are judged at queue time: a rejected EVAL aborts the EXEC.
        for (String s : new String[] {"#!lua\nreturn 1", "#!lua flags=no-writes\nreturn 1", "#!lua flags=allow-oom\nreturn 1",
            "return 1", "return redis.call('set', 'oomk', 'v3')"}) {
            c.add(new String[] {"MULTI"});
            c.add(eval(s, "0"));
            c.add(new String[] {"EXEC"});
        }
        c.add(new String[] {"CONFIG", "SET", "maxmemory", "0"});
        return c;
    }

    @Test
    void evalMatchesRedis() throws Exception {
        List<String> diffs = new ArrayList<>();
        List<String[]> corpus = corpus();
        try (RespConnection theirs = new RespConnection(pair.get().reference.port); RespConnection mine = pair.get().ours.connect()) {
            for (String[] cmd : corpus) {
                String expected = normalise(theirs.call(cmd));
                String actual = mine.call(cmd);
                if (!expected.equals(actual)) {
                    // A substituted text inside a bulk string changes its length header.
                    expected = expected.replaceAll("\\$\\d+\r\n", "\\$\r\n");
                    actual = actual.replaceAll("\\$\\d+\r\n", "\\$\r\n");
                }
                if (!expected.equals(actual)) {
                    diffs.add(String.join(" | ", cmd).replace("\n", "\\n") + "\n   redis: " + expected.replace("\r\n", " ")
                            + "\n   ours:  " + actual.replace("\r\n", " "));
                }
            }
        }
        assertEquals(List.of(), diffs, diffs.size() + " of " + corpus.size() + " differ");
    }
}
