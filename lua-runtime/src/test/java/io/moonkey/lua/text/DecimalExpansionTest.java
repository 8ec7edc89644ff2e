package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 128-bit fast path must agree with the exact big-number expansion (which lua5.1 checks). */
class DecimalExpansionTest {

    static String slow(double v, int sig) {
        DecimalExpansion d = new DecimalExpansion();
        d.set(v);
        d.roundSignificant(sig);
        return Arrays.toString(Arrays.copyOf(d.digits, d.count)) + "e" + d.point;
    }

    static String fast(double v, int sig) {
        DecimalExpansion d = new DecimalExpansion();
        if (!d.setRounded(v, sig)) {
            return slow(v, sig);
        }
        return Arrays.toString(Arrays.copyOf(d.digits, d.count)) + "e" + d.point;
    }

    static String slowFraction(double v, int f) {
        DecimalExpansion d = new DecimalExpansion();
        d.set(v);
        d.roundFraction(f);
        return d.count == 0 ? "zero" : Arrays.toString(Arrays.copyOf(d.digits, d.count)) + "e" + d.point;
    }

    static String fastFraction(double v, int f) {
        DecimalExpansion d = new DecimalExpansion();
        if (!d.setRoundedFraction(v, f)) {
            return slowFraction(v, f);
        }
        return d.count == 0 ? "zero" : Arrays.toString(Arrays.copyOf(d.digits, d.count)) + "e" + d.point;
    }

    @Test
    void fractionFastPathAgreesWithExactExpansion() {
        Random r = new Random(12);
        for (int i = 0; i < 30_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(30) - 15);
                case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(25));
                case 1 -> (r.nextInt(2_000_000) + 1) / Math.pow(10, r.nextInt(10));
                default -> (r.nextInt(4000) + 0.5) / 8;
            };
            int f = r.nextInt(30);
            assertEquals(slowFraction(v, f), fastFraction(v, f), () -> v + " f " + f);
        }
    }

    @Test
    void fastPathAgreesWithExactExpansion() {
        Random r = new Random(11);
        int fastHits = 0;
        for (int i = 0; i < 30_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
                case 1 -> (r.nextInt(2_000_000) + 1) / Math.pow(10, r.nextInt(16));
                case 2 -> Math.abs(Double.longBitsToDouble(r.nextLong()));
                default -> Math.nextUp(Math.pow(10, r.nextInt(30) - 15)) * (r.nextBoolean() ? 1 : 0.5);
            };
            if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
                continue;
            }
            int sig = 1 + r.nextInt(17);
            assertEquals(slow(v, sig), fast(v, sig), () -> v + " sig " + sig);
            if (new DecimalExpansion().setRounded(v, sig)) {
                fastHits++;
            }
        }
        // exact ties and carries
        for (double v : new double[] {0.5, 2.5, 12345678901234.5, 9.5, 99999999999999.5, 0.125, 1e-14, 9.999999999999999e13}) {
            for (int sig = 1; sig <= 17; sig++) {
                assertEquals(slow(v, sig), fast(v, sig), v + " sig " + sig);
            }
        }
        assertEquals(true, fastHits > 7_000, "fast path used " + fastHits + " times");
    }
}
