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
    /** Set by the last rounding when it carried into a new leading digit (999.5 to 1000). */
    boolean carried;

    private final int[] limbs = new int[96];
    private int limbCount;

    static DecimalExpansion scratch() {
        return SCRATCH.get();
    }

    /** Sets this expansion to the exact value of {@code v}, which must be finite; the sign is ignored. */
    void set(double v) {
        carried = false;
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

    private static final long[] POW5 = new long[28];
    private static final long[] POW10 = new long[19];

    static {
        POW5[0] = 1;
        for (int i = 1; i < POW5.length; i++) {
            POW5[i] = POW5[i - 1] * 5;
        }
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    // results of scale(): floor(v * 10^k) and the remainder compared with one half (-1, 0, 1)
    private long scaledFloor;
    private int scaledCmpHalf;

    /**
     * Computes {@code v * 10^k} for {@code v = m * 2^e} exactly as {@code m * 5^k * 2^(e+k)} in
     * 128 bits ({@code 0 <= k <= 27} so {@code 5^k < 2^63}): its integer part (which must stay
     * below 2^63) and how the fraction compares with one half. Returns false if not applicable.
     */
    private boolean scale(long m, int e, int k) {
        if (k < 0 || k >= POW5.length) {
            return false;
        }
        long f = POW5[k];
        long hi = Math.multiplyHigh(m, f);
        long lo = m * f;
        int shift = -(e + k);
        if (shift <= 0) {
            int t = -shift;
            if (hi != 0 || lo < 0 || t > 62 || lo >= (1L << (63 - t))) {
                return false;
            }
            scaledFloor = lo << t;
            scaledCmpHalf = -1;
        } else if (shift < 64) {
            if ((hi >>> shift) != 0 || ((lo >>> shift) | (hi << (64 - shift))) < 0) {
                return false;
            }
            scaledFloor = (lo >>> shift) | (hi << (64 - shift));
            scaledCmpHalf = Long.compareUnsigned(lo & ((1L << shift) - 1), 1L << (shift - 1));
        } else if (shift == 64) {
            scaledFloor = hi;
            scaledCmpHalf = Long.compareUnsigned(lo, Long.MIN_VALUE);
        } else if (shift < 127) {
            int hs = shift - 64;
            scaledFloor = hi >>> hs;
            long remHi = hi & ((1L << hs) - 1);
            long halfHi = 1L << (hs - 1);
            scaledCmpHalf = remHi != halfHi ? Long.compare(remHi, halfHi) : (lo != 0 ? 1 : 0);
        } else {
            return false;
        }
        return true;
    }

    /** Round half-even of the last {@link #scale} result. */
    private long scaledRounded() {
        long n = scaledFloor;
        if (scaledCmpHalf > 0 || (scaledCmpHalf == 0 && (n & 1) == 1)) {
            n++;
        }
        return n;
    }

    /**
     * Sets this expansion to {@code v} (finite, sign ignored) already rounded half-even to
     * {@code sig <= 17} significant digits without a big number, when
     * {@code k = sig - 1 - floor(log10 v)} is in [0, 27] (see {@link #scale}). Returns false
     * (state unspecified) when that does not apply.
     */
    boolean setRounded(double v, int sig) {
        long bits = Double.doubleToRawLongBits(v) & 0x7FFF_FFFF_FFFF_FFFFL;
        int expField = (int) (bits >>> 52);
        if (expField == 0 || expField == 0x7FF || sig > 17 || sig < 1) {
            return false; // zero, subnormal, inf/nan
        }
        long m = (bits & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52);
        int e = expField - 1075;
        int x = (int) Math.floor(Math.log10(Double.longBitsToDouble(bits)));
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!scale(m, e, sig - 1 - x)) {
                return false;
            }
            if (scaledFloor >= POW10[sig]) {
                x++;
                continue;
            }
            if (scaledFloor < POW10[sig - 1]) {
                x--;
                continue;
            }
            long n = scaledRounded();
            int pt = x + 1;
            carried = n == POW10[sig];
            if (carried) {
                n = POW10[sig - 1];
                pt++;
            }
            setDigits(n, sig, pt);
            return true;
        }
        return false;
    }

    /**
     * Sets this expansion to {@code v} (finite, sign ignored) rounded half-even to {@code f}
     * digits after the point (for {@code %.<f>f}), when {@code f <= 27} and the scaled value
     * fits a long. Returns false (state unspecified) when that does not apply.
     */
    boolean setRoundedFraction(double v, int f) {
        long bits = Double.doubleToRawLongBits(v) & 0x7FFF_FFFF_FFFF_FFFFL;
        int expField = (int) (bits >>> 52);
        if (expField == 0 || expField == 0x7FF) {
            return false;
        }
        long m = (bits & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52);
        if (!scale(m, expField - 1075, f)) {
            return false;
        }
        long n = scaledRounded();
        if (n < 0) {
            return false;
        }
        if (n == 0) {
            count = 0;
            point = 0;
            return true;
        }
        int len = decimalLength(n);
        setDigits(n, len, len - f);
        return true;
    }

    private void setDigits(long n, int len, int pt) {
        for (int i = len - 1; i >= 0; i--) {
            digits[i] = (byte) (n % 10);
            n /= 10;
        }
        count = len;
        point = pt;
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
                carried = true;
            } else {
                digits[i]++;
                count = i + 1;
            }
        }
        trimZeros();
    }

    /** The length of {@link #writeLong}'s output for {@code v}. */
    static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int n = v < 0 ? 2 : 1;
        for (long t = Math.abs(v); t >= 10; t /= 10) {
            n++;
        }
        return n;
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
