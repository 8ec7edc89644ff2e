package io.moonkey.lua.lib.valkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** cjson: encoding, decoding, settings and every error text, compared with redis-server 7.0.15. */
class CjsonDifferentialTest {
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

    private static final String[] SCALARS = {"nil", "true", "false", "0", "1", "-1", "1.5", "0.1", "1/3", "1e100",
        "123456789012345", "100", "1e15", "1e-5", "2^53", "-2^63", "1/0", "-1/0", "0/0", "'abc'", "''",
        "'a\"b\\\\c/d'", "'\\0\\1\\8\\9\\10\\12\\13\\31\\127\\128\\255'", "'\\226\\130\\172'", "cjson.null", "tostring"};

    private static String value(Random r, int depth) {
        int k = r.nextInt(depth > 3 ? 1 : 5);
        if (k <= 1 || depth > 6) {
            return SCALARS[r.nextInt(SCALARS.length - 1)];
        }
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "");
            if (k == 3) {
                sb.append("k").append(r.nextInt(8)).append(" = ");
            } else if (k == 4) {
                sb.append('[').append(r.nextInt(25)).append("] = ");
            }
            sb.append(value(r, depth + 1));
        }
        return sb.append('}').toString();
    }

    private static final String[] JSON = {"{}", "[]", "[1,2,3]", "{\"a\":1}", "\"x\"", "1", "-0", "1e400", "-1e400",
        "[true,false,null]", "{\"a\":[1,{\"b\":null}]}", "\"\\u0041\\u00e9\\u20ac\\ud83d\\ude00\"", "0.1", "  [ 1 , 2 ]  ",
        "\"a\\/b\\\\c\\\"d\\b\\f\\n\\r\\t\"", "01", "+1", "0x10", "-Infinity", "nan", "NaN", "inf", "1e", "1.", ".5", "-",
        "[1,2", "{\"a\" 1}", "{1:2}", "", "[1,]", "tru", "\"abc", "\"\\x\"", "[1] x", "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"\\u12\"", "{\"a\":1,}", "[[[[[]]]]]", "{\"a\":1 \"b\":2}", "nul", "falsey", "\"\\u0000\"",
        "[1,2]\\0garbage", "\\0[", "\"a\\0b\"", "{\"k\":1,\"k\":2}", "[1e2,2E-2,-3.5e+3]", "[\"\\u00ff\"]", "}", "]", ":", ","};

    @Test
    void cjsonMatchesRedis() throws Exception {
        List<String> cases = new ArrayList<>(List.of(
                // Settings persist in a state: start from the defaults.
                "cjson.encode_sparse_array(false, 2, 10)", "cjson.encode_max_depth(1000)", "cjson.decode_max_depth(1000)",
                "cjson.encode_number_precision(14)", "cjson.encode_invalid_numbers(false)", "cjson.decode_invalid_numbers(true)",
                "cjson.encode_keep_buffer(true)",
                "cjson.encode()", "cjson.encode(1, 2)", "cjson.decode()", "cjson.decode({})", "cjson.decode(1)", "cjson.decode(12.5)",
                "cjson.encode({b = 1, a = 2, c = 3})", "cjson.encode({[1] = 1, [3] = 3})", "cjson.encode({[1] = 1, [10] = 3})",
                "cjson.encode({[1] = 1, [11] = 3})", "cjson.encode({[1] = 1, [12] = 3})", "cjson.encode({[0] = 1})",
                "cjson.encode({[-1] = 1})", "cjson.encode({[1.5] = 1})", "cjson.encode({[true] = 1})", "cjson.encode({[{}] = 1})",
                "cjson.encode({})", "cjson.encode({{}})", "cjson.encode(tostring)", "cjson.encode({f = tostring})",
                "cjson.encode(coroutine.create(tostring))", "cjson.encode({[2^40] = 1})",
                "cjson.encode_sparse_array()", "cjson.encode_sparse_array(true)", "cjson.encode({[1] = 1, [20] = 2})",
                "cjson.encode_sparse_array('off', 3, 1)", "cjson.encode({[1] = 1, [5] = 2})", "cjson.encode_sparse_array(1, 2, 3, 4)",
                "cjson.encode_sparse_array(nil, -1)", "cjson.encode_sparse_array(nil, nil, 'x')", "cjson.encode_sparse_array('maybe')",
                "cjson.encode_sparse_array(false, 0, 10)", "cjson.encode({[1] = 1, [100] = 2})", "cjson.encode_sparse_array(false, 2, 10)",
                "cjson.encode_max_depth(2)", "cjson.encode({{{}}})", "cjson.encode({{}})", "cjson.encode_max_depth(0)",
                "cjson.encode_max_depth(1000)", "cjson.decode_max_depth(2)", "cjson.decode('[[[1]]]')", "cjson.decode('[[1]]')",
                "cjson.decode('{\"a\":{\"b\":{}}}')", "cjson.decode_max_depth(1000)",
                "cjson.encode_number_precision(3)", "cjson.encode({1/3, 1234567, 0.1})", "cjson.encode_number_precision(15)",
                "cjson.encode_number_precision(0)", "cjson.encode_number_precision('5')", "cjson.encode_number_precision(14)",
                "cjson.encode_invalid_numbers('on')", "cjson.encode({1/0, -1/0, 0/0, -(0/0)})", "cjson.encode({[1/0] = 1})",
                "cjson.encode_invalid_numbers('null')", "cjson.encode({1/0, -1/0, 0/0})", "cjson.encode_invalid_numbers('bad')",
                "cjson.encode_invalid_numbers(true)", "cjson.encode_invalid_numbers(false)", "cjson.encode(1/0)",
                "cjson.decode_invalid_numbers(false)", "cjson.decode('01')", "cjson.decode('+1')", "cjson.decode('0x10')",
                "cjson.decode('inf')", "cjson.decode('-nan')", "cjson.decode('[-0]')", "cjson.decode('1.5e3')",
                "cjson.decode_invalid_numbers('on')", "cjson.encode_keep_buffer('off')", "cjson.encode_keep_buffer({})",
                "cjson.encode_keep_buffer(true)", "cjson.decode('null') == cjson.null", "type(cjson.null)", "cjson._NAME",
                "cjson._VERSION", "cjson.new().encode_max_depth()", "(function() local c = cjson.new() c.encode_max_depth(5) return c.encode_max_depth(), cjson.encode_max_depth() end)()",
                "cjson.encode(string.rep('x', 300))", "cjson.decode(cjson.encode(string.rep('\\1', 40)))"));
        for (String j : JSON) {
            cases.add("cjson.decode('" + j.replace("\\", "\\\\").replace("'", "\\'").replace("\\\\0", "\\0") + "')");
        }
        for (String s : SCALARS) {
            cases.add("cjson.encode(" + s + ")");
            cases.add("cjson.encode({" + s + "})");
        }
        Random r = new Random(5);
        for (int i = 0; i < 300; i++) {
            String v = value(r, 0);
            cases.add("cjson.encode(" + v + ")");
            cases.add("cjson.decode(cjson.encode(" + v + "))");
        }
        for (int i = 0; i < 150; i++) {
            // Damaged JSON: a byte of a valid document deleted, doubled or replaced.
            String j = JSON[r.nextInt(12)];
            if (j.isEmpty()) {
                continue;
            }
            int p = r.nextInt(j.length());
            String damaged = switch (r.nextInt(3)) {
                case 0 -> j.substring(0, p) + j.substring(p + 1);
                case 1 -> j.substring(0, p + 1) + j.substring(p);
                default -> j.substring(0, p) + "{}[],:\"x1-e.t"
                        .charAt(r.nextInt(13)) + j.substring(p + 1);
            };
            cases.add("cjson.decode('" + damaged.replace("\\", "\\\\").replace("'", "\\'") + "')");
        }
        LibraryDifferential.assertSame(redis, cases);
    }
}
