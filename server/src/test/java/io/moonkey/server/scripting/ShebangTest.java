package io.moonkey.server.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Shebang parsing with the error texts of scripting.md §4.1. */
class ShebangTest {

    private static Shebang parse(String body) {
        return Shebang.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String error(String body) {
        return assertThrows(Shebang.ShebangError.class, () -> parse(body)).getMessage();
    }

    @Test
    void noShebangIsCompatibilityMode() {
        Shebang s = parse("return 1");
        assertTrue(s.compatMode());
        assertEquals(0, s.bodyStart());
    }

    @Test
    void flagsAccumulateAndTheLineBreakIsKept() {
        Shebang s = parse("#!lua flags=no-writes flags=allow-oom,allow-stale\nreturn 1");
        assertEquals(EnumSet.of(ScriptFlag.NO_WRITES, ScriptFlag.ALLOW_OOM, ScriptFlag.ALLOW_STALE), s.flags());
        assertEquals('\n', "#!lua flags=no-writes flags=allow-oom,allow-stale\nreturn 1".charAt(s.bodyStart()));
        assertEquals(EnumSet.noneOf(ScriptFlag.class), parse("#!lua flags=\nreturn 1").flags());
        assertEquals(EnumSet.of(ScriptFlag.NO_WRITES), parse("#!lua \"flags=no-writes\"\nreturn 1").flags());
        assertEquals(EnumSet.noneOf(ScriptFlag.class), parse("#!lua\r\nreturn 1").flags());
    }

    @Test
    void errorsAreWordedAsValkey() {
        assertEquals("ERR Invalid script shebang", error("#!lua"));
        assertEquals("ERR Unexpected engine in script shebang: #!", error("#! lua\nreturn 1"));
        assertEquals("ERR Unexpected engine in script shebang: #!python", error("#!python\nreturn 1"));
        assertEquals("ERR Invalid engine in script shebang", error("#!lua \"flags=x\nreturn 1"));
        assertEquals("ERR Unknown lua shebang option: name=x", error("#!lua name=x\nreturn 1"));
        assertEquals("ERR Unexpected flag in script shebang: NO-WRITES", error("#!lua flags=NO-WRITES\nreturn 1"));
        assertEquals("ERR Unexpected flag in script shebang: ", error("#!lua flags=no-writes,,allow-oom\nreturn 1"));
        assertEquals("ERR Unexpected flag in script shebang: bad", error("#!lua flags=bad\nreturn 1"));
    }

    @Test
    void errorReplyFormat() {
        assertEquals("ERR user_script:1: boom script: 872b3fcb081448525c6141cdfa3df8374d30d162, on @user_script:1.",
                ScriptErrorReply.format("ERR user_script:1: boom", "872b3fcb081448525c6141cdfa3df8374d30d162", "@user_script", 1));
        assertEquals("ERR user_script:1: multi line script: f, on @user_script:1.",
                ScriptErrorReply.format("ERR user_script:1: multi\nline", "f", "@user_script", 1));
        assertEquals("ERR with    crlf script: f, on =[C]:-1.", ScriptErrorReply.format("ERR with \r\n crlf", "f", "=[C]", -1));
    }
}
