package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CConversions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct}: binary packing with C layouts, as the struct library bundled with Valkey does
 * on x86-64 (little-endian native order; short 2, int 4, long and size_t 8, float 4, double 8;
 * maximum alignment 8). A format is read left to right; {@code <}, {@code >} and {@code !n}
 * change the byte order and the alignment of the items after them (lua-api.md §11).
 */
public final class StructLib {
    private static final int MAX_INT_SIZE = 32;
    private static final int MAX_ALIGN = 8;

    private StructLib() {}

    public static void install(LuaState state) {
        LuaTable struct = new LuaTable();
        state.globals.put(LuaString.latin1("struct"), struct);
        for (Builtin f : new Builtin[] {new Pack(), new Unpack(), new Size()}) {
            struct.put(LuaString.latin1(f.name()), f);
        }
    }

    /** Reading state of a format: position, byte order, alignment. */
    private static final class Format {
        final byte[] fmt;
        final String fname;
        int i;
        boolean bigEndian;
        int align = 1;

        Format(LuaString f, String fname) {
            byte[] b = f.bytes();
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++; // a C string: the format ends at a zero byte
            }
            this.fmt = java.util.Arrays.copyOf(b, end);
            this.fname = fname;
        }

        boolean more() {
            return i < fmt.length;
        }

        int next() {
            return fmt[i++] & 0xFF;
        }

        /** Digits after an option, or {@code def} when there are none. */
        int number(int def) {
            if (i >= fmt.length || !isDigit(fmt[i])) {
                return def;
            }
            int a = 0;
            do {
                int d = fmt[i] - '0';
                if (a > Integer.MAX_VALUE / 10 || a * 10 > Integer.MAX_VALUE - d) {
                    throw Args.error("integral size overflow");
                }
                a = a * 10 + d;
                i++;
            } while (i < fmt.length && isDigit(fmt[i]));
            return a;
        }

        /** The size of option {@code opt}, reading its digits; 0 for non-sized options. */
        int size(int opt) {
            return switch (opt) {
                case 'B', 'b', 'x' -> 1;
                case 'H', 'h' -> 2;
                case 'L', 'l', 'T', 'd' -> 8;
                case 'f' -> 4;
                case 'c' -> number(1);
                case 'i', 'I' -> {
                    int sz = number(4);
                    if (sz > MAX_INT_SIZE) {
                        throw Args.error("integral size " + sz + " is larger than limit of " + MAX_INT_SIZE);
                    }
                    yield sz;
                }
                default -> 0;
            };
        }

        /** Padding before an item of {@code size} bytes at offset {@code pos}. */
        int padding(long pos, int opt, int size) {
            if (size == 0 || opt == 'c') {
                return 0;
            }
            int a = Math.min(size, align);
            return (int) ((a - (pos & (a - 1))) & (a - 1));
        }

        /** The options that only change state; anything else is an invalid option. */
        void control(int opt) {
            switch (opt) {
                case ' ' -> { }
                case '>' -> bigEndian = true;
                case '<' -> bigEndian = false;
                case '!' -> {
                    int a = number(MAX_ALIGN);
                    if (a == 0 || (a & (a - 1)) != 0) {
                        throw Args.error("alignment " + a + " is not a power of 2");
                    }
                    align = a;
                }
                default -> throw Args.argError(1, fname, "invalid format option '" + (char) opt + "'");
            }
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIntegral(int opt) {
        return switch (opt) {
            case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' -> true;
            default -> false;
        };
    }

    /** struct.pack(fmt, v1, ...). */
    private static final class Pack extends Builtin {
        Pack() {
            super("pack");
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            Format f = new Format(Args.checkString(a, 0, "pack"), "pack");
            ByteBuilder out = new ByteBuilder(32);
            int arg = 1;
            long total = 0;
            while (f.more()) {
                int opt = f.next();
                int size = f.size(opt);
                int pad = f.padding(total, opt, size);
                total += pad;
                for (int k = 0; k < pad; k++) {
                    out.append((byte) 0);
                }
                if (isIntegral(opt)) {
                    double n = Args.checkNumber(a, arg++, "pack");
                    long value = n < 0 ? CConversions.toLong(n) : CConversions.toUnsignedLong(n);
                    putInteger(out, value, size, f.bigEndian);
                } else if (opt == 'x') {
                    out.append((byte) 0);
                } else if (opt == 'f') {
                    int bits = Float.floatToRawIntBits((float) Args.checkNumber(a, arg++, "pack"));
                    putInteger(out, bits & 0xFFFFFFFFL, 4, f.bigEndian);
                } else if (opt == 'd') {
                    putInteger(out, Double.doubleToRawLongBits(Args.checkNumber(a, arg++, "pack")), 8, f.bigEndian);
                } else if (opt == 'c' || opt == 's') {
                    LuaString s = Args.checkString(a, arg++, "pack");
                    int len = s.length();
                    if (size == 0) {
                        size = len;
                    }
                    if (len < size) {
                        throw Args.argError(arg + 1, "pack", "string too short"); // PUC checks the next index
                    }
                    out.append(s.bytes(), 0, size);
                    if (opt == 's') {
                        out.append((byte) 0);
                        size++;
                    }
                } else {
                    f.control(opt);
                }
                total += size;
            }
            return cx.return1(LuaString.wrap(out.toByteArray()));
        }
    }

    /** The low {@code size} bytes of {@code value}; bytes beyond the eighth are zero. */
    static void putInteger(ByteBuilder out, long value, int size, boolean bigEndian) {
        byte[] b = new byte[size];
        long v = value;
        for (int k = 0; k < size; k++) {
            b[bigEndian ? size - 1 - k : k] = (byte) v;
            v = k < 7 ? v >>> 8 : 0;
        }
        out.append(b, 0, size);
    }

    /** struct.unpack(fmt, data [, pos]): the values, then the next position. */
    private static final class Unpack extends Builtin {
        Unpack() {
            super("unpack");
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            Format f = new Format(Args.checkString(a, 0, "unpack"), "unpack");
            byte[] data = Args.checkString(a, 1, "unpack").bytes();
            long start = Args.optInteger(a, 2, "unpack", 1);
            if (start < 1) {
                throw Args.argError(3, "unpack", "offset must be 1 or greater");
            }
            long pos = start - 1;
            long ld = data.length;
            List<Object> results = new ArrayList<>();
            while (f.more()) {
                int opt = f.next();
                long size = f.size(opt);
                pos += f.padding(pos, opt, (int) size);
                if (!(size <= ld && pos <= ld - size)) {
                    throw Args.argError(2, "unpack", "data string too short");
                }
                if (isIntegral(opt)) {
                    results.add(getInteger(data, (int) pos, (int) size, f.bigEndian, Character.isLowerCase(opt)));
                } else if (opt == 'f') {
                    int bits = (int) getRaw(data, (int) pos, 4, f.bigEndian);
                    results.add((double) Float.intBitsToFloat(bits));
                } else if (opt == 'd') {
                    results.add(Double.longBitsToDouble(getRaw(data, (int) pos, 8, f.bigEndian)));
                } else if (opt == 'c') {
                    if (size == 0) {
                        Object previous = results.isEmpty() ? null : results.get(results.size() - 1);
                        if (!(previous instanceof Double d)) {
                            throw Args.error("format 'c0' needs a previous size");
                        }
                        size = (long) d.doubleValue();
                        results.remove(results.size() - 1);
                        if (!(size <= ld && pos <= ld - size)) {
                            throw Args.argError(2, "unpack", "data string too short");
                        }
                    }
                    results.add(LuaString.copyOf(data, (int) pos, (int) (pos + size)));
                } else if (opt == 's') {
                    int end = (int) pos;
                    while (end < data.length && data[end] != 0) {
                        end++;
                    }
                    if (end >= data.length) {
                        throw Args.error("unfinished string in data");
                    }
                    results.add(LuaString.copyOf(data, (int) pos, end));
                    size = end - pos + 1;
                } else if (opt != 'x') {
                    f.control(opt);
                }
                pos += size;
            }
            results.add((double) (pos + 1));
            return cx.returnArray(results.toArray());
        }
    }

    private static long getRaw(byte[] data, int pos, int size, boolean bigEndian) {
        long l = 0;
        for (int k = 0; k < size; k++) {
            int idx = bigEndian ? pos + k : pos + size - 1 - k;
            l = (l << 8) | (data[idx] & 0xFF);
        }
        return l;
    }

    /** Assembles {@code size} bytes; a signed item is sign-extended from its top bit. */
    static double getInteger(byte[] data, int pos, int size, boolean bigEndian, boolean signed) {
        long l = getRaw(data, pos, size, bigEndian);
        if (!signed) {
            return unsignedToDouble(l);
        }
        long mask = -1L << ((size * 8 - 1) & 63); // x86 shifts count modulo 64
        if ((l & mask) != 0) {
            l |= mask;
        }
        return (double) l;
    }

    /** C's {@code (double)} of an unsigned 64-bit integer, correctly rounded. */
    static double unsignedToDouble(long l) {
        if (l >= 0) {
            return (double) l;
        }
        // Halve keeping the lost bit as a sticky bit, convert, double: rounding stays exact.
        return ((double) ((l >>> 1) | (l & 1))) * 2.0;
    }

    /** struct.size(fmt): the packed size of a format with fixed-size items only. */
    private static final class Size extends Builtin {
        Size() {
            super("size");
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            Format f = new Format(Args.checkString(a, 0, "size"), "size");
            long pos = 0;
            while (f.more()) {
                int opt = f.next();
                int size = f.size(opt);
                pos += f.padding(pos, opt, size);
                if (opt == 's') {
                    throw Args.argError(1, "size", "option 's' has no fixed size");
                } else if (opt == 'c' && size == 0) {
                    throw Args.argError(1, "size", "option 'c0' has no fixed size");
                }
                if (!Character.isLetterOrDigit(opt)) {
                    f.control(opt);
                }
                pos += size;
            }
            return cx.return1((double) pos);
        }
    }
}
