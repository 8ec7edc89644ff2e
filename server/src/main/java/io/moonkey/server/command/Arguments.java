package io.moonkey.server.command;

import io.moonkey.datastore.Numbers;
import java.nio.charset.StandardCharsets;

/** Reading command arguments the way Valkey does, with its error texts. */
public final class Arguments {
    private Arguments() {}

    public static final String SYNTAX = "ERR syntax error";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    /** A canonical 64-bit integer argument, or the "not an integer" error. */
    public static long parseLong(byte[] b) {
        return parseLong(b, NOT_INTEGER);
    }

    public static long parseLong(byte[] b, String error) {
        long v = Numbers.parseCanonicalLong(b, 0, b.length);
        if (v == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(b)) throw new CommandError(error);
        return v;
    }

    /** An integer argument that must be within [min, max]. */
    public static long parseLong(byte[] b, long min, long max, String error) {
        long v = parseLong(b);
        if (v < min || v > max) throw new CommandError(error);
        return v;
    }

    /** A 32-bit integer argument (SELECT, MOVE), with Valkey's range message. */
    public static int parseInt(byte[] b) {
        long v = parseLong(b);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CommandError("ERR value is out of range, value must between -2147483648 and 2147483647");
        }
        return (int) v;
    }

    /** A double argument as Valkey's strtod-based parsing accepts it (no spaces, no NaN). */
    public static double parseDouble(byte[] b) {
        String s = latin1(b);
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            throw new CommandError(NOT_FLOAT);
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        switch (l) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {}
        }
        if (!l.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) throw new CommandError(NOT_FLOAT);
        return Double.parseDouble(s);
    }

    /** Case-insensitive comparison of an argument with a lower-case ASCII keyword. */
    public static boolean is(byte[] arg, String lowerKeyword) {
        int n = lowerKeyword.length();
        if (arg.length != n) return false;
        for (int i = 0; i < n; i++) {
            int c = arg[i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lowerKeyword.charAt(i)) return false;
        }
        return true;
    }

    /** The argument as text, one char per byte (binary-safe round trip into error messages). */
    public static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(long v) {
        return Numbers.longToBytes(v);
    }
}
