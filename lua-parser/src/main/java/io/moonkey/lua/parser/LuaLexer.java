package io.moonkey.lua.parser;

import static io.moonkey.lua.parser.grammar.Lua51.*;

import io.moonkey.lua.text.NumberParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The Lua 5.1 lexer (reference manual §2.1), feeding the ANTLR grammar {@code Lua51}.
 *
 * <p>Written by hand rather than as an ANTLR lexer grammar because Lua's lexical errors are part
 * of the interface: their wording, the line they are reported on (PUC counts {@code \r\n} and
 * {@code \n\r} as one line break) and the text shown after "near" (for a string, the decoded
 * characters read so far, with the opening quote) all follow PUC's lexer. Source text is bytes;
 * names and token texts are Latin-1 strings, one char per byte.
 *
 * <p>A lexical error does not throw here: it becomes a {@code LEX_ERROR} token, raised when the
 * parser reaches it, so errors are reported in source order as PUC reports them. After an error
 * token the lexer returns end of input.
 */
public final class LuaLexer implements TokenSource {
    private static final int EOZ = -1;

    private static final Map<String, Integer> RESERVED = Map.ofEntries(
            Map.entry("and", AND), Map.entry("break", BREAK), Map.entry("do", DO),
            Map.entry("else", ELSE), Map.entry("elseif", ELSEIF), Map.entry("end", END),
            Map.entry("false", FALSE), Map.entry("for", FOR), Map.entry("function", FUNCTION),
            Map.entry("if", IF), Map.entry("in", IN), Map.entry("local", LOCAL),
            Map.entry("nil", NIL), Map.entry("not", NOT), Map.entry("or", OR),
            Map.entry("repeat", REPEAT), Map.entry("return", RETURN), Map.entry("then", THEN),
            Map.entry("true", TRUE), Map.entry("until", UNTIL), Map.entry("while", WHILE));

    private final byte[] src;
    private final String chunkId;
    private int pos;
    private int line = 1;
    private boolean failed;
    /** Bytes of the token being read, as PUC's lexer buffer holds them (for messages). */
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    /**
     * @param source     the chunk's bytes
     * @param start      where lexing begins (after a skipped {@code #} first line)
     * @param chunkId    the chunk name as shown in messages ({@link ChunkId#of})
     */
    public LuaLexer(byte[] source, int start, String chunkId) {
        this.src = source;
        this.pos = start;
        this.chunkId = chunkId;
    }

    private int current() {
        return pos < src.length ? src[pos] & 0xFF : EOZ;
    }

    private int peek(int ahead) {
        int p = pos + ahead;
        return p < src.length ? src[p] & 0xFF : EOZ;
    }

    private void save(int c) {
        buffer.write(c);
    }

    private void saveAndNext() {
        buffer.write(current());
        pos++;
    }

    private boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    /** Skips a line break; {@code \n\r} and {@code \r\n} count as one. */
    private void newline() {
        int old = current();
        pos++;
        if (isNewline(current()) && current() != old) {
            pos++;
        }
        line++;
    }

    @Override
    public Token nextToken() {
        if (failed) {
            return token(EOF, "<eof>", pos, pos);
        }
        buffer.reset();
        for (;;) {
            int c = current();
            int start = pos;
            switch (c) {
                case '\n', '\r' -> newline();
                case ' ', '\t', '\f', 0x0B -> pos++;
                case '-' -> {
                    if (peek(1) != '-') {
                        pos++;
                        return token(MINUS, "-", start, pos);
                    }
                    pos += 2;
                    Token error = comment();
                    if (error != null) {
                        return error;
                    }
                }
                case '[' -> {
                    int sep = skipSeparator();
                    if (sep >= 0) {
                        return longString(sep, start);
                    }
                    if (sep == -1) {
                        return token(LBRACKET, "[", start, pos);
                    }
                    return lexError("invalid long string delimiter", bufferText(), start);
                }
                case '=' -> {
                    return twoChar('=', EQ, "==", ASSIGN, "=", start);
                }
                case '<' -> {
                    return twoChar('=', LE, "<=", LT, "<", start);
                }
                case '>' -> {
                    return twoChar('=', GE, ">=", GT, ">", start);
                }
                case '~' -> {
                    return twoChar('=', NE, "~=", OTHER, "~", start);
                }
                case '"', '\'' -> {
                    return string(c, start);
                }
                case '.' -> {
                    if (peek(1) == '.') {
                        if (peek(2) == '.') {
                            pos += 3;
                            return token(DOTS, "...", start, pos);
                        }
                        pos += 2;
                        return token(CONCAT, "..", start, pos);
                    }
                    if (!isDigit(peek(1))) {
                        pos++;
                        return token(DOT, ".", start, pos);
                    }
                    return numeral(start);
                }
                case EOZ -> {
                    return token(EOF, "<eof>", start, start);
                }
                default -> {
                    if (isDigit(c)) {
                        return numeral(start);
                    }
                    if (isAlpha(c) || c == '_') {
                        return name(start);
                    }
                    pos++;
                    return single(c, start);
                }
            }
        }
    }

    private Token twoChar(int second, int longType, String longText, int shortType, String shortText, int start) {
        pos++;
        if (current() == second) {
            pos++;
            return token(longType, longText, start, pos);
        }
        return token(shortType, shortText, start, pos);
    }

    private Token single(int c, int start) {
        int type = switch (c) {
            case '+' -> PLUS;
            case '*' -> STAR;
            case '/' -> SLASH;
            case '%' -> PERCENT;
            case '^' -> CARET;
            case '#' -> HASH;
            case '(' -> LPAREN;
            case ')' -> RPAREN;
            case '{' -> LBRACE;
            case '}' -> RBRACE;
            case ']' -> RBRACKET;
            case ';' -> SEMI;
            case ':' -> COLON;
            case ',' -> COMMA;
            default -> OTHER;
        };
        String text = String.valueOf((char) c);
        LuaToken t = token(type, text, start, pos);
        if (isControl(c)) {
            t.near("char(" + c + ")"); // luaX_token2str shows control characters by code
        }
        return t;
    }

    private Token name(int start) {
        while (isAlnum(current()) || current() == '_') {
            pos++;
        }
        String text = new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
        Integer reserved = RESERVED.get(text);
        return token(reserved != null ? reserved : NAME, text, start, pos);
    }

    /** Lua 5.1 reads digits and dots, an optional exponent sign, then any letters, digits or '_'. */
    private Token numeral(int start) {
        do {
            pos++;
        } while (isDigit(current()) || current() == '.');
        if (current() == 'e' || current() == 'E') {
            pos++;
            if (current() == '+' || current() == '-') {
                pos++;
            }
        }
        while (isAlnum(current()) || current() == '_') {
            pos++;
        }
        String text = new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
        // luaO_str2d, as PUC's lexer converts numerals: strtod over the whole text.
        long bits = NumberParser.str2dBits(src, start, pos - start);
        if (bits == NumberParser.FAILED) {
            return lexError("malformed number", text, start);
        }
        LuaToken t = token(NUMBER, text, start, pos);
        t.number(Double.longBitsToDouble(bits));
        return t;
    }

    /** After {@code --}: a long comment {@code --[==[ ... ]==]} or a comment to the end of the line. */
    private Token comment() {
        if (current() == '[') {
            int sep = skipSeparator();
            buffer.reset();
            if (sep >= 0) {
                int start = pos;
                if (!skipLongBracket(sep, false)) {
                    return lexError("unfinished long comment", null, start);
                }
                if (failed) {
                    return lastError;
                }
                buffer.reset();
                return null;
            }
        }
        while (!isNewline(current()) && current() != EOZ) {
            pos++;
        }
        return null;
    }

    /**
     * Reads {@code [===} or {@code ]===} into the buffer: returns the number of '=' when the same
     * bracket follows, -1 for a lone bracket, and -(count+1) otherwise.
     */
    private int skipSeparator() {
        int bracket = current();
        saveAndNext();
        int count = 0;
        while (current() == '=') {
            saveAndNext();
            count++;
        }
        return current() == bracket ? count : -count - 1;
    }

    private LuaToken lastError;

    private Token longString(int sep, int start) {
        if (!skipLongBracket(sep, true)) {
            return lexError("unfinished long string", null, start);
        }
        if (failed) {
            return lastError;
        }
        byte[] all = buffer.toByteArray();
        byte[] value = java.util.Arrays.copyOfRange(all, sep + 2, all.length - (sep + 2));
        LuaToken t = token(STRING, latin1(all), start, pos);
        t.bytes(value);
        return t;
    }

    /**
     * Reads a long bracket's body after its opening separator; returns false at end of input.
     * A nested {@code [[} in a level-0 bracket is an error (LUA_COMPAT_LSTR, as in Lua 5.1).
     */
    private boolean skipLongBracket(int sep, boolean keep) {
        saveAndNext(); // the second '['
        if (isNewline(current())) {
            newline(); // the first line break is not part of the string
        }
        for (;;) {
            int c = current();
            switch (c) {
                case EOZ -> {
                    return false;
                }
                case '[' -> {
                    if (skipSeparator() == sep) {
                        saveAndNext();
                        if (sep == 0) {
                            lexError("nesting of [[...]] is deprecated", "[", pos);
                            return true;
                        }
                    }
                }
                case ']' -> {
                    if (skipSeparator() == sep) {
                        saveAndNext();
                        return true;
                    }
                }
                case '\n', '\r' -> {
                    save('\n');
                    newline();
                    if (!keep) {
                        buffer.reset();
                    }
                }
                default -> {
                    if (keep) {
                        saveAndNext();
                    } else {
                        pos++;
                    }
                }
            }
        }
    }

    private Token string(int delimiter, int start) {
        saveAndNext();
        while (current() != delimiter) {
            int c = current();
            if (c == EOZ) {
                return lexError("unfinished string", null, start);
            }
            if (isNewline(c)) {
                return lexError("unfinished string", bufferText(), start);
            }
            if (c != '\\') {
                saveAndNext();
                continue;
            }
            pos++; // the backslash is not kept
            c = current();
            switch (c) {
                case 'a' -> escape(7);
                case 'b' -> escape('\b');
                case 'f' -> escape('\f');
                case 'n' -> escape('\n');
                case 'r' -> escape('\r');
                case 't' -> escape('\t');
                case 'v' -> escape(0x0B);
                case '\n', '\r' -> {
                    save('\n');
                    newline();
                }
                case EOZ -> { } // reported as an unfinished string by the loop
                default -> {
                    if (!isDigit(c)) {
                        saveAndNext(); // \\ \" \' and any other character stand for themselves
                    } else {
                        int value = 0;
                        int i = 0;
                        do {
                            value = 10 * value + (current() - '0');
                            pos++;
                        } while (++i < 3 && isDigit(current()));
                        if (value > 255) {
                            return lexError("escape sequence too large", bufferText(), start);
                        }
                        save(value);
                    }
                }
            }
        }
        saveAndNext(); // the closing delimiter
        byte[] all = buffer.toByteArray();
        LuaToken t = token(STRING, latin1(all), start, pos);
        t.bytes(java.util.Arrays.copyOfRange(all, 1, all.length - 1));
        return t;
    }

    private void escape(int value) {
        save(value);
        pos++;
    }

    private LuaToken token(int type, String text, int start, int end) {
        return new LuaToken(type, text, line, start, end - 1);
    }

    /**
     * Records a lexical error as PUC words it: {@code chunk:line: msg near 'text'}, where a
     * missing text means the end of input. C's "%s" stops at a zero byte, and so does the text.
     */
    private LuaToken lexError(String message, String near, int start) {
        String shown = near == null ? "<eof>" : cString(near);
        LuaToken t = token(LEX_ERROR, shown, start, Math.max(pos, start + 1));
        t.lexError(chunkId + ":" + line + ": " + message + " near '" + shown + "'");
        failed = true;
        lastError = t;
        return t;
    }

    private String bufferText() {
        return latin1(buffer.toByteArray());
    }

    static String cString(String s) {
        int zero = s.indexOf('\0');
        return zero < 0 ? s : s.substring(0, zero);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isControl(int c) {
        return c < 32 || c == 127;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return 0;
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String getSourceName() {
        return chunkId;
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        // Tokens are always LuaTokens.
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }
}
