package io.moonkey.lua.lib.valkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cmsgpack: encodings byte for byte, decodings and errors, compared with redis-server 7.0.15. */
class CmsgpackDifferentialTest {
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

    private static final String[] SCALARS = {"nil", "true", "false", "0", "1", "127", "128", "255", "256", "65535",
        "65536", "2^32-1", "2^32", "2^53", "2^63", "-2^63", "2^64", "-1", "-32", "-33", "-128", "-129", "-32768",
        "-32769", "-2^31", "-2^31-1", "-1099511627776", "0.1", "0.5", "1/3", "1/0", "-1/0", "0/0", "1e300",
        "3.25", "''", "'a'", "string.rep('x', 31)", "string.rep('x', 32)", "string.rep('y', 255)",
        "string.rep('y', 256)", "'\\0\\255'", "tostring"};

    private static String value(Random r, int depth) {
        int k = r.nextInt(depth > 3 ? 1 : 4);
        if (k == 0 || depth > 20) {
            return SCALARS[r.nextInt(SCALARS.length)];
        }
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(k == 3 ? 20 : 5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (k == 2) {
                sb.append("k").append(i).append(" = ");
            } else if (k == 3 && r.nextBoolean()) {
                sb.append('[').append(1 + r.nextInt(30)).append("] = ");
            }
            sb.append(value(r, depth + 1));
        }
        return sb.append('}').toString();
    }

    @Test
    void cmsgpackMatchesRedis() throws Exception {
        List<String> cases = new ArrayList<>(List.of(
                "cmsgpack.pack()", "cmsgpack.pack({'foo', 'bar', 'baz'})", "cmsgpack.pack({})", "cmsgpack.pack({1, 2, nil, 4})",
                "cmsgpack.pack(1, 2, 3)", "cmsgpack.unpack('')", "cmsgpack.unpack(cmsgpack.pack(1, 2, 3))",
                "cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3))", "cmsgpack.unpack_one(cmsgpack.pack(1, 2, 3), 2)",
                "cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 2)", "cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 0)",
                "cmsgpack.unpack_limit(cmsgpack.pack(1, 2, 3), 0, 1)", "cmsgpack.unpack_one('abc', -1)",
                "cmsgpack.unpack_limit('abc', -1)", "cmsgpack.unpack_one('abc', 4)", "cmsgpack.unpack('\\205')",
                "cmsgpack.unpack('\\193')", "cmsgpack.unpack('\\196\\1a')", "cmsgpack.unpack('\\212\\1\\1')",
                "cmsgpack.unpack('\\218\\0\\5ab')", "cmsgpack.unpack('\\147\\1')", "cmsgpack.unpack('\\207\\255\\255\\255\\255\\255\\255\\255\\255')",
                "cmsgpack.unpack('\\146\\192\\1')", "cmsgpack.unpack('\\202\\63\\192\\0\\0')",
                "cmsgpack.unpack_limit('\\1\\2', 'x')", "cmsgpack.unpack(5)", "cmsgpack.unpack()",
                "cmsgpack._NAME", "cmsgpack._VERSION", "cmsgpack._DESCRIPTION",
                // PUC merges the constants 0 and -0.0 of one function, so -0.0 is tested alone.
                "cmsgpack.pack(-0.0)", "cmsgpack.unpack(cmsgpack.pack(-0.0))",
                "#cmsgpack.pack(string.rep('z', 65535))", "#cmsgpack.pack(string.rep('z', 65536))",
                "cmsgpack.pack(string.rep('z', 65536)):sub(1, 8)", "#cmsgpack.unpack(cmsgpack.pack(string.rep('z', 65536)))"));
        String nested = "{}";
        for (int i = 0; i < 20; i++) {
            nested = "{" + nested + "}";
            cases.add("cmsgpack.pack(" + nested + ")");
        }
        for (String s : SCALARS) {
            cases.add("cmsgpack.pack(" + s + ")");
            cases.add("cmsgpack.unpack(cmsgpack.pack(" + s + "))");
        }
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            String v = value(r, 0);
            cases.add("cmsgpack.pack(" + v + ")");
            cases.add("cmsgpack.unpack(cmsgpack.pack(" + v + ", " + value(r, 2) + "))");
        }
        LibraryDifferential.assertSame(redis, cases);
    }
}
