package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void tostringForms() {
        assertEquals("3.1415926535898", NumberText.toString(Math.PI));
        assertEquals("1e+15", NumberText.toString(1e15));
        assertEquals("1e+14", NumberText.toString(1e14));
        assertEquals("99999999999999", NumberText.toString(99999999999999.0));
        assertEquals("9.007199254741e+15", NumberText.toString(0x1p53));
        assertEquals("0.1", NumberText.toString(0.1));
        assertEquals("-0", NumberText.toString(-0.0));
        assertEquals("0", NumberText.toString(0.0));
        assertEquals("inf", NumberText.toString(Double.POSITIVE_INFINITY));
        assertEquals("-inf", NumberText.toString(Double.NEGATIVE_INFINITY));
        assertEquals("-nan", NumberText.toString(Double.longBitsToDouble(0xFFF8_0000_0000_0000L)));
        assertEquals("nan", NumberText.toString(Double.longBitsToDouble(0x7FF8_0000_0000_0000L)));
        assertEquals("1e-05", NumberText.toString(1e-5));
        assertEquals("0.0001", NumberText.toString(1e-4));
        assertEquals("12345678901234", NumberText.toString(12345678901234.5)); // half to even
        assertEquals("4.9406564584125e-324", NumberText.toString(Double.MIN_VALUE));
        assertEquals("1.7976931348623e+308", NumberText.toString(Double.MAX_VALUE));
        assertEquals("-123", NumberText.toString(-123.0));
    }

    @Test
    void writeAndAppendAgree() {
        byte[] dst = new byte[40];
        for (double d : new double[] {0.0, -0.0, 1.5, -1e-300, 1e100, 42.0, Double.NaN}) {
            int n = NumberText.write(d, dst, 3);
            ByteBuilder b = new ByteBuilder();
            NumberText.append(b, d);
            assertEquals(b.toString(), new String(dst, 3, n, StandardCharsets.US_ASCII));
            assertArrayEquals(b.toByteArray(), NumberText.toBytes(d));
        }
    }

    static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return NumberParser.str2dBits(b, 0, b.length);
    }

    @Test
    void str2dSignalsFailureWithSentinel() {
        assertEquals(NumberParser.FAILED, parse("3x"));
        assertEquals(NumberParser.FAILED, parse(""));
        assertEquals(NumberParser.FAILED, parse("0x"));
        assertEquals(Double.doubleToRawLongBits(16.0), parse("0x10"));
        assertEquals(Double.doubleToRawLongBits(16.0), parse(" 0x1p4 "));
        assertEquals(0xFFF8_0000_0000_0000L, parse("-nan"));
        assertEquals(0x7FF8_0000_0000_0000L, parse("NaN(x_1)"));
        assertEquals(Double.doubleToRawLongBits(-0.0), parse("-0"));
        assertEquals(Double.doubleToRawLongBits(Double.POSITIVE_INFINITY), parse("1e500"));
        assertEquals(Double.doubleToRawLongBits(1.0), parse("1\0garbage"));
        assertNull(NumberParser.str2d("1e"));
        assertEquals(0.5, NumberParser.str2d(".5"));
        assertEquals(Double.MIN_VALUE, NumberParser.str2d("4.9e-324"));
    }

    @Test
    void str2dOnALexerRange() {
        byte[] src = "x = 0x1F + 3e2;".getBytes(StandardCharsets.US_ASCII);
        assertEquals(31.0, Double.longBitsToDouble(NumberParser.str2dBits(src, 4, 4)));
        assertEquals(300.0, Double.longBitsToDouble(NumberParser.str2dBits(src, 11, 3)));
        assertEquals(NumberParser.FAILED, NumberParser.str2dBits(src, 11, 4));
    }

    /** Expectations checked with lua5.1: loadstring("return " .. text). */
    @Test
    void lexerNumerals() {
        String[][] cases = {
            {"3", "3"}, {"3x", "malformed 3x"}, {"0x10", "16"}, {"1e+5", "100000"}, {"1e+", "malformed 1e+"},
            {"1.2.3", "malformed 1.2.3"}, {"0xe+1", "14 then +1"}, {".5", "0.5"}, {"5..", "malformed 5.."},
            {"1e5e5", "malformed 1e5e5"}, {"0x1p4", "16"}, {"0x1.8p1", "1 then .8p1"}, {"08", "8"},
            {"1_000", "malformed 1_000"}, {"0x", "malformed 0x"}, {"1E+5a", "malformed 1E+5a"}, {"0X1F", "31"},
        };
        for (String[] c : cases) {
            byte[] src = c[0].getBytes(StandardCharsets.US_ASCII);
            int end = NumberParser.numeralEnd(src, 0, src.length);
            long bits = NumberParser.str2dBits(src, 0, end);
            String text = new String(src, 0, end, StandardCharsets.US_ASCII);
            String got = bits == NumberParser.FAILED ? "malformed " + text : NumberText.toString(Double.longBitsToDouble(bits));
            if (end < src.length) {
                got += " then " + c[0].substring(end);
            }
            assertEquals(c[1], got, c[0]);
        }
    }

    @Test
    void decimalParsingIsCorrectlyRounded() {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String text = Double.toString(d).replace("E", "e");
            assertEquals(Double.doubleToRawLongBits(d), parse(text), text);
            String seventeen = TestArgs.run("%.17g", d).substring(3);
            byte[] sb = java.util.HexFormat.of().parseHex(seventeen);
            assertEquals(Double.doubleToRawLongBits(d), NumberParser.str2dBits(sb, 0, sb.length));
            String hex = Double.toHexString(d);
            assertEquals(Double.doubleToRawLongBits(d), parse(hex), hex);
        }
    }

    @Test
    void toNumberWithBase() {
        byte[] b = "  -ff  ".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1.8446744073709552e19, Double.longBitsToDouble(NumberParser.toNumberBits(b, 0, b.length, 16)));
        byte[] z = "zz".getBytes(StandardCharsets.US_ASCII);
        assertEquals(35 * 36 + 35.0, Double.longBitsToDouble(NumberParser.toNumberBits(z, 0, 2, 36)));
        assertEquals(NumberParser.FAILED, NumberParser.toNumberBits(z, 0, 2, 35));
        assertTrue(NumberParser.unsignedToDouble(-1L) == 0x1p64);
        assertEquals(0x1p63, NumberParser.unsignedToDouble(Long.MIN_VALUE));
    }
}
