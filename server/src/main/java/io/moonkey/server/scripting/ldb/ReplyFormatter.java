package io.moonkey.server.scripting.ldb;

import java.nio.charset.StandardCharsets;

/**
 * A command's raw RESP reply as the debugger logs it after {@code <reply> } (ldb.md §5.3):
 * integers as digits, bulk strings quoted, status and error lines quoted with their prefix,
 * arrays as {@code [a,b]}, RESP3 sets, maps, nulls, booleans and doubles in their own forms.
 */
public final class ReplyFormatter {
    private final byte[] raw;
    private int pos;

    private ReplyFormatter(byte[] raw) {
        this.raw = raw;
    }

    public static String format(byte[] raw) {
        ReplyFormatter f = new ReplyFormatter(raw);
        StringBuilder sb = new StringBuilder();
        while (f.pos < raw.length) {
            f.value(sb);
        }
        return sb.toString();
    }

    private void value(StringBuilder sb) {
        byte type = raw[pos];
        int lineStart = pos;
        String line = line(); // the header, without the type byte
        switch (type) {
            case ':', '(' -> sb.append(line);
            case '+', '-' -> sb.append(ValueFormatter.quote(
                    java.util.Arrays.copyOfRange(raw, lineStart, lineStart + 1 + line.length())));
            case '$', '=' -> {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    sb.append("NULL");
                    return;
                }
                ValueFormatter.quote(sb, java.util.Arrays.copyOfRange(raw, pos, pos + len));
                pos += len + 2;
            }
            case '*', '>' -> aggregate(sb, Integer.parseInt(line), "[", "]", false);
            case '~' -> aggregate(sb, Integer.parseInt(line), "~(", ")", false);
            case '%' -> aggregate(sb, Integer.parseInt(line), "{", "}", true);
            case '_' -> sb.append("(null)");
            case '#' -> sb.append(line.equals("t") ? "#true" : "#false");
            case ',' -> sb.append("(double) ").append(line);
            default -> {
                sb.append(line);
                pos = raw.length; // not RESP: nothing more can be read
            }
        }
    }

    private void aggregate(StringBuilder sb, int n, String open, String close, boolean map) {
        if (n < 0) {
            sb.append("NULL");
            return;
        }
        sb.append(open);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            value(sb);
            if (map) {
                sb.append(" => ");
                value(sb);
            }
        }
        sb.append(close);
    }

    /** The rest of the current line after its type byte; moves past its CRLF. */
    private String line() {
        int start = pos + 1;
        int end = start;
        while (end < raw.length && raw[end] != '\r') {
            end++;
        }
        pos = Math.min(raw.length, end + 2);
        return new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
