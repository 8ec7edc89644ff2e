package io.moonkey.lua.parser;

import org.antlr.v4.runtime.CommonToken;

/**
 * A token with what Lua needs beyond ANTLR's: the decoded value of strings and numbers, and the
 * text PUC shows for the token in messages ({@code near '...'}). The line is the line the token
 * ends on, which is the line PUC's lexer is at when it reports on the token.
 */
public final class LuaToken extends CommonToken {
    private byte[] bytes;
    private double number;
    private String near;
    private String lexError;

    LuaToken(int type, String text, int line, int start, int stop) {
        super(type, text);
        setLine(line);
        setStartIndex(start);
        setStopIndex(stop);
    }

    /** The decoded bytes of a string literal. */
    public byte[] bytes() {
        return bytes;
    }

    void bytes(byte[] value) {
        this.bytes = value;
    }

    /** The value of a numeral. */
    public double number() {
        return number;
    }

    void number(double value) {
        this.number = value;
    }

    /** What an error message shows for this token, e.g. {@code '"abc'} without the quotes. */
    public String near() {
        return near != null ? near : getText();
    }

    void near(String text) {
        this.near = text;
    }

    /** The complete message of a lexical error, for tokens of type LEX_ERROR. */
    public String lexError() {
        return lexError;
    }

    void lexError(String message) {
        this.lexError = message;
    }
}
