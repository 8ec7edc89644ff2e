package io.moonkey.lua.text;

/**
 * The exact decimal expansion of a finite non-negative double, and rounding of it to a number
 * of significant or fractional digits, round-half-even on the exact value (what glibc's printf
 * does in the default rounding mode).
 *
 * <p>Every double is {@code m * 2^e} with integer {@code m}; for {@code e < 0} that equals
 * {@code m * 5^-e * 10^e}, so the digits are those of an integer, computed here with a small
 * base-10^9 big number (at most 767 digits, for subnormals). Instances are mutable scratch
 * space, reused per thread via {@link #scratch()}.
 *
 * <p>After {@link #set}, the value is {@code 0.d[0]d[1]...d[count-1] * 10^point} with
 * {@code d[0] != 0} and no trailing zero digits; zero has {@code count == 0}.
 */
final class DecimalExpansion {
    private static final ThreadLocal<DecimalExpansion> SCRATCH = ThreadLocal.withInitial(DecimalExpansion::new);
    private static final int BASE = 1_000_000_000;
    private static final long FIVE_POW_13 = 1_220_703_125L;

    /** Digit values 0..9 (not ASCII). */
    final byte[] digits = new byte[800];
    int count;
    int point;

    private final int[] limbs = new int[96];
    private int limbCount;

    static DecimalExpansion scratch() {
        return SCRATCH.get();
    }

    /** Sets this expansion to the exact value of {@code v}, which must be finite; the sign is ignored. */
    void set(double v) {
        long bits = Double.doubleToRawLongBits(v) & 0x7FFF_FFFF_FFFF_FFFFL;
        int expField = (int) (bits >>> 52);
        long m = bits & 0x000F_FFFF_FFFF_FFFFL;
        int e;
        if (expField == 0) {
            e = -1074;
        } else {
            m |= 1L << 52;
            e = expField - 1075;
        }
        if (m == 0) {
            count = 0;
            point = 0;
            return;
        }
        int tz = Long.numberOfTrailingZeros(m);
        m >>>= tz;
        e += tz;
        if (e >= 0 && e < Long.numberOfLeadingZeros(m)) {
            setLong(m << e);
            return;
        }
        limbCount = 0;
        while (m != 0) {
            limbs[limbCount++] = (int) (m % BASE);
            m /= BASE;
        }
        int exp10 = 0;
        if (e > 0) {
            int k = e;
            while (k > 0) {
                int s = Math.min(k, 32);
                multiply(1L << s);
                k -= s;
            }
        } else {
            int k = -e;
            while (k >= 13) {
                multiply(FIVE_POW_13);
                k -= 13;
            }
            long f = 1;
            for (int i = 0; i < k; i++) {
                f *= 5;
            }
            if (f > 1) {
                multiply(f);
            }
            exp10 = e;
        }
        extractDigits();
        point = count + exp10;
        trimZeros();
    }

    private void multiply(long factor) {
        long carry = 0;
        for (int i = 0; i < limbCount; i++) {
            long p = limbs[i] * factor + carry;
            limbs[i] = (int) (p % BASE);
            carry = p / BASE;
        }
        while (carry != 0) {
            limbs[limbCount++] = (int) (carry % BASE);
            carry /= BASE;
        }
    }

    private void extractDigits() {
        int n = 0;
        int top = limbs[limbCount - 1];
        int topDigits = 1;
        for (int t = top; t >= 10; t /= 10) {
            topDigits++;
        }
        for (int i = topDigits - 1; i >= 0; i--) {
            digits[n + i] = (byte) (top % 10);
            top /= 10;
        }
        n += topDigits;
        for (int l = limbCount - 2; l >= 0; l--) {
            int x = limbs[l];
            for (int i = 8; i >= 0; i--) {
                digits[n + i] = (byte) (x % 10);
                x /= 10;
            }
            n += 9;
        }
        count = n;
    }

    /** Sets this expansion to a positive integer. */
    void setLong(long x) {
        int n = 0;
        long t = x;
        do {
            n++;
            t /= 10;
        } while (t != 0);
        for (int i = n - 1; i >= 0; i--) {
            digits[i] = (byte) (x % 10);
            x /= 10;
        }
        count = n;
        point = n;
        trimZeros();
    }

    private void trimZeros() {
        while (count > 0 && digits[count - 1] == 0) {
            count--;
        }
    }

    /** The digit value of 10^(point-1-i), zero outside the stored digits. */
    int digitAt(int i) {
        return i >= 0 && i < count ? digits[i] : 0;
    }

    /** Rounds to {@code n >= 1} significant digits. */
    void roundSignificant(int n) {
        roundAt(n);
    }

    /** Rounds to {@code f >= 0} digits after the decimal point. */
    void roundFraction(int f) {
        if (count > 0) {
            roundAt(point + f);
        }
    }

    /** Keeps the digits {@code [0, keep)}, rounding half-even on everything after them. */
    private void roundAt(int keep) {
        if (keep >= count) {
            return;
        }
        if (keep < 0) {
            count = 0;
            return;
        }
        int r = digits[keep];
        boolean up;
        if (r != 5) {
            up = r > 5;
        } else if (count > keep + 1) {
            up = true; // above the half: trailing digits are non-zero after trimming
        } else {
            up = keep > 0 && (digits[keep - 1] & 1) == 1; // exact tie: to even
        }
        count = keep;
        if (up) {
            int i = keep - 1;
            while (i >= 0 && digits[i] == 9) {
                i--;
            }
            if (i < 0) {
                digits[0] = 1;
                count = 1;
                point++;
            } else {
                digits[i]++;
                count = i + 1;
            }
        }
        trimZeros();
    }

    /** Writes the decimal form of {@code v} at {@code dst[at]}; returns the end index. */
    static int writeLong(long v, byte[] dst, int at) {
        if (v < 0) {
            dst[at++] = '-';
            if (v == Long.MIN_VALUE) {
                byte[] min = {'9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '8'};
                System.arraycopy(min, 0, dst, at, min.length);
                return at + min.length;
            }
            v = -v;
        }
        int n = 0;
        long t = v;
        do {
            n++;
            t /= 10;
        } while (t != 0);
        for (int i = at + n - 1; i >= at; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + n;
    }
}
