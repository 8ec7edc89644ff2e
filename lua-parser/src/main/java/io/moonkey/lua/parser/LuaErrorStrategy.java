package io.moonkey.lua.parser;

import io.moonkey.lua.parser.grammar.Lua51;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Stops at the first syntax error and words it as PUC Lua 5.1's parser does (lparser.c): the
 * grammar is LL(1) like PUC's, so ANTLR fails on the same token PUC does; what is left is to
 * choose PUC's message from the rule and the expected token:
 * <ul>
 *   <li>no expression can start here: {@code unexpected symbol near 'x'};</li>
 *   <li>a closing token missing: {@code 'end' expected (to close 'while' at line 3) near 'x'}
 *       (check_match; the short form when the opener is on the same line);</li>
 *   <li>any other missing token: {@code '=' expected near 'x'};</li>
 *   <li>the special wordings of a few rules ({@code '=' or 'in' expected},
 *       {@code <name> or '...' expected}, {@code function arguments expected}).</li>
 * </ul>
 * ANTLR's own recovery never runs.
 */
final class LuaErrorStrategy extends DefaultErrorStrategy {
    private final String chunkId;

    LuaErrorStrategy(String chunkId) {
        this.chunkId = chunkId;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw describe((Lua51) recognizer, e.getOffendingToken(), e.getCtx() instanceof ParserRuleContext c ? c
                : recognizer.getContext(), null);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        reportError(recognizer, e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        IntervalSet expected = recognizer.getExpectedTokens();
        throw describe((Lua51) recognizer, recognizer.getCurrentToken(), recognizer.getContext(), expected);
    }

    @Override
    public void sync(Parser recognizer) {
        // No resynchronisation: the first error ends the parse.
    }

    /**
     * @param expected the tokens {@code match} wanted, or null when no alternative was viable
     */
    private LuaSyntaxError describe(Lua51 p, Token offending, ParserRuleContext ctx, IntervalSet expected) {
        if (offending instanceof LuaToken t && t.lexError() != null) {
            return GrammarChecks.error(chunkId, "", t);
        }
        String special = ruleMessage(p, ctx, offending, expected);
        if (special != null) {
            return GrammarChecks.error(chunkId, special, offending);
        }
        int want = expectedToken(ctx, expected);
        if (want == Token.INVALID_TYPE) {
            return GrammarChecks.error(chunkId, "unexpected symbol", offending);
        }
        if (afterBlock(ctx) && !isBlockFollow(offending.getType()) && statementWouldStart(ctx, offending)) {
            // PUC reads any token that does not end a block as the start of a statement.
            return GrammarChecks.error(chunkId, "unexpected symbol", offending);
        }
        if (want == Lua51.RPAREN && ctx instanceof Lua51.FuncargsContext && ctx.getChildCount() == 1) {
            // funcargs: anything but ')' after '(' is read as the first argument.
            return GrammarChecks.error(chunkId, "unexpected symbol", offending);
        }
        if (want == Lua51.RBRACE && previousIsFieldStart(p, offending)) {
            return GrammarChecks.error(chunkId, "unexpected symbol", offending);
        }
        return GrammarChecks.error(chunkId, closeMessage(ctx, want, offending), offending);
    }

    /** check_match's wording: the long form names the opener when it is on another line. */
    private static String closeMessage(ParserRuleContext ctx, int want, Token offending) {
        Token opener = opener(ctx, want);
        String what = "'" + tokenName(want) + "' expected";
        if (opener != null && openerLine(ctx, opener) != offending.getLine()) {
            what += " (to close '" + opener.getText() + "' at line " + openerLine(ctx, opener) + ")";
        }
        return what;
    }

    /** Messages of rules whose PUC counterpart has its own wording. */
    private String ruleMessage(Lua51 p, ParserRuleContext ctx, Token offending, IntervalSet expected) {
        return switch (ctx.getRuleIndex()) {
            case Lua51.RULE_forTail -> expected == null ? "'=' or 'in' expected" : null;
            case Lua51.RULE_parlist -> "<name> or '...' expected";
            case Lua51.RULE_funcargs -> expected == null ? "function arguments expected" : null;
            case Lua51.RULE_expr, Lua51.RULE_operand, Lua51.RULE_simpleexp, Lua51.RULE_primaryexp,
                 Lua51.RULE_suffixedexp, Lua51.RULE_field, Lua51.RULE_explist -> expected == null ? "unexpected symbol" : null;
            case Lua51.RULE_tableconstructor -> {
                // After a field, PUC wants ',', ';' or the closing '}'; after '{' or a separator,
                // anything but '}' is read as a field.
                if (expected == null && !previousIsFieldStart(p, offending)) {
                    yield closeMessage(ctx, Lua51.RBRACE, offending);
                }
                yield expected == null ? "unexpected symbol" : null;
            }
            case Lua51.RULE_stat -> {
                // "local" followed by neither "function" nor a name: localstat's str_checkname.
                if (expected == null && ctx.getStart().getType() == Lua51.LOCAL) {
                    yield "'<name>' expected";
                }
                yield expected == null ? "unexpected symbol" : null;
            }
            case Lua51.RULE_body -> {
                // body -> '(' parlist ')': without parameters, parlist still wanted a name or '...'.
                if (expected != null && expected.contains(Lua51.RPAREN) && !hasChild(ctx, Lua51.ParlistContext.class)) {
                    yield "<name> or '...' expected";
                }
                yield null;
            }
            default -> null;
        };
    }

    /** The token PUC's parser asks for at this point, or INVALID_TYPE when it wants an expression. */
    private static int expectedToken(ParserRuleContext ctx, IntervalSet expected) {
        if (expected == null) {
            return Token.INVALID_TYPE;
        }
        // Where a block just ended, PUC asks for the construct's closing token.
        int closer = closer(ctx);
        if (closer != Token.INVALID_TYPE && expected.contains(closer)) {
            return closer;
        }
        if (expected.contains(Lua51.ASSIGN) && ctx.getRuleIndex() == Lua51.RULE_assignment) {
            return Lua51.ASSIGN;
        }
        List<Integer> types = expected.toList();
        return types.size() == 1 ? types.get(0) : types.get(types.size() - 1);
    }

    private static int closer(ParserRuleContext ctx) {
        return switch (ctx) {
            case Lua51.ChunkContext c -> Token.EOF;
            case Lua51.IfStatContext c -> Lua51.END;
            case Lua51.WhileStatContext c -> Lua51.END;
            case Lua51.DoStatContext c -> Lua51.END;
            case Lua51.NumericForContext c -> Lua51.END;
            case Lua51.GenericForContext c -> Lua51.END;
            case Lua51.BodyContext c -> Lua51.END;
            case Lua51.RepeatStatContext c -> Lua51.UNTIL;
            case Lua51.ParenExpContext c -> Lua51.RPAREN;
            case Lua51.FuncargsContext c -> Lua51.RPAREN;
            case Lua51.TableconstructorContext c -> Lua51.RBRACE;
            default -> Token.INVALID_TYPE;
        };
    }

    /** The token that opened the construct whose closer is missing (check_match's "who"). */
    private static Token opener(ParserRuleContext ctx, int want) {
        if (want != closer(ctx) || want == Token.EOF) {
            return null;
        }
        if (ctx instanceof Lua51.NumericForContext || ctx instanceof Lua51.GenericForContext) {
            return ((ParserRuleContext) ctx.getParent()).getStart();
        }
        if (ctx instanceof Lua51.BodyContext) {
            ParserRuleContext parent = (ParserRuleContext) ctx.getParent();
            return parent instanceof Lua51.LocalFunctionStatContext
                    ? ((TerminalNode) parent.getChild(1)).getSymbol() // "local function"
                    : parent.getStart();
        }
        if (ctx instanceof Lua51.IfStatContext && ctx.getStart().getType() != Lua51.IF) {
            return null;
        }
        return ctx.getStart();
    }

    /**
     * The line check_match reports for the opener. For {@code local function} and function
     * expressions PUC passes the line of the '(' (it reads the line after the keyword).
     */
    private static int openerLine(ParserRuleContext ctx, Token opener) {
        if (ctx instanceof Lua51.BodyContext && !(ctx.getParent() instanceof Lua51.FunctionStatContext)) {
            return ctx.getStart().getLine();
        }
        return opener.getLine();
    }

    /** Whether the parser is about to match the token that follows a block. */
    private static boolean afterBlock(ParserRuleContext ctx) {
        return ctx.getChildCount() > 0 && ctx.getChild(ctx.getChildCount() - 1) instanceof Lua51.BlockContext;
    }

    /**
     * After a block, a token that does not end it would have started a statement in PUC, unless
     * the block ended with {@code break} or a {@code return} that took its values (or a ';').
     */
    private static boolean statementWouldStart(ParserRuleContext ctx, Token offending) {
        Lua51.BlockContext block = (Lua51.BlockContext) ctx.getChild(ctx.getChildCount() - 1);
        Lua51.LaststatContext last = block.laststat();
        if (last == null) {
            return true;
        }
        if (last instanceof Lua51.ReturnStatContext r && r.explist() == null) {
            boolean semicolonAfter = block.getChild(block.getChildCount() - 1) instanceof TerminalNode;
            return !semicolonAfter && offending.getType() != Lua51.SEMI;
        }
        return false;
    }

    private static boolean previousIsFieldStart(Lua51 p, Token offending) {
        int t = p.getTokenStream().get(offending.getTokenIndex() - 1).getType();
        return t == Lua51.LBRACE || t == Lua51.COMMA || t == Lua51.SEMI;
    }

    private static boolean isBlockFollow(int type) {
        return type == Lua51.ELSE || type == Lua51.ELSEIF || type == Lua51.END || type == Lua51.UNTIL
                || type == Token.EOF;
    }

    private static boolean hasChild(ParserRuleContext ctx, Class<? extends ParseTree> type) {
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (type.isInstance(ctx.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** PUC's luaX_token2str for a token type. */
    static String tokenName(int type) {
        return switch (type) {
            case Token.EOF -> "<eof>";
            case Lua51.NAME -> "<name>";
            case Lua51.NUMBER -> "<number>";
            case Lua51.STRING -> "<string>";
            default -> {
                String literal = Lua51.VOCABULARY.getSymbolicName(type);
                yield SYMBOLS.getOrDefault(literal, literal == null ? "?" : literal.toLowerCase());
            }
        };
    }

    private static final java.util.Map<String, String> SYMBOLS = java.util.Map.ofEntries(
            java.util.Map.entry("CONCAT", ".."), java.util.Map.entry("DOTS", "..."),
            java.util.Map.entry("EQ", "=="), java.util.Map.entry("GE", ">="),
            java.util.Map.entry("LE", "<="), java.util.Map.entry("NE", "~="),
            java.util.Map.entry("PLUS", "+"), java.util.Map.entry("MINUS", "-"),
            java.util.Map.entry("STAR", "*"), java.util.Map.entry("SLASH", "/"),
            java.util.Map.entry("PERCENT", "%"), java.util.Map.entry("CARET", "^"),
            java.util.Map.entry("HASH", "#"), java.util.Map.entry("LT", "<"),
            java.util.Map.entry("GT", ">"), java.util.Map.entry("ASSIGN", "="),
            java.util.Map.entry("LPAREN", "("), java.util.Map.entry("RPAREN", ")"),
            java.util.Map.entry("LBRACE", "{"), java.util.Map.entry("RBRACE", "}"),
            java.util.Map.entry("LBRACKET", "["), java.util.Map.entry("RBRACKET", "]"),
            java.util.Map.entry("SEMI", ";"), java.util.Map.entry("COLON", ":"),
            java.util.Map.entry("COMMA", ","), java.util.Map.entry("DOT", "."));
}
