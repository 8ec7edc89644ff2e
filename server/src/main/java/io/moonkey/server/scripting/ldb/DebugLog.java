package io.moonkey.server.scripting.ldb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries the debugger accumulates and flushes as one RESP array of simple strings
 * (ldb.md §4.1), with the {@code maxlen} trimming of replies and values (§5.4). Entries are
 * byte strings held as ISO-8859-1 text, so binary values pass through unchanged.
 */
public final class DebugLog {
    static final int DEFAULT_MAXLEN = 256;
    static final String TRIM_HINT = "<hint> The above reply was trimmed. Use 'maxlen 0' to disable trimming.";

    private final List<String> entries = new ArrayList<>();
    private int maxlen = DEFAULT_MAXLEN;
    private boolean hintSent;

    /** An entry as is. */
    public void log(String entry) {
        entries.add(entry);
    }

    /** A {@code <reply>}, {@code <value>} or {@code <retval>} entry: cut at maxlen bytes (§5.4). */
    public void logTrimmed(String entry) {
        boolean trimmed = false;
        if (maxlen > 0 && entry.length() > maxlen) {
            entry = entry.substring(0, maxlen) + " ...";
            trimmed = true;
        }
        entries.add(entry);
        if (trimmed && !hintSent) {
            hintSent = true;
            entries.add(TRIM_HINT);
        }
    }

    int maxlen() {
        return maxlen;
    }

    /** The {@code maxlen} command: 1..60 (and negative values) become 60, 0 is unlimited; no hint any more. */
    void setMaxlen(int value) {
        hintSent = true;
        maxlen = value != 0 && value <= 60 ? 60 : value;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The pending entries as one RESP array (CR and LF inside entries become spaces); empties the log. */
    public byte[] drain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + entries.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String e : entries) {
            out.write('+');
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                out.write(c == '\r' || c == '\n' ? ' ' : c);
            }
            out.write('\r');
            out.write('\n');
        }
        entries.clear();
        return out.toByteArray();
    }
}
