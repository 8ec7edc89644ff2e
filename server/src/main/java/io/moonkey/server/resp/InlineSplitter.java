package io.moonkey.server.resp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline command line into arguments: words separated by blanks, "double quoted"
 * strings with C escapes (\n \r \t \b \a \\ \" \xHH) and 'single quoted' strings (only \'
 * escaped), a closing quote having to be followed by a blank or the end, as valkey-cli and
 * the server's inline parser agree.
 */
public final class InlineSplitter {
    private InlineSplitter() {}

    /** The arguments of b[from, to), or null on unbalanced quotes. */
    public static byte[][] split(byte[] b, int from, int to) {
        List<byte[]> out = new ArrayList<>();
        int i = from;
        while (true) {
            while (i < to && isSpace(b[i])) i++;
            if (i >= to) break;
            ByteArrayOutputStream cur = new ByteArrayOutputStream();
            boolean inDq = false, inSq = false, done = false;
            while (!done) {
                if (inDq) {
                    if (i >= to) return null;
                    byte c = b[i];
                    if (c == '\\' && i + 3 < to && b[i + 1] == 'x' && isHex(b[i + 2]) && isHex(b[i + 3])) {
                        cur.write(hex(b[i + 2]) * 16 + hex(b[i + 3]));
                        i += 3;
                    } else if (c == '\\' && i + 1 < to) {
                        i++;
                        byte e = b[i];
                        cur.write(switch (e) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> e;
                        });
                    } else if (c == '"') {
                        if (i + 1 < to && !isSpace(b[i + 1])) return null;
                        done = true;
                    } else {
                        cur.write(c);
                    }
                } else if (inSq) {
                    if (i >= to) return null;
                    byte c = b[i];
                    if (c == '\\' && i + 1 < to && b[i + 1] == '\'') {
                        i++;
                        cur.write('\'');
                    } else if (c == '\'') {
                        if (i + 1 < to && !isSpace(b[i + 1])) return null;
                        done = true;
                    } else {
                        cur.write(c);
                    }
                } else {
                    if (i >= to) {
                        done = true;
                        continue;
                    }
                    byte c = b[i];
                    if (isSpace(c)) {
                        done = true;
                    } else if (c == '"') {
                        inDq = true;
                    } else if (c == '\'') {
                        inSq = true;
                    } else {
                        cur.write(c);
                    }
                }
                if (i < to) i++;
            }
            out.add(cur.toByteArray());
        }
        return out.toArray(new byte[0][]);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 11 || c == 12;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(byte c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }
}
