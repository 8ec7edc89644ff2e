package io.moonkey.lua.text;

/**
 * C-locale character classes of Lua 5.1 patterns (Lua 5.1 manual §5.4.1): {@code %a %c %d %l
 * %p %s %u %w %x %z}, their upper-case complements, and any other escaped byte standing for
 * itself. Bytes 128..255 belong to no class in the C locale.
 */
final class CharClass {
    private static final int ALPHA = 1;
    private static final int CNTRL = 2;
    private static final int DIGIT = 4;
    private static final int LOWER = 8;
    private static final int PUNCT = 16;
    private static final int SPACE = 32;
    private static final int UPPER = 64;
    private static final int XDIGIT = 128;
    private static final short[] TABLE = new short[256];

    static {
        for (int c = 0; c < 128; c++) {
            int bits = 0;
            if (c >= 'a' && c <= 'z') {
                bits |= ALPHA | LOWER;
            }
            if (c >= 'A' && c <= 'Z') {
                bits |= ALPHA | UPPER;
            }
            if (c >= '0' && c <= '9') {
                bits |= DIGIT | XDIGIT;
            }
            if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                bits |= XDIGIT;
            }
            if (c < 32 || c == 127) {
                bits |= CNTRL;
            }
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                bits |= SPACE;
            }
            if (c > 32 && c < 127 && (bits & (ALPHA | DIGIT)) == 0) {
                bits |= PUNCT;
            }
            TABLE[c] = (short) bits;
        }
    }

    private CharClass() {
    }

    /** {@code match_class}: does byte {@code c} belong to the class letter {@code cl} (the byte after '%')? */
    static boolean matches(int c, int cl) {
        int bits = TABLE[c & 0xFF];
        boolean res;
        switch (cl | 0x20) {
            case 'a' -> res = (bits & ALPHA) != 0;
            case 'c' -> res = (bits & CNTRL) != 0;
            case 'd' -> res = (bits & DIGIT) != 0;
            case 'l' -> res = (bits & LOWER) != 0;
            case 'p' -> res = (bits & PUNCT) != 0;
            case 's' -> res = (bits & SPACE) != 0;
            case 'u' -> res = (bits & UPPER) != 0;
            case 'w' -> res = (bits & (ALPHA | DIGIT)) != 0;
            case 'x' -> res = (bits & XDIGIT) != 0;
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        boolean upper = cl >= 'A' && cl <= 'Z';
        return upper != res;
    }

    /**
     * The property bits a class letter tests ({@code %a}, {@code %D}...), or 0 when {@code cl} is
     * not one of the bit-tested classes (then {@link #matches} applies); an upper-case letter
     * negates the test.
     */
    static int mask(int cl) {
        return switch (cl | 0x20) {
            case 'a' -> ALPHA;
            case 'c' -> CNTRL;
            case 'd' -> DIGIT;
            case 'l' -> LOWER;
            case 'p' -> PUNCT;
            case 's' -> SPACE;
            case 'u' -> UPPER;
            case 'w' -> ALPHA | DIGIT;
            case 'x' -> XDIGIT;
            default -> 0;
        };
    }

    /** The property bits of byte {@code c}. */
    static int bits(int c) {
        return TABLE[c & 0xFF];
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
