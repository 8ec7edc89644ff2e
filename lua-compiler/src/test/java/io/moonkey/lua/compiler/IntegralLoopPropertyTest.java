package io.moonkey.lua.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random numeric loops aimed at the integral loop copies (IntegralRegion): accumulators
 * updated with + - * % (products past 2^53 and giving -0, remainders by 0 and negatives),
 * starting near ±2^53 and crossing it, -0, float and variable starts, steps and limits (NaN,
 * infinities, past ±2^52), nested loops, closures capturing loop variables and accumulators,
 * locals later assigned non-integers, multiple assignment, break and return. Each program
 * prints every number with 17 digits and the sign of zeros; compared with lua5.1. The sign of
 * a NaN is not compared: which operand's NaN an x86 add propagates depends on the C compiler's
 * operand order, a difference of the double arithmetic this test is not about.
 */
class IntegralLoopPropertyTest {
    @Property(tries = 25, seed = "20261124")
    void sameOutputAsLua51(@ForAll("batches") List<String> programs) throws Exception {
        assumeTrue(ReferenceLua.available(), ReferenceLua.MISSING);
        StringBuilder driver = new StringBuilder("""
                function show(...)
                  local out = {}
                  for k = 1, select('#', ...) do
                    local x = select(k, ...)
                    if x ~= x then
                      x = 'nan'
                    elseif type(x) == 'number' then
                      x = string.format('%.17g', x) .. ((x == 0 and 1 / x < 0) and '(-0)' or '')
                    end
                    out[#out + 1] = tostring(x)
                  end
                  print(table.concat(out, ' '))
                end
                local progs = {
                """);
        for (String p : programs) {
            driver.append("[==[\n").append(p).append("]==],\n");
        }
        driver.append("}\nfor i, src in ipairs(progs) do\n  print('#' .. i)\n"
                + "  local f, err = loadstring(src, '=p' .. i)\n"
                + "  if not f then print('syntax', err) else\n"
                + "    local ok, e = pcall(f)\n    if not ok then print('error', e) end\n  end\nend\n");
        byte[] src = driver.toString().getBytes(StandardCharsets.ISO_8859_1);
        ReferenceLua.Outcome want = ReferenceLua.runSource(Path.of("."), src).normalized();
        ReferenceLua.Outcome got = Engine.run(src, "=stdin").normalized();
        assertEquals(want.stdout(), got.stdout(), driver.toString());
        assertEquals(want.error(), got.error());
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return Arbitraries.randomValue(r -> new LoopGenerator(r).program()).list().ofSize(30);
    }

    /** One random program: a few accumulators and one or two levels of numeric loops. */
    static final class LoopGenerator {
        private final Random r;
        private final StringBuilder out = new StringBuilder();
        private int indent;
        private int loops;

        LoopGenerator(Random r) {
            this.r = r;
        }

        String program() {
            line("local a, b, c = " + init() + ", " + init() + ", " + init());
            line("local x, y = " + loopValue() + ", " + loopValue());
            line("local fs = {}");
            line("local n = 0");
            int k = 1 + r.nextInt(2);
            for (int i = 0; i < k; i++) {
                loop(2);
            }
            line("show(a, b, c, x, y, n)");
            line("for k = 1, #fs do show(fs[k]()) end");
            return out.toString();
        }

        private void line(String s) {
            out.append("  ".repeat(indent)).append(s).append('\n');
        }

        private String init() {
            return switch (r.nextInt(13)) {
                case 0, 12 -> "0";
                case 1 -> "-0";
                case 2 -> "2^53 - " + r.nextInt(6);
                case 3 -> "-2^53 + " + r.nextInt(6);
                case 4 -> "2^52";
                case 5 -> "0.5";
                case 6 -> "1e300";
                case 7 -> "2^53 + 2";
                default -> Integer.toString(r.nextInt(200) - 100);
            };
        }

        private String loopValue() {
            return switch (r.nextInt(14)) {
                case 0 -> "0.5";
                case 1 -> "-0";
                case 2 -> "2^52 - " + r.nextInt(3);
                case 3 -> "2^53 - " + r.nextInt(3);
                case 4 -> "-2^52 + " + r.nextInt(3);
                case 5 -> "math.huge";
                case 6 -> "-math.huge";
                case 7 -> "0/0";
                case 8 -> "'" + r.nextInt(5) + "'";
                default -> Integer.toString(r.nextInt(21) - 10);
            };
        }

        private String bound() {
            return switch (r.nextInt(10)) {
                case 0, 1 -> loopValue();
                case 2 -> "x";
                case 3 -> "y";
                default -> Integer.toString(r.nextInt(21) - 10);
            };
        }

        private String step() {
            return switch (r.nextInt(12)) {
                case 0 -> "0.5";
                case 1 -> "-1";
                case 2 -> "-2";
                case 3 -> "3";
                case 4 -> "y";
                case 5 -> "2^52";
                case 6 -> "0";
                case 7 -> "-0.25";
                default -> "1";
            };
        }

        private void loop(int depth) {
            String v = "i" + loops++;
            String s = r.nextInt(3) == 0 ? "" : ", " + step();
            line("for " + v + " = " + bound() + ", " + bound() + s + " do");
            indent++;
            // Every loop stops after a few iterations whatever its bounds (zero steps, infinities).
            line("n = n + 1 if n > 40 then break end");
            int k = 1 + r.nextInt(4);
            for (int i = 0; i < k; i++) {
                stat(v, depth);
            }
            indent--;
            line("end");
        }

        private String acc() {
            return switch (r.nextInt(3)) {
                case 0 -> "a";
                case 1 -> "b";
                default -> "c";
            };
        }

        private String term(String v) {
            return switch (r.nextInt(6)) {
                case 0 -> v;
                case 1 -> acc();
                case 2 -> Integer.toString(r.nextInt(7) - 3);
                case 3 -> "2^52";
                case 4 -> "-" + v;
                default -> "(" + acc() + " - " + v + ")";
            };
        }

        private String modulus() {
            return switch (r.nextInt(6)) {
                case 0 -> "0";
                case 1 -> "-" + (1 + r.nextInt(9));
                case 2 -> "2^52 + 1";
                case 3 -> "1000000007";
                default -> Integer.toString(1 + r.nextInt(20));
            };
        }

        private void stat(String v, int depth) {
            switch (r.nextInt(depth > 0 ? 16 : 14)) {
                case 12 -> line(acc() + " = " + acc() + " * " + term(v));
                case 13 -> line(acc() + " = (" + acc() + " " + (r.nextBoolean() ? "*" : "+") + " " + term(v) + ") % " + modulus());
                case 0, 1 -> line(acc() + " = " + acc() + " + " + term(v));
                case 2 -> line(acc() + " = " + acc() + " - " + term(v));
                case 3 -> line(acc() + " = -" + acc());
                case 4 -> line("a, b = b, a + b");
                case 5 -> line("local t = " + term(v) + " + " + term(v) + " " + acc() + " = " + acc() + " + t");
                case 6 -> line("if " + v + " % 3 == 0 then " + acc() + " = " + acc() + " + 0.5 end");
                case 7 -> line("if " + acc() + " > " + r.nextInt(50) + " then break end");
                case 8 -> line("fs[#fs + 1] = function() return " + v + ", " + acc() + " end");
                case 9 -> line(v + " = " + v + " + " + (r.nextBoolean() ? "1" : "0.5") + " " + acc() + " = " + acc() + " + " + v);
                case 10 -> line("do local w = 0 while w < " + r.nextInt(4) + " do w = w + 1 " + acc() + " = " + acc() + " + w end end");
                case 11 -> line("show(" + v + ", " + acc() + ")");
                default -> loop(depth - 1);
            }
        }
    }
}
