package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** tostring, tonumber and string.format compared with lua5.1, byte for byte. */
class NumberDifferentialTest {

    static List<Double> interestingDoubles(int randomCount, long seed) {
        List<Double> v = new ArrayList<>(List.of(
            0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 3.0, 100.0, 1e14, 1e15, -1e15, 1e16, 123456789012345.0,
            12345678901234.5, 99999999999999.5, 999999999999999.0, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, Math.PI, Math.E,
            1e-4, 1e-5, 0.0001234, 9.99999999999995e-5, 1e100, 1e300, 1e308, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.MIN_NORMAL, 4.9e-324, 2.2250738585072009e-308, 0x1p53, 0x1p53 + 2, 0x1p63, 0x1p64, -0x1p63,
            1e21, 1e22, 1e23, 5e-324, 123.456, 0.000001, 2.675, 1.005, 0.125, 0.375, 1e-300, 6.02214076e23,
            Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 255.0, 65.0, -65.0,
            4294967295.0, 4294967296.0, -2147483648.0, 2147483647.5, 9007199254740993.0, 0.05, 0.15, 0.25, 0.35,
            0.45, 5.5, 6.5, 1e-10, 3e-7, 7.0e-4));
        Random r = new Random(seed);
        for (int i = 0; i < randomCount; i++) {
            switch (i % 5) {
                case 0 -> v.add(Double.longBitsToDouble(r.nextLong()));
                case 1 -> v.add((r.nextInt(2000001) - 1000000) / Math.pow(10, r.nextInt(12)));
                case 2 -> v.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                case 3 -> v.add((double) (r.nextLong() >> r.nextInt(64)));
                default -> v.add(Double.longBitsToDouble(r.nextLong() & 0x000F_FFFF_FFFF_FFFFL)); // subnormal
            }
        }
        v.removeIf(d -> Double.isNaN(d) && Double.doubleToRawLongBits(d) != 0x7FF8_0000_0000_0000L
            && Double.doubleToRawLongBits(d) != 0xFFF8_0000_0000_0000L);
        return v;
    }

    @Test
    void tostringMatchesLua() throws Exception {
        List<Double> values = interestingDoubles(400, 42);
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (double d : values) {
            script.append("emit(pcall(tostring, ").append(LuaOracle.luaNumber(d)).append("))\n");
            expected.add(LuaOracle.ok(NumberText.toBytes(d)));
        }
        compare(script, expected, values);
    }

    @Test
    void tonumberMatchesLua() throws Exception {
        List<String> texts = new ArrayList<>(List.of(
            "", " ", "0", "-0", "+0", "1", " 1 ", "\t\n\u000b\f\r1\r\n", "1 2", "1e", "1e+", "1e5", "1E-5", ".5", "5.",
            ".", "-.5", "+-1", "--1", "0x", "0x10", "0X1F", "-0x10", "0x1p4", "0x1P-2", "0x.8", "0x1.8p1", "0x1p",
            "0xg", "0x.", "1x", "3x", "inf", "-inf", "INF", "Infinity", "infinit", "nan", "-nan", "NaN", "nan()",
            "nan(abc_12)", "nan(", "nan(a b)", "1e500", "-1e500", "1e-400", "4.9e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "123456789012345678901234567890", "0.000000000000000000000000000001", "9007199254740993",
            "9007199254740993.0000000001", "1\u0000", "1\u0000abc", "0x123456789abcdef0123", "0x1.fffffffffffff8p0",
            "0x1.fffffffffffff7ffffp0", "0x0.00000000000008p-1022", "0x1p-1075", "0x1.0000000000001p-1075",
            "0x1p1024", "0x1p1023", "1e", "e1", "0e0", "00012", "1_000", "1,5", "0x-1", "- 1", "1..2", "1.2.3",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "0.1e-310", "100000000000000000000000",
            "8.5", "1d", "1f", "0b101", "١"));
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String t : texts) {
            script.append("emit(pcall(function() local n = tonumber(").append(LuaOracle.luaString(t))
                .append(") return n and string.format('%.17g', n) or 'nil' end))\n");
            Double d = NumberParser.str2d(t);
            expected.add(d == null ? LuaOracle.ok("nil".getBytes()) : TestArgs.run("%.17g", d));
        }
        int[] bases = {2, 8, 16, 36, 7};
        String[] baseTexts = {"", "0", "1", "-1", " 11 ", "ff", "FF", "-ff", "0xff", "0x", "0xg", "z", "Z",
            "fffffffffffffffffff", "8", "9", "10", "1\u0000", "+10", "- 1", "1 1", "ffffffffffffffff", "10000000000000000",
            "-ffffffffffffffff", "1111111111111111111111111111111111111111111111111111111111111111"};
        for (int base : bases) {
            for (String t : baseTexts) {
                script.append("emit(pcall(function() local n = tonumber(").append(LuaOracle.luaString(t)).append(", ")
                    .append(base).append(") return n and string.format('%.17g', n) or 'nil' end))\n");
                byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
                long bits = NumberParser.toNumberBits(b, 0, b.length, base);
                expected.add(bits == NumberParser.FAILED ? LuaOracle.ok("nil".getBytes())
                    : TestArgs.run("%.17g", Double.longBitsToDouble(bits)));
            }
        }
        compare(script, expected, null);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> numeralLike() {
        var chars = net.jqwik.api.Arbitraries.strings().withChars("0123456789.eE+-xXpPaAfFinNtyI( )_\t").ofMaxLength(12);
        var shaped = net.jqwik.api.Combinators.combine(
            net.jqwik.api.Arbitraries.of("", " ", "-", "+", "0x", "-0x", " 0X"),
            net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(0).ofMaxLength(25),
            net.jqwik.api.Arbitraries.of("", ".", ".5", "e", "e+", "e-7", "E300", "e-330", "p3", "p-1080", "P+1", "x", " "),
            net.jqwik.api.Arbitraries.strings().withChars("0123456789").ofMaxLength(3))
            .as((a, b, c, d) -> a + b + c + d);
        return net.jqwik.api.Arbitraries.oneOf(chars, shaped);
    }

    @net.jqwik.api.lifecycle.AddLifecycleHook(LuaOracle.SkipWithoutLua.class)
    @net.jqwik.api.Property(tries = 2, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void randomNumerals(@net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(400)
            List<@net.jqwik.api.From("numeralLike") String> texts) throws Exception {
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String t : texts) {
            script.append("emit(pcall(function() local n = tonumber(").append(LuaOracle.luaString(t))
                .append(") return n and string.format('%.17g', n) or 'nil' end))\n");
            Double d = NumberParser.str2d(t);
            expected.add(d == null ? LuaOracle.ok("nil".getBytes()) : TestArgs.run("%.17g", d));
        }
        compare(script, expected, texts);
    }

    static void compare(StringBuilder script, List<String> expected, List<?> inputs) throws Exception {
        List<String> actual = LuaOracle.run(script.toString());
        assertEquals(expected.size(), actual.size(), "line count");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                failures.add("case " + i + (inputs != null ? " [" + inputs.get(i) + "]" : "") + ": lua5.1 "
                    + LuaOracle.decode(actual.get(i)) + " | ours " + LuaOracle.decode(expected.get(i)));
            }
        }
        assertEquals(List.of(), failures.size() > 20 ? failures.subList(0, 20) : failures,
            failures.size() + " mismatches");
    }
}
