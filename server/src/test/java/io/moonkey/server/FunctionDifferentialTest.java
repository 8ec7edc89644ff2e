package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FUNCTION and FCALL against redis-server 7.0.15, compared after the differences.md substitutions. */
class FunctionDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension();

    private static String[] load(String code) {
        return new String[] {"FUNCTION", "LOAD", code};
    }

    static List<String[]> corpus() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"FUNCTION", "FLUSH"});
        c.add(load("#!lua name=lib1\nredis.register_function('f1', function(keys, args) return {keys[1], args[1], #keys, #args} end)"));
        c.add(new String[] {"FCALL", "f1", "1", "k", "a"});
        c.add(new String[] {"FCALL", "F1", "0"});
        c.add(new String[] {"FCALL", "nosuch", "0"});
        c.add(new String[] {"FCALL", "f1", "x"});
        c.add(new String[] {"FCALL", "f1", "5", "a"});
        c.add(new String[] {"FCALL", "f1", "-1"});
        c.add(load("#!lua name=lib1\nredis.register_function('f1', function() return 1 end)"));
        c.add(new String[] {"FUNCTION", "LOAD", "REPLACE", "#!lua name=lib1\nredis.register_function('f1', function() return 2 end)"});
        c.add(new String[] {"FCALL", "f1", "0"});
        c.add(new String[] {"FUNCTION", "LOAD", "replace", "replace", "#!lua name=lib1\nredis.register_function('f1', function() return 3 end)"});
        c.add(new String[] {"FUNCTION", "LOAD", "bogus", "#!lua name=lib1\nreturn 1"});
        c.add(new String[] {"FUNCTION", "LOAD", "REPLACE"});
        c.add(new String[] {"FUNCTION", "LIST"});
        c.add(new String[] {"FUNCTION", "LIST", "WITHCODE"});
        c.add(new String[] {"FUNCTION", "LIST", "LIBRARYNAME", "lib*"});
        c.add(new String[] {"FUNCTION", "LIST", "LIBRARYNAME", "x*"});
        c.add(new String[] {"FUNCTION", "LIST", "LIBRARYNAME"});
        c.add(new String[] {"FUNCTION", "LIST", "WITHCODE", "WITHCODE"});
        c.add(new String[] {"FUNCTION", "LIST", "bogus"});
        c.add(new String[] {"FUNCTION", "STATS"});
        // Metadata errors (§6.2).
        for (String code : new String[] {"return 1", "#!lua name=lib3", "#!lua\nreturn 1", "#!lua name=a name=b\nreturn 1",
            "#!lua other=x\nreturn 1", "#!lua name=bad-name\nreturn 1", "#!lua name=\nreturn 1", "#!python name=x\nreturn 1",
            "#! name=x\nreturn 1", "#!LUA NAME=up\nredis.register_function('upf', function() return 'up' end)",
            "#!lua name=c\nreturn =", "#!lua name=c\n\nreturn 1 +", "#!lua name=c\nreturn 1",
            "#!lua name=c\nerror('boom')", "#!lua name=c\nlocal x = string.len('a')",
            "#!lua name=c\nredis.call('set', 'x', 1)", "#!lua name=c\nx = 1",
            "#!lua name=c\nredis.register_function()", "#!lua name=c\nredis.register_function('a')",
            "#!lua name=c\nredis.register_function('a', 'b', 'c')", "#!lua name=c\nredis.register_function(5)",
            "#!lua name=c\nredis.register_function({})", "#!lua name=c\nredis.register_function{function_name='f'}",
            "#!lua name=c\nredis.register_function{callback=function() end}",
            "#!lua name=c\nredis.register_function{function_name='f', callback=1}",
            "#!lua name=c\nredis.register_function{function_name={}, callback=function() end}",
            "#!lua name=c\nredis.register_function{function_name='f', callback=function() end, flags='no-writes'}",
            "#!lua name=c\nredis.register_function{function_name='f', callback=function() end, flags={'bad'}}",
            "#!lua name=c\nredis.register_function{function_name='f', callback=function() end, bogus=1}",
            "#!lua name=c\nredis.register_function{function_name='f', callback=function() end, description={}}",
            "#!lua name=c\nredis.register_function(1, 2)", "#!lua name=c\nredis.register_function({}, function() end)",
            "#!lua name=c\nredis.register_function('bad-name', function() end)",
            "#!lua name=c\nredis.register_function('d', function() end) redis.register_function('d', function() end)",
            "#!lua name=c\nredis.register_function('f1', function() end)",
            "#!lua name=c\nredis.log(redis.LOG_NOTICE, 'loading') redis.register_function('cf', function() return redis.REDIS_VERSION ~= nil end)"}) {
            c.add(load(code));
        }
        c.add(new String[] {"FCALL", "upf", "0"});
        c.add(new String[] {"FCALL", "cf", "0"});
        // Named registration, flags, read-only calls, writes and errors at run time.
        c.add(load("#!lua name=lib2\nlocal function helper(x) return string.upper(x) end\n"
                + "redis.register_function{function_name='ro', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads'}\n"
                + "redis.register_function('rw', function(keys, args) return redis.call('set', keys[1], args[1]) end)\n"
                + "redis.register_function('up', function(keys, args) return helper(args[1]) end)\n"
                + "redis.register_function('err', function() error('inner') end)\n"
                + "redis.register_function('tbl', function() return redis.error_reply('MY tbl') end)\n"
                + "redis.register_function('glob', function() return nosuch end)\n"
                + "redis.register_function('late', function() redis.register_function('x', function() end) end)\n"
                + "redis.register_function('keysarg', function() return KEYS end)"));
        c.add(new String[] {"FCALL", "rw", "1", "fk", "fv"});
        c.add(new String[] {"FCALL_RO", "ro", "1", "fk"});
        c.add(new String[] {"FCALL_RO", "rw", "1", "fk", "v"});
        c.add(new String[] {"FCALL", "up", "0", "abc"});
        c.add(new String[] {"FCALL", "err", "0"});
        c.add(new String[] {"FCALL", "tbl", "0"});
        c.add(new String[] {"FCALL", "glob", "0"});
        c.add(new String[] {"FCALL", "late", "0"});
        c.add(new String[] {"FCALL", "keysarg", "0"});
        // Functions of a library are listed in dict order, which differs: list a one-function library.
        c.add(load("#!lua name=lib3\nredis.register_function{function_name='only', callback=function() end, "
                + "flags={'allow-stale', 'no-writes'}, description='d'}"));
        c.add(new String[] {"FUNCTION", "LIST", "LIBRARYNAME", "lib3"});
        c.add(load("#!lua name=lib4\nredis.register_function{function_name='upflag', callback=function() return 'ro' end, flags={'NO-WRITES'}}"));
        c.add(new String[] {"FCALL_RO", "upflag", "0"});
        c.add(new String[] {"FUNCTION", "LIST", "LIBRARYNAME", "lib4"});
        c.add(new String[] {"FUNCTION", "STATS"});
        c.add(new String[] {"FUNCTION", "DELETE", "lib2"});
        c.add(new String[] {"FUNCTION", "DELETE", "lib2"});
        c.add(new String[] {"FCALL", "rw", "1", "fk", "v"});
        c.add(new String[] {"FUNCTION", "KILL"});
        c.add(new String[] {"FUNCTION", "FLUSH", "SYNC", "x"});
        c.add(new String[] {"FUNCTION", "FLUSH", "bogus"});
        c.add(new String[] {"FUNCTION", "FLUSH", "ASYNC"});
        c.add(new String[] {"FUNCTION", "LIST"});
        c.add(new String[] {"FCALL", "f1", "0"});
        c.add(new String[] {"FUNCTION", "NOSUCH"});
        return c;
    }

    @Test
    void functionsMatchRedis() throws Exception {
        List<String> diffs = new ArrayList<>();
        List<String[]> corpus = corpus();
        try (RespConnection theirs = new RespConnection(pair.get().reference.port); RespConnection mine = pair.get().ours.connect()) {
            for (String[] cmd : corpus) {
                String expected = ScriptingDifferentialTest.normalise(theirs.call(cmd));
                if (expected.startsWith("-")) {
                    expected = expected.replace("redis.register_function", "server.register_function");
                }
                String actual = mine.call(cmd);
                if (!expected.equals(actual)) {
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

    /** A payload dumped by redis-server (version 10, long code LZF-compressed) restores on both. */
    @Test
    void restoreOfAReferenceDump() throws Exception {
        String code = "#!lua name=dumped\n-- " + "padding ".repeat(40) + "\nredis.register_function('dumpedf', function() return 'from dump' end)";
        List<String> diffs = new ArrayList<>();
        try (RespConnection theirs = new RespConnection(pair.get().reference.port); RespConnection mine = pair.get().ours.connect()) {
            theirs.call("FUNCTION", "FLUSH");
            theirs.call("FUNCTION", "LOAD", code);
            String dumpReply = theirs.call("FUNCTION", "DUMP");
            String payload = dumpReply.substring(dumpReply.indexOf("\r\n") + 2, dumpReply.length() - 2);
            theirs.call("FUNCTION", "FLUSH");
            mine.call("FUNCTION", "FLUSH");
            String[][] cmds = {
                {"FUNCTION", "RESTORE", payload}, {"FCALL", "dumpedf", "0"}, {"FUNCTION", "RESTORE", payload},
                {"FUNCTION", "RESTORE", payload, "APPEND"}, {"FUNCTION", "RESTORE", payload, "REPLACE"},
                {"FUNCTION", "RESTORE", payload, "FLUSH"}, {"FUNCTION", "RESTORE", payload, "bogus"},
                {"FUNCTION", "RESTORE", "garbage"}, {"FUNCTION", "RESTORE", payload, "FLUSH", "x"}, {"FCALL", "dumpedf", "0"}};
            for (String[] cmd : cmds) {
                if (cmd.length == 4 && cmd[3].equals("FLUSH")) {
                    theirs.call("FUNCTION", "FLUSH");
                    mine.call("FUNCTION", "FLUSH");
                }
                String expected = theirs.call(cmd);
                String actual = mine.call(cmd);
                if (!expected.equals(actual)) {
                    diffs.add(cmd[0] + " " + cmd[1] + (cmd.length > 3 ? " " + cmd[3] : "") + "\n   redis: " + expected + "\n   ours:  " + actual);
                }
            }
        }
        assertEquals(List.of(), diffs);
    }
}
