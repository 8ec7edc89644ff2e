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
        // 1e23 is a tie between two doubles: Grisu2 excludes the interval's ends, the JDK does not
        assertEquals("99999999999999990000000", s(1e23));
        ByteBuilder shortest = new ByteBuilder();
        ShortestDouble.appendShortest(shortest, 1e23);
        assertEquals("1e+23", shortest.toString());
        assertEquals("-nan", s(Double.longBitsToDouble(0xFFF8_0000_0000_0000L)));
        assertEquals("inf", s(Double.POSITIVE_INFINITY));
        assertEquals("0", arg(-0.0));
        assertEquals("4611686018427387904", arg(0x1p62));
        assertEquals("9223372036854776000", arg(0x1p63));
        assertEquals("1.5", arg(1.5));
    }

    /** Entries of fpconv's cached-power table (fpconv_powers.h) that our generated table must equal. */
    @Test
    void cachedPowersMatchFpconvTable() {
        assertEquals(Long.parseUnsignedLong("18054884314459144840"), Grisu2.cachedPowerFrac(-348));
        assertEquals(-1220, Grisu2.cachedPowerExp(-348));
        assertEquals(Long.parseUnsignedLong("11258999068426240000"), Grisu2.cachedPowerFrac(4));
        assertEquals(-50, Grisu2.cachedPowerExp(4));
        assertEquals(Long.parseUnsignedLong("9313225746154785156"), Grisu2.cachedPowerFrac(28));
        assertEquals(30, Grisu2.cachedPowerExp(28));
        assertEquals(Long.parseUnsignedLong("10022474136428063862"), Grisu2.cachedPowerFrac(-332));
        assertEquals(Long.parseUnsignedLong("13349918974505688015"), Grisu2.cachedPowerFrac(-76));
        assertEquals(-316, Grisu2.cachedPowerExp(-76));
        assertEquals(Long.parseUnsignedLong("9946464728195732843"), Grisu2.cachedPowerFrac(-68));
        assertEquals(Long.parseUnsignedLong("17440603504673385349"), Grisu2.cachedPowerFrac(124));
        assertEquals(Long.parseUnsignedLong("16975966327722178521"), Grisu2.cachedPowerFrac(332));
        assertEquals(Long.parseUnsignedLong("12648080533535911531"), Grisu2.cachedPowerFrac(340));
        assertEquals(1066, Grisu2.cachedPowerExp(340));
    }

    /** Grisu2 output always reads back as the same double, and is nearly always the shortest. */
    @Test
    void grisuRoundTripsAndIsUsuallyShortest() {
        Random r = new Random(5);
        int differ = 0;
        int total = 0;
        for (int i = 0; i < 5_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong()) : r.nextInt(1_000_000) / 1000.0 + r.nextDouble() / 1e6;
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            total++;
            String g = s(v);
            assertEquals(v, NumberParser.str2d(g), g);
            ByteBuilder b = new ByteBuilder();
            ShortestDouble.appendShortest(b, v);
            if (!b.toString().equals(g)) {
                differ++;
            }
        }
        assertEquals(true, differ * 100 < total, differ + " of " + total + " differ from the shortest");
    }

    /** JDK 19+ Double.toString produces the shortest (then closest) digits; appendShortest must agree. */
    @Test
    void digitsAgreeWithJdkShortest() {
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            double v = Math.abs(Double.longBitsToDouble(r.nextLong()));
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
                continue;
            }
            String jdk = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().unscaledValue().toString();
            ByteBuilder sb = new ByteBuilder();
            ShortestDouble.appendShortest(sb, v);
            String ours = sb.toString().replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
            assertEquals(jdk.replaceAll("0+$", ""), ours, () -> "value " + v);
        }
    }
}
