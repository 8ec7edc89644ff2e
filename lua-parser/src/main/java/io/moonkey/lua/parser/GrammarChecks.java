package io.moonkey.lua.parser;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.parser.grammar.Lua51;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The checks PUC Lua's parser makes while it reads a chunk, run as actions of the grammar so
 * that they fire in source order, before any later syntax error: assignment targets, ambiguous
 * calls across lines, {@code break} outside a loop, {@code ...} outside a vararg function, and
 * the limit of 200 nested syntax levels (LUAI_MAXCCALLS).
 */
public abstract class GrammarChecks extends Parser {
    private static final int MAX_LEVELS = 200;
    private static final int UNARY_PRIORITY = BinOp.UNARY_PRIORITY;

    private String chunkId = "?";
    private int level;

    /** Per open function: whether it is vararg and how many loops enclose the current point. */
    private boolean[] vararg = new boolean[16];
    private int[] loops = new int[16];
    private int functions;

    /** Replay of PUC's subexpr recursion: the priority limit of each open subexpr. */
    private int[] limits = new int[64];
    private int limitCount;
    private int[] exprBases = new int[16];
    private int exprCount;

    protected GrammarChecks(TokenStream input) {
        super(input);
    }

    /**
     * @param chunkId   the chunk name as messages show it
     * @param baseLevel the C call depth PUC's parser starts at: 1 when loading a file or a script
     *                  from C, 2 for {@code loadstring} called from Lua code
     */
    void configure(String chunkId, int baseLevel) {
        this.chunkId = chunkId;
        this.level = baseLevel;
    }

    // ---- functions and loops ----

    protected void enterFunction(boolean isVararg) {
        if (functions == vararg.length) {
            vararg = java.util.Arrays.copyOf(vararg, functions * 2);
            loops = java.util.Arrays.copyOf(loops, functions * 2);
        }
        vararg[functions] = isVararg;
        loops[functions] = 0;
        functions++;
    }

    protected void leaveFunction() {
        functions--;
    }

    protected void enterLoop() {
        loops[functions - 1]++;
    }

    protected void leaveLoop() {
        loops[functions - 1]--;
    }

    /** lparser.c breakstat: the message names the token after {@code break}. */
    protected void checkBreak() {
        if (loops[functions - 1] == 0) {
            throw error("no loop to break", getCurrentToken());
        }
    }

    /** Runs after {@code ...} was matched; PUC checks before, so the message is near '...'. */
    protected void checkVararg() {
        if (!vararg[functions - 1]) {
            throw error("cannot use '...' outside a vararg function", _input.LT(-1));
        }
    }

    /** lparser.c funcargs: a {@code (} on a later line than the function expression. */
    protected void checkAmbiguousCall() {
        Token paren = _input.LT(1);
        Token previous = _input.LT(-1);
        if (paren.getType() == Lua51.LPAREN && previous != null && paren.getLine() != previous.getLine()
                && !afterFieldLookahead(previous)) {
            throw error("ambiguous syntax (function call x new statement)", paren);
        }
    }

    /**
     * PUC reads one token ahead after a name that starts a table field (to tell {@code k = v}
     * from an expression), and that moves its "last line" to the next token's: a '(' right
     * after such a name is never an ambiguous call.
     */
    private boolean afterFieldLookahead(Token name) {
        if (name.getType() != Lua51.NAME) {
            return false;
        }
        for (org.antlr.v4.runtime.ParserRuleContext c = _ctx; c != null; c = c.getParent()) {
            if (c instanceof Lua51.FieldContext) {
                return c.getStart().getTokenIndex() == name.getTokenIndex();
            }
        }
        return false;
    }

    // ---- expression statements ----

    /**
     * After the first expression of a statement: a call ends the statement (a following ',' or
     * '=' then starts a new one, which is an unexpected symbol); anything else must be an
     * assignable target followed by ',' or '='.
     */
    protected void checkStatementStart(Lua51.SuffixedexpContext first) {
        Token next = getCurrentToken();
        boolean continues = next.getType() == Lua51.COMMA || next.getType() == Lua51.ASSIGN;
        if (isCall(first)) {
            if (continues) {
                throw error("unexpected symbol", next);
            }
            return;
        }
        if (!isAssignable(first)) {
            throw error("syntax error", next);
        }
        if (!continues) {
            throw error("'=' expected", next);
        }
    }

    /** Each further target of a multiple assignment must be assignable. */
    protected void checkTarget(Lua51.SuffixedexpContext target) {
        if (!isAssignable(target)) {
            throw error("syntax error", getCurrentToken());
        }
    }

    static boolean isCall(Lua51.SuffixedexpContext e) {
        int n = e.suffix().size();
        if (n == 0) {
            return false;
        }
        Lua51.SuffixContext last = e.suffix(n - 1);
        return last instanceof Lua51.CallSuffixContext || last instanceof Lua51.MethodSuffixContext;
    }

    static boolean isAssignable(Lua51.SuffixedexpContext e) {
        int n = e.suffix().size();
        if (n == 0) {
            return e.primaryexp() instanceof Lua51.NameExpContext;
        }
        Lua51.SuffixContext last = e.suffix(n - 1);
        return last instanceof Lua51.FieldSuffixContext || last instanceof Lua51.IndexSuffixContext;
    }

    // ---- syntax levels ----

    protected void enterLevel() {
        if (++level > MAX_LEVELS) {
            Token t = getCurrentToken();
            throw new LuaSyntaxError(chunkId + ":" + t.getLine() + ": chunk has too many syntax levels", t.getLine());
        }
    }

    protected void leaveLevel() {
        level--;
    }

    protected void enterExpr() {
        if (exprCount == exprBases.length) {
            exprBases = java.util.Arrays.copyOf(exprBases, exprCount * 2);
        }
        exprBases[exprCount++] = limitCount;
        pushLimit(0);
    }

    protected void leaveExpr() {
        int base = exprBases[--exprCount];
        while (limitCount > base) {
            limitCount--;
            leaveLevel();
        }
    }

    protected void unaryOperatorRead() {
        pushLimit(UNARY_PRIORITY);
    }

    /** The open subexprs whose limit is at least the operator's left priority return first. */
    protected void binaryOperatorRead(Token op) {
        BinOp binOp = AstBuilder.binOp(op.getType());
        int base = exprBases[exprCount - 1];
        while (limitCount > base + 1 && limits[limitCount - 1] >= binOp.left) {
            limitCount--;
            leaveLevel();
        }
        pushLimit(binOp.right);
    }

    private void pushLimit(int limit) {
        enterLevel();
        if (limitCount == limits.length) {
            limits = java.util.Arrays.copyOf(limits, limitCount * 2);
        }
        limits[limitCount++] = limit;
    }

    // ---- messages ----

    /** {@code chunk:line: message near 'token'}, or the token's own lexical error. */
    LuaSyntaxError error(String message, Token near) {
        return error(chunkId, message, near);
    }

    static LuaSyntaxError error(String chunkId, String message, Token near) {
        if (near instanceof LuaToken t && t.lexError() != null) {
            return new LuaSyntaxError(t.lexError(), t.getLine());
        }
        String text = near.getType() == Token.EOF ? "<eof>"
                : LuaLexer.cString(near instanceof LuaToken t ? t.near() : near.getText());
        return new LuaSyntaxError(chunkId + ":" + near.getLine() + ": " + message + " near '" + text + "'",
                near.getLine());
    }
}
