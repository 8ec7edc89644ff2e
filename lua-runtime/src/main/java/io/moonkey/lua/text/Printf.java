package io.moonkey.lua.text;

/**
 * Lua 5.1's {@code string.format} ({@code str_format} in lstrlib.c): the format is scanned
 * byte by byte; each {@code %} item takes up to 5 flag characters from {@code "-+ #0"}, at most
 * two width digits, optionally '.' and at most two precision digits, then a conversion letter.
 * Numbers are converted as the C code does before calling printf: {@code (long)} for
 * {@code %d %i}, {@code (unsigned long)} for {@code %o %u %x %X} (x86-64 conversion semantics:
 * NaN and out-of-range values give {@code 0x8000000000000000}; values in [2^63, 2^64) convert
 * exactly, larger ones give 0), {@code (int)} for {@code %c}. As lua5.1 appends each item with
 * {@code strlen}, an item's output stops at its first NUL byte ({@code %c} of 0 is empty, and
 * {@code %s} of a string with a NUL stops there — except that a {@code %s} without precision of a
 * string of 100 or more bytes is appended whole, unpadded).
 */
public final class Printf {
    /** Access to the Lua arguments after the format string; implemented by the Lua layer. */
    public interface Arguments {
        /** How many Lua arguments follow the format (the format is argument #1). */
        int count();

        /**
         * {@code luaL_checknumber} of Lua argument {@code argNo} (2-based, as Lua numbers them);
         * throws the Lua layer's "bad argument" error if it is not a number.
         */
        double number(int argNo);

        /**
         * {@code luaL_checklstring} of Lua argument {@code argNo}: its bytes, exactly sized
         * (numbers converted by {@code %.14g}); throws the Lua layer's error otherwise.
         */
        byte[] string(int argNo);
    }

    private static final int MAX_FLAGS = 5; // sizeof("-+ #0") - 1

    private Printf() {
    }

    /**
     * Appends the formatted result to {@code out}.
     *
     * @throws LuaTextException {@code no value} with {@link LuaTextException#argument()} set when an
     *     item has no argument; {@code invalid option '%y' to 'format'},
     *     {@code invalid format (repeated flags)}, {@code invalid format (width or precision too long)}
     *     as plain errors (argument 0)
     */
    public static void format(ByteBuilder out, byte[] fmt, int off, int len, Arguments args) {
        int end = off + len;
        int i = off;
        int arg = 1;
        int top = args.count() + 1;
        while (i < end) {
            byte c = fmt[i];
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            // lua5.1 reads the string's terminating NUL here when '%' is last
            int next = i < end ? fmt[i] : 0;
            if (next == '%') {
                out.append((byte) '%');
                i++;
                continue;
            }
            if (++arg > top) {
                throw new LuaTextException("no value", arg);
            }
            // scanformat
            int flags = 0;
            int p = i;
            while (p < end && flagBit(fmt[p]) != 0) {
                flags |= flagBit(fmt[p]);
                p++;
            }
            if (p - i > MAX_FLAGS) {
                throw new LuaTextException("invalid format (repeated flags)");
            }
            int width = 0;
            for (int k = 0; k < 2 && p < end && isDigit(fmt[p]); k++) {
                width = width * 10 + (fmt[p++] - '0');
            }
            int precision = -1;
            if (p < end && fmt[p] == '.') {
                p++;
                precision = 0;
                for (int k = 0; k < 2 && p < end && isDigit(fmt[p]); k++) {
                    precision = precision * 10 + (fmt[p++] - '0');
                }
            }
            if (p < end && isDigit(fmt[p])) {
                throw new LuaTextException("invalid format (width or precision too long)");
            }
            int conv = p < end ? fmt[p] & 0xFF : 0;
            i = p + 1;
            int itemStart = out.length();
            switch (conv) {
                case 'c' -> {
                    CFormat.appendChar(out, CConversions.toInt(args.number(arg)), flags, width);
                    cutAtNul(out, itemStart);
                }
                case 'd', 'i' -> CFormat.appendSigned(out, CConversions.toLong(args.number(arg)), flags, width, precision);
                case 'o', 'u', 'x', 'X' ->
                    CFormat.appendUnsigned(out, CConversions.toUnsignedLong(args.number(arg)), conv, flags, width, precision);
                case 'e', 'E', 'f', 'g', 'G' -> CFormat.appendDouble(out, args.number(arg), conv, flags, width, precision);
                case 'q' -> appendQuoted(out, args.string(arg));
                case 's' -> {
                    byte[] s = args.string(arg);
                    if (precision < 0 && s.length >= 100) {
                        out.append(s); // lua5.1 keeps long strings whole, ignoring the width
                    } else {
                        int n = 0;
                        while (n < s.length && s[n] != 0) {
                            n++;
                        }
                        CFormat.appendString(out, s, 0, n, flags, width, precision);
                    }
                }
                default -> throw new LuaTextException(invalidOption(conv));
            }
        }
    }

    private static String invalidOption(int conv) {
        // lua_pushfstring's %c of a NUL byte yields nothing
        return conv == 0 ? "invalid option '%' to 'format'" : "invalid option '%" + (char) conv + "' to 'format'";
    }

    private static int flagBit(byte c) {
        return switch (c) {
            case '-' -> CFormat.MINUS;
            case '+' -> CFormat.PLUS;
            case ' ' -> CFormat.SPACE;
            case '#' -> CFormat.HASH;
            case '0' -> CFormat.ZERO;
            default -> 0;
        };
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static void cutAtNul(ByteBuilder out, int from) {
        for (int k = from; k < out.length(); k++) {
            if (out.byteAt(k) == 0) {
                out.setLength(k);
                return;
            }
        }
    }

    /** {@code %q} (lstrlib.c addquoted): quotes, escapes {@code " \ newline}, {@code \r} and NUL. */
    public static void appendQuoted(ByteBuilder out, byte[] s) {
        out.append((byte) '"');
        for (byte b : s) {
            switch (b) {
                case '"', '\\', '\n' -> out.append((byte) '\\').append(b);
                case '\r' -> out.append((byte) '\\').append((byte) 'r');
                case 0 -> out.append((byte) '\\').append((byte) '0').append((byte) '0').append((byte) '0');
                default -> out.append(b);
            }
        }
        out.append((byte) '"');
    }
}
