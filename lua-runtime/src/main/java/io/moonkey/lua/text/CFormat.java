package io.moonkey.lua.text;

/**
 * C99 printf conversions (C99 7.19.6.1) as glibc implements them, for one already-converted
 * argument: {@code %e %E %f %F %g %G} of a double, {@code %d %i} of a signed long,
 * {@code %o %u %x %X} of an unsigned long, {@code %c} and {@code %s}. Floating conversions are
 * exact: digits come from the exact binary value, rounded half-even ({@link DecimalExpansion}).
 * Flags are the bit set {@link #MINUS} | {@link #PLUS} | {@link #SPACE} | {@link #HASH} |
 * {@link #ZERO}; a negative precision means "not given".
 */
public final class CFormat {
    public static final int MINUS = 1;
    public static final int PLUS = 2;
    public static final int SPACE = 4;
    public static final int HASH = 8;
    public static final int ZERO = 16;

    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CFormat() {
    }

    /**
     * Appends {@code v} formatted by the conversion {@code conv} ('e', 'E', 'f', 'F', 'g' or 'G').
     * NaN prints as {@code nan} or {@code -nan} by its sign bit, as glibc does.
     */
    public static void appendDouble(ByteBuilder out, double v, int conv, int flags, int width, int precision) {
        int start = out.length();
        boolean upper = conv == 'E' || conv == 'F' || conv == 'G';
        boolean negative = Double.doubleToRawLongBits(v) < 0;
        if (negative) {
            out.append((byte) '-');
        } else if ((flags & PLUS) != 0) {
            out.append((byte) '+');
        } else if ((flags & SPACE) != 0) {
            out.append((byte) ' ');
        }
        int bodyStart = out.length();
        boolean finite = !Double.isNaN(v) && !Double.isInfinite(v);
        if (!finite) {
            out.appendAscii(Double.isNaN(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        } else {
            int p = precision < 0 ? 6 : precision;
            DecimalExpansion d = DecimalExpansion.scratch();
            boolean hash = (flags & HASH) != 0;
            switch (conv) {
                case 'f', 'F' -> {
                    if (!d.setRoundedFraction(v, p)) {
                        d.set(v);
                        d.roundFraction(p);
                    }
                    appendFixed(out, d, p, hash);
                }
                case 'e', 'E' -> {
                    setSignificant(d, v, p + 1);
                    appendExponential(out, d, p, hash, upper);
                }
                default -> {
                    int sig = p == 0 ? 1 : p;
                    setSignificant(d, v, sig);
                    appendGeneral(out, d, sig, hash, upper);
                }
            }
        }
        pad(out, start, bodyStart, width, flags, finite);
    }

    /** The exact value rounded to {@code sig} significant digits: 128-bit fast path, else the big number. */
    private static void setSignificant(DecimalExpansion d, double v, int sig) {
        if (!d.setRounded(v, sig)) {
            d.set(v);
            if (d.count > 0) {
                d.roundSignificant(sig);
            }
        }
    }

    /**
     * {@code %g}: C99 7.19.6.1 — style e if X < -4 or X >= P, else style f; trailing zeros (and
     * a bare '.') are removed unless '#', which here means printing only the stored digits.
     */
    private static void appendGeneral(ByteBuilder out, DecimalExpansion d, int p, boolean hash, boolean upper) {
        int x = d.count > 0 ? d.point - 1 : 0; // d is already rounded to p digits
        if (x < p && x >= -4) {
            appendFixed(out, d, hash ? p - 1 - x : Math.max(0, d.count - d.point), hash);
        } else if (hash && d.carried && x == p) {
            // glibc quirk: a value just below 10^P picks style f with no decimals before rounding;
            // when rounding then carries to 10^P it switches to style e but keeps zero decimals
            // ("%#.2g" of 99.5 is "1.e+02", not "1.0e+02")
            appendExponential(out, d, 0, true, upper);
        } else {
            appendExponential(out, d, hash ? p - 1 : Math.max(0, d.count - 1), hash, upper);
        }
    }

    private static void appendFixed(ByteBuilder out, DecimalExpansion d, int p, boolean hash) {
        if (d.count == 0 || d.point <= 0) {
            out.append((byte) '0');
        } else {
            out.ensureSpare(d.point);
            for (int i = 0; i < d.point; i++) {
                out.append((byte) ('0' + d.digitAt(i)));
            }
        }
        if (p > 0 || hash) {
            out.append((byte) '.');
        }
        out.ensureSpare(p);
        int first = d.count == 0 ? 0 : d.point;
        for (int i = 0; i < p; i++) {
            out.append((byte) ('0' + (d.count == 0 ? 0 : d.digitAt(first + i))));
        }
    }

    private static void appendExponential(ByteBuilder out, DecimalExpansion d, int p, boolean hash, boolean upper) {
        out.append((byte) ('0' + d.digitAt(0)));
        if (p > 0 || hash) {
            out.append((byte) '.');
        }
        out.ensureSpare(p);
        for (int i = 1; i <= p; i++) {
            out.append((byte) ('0' + d.digitAt(i)));
        }
        int x = d.count == 0 ? 0 : d.point - 1;
        out.append((byte) (upper ? 'E' : 'e'));
        out.append((byte) (x < 0 ? '-' : '+'));
        int a = Math.abs(x);
        if (a < 10) {
            out.append((byte) '0');
        }
        out.appendLong(a);
    }

    /**
     * Pads the conversion written at {@code [start, length)} to {@code width}: spaces on the
     * right with '-', zeros after the sign/prefix (ending at {@code bodyStart}) with '0' when
     * {@code zeroAllowed}, else spaces on the left.
     */
    private static void pad(ByteBuilder out, int start, int bodyStart, int width, int flags, boolean zeroAllowed) {
        int n = width - (out.length() - start);
        if (n <= 0) {
            return;
        }
        if ((flags & MINUS) != 0) {
            out.fill((byte) ' ', n);
        } else if ((flags & ZERO) != 0 && zeroAllowed) {
            out.insertFill(bodyStart, (byte) '0', n);
        } else {
            out.insertFill(start, (byte) ' ', n);
        }
    }

    /** {@code %d} / {@code %i} of a C long. */
    public static void appendSigned(ByteBuilder out, long v, int flags, int width, int precision) {
        int start = out.length();
        if (v < 0) {
            out.append((byte) '-');
        } else if ((flags & PLUS) != 0) {
            out.append((byte) '+');
        } else if ((flags & SPACE) != 0) {
            out.append((byte) ' ');
        }
        int bodyStart = out.length();
        appendDigits(out, v == Long.MIN_VALUE ? v : Math.abs(v), 10, false, precision);
        pad(out, start, bodyStart, width, flags, precision < 0);
    }

    /** {@code %o %u %x %X} of a C unsigned long (the bits of {@code v}). */
    public static void appendUnsigned(ByteBuilder out, long v, int conv, int flags, int width, int precision) {
        int start = out.length();
        boolean hash = (flags & HASH) != 0;
        if (hash && v != 0 && (conv == 'x' || conv == 'X')) {
            out.append((byte) '0').append((byte) conv);
        }
        int bodyStart = out.length();
        int radix = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
        appendDigits(out, v, radix, conv == 'X', precision);
        if (hash && conv == 'o' && (out.length() == bodyStart || out.byteAt(bodyStart) != '0')) {
            out.insertFill(bodyStart, (byte) '0', 1); // C99: '#' increases precision to force a leading 0
        }
        pad(out, start, bodyStart, width, flags, precision < 0);
    }

    /** Unsigned digits of {@code v} with at least {@code precision} digits (none for 0 with precision 0). */
    private static void appendDigits(ByteBuilder out, long v, int radix, boolean upper, int precision) {
        byte[] alphabet = upper ? UPPER_HEX : LOWER_HEX;
        int first = out.length();
        if (radix == 10) {
            while (v != 0) {
                long q = Long.divideUnsigned(v, 10);
                out.append(alphabet[(int) (v - q * 10)]);
                v = q;
            }
        } else {
            int shift = radix == 8 ? 3 : 4;
            while (v != 0) {
                out.append(alphabet[(int) (v & (radix - 1))]);
                v >>>= shift;
            }
        }
        int minDigits = precision < 0 ? 1 : precision;
        if (out.length() - first < minDigits) {
            out.fill((byte) '0', minDigits - (out.length() - first));
        }
        byte[] a = out.array();
        for (int i = first, j = out.length() - 1; i < j; i++, j--) {
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code %c}: the byte {@code c & 0xFF} padded to {@code width}. */
    public static void appendChar(ByteBuilder out, int c, int flags, int width) {
        int start = out.length();
        out.append((byte) c);
        pad(out, start, start, width, flags & MINUS, false);
    }

    /** {@code %s} of the bytes {@code s[off, off+len)}: at most {@code precision} bytes, padded to {@code width}. */
    public static void appendString(ByteBuilder out, byte[] s, int off, int len, int flags, int width, int precision) {
        int start = out.length();
        int n = precision >= 0 ? Math.min(len, precision) : len;
        out.append(s, off, n);
        pad(out, start, start, width, flags & MINUS, false);
    }
}
