package io.moonkey.lua.ast;

/** Unary operators (Lua 5.1 manual §2.5): all have priority {@link BinOp#UNARY_PRIORITY}. */
public enum UnOp {
    NEG("-"), NOT("not"), LEN("#");

    public final String symbol;

    UnOp(String symbol) {
        this.symbol = symbol;
    }
}
