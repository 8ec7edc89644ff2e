package io.moonkey.server.scripting;

import io.moonkey.server.resp.InlineSplitter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shebang line of an EVAL script ({@code #!lua flags=no-writes,allow-oom}), scripting.md
 * §4.1. A script without one runs in compatibility mode, where no flag rule applies.
 *
 * @param compatMode true when the body has no shebang
 * @param flags      the declared flags (empty in compatibility mode)
 * @param bodyStart  where the code to compile starts: at the shebang line's {@code \n}, which
 *                   is kept so that line numbers in messages stay those of the body
 */
public record Shebang(boolean compatMode, Set<ScriptFlag> flags, int bodyStart) {

    private static final Shebang COMPAT = new Shebang(true, EnumSet.noneOf(ScriptFlag.class), 0);

    /** Parses the shebang of {@code body}; a malformed one is a {@link ShebangError}. */
    public static Shebang parse(byte[] body) {
        if (body.length < 2 || body[0] != '#' || body[1] != '!') {
            return COMPAT;
        }
        int nl = indexOf(body, (byte) '\n');
        if (nl < 0) {
            throw new ShebangError("ERR Invalid script shebang");
        }
        byte[][] tokens = InlineSplitter.split(body, 0, nl);
        if (tokens == null || tokens.length == 0) {
            throw new ShebangError("ERR Invalid engine in script shebang");
        }
        String engine = latin1(tokens[0]);
        if (!engine.equals("#!lua")) {
            throw new ShebangError("ERR Unexpected engine in script shebang: " + engine);
        }
        EnumSet<ScriptFlag> flags = EnumSet.noneOf(ScriptFlag.class);
        for (int i = 1; i < tokens.length; i++) {
            String option = latin1(tokens[i]);
            if (!option.startsWith("flags=")) {
                throw new ShebangError("ERR Unknown lua shebang option: " + option);
            }
            String value = option.substring("flags=".length());
            if (value.isEmpty()) {
                continue; // "flags=" declares no flags
            }
            for (String item : value.split(",", -1)) {
                ScriptFlag f = ScriptFlag.named(item);
                if (f == null) {
                    throw new ShebangError("ERR Unexpected flag in script shebang: " + item);
                }
                flags.add(f);
            }
        }
        return new Shebang(false, flags, nl);
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A shebang the server refuses; the message is the error reply without its '-'. */
    public static final class ShebangError extends RuntimeException {
        public ShebangError(String message) {
            super(message, null, false, false);
        }
    }
}
