package io.moonkey.lua.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** string.format compared with lua5.1 byte for byte: hand-picked items and random specs. */
class FormatDifferentialTest {

    record Case(String format, List<Object> args) {
        @Override
        public String toString() {
            return format + " " + args;
        }
    }

    static void check(List<Case> cases) throws Exception {
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (Case c : cases) {
            script.append("emit(pcall(string.format, ").append(LuaOracle.luaString(c.format()));
            for (Object a : c.args()) {
                script.append(", ").append(TestArgs.luaArg(a));
            }
            script.append("))\n");
            expected.add(TestArgs.run(c.format(), c.args().toArray()));
        }
        NumberDifferentialTest.compare(script, expected, cases);
    }

    static Case c(String format, Object... args) {
        return new Case(format, List.of(args));
    }

    @Test
    void handPicked() throws Exception {
        List<Case> cases = new ArrayList<>(List.of(
            c("%d", 3.0), c("%d", -3.7), c("%5d|%-5d|%05d", 42.0, 42.0, -42.0), c("%+d % d", 5.0, 5.0),
            c("%.0d|%.3d|%8.3d|%-8.3d|%08.3d", 0.0, 7.0, -7.0, 7.0, 7.0), c("%x %X %o %u", 255.0, 255.0, 8.0, 3.0),
            c("%#x %#X %#o %#o %#x", 255.0, 255.0, 8.0, 0.0, 0.0), c("%#.0o", 0.0), c("%+x % x %+u", 5.0, 5.0, 5.0),
            c("%c%c%c", 76.0, 117.0, 97.0), c("%c", 0.0), c("%5c|", 0.0), c("%-5c|", 65.0), c("%c", 300.0), c("%c", -1.0),
            c("%e", 0.0), c("%e", -0.0), c("%E", 12345.678), c("%.0e", 2.5), c("%#.0e", 2.5), c("%.3e", 9.9995),
            c("%f", 0.0), c("%.0f", 0.5), c("%.0f", 1.5), c("%.0f", 2.5), c("%.2f", 2.675), c("%#.0f", 3.0),
            c("%.99f", 0.1), c("%.99e", 0.1), c("%.99g", 0.1), c("%99.99f", -1e-300), c("%f", 1e308),
            c("%g", 100000.0), c("%g", 1000000.0), c("%g", 1e-4), c("%g", 1e-5), c("%G", 1e-5), c("%#g", 1.0),
            c("%#g", 0.0), c("%g", 0.0), c("%.0g", 0.0), c("%#.0g", 0.0), c("%.1g", 0.95), c("%g", 0.00001234),
            c("%.3g", 1234567.0), c("%#.3g", 100.0), c("%-+12.4g|", 3.14159), c("%012.4e", -3.14159),
            c("% 012.4f", 3.14159), c("%010f", Double.NaN), c("%-10f|", Double.POSITIVE_INFINITY),
            c("%+f %F", Double.NEGATIVE_INFINITY, 1.0), c("%E %G", Double.NaN, -Double.NaN), c("%+e", -Double.NaN),
            c("%5.1s|%s|%5s|%-5s|", "abc", "a\0b", "a\0b", "ab"), c("%.0s|%.99s", "abc", "abc"), c("%s", 12.5),
            c("%s", "x".repeat(100)), c("%5s", "a\0".repeat(60)), c("%.1s", "a".repeat(120)),
            c("%q", "a\0b\r\n\"\\\u0001\u00ff"), c("%10q", "x"), c("%q", 1.0 / 3), c("%%|%5%|%-%"),
            c("abc%"), c("abc%", 1.0), c("%y", 1.0), c("%------d", 1.0), c("%-----d", 1.0), c("%123d", 1.0),
            c("%1.123d", 1.0), c("%.123d", 1.0), c("%d"), c("%d %d", 1.0), c("%d", "x"), c("%d", "0x10"),
            c("%d", " 12 "), c("%ld", 1.0), c("%hd", 1.0), c("%n", 1.0), c("%p", 1.0), c("%a", 1.0),
            c("a%\0b", 1.0), c("%\0", 1.0), c("%\u00e9", 1.0), c("%-\u0001", 1.0), c("%5", 1.0), c("no items"), c(""), c("%i", 2.9),
            c("%x", -1.0), c("%x", 0x1p63), c("%x", 0x1p64), c("%u", -0x1p63), c("%d", 0x1p63), c("%d", Double.NaN),
            c("%x", Double.NaN), c("%x", Double.POSITIVE_INFINITY), c("%o", Double.NEGATIVE_INFINITY), c("%x", 1e19),
            c("%u", 1.8446744073709552e19), c("%.14g", 12345678901234.5), c("%.17g", 0.1), c("%.20g", 1e23),
            c("%.3f", 1e-320), c("%e", Double.MIN_VALUE), c("%g", Double.MAX_VALUE), c("%.16e", 5e-324),
            c("%5.3d", -1.0), c("%-+5d|", 0.0), c("% d", -0.0), c("%+.0f", -0.4), c("%.1f", 0.05), c("%.1f", 0.25),
            c("%.1f", 0.35), c("%.2e", 1.125), c("%.2e", 1.135),
            c("%05s|%05c|%-05s|%+s|% s|%#s|%010q|%.3q", "ab", 65.0, "ab", "x", "x", "x", "q", "abcdef"),
            c("%s %s", 1e15, -0.0), c("%d", "1e2"), c("%x", " 0x10 "), c("%5.2s|", 1.5), c("%c", "65"),
            c("%.3d", -0.0), c("%+.0e", 0.0), c("%#x", -0.5), c("%o", 0x1p62), c("%.0f", 1e22), c("%.0f", 1e23),
            c("%#.2g|%#.3g|%#.1g|%#g|%#.5g|%#.2G", 99.5, 999.5, 9.5, 999999.5, 99999.5, 99.96),
            c("%#.2g|%#.3g|%#.2g|%#.2g|%#.3g", 9.9995, 99.96, 0.000099995, 0.99995, 9.9995),
            c("%077.5f|%-24.5f|%.3f|%.10f", 0x1p63, 1e16, 0x1p62, 9.2e8), c("%f", 0x1p-1074), c("%.60f", 0x1p-60), c("%.99g", Double.MAX_VALUE), c("%99.99e", -Double.MIN_NORMAL)));
        check(cases);
    }

    @Provide
    Arbitrary<Case> randomSpec() {
        Arbitrary<String> flags = Arbitraries.of("", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "+#", "-+ #0");
        Arbitrary<String> width = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 99).map(String::valueOf));
        Arbitrary<String> precision = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
            Arbitraries.integers().between(0, 99).map(p -> "." + p), Arbitraries.integers().between(0, 20).map(p -> "." + p));
        Arbitrary<Character> conv = Arbitraries.of('d', 'i', 'u', 'c', 'x', 'X', 'o', 'e', 'E', 'f', 'g', 'G', 'e', 'f', 'g', 'g');
        Arbitrary<Double> value = Arbitraries.oneOf(
            Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d)),
            Arbitraries.doubles().between(-1e6, 1e6).ofScale(4),
            Arbitraries.integers().between(-1000, 1000).map(i -> (double) i),
            Arbitraries.of(0.0, -0.0, 0.5, 2.5, 1e15, 1e16, 1e-5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, 0x1p63, 0x1p64, -0x1p63, 255.0, 9.5, 99.5, 0.125),
            Arbitraries.doubles().between(-1, 1).map(d -> d * Math.pow(10, (int) (d * 1000) % 300)),
            Combinators.combine(Arbitraries.integers().between(-8, 22), Arbitraries.of(0.5, 5e-3, 5e-6, 4e-6, 1e-9))
                .as((k, eps) -> Math.pow(10, k) * (1 - eps)));
        return Combinators.combine(flags, width, precision, conv, value)
            .as((f, w, p, cv, v) -> c("%" + f + w + p + cv, cv == 'c' ? (double) Math.floorMod(v.longValue(), 256) : v));
    }

    @Provide
    Arbitrary<Case> randomStringSpec() {
        Arbitrary<String> flags = Arbitraries.of("", "-", "0", "+", " ", "#", "-0");
        Arbitrary<String> width = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 99).map(String::valueOf));
        Arbitrary<String> precision = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
            Arbitraries.integers().between(0, 99).map(p -> "." + p));
        Arbitrary<Character> conv = Arbitraries.of('s', 's', 'q', 'c');
        Arbitrary<String> text = Arbitraries.oneOf(
            Arbitraries.strings().withChars("ab\0\n\r\"\\ \u00ff\u0001").ofMaxLength(12),
            Arbitraries.strings().withChars("xy\0").ofMinLength(95).ofMaxLength(130));
        Arbitrary<Object> arg = Arbitraries.oneOf(text.map(t -> (Object) t),
            Arbitraries.integers().between(0, 300).map(i -> (Object) (double) i),
            Arbitraries.doubles().between(-1e20, 1e20).map(d -> (Object) d));
        return Combinators.combine(flags, width, precision, conv, arg).as((f, w, p, cv, a) -> c("<%" + f + w + p + cv + ">", a));
    }

    @net.jqwik.api.lifecycle.AddLifecycleHook(LuaOracle.SkipWithoutLua.class)
    @Property(tries = 2, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void randomStringSpecs(@ForAll @Size(200) List<@net.jqwik.api.From("randomStringSpec") Case> cases) throws Exception {
        check(cases);
    }

    @net.jqwik.api.lifecycle.AddLifecycleHook(LuaOracle.SkipWithoutLua.class)
    @Property(tries = 3, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void randomSpecs(@ForAll @Size(300) List<@net.jqwik.api.From("randomSpec") Case> cases) throws Exception {
        check(cases);
    }

    @Test
    void seededRandomDoubles() throws Exception {
        List<Case> cases = new ArrayList<>();
        Random r = new Random(7);
        for (double d : NumberDifferentialTest.interestingDoubles(150, 99)) {
            int p = r.nextInt(100);
            cases.add(c("%." + p + "e|%." + p + "f|%." + p + "g|%#." + p + "g", d, d, d, d));
        }
        check(cases);
    }
}
