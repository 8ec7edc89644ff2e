package io.moonkey.lua.lib.valkey;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The script sandbox — global protection, read-only tables, Valkey's pcall, the API helpers
 * that need no command, the deterministic math.random — compared with redis-server 7.0.15.
 */
class SandboxDifferentialTest {
    private static ReferenceRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ReferenceRedis.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void sandboxMatchesRedis() throws Exception {
        LibraryDifferential.assertSame(redis, List.of(
                "math.random()", "math.random()", "math.random()", "math.randomseed(10)", "math.random()",
                "math.random()", "math.random(10)", "math.random(5, 7)", "math.randomseed(-1)", "math.random()",
                "math.random()", "math.random(0)", "math.random(3, 1)", "math.random(1, 2, 3)", "math.randomseed('7')",
                "math.random(100)",
                "x_undefined", "rawget(_G, 'nope')", "(function() a = 10 end)()", "rawset(_G, 'x', 1)",
                "setmetatable(_G, {})", "(function() _G.x = 1 end)()", "(function() redis = 1 end)()",
                "(function() ARGV = {} end)()", "(function() function f() end end)()", "(function() string.foo = 1 end)()",
                "table.insert(math, 1)", "rawset(string, 'x', 1)", "setmetatable(cjson, {})",
                "(function() getmetatable('').__index = 1 end)()", "(function() redis.call = nil end)()",
                "(function() local t = {} t.x = 1 setmetatable(t, {__index = function() return 5 end}) return t.x, t.y end)()",
                "KEYS[1]", "#ARGV", "(function() KEYS[1] = 'x' return KEYS[1] end)()",
                "getfenv", "setfenv", "newproxy", "print", "dofile", "loadfile", "require", "module", "package", "io", "debug",
                "type(_G)", "_VERSION", "_G == _G._G", "type(coroutine.wrap)", "type(gcinfo)", "type(collectgarbage)",
                "pcall(function() error({err = 'E tbl'}) end)", "pcall(function() error('plain') end)",
                "pcall(function() error({err = 5}) end)", "pcall(function() error({code = 'x'}) end)",
                "xpcall(function() error({err = 'E x'}) end, function(e) return type(e) end)", "pcall(error)",
                "redis.error_reply('MY_CODE msg')", "redis.error_reply('-MY_CODE msg')", "redis.error_reply('')",
                "redis.error_reply('nocode')", "redis.error_reply('ERR')", "redis.error_reply('-NOSPACE')",
                "redis.error_reply('\\nfoo\\n')", "redis.error_reply()", "redis.error_reply(1)", "redis.error_reply('a', 'b')",
                "redis.status_reply('OK')", "redis.status_reply(5)", "redis.status_reply()",
                "redis.sha1hex('')", "redis.sha1hex('Pizza & Mandolino')", "redis.sha1hex(1.5)", "redis.sha1hex(12)",
                "redis.sha1hex({})", "redis.sha1hex(nil)", "redis.sha1hex()", "redis.sha1hex('a', 'b')",
                "redis.replicate_commands()", "redis.replicate_commands(1, 2)", "redis.breakpoint()", "redis.debug('x')",
                "redis.REPL_ALL", "redis.REPL_NONE", "redis.REPL_AOF", "redis.REPL_SLAVE", "redis.REPL_REPLICA",
                "redis.LOG_DEBUG", "redis.LOG_VERBOSE", "redis.LOG_NOTICE", "redis.LOG_WARNING",
                "redis.log(redis.LOG_DEBUG, 'x')", "redis.log('x', 'y')", // level 9: Valkey says "Invalid log level."
                "redis.setresp(4)", "redis.setresp('x')", "redis.set_repl(8)", "redis.set_repl(-1)",
                "loadstring(string.dump(function() end))", "loadstring('return 1 +')", "loadstring('return x_none')()",
                "unpack({1, 2, 3}, -2, 2147483647)", "unpack({1, 2, 3}, 1, -1)", "select('#', unpack({1, nil, 3}))",
                "cjson.null == cjson.decode('null')", "tostring(1e15)", "string.rep('x', 2^31)", "string.rep('ab', 3, 'x')"), true);
    }
}
