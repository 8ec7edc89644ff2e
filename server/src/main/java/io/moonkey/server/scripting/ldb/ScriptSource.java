package io.moonkey.server.scripting.ldb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The debugged script's lines (ldb.md §2.3 step 1): trailing CR/LF of the whole body stripped,
 * then split on LF (a CR before an LF stays in its line); line 1 is the shebang if any.
 */
public final class ScriptSource {
    static final String OUT_OF_RANGE = "<out of range source code line>";

    private final List<String> lines = new ArrayList<>();

    public ScriptSource(byte[] body) {
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\r' || body[end - 1] == '\n')) {
            end--;
        }
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (body[i] == '\n') {
                lines.add(new String(body, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        lines.add(new String(body, start, end - start, StandardCharsets.ISO_8859_1));
    }

    public int lineCount() {
        return lines.size();
    }

    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : OUT_OF_RANGE;
    }

    /** §5.1: a marker for the current line and for a breakpoint, the number padded to 3, the text. */
    public String format(int n, boolean current, boolean breakpoint) {
        String prefix = current && breakpoint ? "->#" : current ? "-> " : breakpoint ? "  #" : "   ";
        String num = Integer.toString(n);
        StringBuilder sb = new StringBuilder(prefix).append(num);
        for (int i = num.length(); i < 3; i++) {
            sb.append(' ');
        }
        return sb.append(' ').append(line(n)).toString();
    }
}
