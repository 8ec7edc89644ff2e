package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShortestDoubleTest {
    static String s(double v) {
        ByteBuilder b = new ByteBuilder();
        ShortestDouble.append(b, v);
        return b.toString();
    }

    static String arg(double v) {
        ByteBuilder b = new ByteBuilder();
        ShortestDouble.appendCallArgument(b, v);
        return b.toString();
    }

    @Test
    void layoutOfSpecExamples() {
        assertEquals("0.1", s(0.1));
        assertEquals("3.14", s(3.14));
        assertEquals("0.0001", s(0.0001));
        assertEquals("0.0123456789", s(0.0123456789));
        assertEquals("1e+300", s(1e300));
        assertEquals("1.5e-7", s(1.5e-7));
        assertEquals("1e+20", s(1e20));
        assertEquals("1e+17", s(1e17));
        assertEquals("10000000", s(1e7));
        assertEquals("1e+8", s(1e8));
        assertEquals("1.23e+12", s(1.23e12));
        assertEquals("123000000", s(1.23e8));
        assertEquals("-2.5", s(-2.5));
        assertEquals("5e-324", s(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", s(Double.MAX_VALUE));
        assertEquals("0.30000000000000004", s(0.1 + 0.2));
        assertEquals("-nan", s(Double.longBitsToDouble(0xFFF8_0000_0000_0000L)));
        assertEquals("inf", s(Double.POSITIVE_INFINITY));
        assertEquals("0", arg(-0.0));
        assertEquals("4611686018427387904", arg(0x1p62));
        assertEquals("9223372036854776000", arg(0x1p63));
        assertEquals("1.5", arg(1.5));
    }

    /** JDK 19+ Double.toString produces the shortest (then closest) digits; ours must agree on digits. */
    @Test
    void digitsAgreeWithJdkShortest() {
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            double v = Math.abs(Double.longBitsToDouble(r.nextLong()));
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
                continue;
            }
            String jdk = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().unscaledValue().toString();
            String ours = s(v).replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
            assertEquals(jdk.replaceAll("0+$", ""), ours, () -> "value " + v);
        }
    }
}
