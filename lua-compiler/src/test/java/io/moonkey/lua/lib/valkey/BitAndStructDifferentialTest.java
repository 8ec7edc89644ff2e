package io.moonkey.lua.lib.valkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bit and struct: hand-picked edge cases plus random calls, compared with redis-server 7.0.15. */
class BitAndStructDifferentialTest {
    private static ReferenceRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ReferenceRedis.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static final String[] NUMBERS = {"0", "1", "-1", "1.5", "2.5", "-1.5", "-2.5", "0.5", "2^31", "2^32", "2^32+5",
        "-2^31", "2^53", "2^63", "-2^63", "2^64", "1e300", "-1e300", "1/0", "-1/0", "0/0", "0xffffffff", "0x7fffffff",
        "123456789", "-123456789", "'12'", "' 0x10 '", "'abc'", "nil", "true", "{}", "255", "65535", "-256", "3.7", "-0.0"};

    @Test
    void bitMatchesRedis() throws Exception {
        List<String> cases = new ArrayList<>(List.of(
                "bit.tobit(1.5)", "bit.tobit(2.5)", "bit.tobit(-1.5)", "bit.tobit(2^32+5)", "bit.tobit(0xffffffff)",
                "bit.band('12', 4)", "bit.bor()", "bit.band()", "bit.bxor(1)", "bit.lshift(1, 32)", "bit.lshift(1, 31)",
                "bit.rshift(-1, 28)", "bit.arshift(-256, 4)", "bit.bswap(0x12345678)", "bit.rol(0x12345678, 8)",
                "bit.ror(0x12345678, 8)", "bit.tohex(255)", "bit.tohex(255, 2)", "bit.tohex(255, -4)", "bit.tohex(-1)",
                "bit.tohex(1, 20)", "bit.tohex(65535, -2147483648)", "bit.tohex(65535, nil)", "bit.tohex(0, 0)",
                "bit.bnot(0)", "bit.tobit()", "bit.tobit('x')", "bit.lshift(1)", "bit.band(1, 2, 3, 'z')"));
        String[] fns = {"tobit", "bnot", "bswap", "band", "bor", "bxor", "lshift", "rshift", "arshift", "rol", "ror", "tohex"};
        Random r = new Random(7);
        for (int i = 0; i < 400; i++) {
            String fn = fns[r.nextInt(fns.length)];
            int argc = 1 + r.nextInt(3);
            StringBuilder sb = new StringBuilder("bit.").append(fn).append('(');
            for (int k = 0; k < argc; k++) {
                sb.append(k > 0 ? ", " : "").append(r.nextInt(3) == 0 ? NUMBERS[r.nextInt(NUMBERS.length)]
                        : String.valueOf((long) (r.nextGaussian() * Math.pow(2, r.nextInt(40)))));
            }
            cases.add(sb.append(')').toString());
        }
        LibraryDifferential.assertSame(redis, cases);
    }

    @Test
    void structMatchesRedis() throws Exception {
        List<String> cases = new ArrayList<>(List.of(
                "struct.pack('HH', 1, 2)", "struct.pack('>i4', -2)", "struct.pack('!4bi', 1, 2)", "struct.pack('fd', 1.5, 1.5)",
                "struct.unpack('HH', '\\1\\0\\2\\0')", "struct.unpack('HH', '\\1\\0\\2\\0', 0)", "struct.unpack('HH', '\\1\\0\\2')",
                "struct.size('i')", "struct.size('s')", "struct.size('c0')", "struct.size('!4bi')", "struct.size('bid')",
                "struct.size('y')", "struct.size('%')", "struct.pack('y', 1)", "struct.pack('!3i', 1)", "struct.pack('i33', 1)",
                "struct.pack('i99999999999', 1)", "struct.pack('c5', 'abc')", "struct.pack('c0', 'abc')", "struct.pack('s', 'ab')",
                "struct.pack('i', 'x')", "struct.unpack('s', 'abc')", "struct.unpack('s', 'ab\\0cd')", "struct.unpack('bc0', '\\3abcd')",
                "struct.unpack('c0', 'abc')", "struct.unpack('>I3', '\\1\\2\\3')", "struct.unpack('<i3', '\\255\\255\\255')",
                "struct.unpack('i16', string.rep('\\255', 16))", "struct.pack('>i16', -1)", "struct.pack('<I10', 2^40)",
                "struct.pack('L', 2^64)", "struct.pack('l', -2^63)", "struct.pack('l', 0/0)", "struct.pack('I', 2^63)",
                "struct.unpack('L', string.rep('\\255', 8))", "struct.unpack('l', string.rep('\\255', 8))",
                "struct.unpack('f', struct.pack('f', 0.1))", "struct.unpack('>d', struct.pack('>d', -0.0))",
                "struct.pack(' < > x b', 5)", "struct.unpack('xxb', '\\1\\2\\3', 1)", "struct.unpack('b', '')",
                "struct.pack('b\\0i', 1, 2)", "struct.pack()", "struct.unpack('i', 5)"));
        String[] opts = {"b", "B", "h", "H", "l", "L", "T", "i", "I", "i2", "I3", "i8", "I5", "f", "d", "x", "c3", "<", ">", "!", "!2", "!4", " "};
        Random r = new Random(11);
        for (int i = 0; i < 250; i++) {
            StringBuilder fmt = new StringBuilder();
            List<String> vals = new ArrayList<>();
            int n = 1 + r.nextInt(5);
            for (int k = 0; k < n; k++) {
                String o = opts[r.nextInt(opts.length)];
                fmt.append(o);
                char c = o.charAt(0);
                if ("bBhHlLTiIfd".indexOf(c) >= 0) {
                    vals.add(r.nextInt(4) == 0 ? NUMBERS[r.nextInt(20)] : String.valueOf(r.nextInt() >> r.nextInt(31)));
                } else if (c == 'c') {
                    vals.add("'" + "xyz".substring(0, 1 + r.nextInt(3)) + "'");
                }
            }
            String packed = "struct.pack('" + fmt + "'" + (vals.isEmpty() ? "" : ", " + String.join(", ", vals)) + ")";
            cases.add(packed);
            cases.add("struct.unpack('" + fmt + "', " + packed + ")");
            cases.add("struct.size('" + fmt + "')");
        }
        LibraryDifferential.assertSame(redis, cases);
    }
}
