package io.moonkey.server;

/** Quoted, escaped text of binary data, as Valkey's sdscatrepr (MONITOR, DEBUG output). */
public final class Repr {
    private Repr() {}

    public static String quote(byte[] b) {
        StringBuilder s = new StringBuilder(b.length + 2).append('"');
        for (byte x : b) {
            int c = x & 0xff;
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case 7 -> s.append("\\a");
                case '\b' -> s.append("\\b");
                default -> {
                    if (c >= 32 && c < 127) s.append((char) c);
                    else s.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                }
            }
        }
        return s.append('"').toString();
    }
}
