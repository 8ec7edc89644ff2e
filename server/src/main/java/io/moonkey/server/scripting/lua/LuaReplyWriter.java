package io.moonkey.server.scripting.lua;

import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.CConversions;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;

/**
 * Writes a script's return value as a reply (lua-api.md §5). Numbers are truncated to
 * integers; booleans follow the script's protocol ({@code server.setresp}); a table is, in
 * this order of raw checks, an error ({@code err}), a status ({@code ok}), a double, a big
 * number, a verbatim string, a map, a set, or else the array {@code t[1..]} up to its first nil.
 */
public final class LuaReplyWriter {
    /** Nesting beyond this is cut with an error element, as Valkey does when its C stack runs out. */
    static final int MAX_DEPTH = 1000;

    private static final LuaString ERR = LuaString.latin1("err");
    private static final LuaString OK = LuaString.latin1("ok");
    private static final LuaString DOUBLE = LuaString.latin1("double");
    private static final LuaString BIG_NUMBER = LuaString.latin1("big_number");
    private static final LuaString VERBATIM = LuaString.latin1("verbatim_string");
    private static final LuaString FORMAT = LuaString.latin1("format");
    private static final LuaString STRING = LuaString.latin1("string");
    private static final LuaString MAP = LuaString.latin1("map");
    private static final LuaString SET = LuaString.latin1("set");

    private final ReplySink out;
    private final int scriptProtocol;
    private final Object[] kv = new Object[2];

    /**
     * @param scriptProtocol the script's protocol (2, or 3 after {@code server.setresp(3)}),
     *                       which decides how booleans are returned
     */
    public LuaReplyWriter(ReplySink out, int scriptProtocol) {
        this.out = out;
        this.scriptProtocol = scriptProtocol;
    }

    public void write(Object v) {
        write(v, 0);
    }

    private void write(Object v, int depth) {
        switch (v) {
            case LuaString s -> out.bulk(s.bytes(), 0, s.length());
            case Double d -> out.integer(CConversions.toLong(d));
            case Boolean b -> {
                if (scriptProtocol == 3) {
                    out.bool(b);
                } else if (b) {
                    out.integer(1);
                } else {
                    out.nullBulk();
                }
            }
            case LuaTable t -> table(t, depth);
            case null, default -> out.nullBulk();
        }
    }

    private void table(LuaTable t, int depth) {
        if (depth >= MAX_DEPTH) {
            out.error("ERR reached lua stack limit");
            return;
        }
        if (t.get(ERR) instanceof LuaString err) {
            if (ServerApi.ignoresErrorStats(t)) {
                out.errorCountedElsewhere(errorText(err));
            } else {
                out.error(errorText(err));
            }
            return;
        }
        if (t.get(OK) instanceof LuaString ok) {
            out.simple(latin1(ok).replace('\r', ' ').replace('\n', ' '));
            return;
        }
        if (t.get(DOUBLE) instanceof Double d) {
            out.doubleValue(d);
            return;
        }
        if (t.get(BIG_NUMBER) instanceof LuaString big) {
            out.bigNumber(latin1(big).replace('\r', ' ').replace('\n', ' '));
            return;
        }
        if (t.get(VERBATIM) instanceof LuaTable vs && vs.get(FORMAT) instanceof LuaString format
                && vs.get(STRING) instanceof LuaString text) {
            String f = latin1(format);
            out.verbatim(f.length() > 3 ? f.substring(0, 3) : f, text.bytes());
            return;
        }
        if (t.get(MAP) instanceof LuaTable map) {
            out.mapHeader(count(map));
            Object key = null;
            while (map.next(key, kv)) {
                key = kv[0];
                Object value = kv[1];
                write(key, depth + 1);
                write(value, depth + 1);
            }
            return;
        }
        if (t.get(SET) instanceof LuaTable set) {
            out.setHeader(count(set));
            Object key = null;
            while (set.next(key, kv)) {
                key = kv[0];
                write(key, depth + 1);
            }
            return;
        }
        int n = 0;
        while (t.get(n + 1) != null) {
            n++;
        }
        out.arrayHeader(n);
        for (int i = 1; i <= n; i++) {
            write(t.get(i), depth + 1);
        }
    }

    private int count(LuaTable t) {
        int n = 0;
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            n++;
        }
        return n;
    }

    /** Trailing CR/LF removed, the others turned into spaces: a line break would end the reply. */
    private static String errorText(LuaString err) {
        String s = latin1(err);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(0, end).replace('\r', ' ').replace('\n', ' ');
    }

    private static String latin1(LuaString s) {
        return new String(s.bytes(), 0, s.length(), StandardCharsets.ISO_8859_1);
    }
}
