package io.moonkey.lua.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How lua5.1 groups operators, asked of lua5.1 itself: the operands are tables whose arithmetic,
 * concatenation and unary-minus metamethods build a fully parenthesised text of the expression.
 * Our tree, printed the same way, must give the same text for random operator chains.
 */
class PrecedenceDifferentialTest {
    private static final String[] OPS = {"+", "-", "*", "/", "%", "^", ".."};

    private static final String DRIVER = """
            local mt = {}
            local function wrap(s) return setmetatable({s = s}, mt) end
            local function bin(op) return function(x, y) return wrap("(" .. x.s .. op .. y.s .. ")") end end
            mt.__add, mt.__sub, mt.__mul, mt.__div = bin("+"), bin("-"), bin("*"), bin("/")
            mt.__mod, mt.__pow, mt.__concat = bin("%"), bin("^"), bin("..")
            mt.__unm = function(x) return wrap("(-" .. x.s .. ")") end
            local env = {a = wrap("a"), b = wrap("b"), c = wrap("c"), d = wrap("d")}
            for line in io.lines(arg[1]) do
              local f = assert(loadstring("return " .. line))
              setfenv(f, env)
              io.write(f().s, "\\n")
            end
            """;

    @Test
    void operatorGroupingEqualsLua51() throws Exception {
        ReferenceLua.assumeInstalled();
        Random r = new Random(51);
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 2 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(' ').append(OPS[r.nextInt(OPS.length)]).append(' ');
                }
                int minus = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
                sb.append("- ".repeat(minus));
                if (r.nextInt(8) == 0) {
                    sb.append("(a ").append(OPS[r.nextInt(OPS.length)]).append(" b)");
                } else {
                    sb.append((char) ('a' + r.nextInt(4)));
                }
            }
            exprs.add(sb.toString());
        }
        Path dir = Files.createTempDirectory("moonkey-prec");
        Path driver = Files.writeString(dir.resolve("driver.lua"), DRIVER);
        Path input = Files.write(dir.resolve("exprs.txt"), exprs);
        Process p = new ProcessBuilder(ReferenceLua.executable(), driver.toString(), input.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        List<String> expected = List.of(new String(out, StandardCharsets.ISO_8859_1).split("\n"));
        for (int i = 0; i < exprs.size(); i++) {
            Stat.Return ret = (Stat.Return) LuaParser.parse(("return " + exprs.get(i)).getBytes(), "=t")
                    .main().body().stats().get(0);
            assertEquals(expected.get(i), grouped(ret.values().get(0)), exprs.get(i));
        }
        for (Path f : List.of(driver, input, dir)) {
            Files.delete(f);
        }
    }

    private static String grouped(Expr e) {
        return switch (e) {
            case Expr.NameRef n -> n.name();
            case Expr.Paren p -> grouped(p.inner());
            case Expr.Unary u -> "(-" + grouped(u.operand()) + ")";
            case Expr.Binary b -> "(" + grouped(b.left()) + b.op().symbol + grouped(b.right()) + ")";
            default -> throw new IllegalArgumentException(e.toString());
        };
    }
}
