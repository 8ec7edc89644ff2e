package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * Scripted synchronous debugging sessions replayed on redis-server 7.0.15 and on our server:
 * every reply must be equal byte for byte once the oracle's texts are mapped to Valkey's
 * (differences.md §2: {@code <redis>}, {@code redis.breakpoint() called}, the unknown-command
 * text, the help text).
 */
@Timeout(120)
class LdbDifferentialTest {
    @RegisterExtension
    static final ReferencePairExtension pair = new ReferencePairExtension();

    private static final Map<String, String> R7_TO_VK = Map.of(
            "+<redis> ", "+<command> ",
            "redis.breakpoint() called", "server.breakpoint() called",
            "Unknown Redis Lua debugger command", "Unknown Lua debugger command",
            "Unknown Redis command called from script", "Unknown command called from script",
            "Please specify at least one argument for this redis lib call", "Please specify at least one argument for this call",
            "Lua redis lib command arguments must be strings or integers", "Command arguments must be strings or integers");

    static String normalise(String reply) {
        for (Map.Entry<String, String> e : R7_TO_VK.entrySet()) {
            reply = reply.replace(e.getKey(), e.getValue());
        }
        return pointers(reply);
    }

    /** Object addresses differ between servers (differences.md §5 rule 6). */
    static String pointers(String reply) {
        return reply.replaceAll("@0x[0-9a-f]+", "@0xADDR");
    }

    /** Runs the session on one server: every reply, then whether the connection was closed. */
    private static List<String> replay(int port, String script, String[]... commands) throws Exception {
        return replay(port, script, 0, new String[0], commands);
    }

    private static List<String> replay(int port, String script, int numkeys, String[] keysAndArgs, String[]... commands)
            throws Exception {
        List<String> out = new ArrayList<>();
        try (RespConnection setup = new RespConnection(port)) {
            setup.call("FLUSHALL");
            setup.call("SET", "d:str", "v");
            setup.call("SET", "d:num", "41");
        }
        try (LdbClient c = new LdbClient(port)) {
            c.cmd("SCRIPT", "DEBUG", "sync");
            out.add(c.eval(script, numkeys, keysAndArgs));
            for (String[] cmd : commands) {
                String r = c.cmd(cmd);
                out.add(r);
                if (r.contains("+<endsession>\r\n")) {
                    out.add(c.readReply());
                    out.add("closed=" + c.closedByPeer());
                    break;
                }
            }
        }
        return out;
    }

    private static void compare(String script, String[]... commands) throws Exception {
        compareWithKeys(script, 0, new String[0], commands);
    }

    private static void compareWithKeys(String script, int numkeys, String[] keysAndArgs, String[]... commands) throws Exception {
        List<String> expected = replay(pair.get().reference.port, script, numkeys, keysAndArgs, commands).stream()
                .map(LdbDifferentialTest::normalise).toList();
        List<String> actual = replay(pair.get().ours.port, script, numkeys, keysAndArgs, commands).stream()
                .map(LdbDifferentialTest::pointers).toList();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "reply " + i + (i > 0 && i <= commands.length ? " to " + String.join(" ", commands[i - 1]) : ""));
        }
        assertEquals(expected, actual);
    }

    private static String[] c(String... a) {
        return a;
    }

    @Test
    void sessionOfSection7() throws Exception {
        compare(LdbTest.SCRIPT, c("s"), c("p"), c("print", "a"), c("print", "nosuch"), c("print", "KEYS"), c("b", "9"),
                c("b"), c("b", "100"), c("b", "x"), c("b", "-9"), c("b", "0"), c("t"), c("e", "1+1"), c("r", "ping"),
                c("maxlen", "10"), c("s"), c("n"), c("p"), c("c"), c("t"), c("p"), c("c"));
    }

    @Test
    void tracingValuesAndListing() throws Exception {
        String script = String.join("\n",
                "local t = {1, 'two', {3}, x = {y = true}}",
                "local n = redis.call('incr', 'd:num')",
                "redis.pcall() redis.pcall('get', {})",
                "redis.pcall('incr', 'd:str')",
                "redis.pcall('nosuchcommand')",
                "local s = redis.call('get', 'd:str') .. string.rep('z', 300)",
                "local m = redis.call('mget', 'd:str', 'd:none', 'd:num')",
                "for i = 1, 2 do",
                "  n = n + i",
                "end",
                "local function g(a, b)",
                "  redis.debug('g', a, b, {a, b})",
                "  return a .. b",
                "end",
                "local r = g('x', 'y')",
                "return {n, r, m}");
        compare(script, c("p"), c("s"), c("p"), c("s"), c("s"), c("s"), c("s"), c("p", "s"), c("p", "s"), c("s"),
                c("p", "m"), c("s"), c("p"), c("s"), c("s"), c("s"), c("l"), c("l", "3", "2"), c("w"), c("b", "12", "14", "99", "-1"),
                c("b"), c("c"), c("t"), c("p"), c("p", "t"), c("maxlen", "0"), c("p", "s"), c("e", "{1,2,nil,4}"),
                c("e", "error('boom')"), c("e", "x +"), c("r", "set", "d:str", "w"), c("r", "get", "d:str"), c("unknown"),
                c("c"), c("c"));
    }

    @Test
    void stepIntoLoopsAndFunctions() throws Exception {
        String script = String.join("\n",
                "local acc = 0",
                "for k, v in ipairs({5, 6}) do",
                "  acc = acc + v",
                "end",
                "local i = 0",
                "while i < 2 do i = i + 1 end",
                "repeat",
                "  i = i - 1",
                "until i == 0",
                "function gf()",
                "  return acc",
                "end",
                "if acc > 100 then",
                "  acc = 0",
                "elseif acc > 10 then",
                "  acc = gf() + 1",
                "end",
                "return acc");
        String[][] steps = new String[40][];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = k % 3 == 1 ? c("p") : c("s");
        }
        compare(script, steps);
    }

    @Test
    void statementsSpanningLines() throws Exception {
        String script = String.join("\n",
                "local f = function(a)",
                "  return a + 1",
                "end",
                "local t = {",
                "  one = f(1),",
                "  two = 2",
                "}",
                "redis.call('set',",
                "  'd:ml', 'v')",
                "local g = function() return 1 end",
                "local s = f(",
                "  2)",
                "pcall(function()",
                "  local z = 1",
                "end)",
                "return s");
        String[][] steps = new String[24][];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = k % 4 == 3 ? c("p") : c("s");
        }
        compare(script, steps);
    }

    /** Steps through with {@code p} and {@code t} between steps. */
    private static String[][] stepsWithPrintAndTrace(int n) {
        String[][] steps = new String[n][];
        for (int k = 0; k < n; k++) {
            steps[k] = k % 3 == 2 ? c("p") : k % 7 == 6 ? c("t") : c("s");
        }
        return steps;
    }

    @Test
    void methodsRecursionPcallAndVarargs() throws Exception {
        compare(String.join("\n",
                "local obj = {n = 0}",
                "function obj:inc(k)",
                "  self.n = self.n + (k or 1)",
                "  return self",
                "end",
                "local function fact(n)",
                "  if n <= 1 then return 1 end",
                "  return n * fact(n - 1)",
                "end",
                "local ok, err = pcall(function()",
                "  error({code = 1})",
                "end)",
                "local a, b = fact(3), obj:inc(2):inc()",
                "for i = 3, 1, -1 do",
                "  if i == 2 then break end",
                "  a = a + i",
                "end",
                "local s = (\"abc\"):upper() .. tostring(ok)",
                "local function va(...)",
                "  local t = {...}",
                "  return select('#', ...), t[1]",
                "end",
                "local c, d = va(1, nil, 3)",
                "return {a, obj.n, s, c, d}"), stepsWithPrintAndTrace(60));
    }

    @Test
    void closuresAndUpvalues() throws Exception {
        compare(String.join("\n",
                "local counter = 0",
                "local function make()",
                "  local c = 0",
                "  return function()",
                "    c = c + 1",
                "    counter = counter + c",
                "    return c",
                "  end",
                "end",
                "local g = make()",
                "g()",
                "g()",
                "local m = {a = {b = {c = function(v) return v + 1 end}}}",
                "local v = m.a.b.c(g())",
                "local z = (v > 3) and 'big' or 'small'",
                "local w = not z",
                "return {counter, v, z, tostring(w)}"), stepsWithPrintAndTrace(60));
    }

    /** PUC's jumps at the end of blocks: while back-jumps, jumps over else parts, chained jumps. */
    @Test
    void ifsAndBlocksInsideLoops() throws Exception {
        compare(String.join("\n",
                "local t = {}",
                "for i = 1, 3 do",
                "  for j = 1, 2 do",
                "    t[#t + 1] = i * j",
                "  end",
                "end",
                "local x = 0",
                "while x < 3 do",
                "  x = x + 1",
                "  if x == 2 then",
                "    local y = x * 10",
                "    redis.call('set', 'fz:y', y)",
                "  else",
                "    x = x + 0",
                "  end",
                "end",
                "local sum = 0",
                "for _, v in ipairs(t) do sum = sum + v end",
                "local r = redis.call('get', 'fz:y') or 'none'",
                "do",
                "  local inner = sum",
                "  sum = inner + 1",
                "end",
                "return {sum, r, x}"), stepsWithPrintAndTrace(60));
        compare(String.join("\n",
                "local n = 0",
                "local out = {}",
                "while n < 4 do",
                "  n = n + 1",
                "  if n % 2 == 0 then",
                "    if n == 4 then",
                "      out[#out + 1] = 'four'",
                "    else",
                "      out[#out + 1] = 'even'",
                "    end",
                "  elseif n == 3 then",
                "    do",
                "      local k = n",
                "      out[#out + 1] = k",
                "    end",
                "  else",
                "    out[#out + 1] = 'one'",
                "  end",
                "end",
                "local m = 0",
                "while true do",
                "  m = m + 1",
                "  if m > 2 then break end",
                "end",
                "while m > 0 do",
                "  m = m - 1",
                "  if m == 1 then",
                "    out[#out + 1] = 'm1'",
                "  end",
                "end",
                "if #out > 2 then",
                "  out[#out + 1] = 'done'",
                "end"), stepsWithPrintAndTrace(80));
    }

    @Test
    void keysArgvLibrariesAndPcallOfCall() throws Exception {
        compareWithKeys(String.join("\n",
                "local result = {}",
                "for i, key in ipairs(KEYS) do",
                "  local v = redis.call('GET', key)",
                "  if not v then",
                "    redis.call('SET', key, ARGV[i] or 'default')",
                "    result[i] = 'set'",
                "  elseif tonumber(v) then",
                "    result[i] = redis.call('INCRBY', key, 10)",
                "  else",
                "    result[i] = string.format('%s:%d', v, #v)",
                "  end",
                "end",
                "local encoded = cjson.encode({n = #KEYS, first = result[1]})",
                "local decoded = cjson.decode(encoded)",
                "local parts = {}",
                "for w in string.gmatch('a,b,c', '[^,]+') do",
                "  table.insert(parts, w:upper())",
                "end",
                "local joined = table.concat(parts, '-')",
                "local ok, e = pcall(redis.call, 'INCR', KEYS[3])",
                "if not ok then",
                "  redis.debug('error', e)",
                "end",
                "return {decoded.n, joined, result[2], tostring(ok)}"), 3, new String[] {"d:none", "d:num", "d:str", "x", "y"}, stepsWithPrintAndTrace(70));
    }

    @Test
    void coroutinesLoadstringAndStoresAfterMultiLineCalls() throws Exception {
        compare(String.join("\n",
                "local t = {}",
                "t[1] = coroutine.wrap(function() local q = 5",
                " coroutine.yield(q)",
                " return 7 end)",
                "local x = t[1]()",
                "local f = loadstring(\"return 3\")",
                "local y",
                "y = f(",
                ")",
                "return {x, f(), y}"), stepsWithPrintAndTrace(30));
    }

    @Test
    void protocolErrorsAndDegenerateSessions() throws Exception {
        for (String raw : new String[] {"hello\r\n", "*0\r\n", "*1\r\n$0\r\n\r\n"}) {
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int port : new int[] {pair.get().reference.port, pair.get().ours.port}) {
                List<String> out = port == pair.get().reference.port ? expected : actual;
                try (LdbClient c = new LdbClient(port)) {
                    out.add(c.start("sync", "local x = 1\nreturn x"));
                    c.sendRaw(raw);
                    out.add(c.readReply());
                    out.add(c.readReply());
                    out.add("closed=" + c.closedByPeer());
                }
            }
            assertEquals(expected, actual, raw);
        }
        for (String[] eval : new String[][] {{"EVAL", "retur 1", "0"}, {"EVAL", "return 1", "x"}, {"EVAL", "return 1", "2", "k"}}) {
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int port : new int[] {pair.get().reference.port, pair.get().ours.port}) {
                List<String> out = port == pair.get().reference.port ? expected : actual;
                try (LdbClient c = new LdbClient(port)) {
                    out.add(c.cmd("SCRIPT", "DEBUG", "sync"));
                    out.add(c.cmd(eval));
                    out.add(c.readReply());
                    out.add("closed=" + c.closedByPeer());
                }
            }
            assertEquals(expected, actual, String.join(" ", eval));
        }
    }
}
