package io.moonkey.lua.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@link Printf.Arguments} over Java values: Double for numbers, byte[] or String for strings. */
final class TestArgs implements Printf.Arguments {
    private final List<Object> values;

    TestArgs(List<Object> values) {
        this.values = values;
    }

    static TestArgs of(Object... values) {
        return new TestArgs(List.of(values));
    }

    @Override
    public int count() {
        return values.size();
    }

    @Override
    public double number(int argNo) {
        Object v = values.get(argNo - 2);
        if (v instanceof Double d) {
            return d;
        }
        Double parsed = NumberParser.str2d(v instanceof String s ? s : new String((byte[]) v, StandardCharsets.ISO_8859_1));
        if (parsed == null) {
            throw new LuaTextException("number expected, got string", argNo);
        }
        return parsed;
    }

    @Override
    public byte[] string(int argNo) {
        Object v = values.get(argNo - 2);
        if (v instanceof Double d) {
            return NumberText.toBytes(d);
        }
        return v instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) v;
    }

    /** The result as the oracle line: "ok hex" or "err hex" (with lua5.1's pcall message). */
    static String run(String format, Object... values) {
        byte[] f = format.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuilder out = new ByteBuilder();
        try {
            Printf.format(out, f, 0, f.length, of(values));
            return LuaOracle.ok(out.toByteArray());
        } catch (LuaTextException e) {
            return LuaOracle.err(e.argument() > 0
                ? "bad argument #" + e.argument() + " to '?' (" + e.getMessage() + ")" : e.getMessage());
        }
    }

    static String luaArg(Object v) {
        return v instanceof Double d ? LuaOracle.luaNumber(d)
            : LuaOracle.luaString(v instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) v);
    }
}
