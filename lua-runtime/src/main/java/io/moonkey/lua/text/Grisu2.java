package io.moonkey.lua.text;

import java.math.BigInteger;

/**
 * Digit generation of Florian Loitsch's Grisu2 ("Printing Floating-Point Numbers Quickly and
 * Accurately with Integers", PLDI 2010) in the variant Valkey's {@code fpconv_dtoa} uses, so that
 * {@link ShortestDouble} reproduces its digits exactly, including the rare cases where Grisu2 is
 * not the shortest or closest: 64-bit "diy-fp" arithmetic with a product rounded up at bit 31,
 * cached powers 10^k for k = -348, -340, ..., 340 chosen so the scaled exponent lands in
 * [-60, -32], a boundary interval narrowed by one unit at each end, and the last digit weeded
 * towards the value. All arithmetic is unsigned 64-bit with wrap-around, as in C.
 */
final class Grisu2 {
    private static final int FIRST_POWER = -348;
    private static final int STEP = 8;
    private static final int COUNT = 87;
    private static final long HIDDEN = 1L << 52;
    private static final long[] POW_FRAC = new long[COUNT];
    private static final int[] POW_EXP = new int[COUNT];
    private static final long[] TENS = new long[20]; // TENS[i] = 10^(19-i)

    static {
        for (int i = 0; i < COUNT; i++) {
            setCachedPower(i, FIRST_POWER + i * STEP);
        }
        long t = 1;
        for (int i = 19; i >= 0; i--) {
            TENS[i] = t;
            t *= 10;
        }
    }

    /** 10^k as a 64-bit significand with its top bit set, rounded to nearest, and a binary exponent. */
    private static void setCachedPower(int i, int k) {
        BigInteger num = k >= 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
        BigInteger den = k >= 0 ? BigInteger.ONE : BigInteger.TEN.pow(-k);
        // find e with 2^63 <= 10^k / 2^e < 2^64
        int e = num.bitLength() - den.bitLength() - 64;
        while (true) {
            BigInteger n = e >= 0 ? num : num.shiftLeft(-e);
            BigInteger d = e >= 0 ? den.shiftLeft(e) : den;
            BigInteger[] qr = n.divideAndRemainder(d);
            if (qr[0].bitLength() > 64) {
                e++;
                continue;
            }
            if (qr[0].bitLength() < 64) {
                e--;
                continue;
            }
            BigInteger q = qr[0];
            if (qr[1].shiftLeft(1).compareTo(d) >= 0) {
                q = q.add(BigInteger.ONE);
            }
            POW_FRAC[i] = q.longValue();
            POW_EXP[i] = e;
            return;
        }
    }

    static long cachedPowerFrac(int k) {
        return POW_FRAC[(k - FIRST_POWER) / STEP];
    }

    static int cachedPowerExp(int k) {
        return POW_EXP[(k - FIRST_POWER) / STEP];
    }

    private Grisu2() {
    }

    // a diy-fp result: significand and exponent of the last multiply
    private static long mulFrac(long a, long b) {
        long lo = 0xFFFF_FFFFL;
        long ahBl = (a >>> 32) * (b & lo);
        long alBh = (a & lo) * (b >>> 32);
        long alBl = (a & lo) * (b & lo);
        long ahBh = (a >>> 32) * (b >>> 32);
        long tmp = (ahBl & lo) + (alBh & lo) + (alBl >>> 32);
        tmp += 1L << 31; // round up
        return ahBh + (ahBl >>> 32) + (alBh >>> 32) + (tmp >>> 32);
    }

    /**
     * Generates the digits of positive finite non-zero {@code v} as ASCII into {@code digits}
     * (at least 18 bytes). Returns {@code ndigits | (long) K << 32}: the value is about
     * {@code digits * 10^K}. The digits may end in a zero (kept, as fpconv prints them).
     */
    static long generate(double v, byte[] digits) {
        long bits = Double.doubleToRawLongBits(v);
        long frac = bits & (HIDDEN - 1);
        int expField = (int) ((bits >>> 52) & 0x7FF);
        int exp;
        if (expField != 0) {
            frac += HIDDEN;
            exp = expField - 1075;
        } else {
            exp = -1074;
        }
        // boundaries m+ and m- with the same exponent
        long upperFrac = (frac << 1) + 1;
        int upperExp = exp - 1;
        while ((upperFrac & (HIDDEN << 1)) == 0) {
            upperFrac <<= 1;
            upperExp--;
        }
        upperFrac <<= 10;
        upperExp -= 10;
        int lShift = frac == HIDDEN ? 2 : 1;
        long lowerFrac = (frac << lShift) - 1;
        int lowerExp = exp - lShift;
        lowerFrac <<= lowerExp - upperExp;
        // normalise w
        long wFrac = frac;
        int wExp = exp;
        while ((wFrac & HIDDEN) == 0) {
            wFrac <<= 1;
            wExp--;
        }
        wFrac <<= 11;
        wExp -= 11;
        // cached power
        int approx = (int) (-(upperExp + COUNT) * 0.30102999566398114);
        int idx = (approx - FIRST_POWER) / STEP;
        while (true) {
            int current = upperExp + POW_EXP[idx] + 64;
            if (current < -60) {
                idx++;
            } else if (current > -32) {
                idx--;
            } else {
                break;
            }
        }
        int k = FIRST_POWER + idx * STEP;
        long cp = POW_FRAC[idx];
        int cpExp = POW_EXP[idx];
        wFrac = mulFrac(wFrac, cp);
        upperFrac = mulFrac(upperFrac, cp);
        upperExp = upperExp + cpExp + 64;
        lowerFrac = mulFrac(lowerFrac, cp);
        lowerFrac++;
        upperFrac--;
        int bigK = -k;
        // digit generation
        long wDist = upperFrac - wFrac;
        long delta = upperFrac - lowerFrac;
        int shift = -upperExp;
        long one = 1L << shift;
        long part1 = upperFrac >>> shift;
        long part2 = upperFrac & (one - 1);
        int n = 0;
        int kappa = 10;
        for (int t = 10; kappa > 0; t++) {
            long div = TENS[t];
            long digit = Long.divideUnsigned(part1, div);
            if (digit != 0 || n != 0) {
                digits[n++] = (byte) ('0' + digit);
            }
            part1 -= digit * div;
            kappa--;
            long rest = (part1 << shift) + part2;
            if (Long.compareUnsigned(rest, delta) <= 0) {
                bigK += kappa;
                weed(digits, n, delta, rest, div << shift, wDist);
                return n | (long) bigK << 32;
            }
        }
        int unit = 18;
        while (true) {
            part2 *= 10;
            delta *= 10;
            kappa--;
            long digit = part2 >>> shift;
            if (digit != 0 || n != 0) {
                digits[n++] = (byte) ('0' + digit);
            }
            part2 &= one - 1;
            if (Long.compareUnsigned(part2, delta) < 0) {
                bigK += kappa;
                weed(digits, n, delta, part2, one, wDist * TENS[unit]);
                return n | (long) bigK << 32;
            }
            unit--;
        }
    }

    /** Moves the last digit down while that brings the digits closer to the value and stays in range. */
    private static void weed(byte[] digits, int n, long delta, long rem, long kappa, long frac) {
        while (Long.compareUnsigned(rem, frac) < 0 && Long.compareUnsigned(delta - rem, kappa) >= 0
                && (Long.compareUnsigned(rem + kappa, frac) < 0
                    || Long.compareUnsigned(frac - rem, rem + kappa - frac) > 0)) {
            if (n > 0) {
                digits[n - 1]--;
            }
            rem += kappa;
        }
    }
}
