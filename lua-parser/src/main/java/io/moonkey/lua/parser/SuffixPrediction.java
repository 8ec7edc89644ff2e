package io.moonkey.lua.parser;

import io.moonkey.lua.parser.grammar.Lua51;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ParserATNSimulator;

/**
 * ANTLR's prediction, except for one decision: whether a suffix ({@code .x}, {@code [k]},
 * {@code :m()}, a call) continues an expression. A '(' there is ambiguous in Lua's grammar (it
 * could start the next statement); PUC reads it greedily as a call, deciding on that token alone,
 * and so do we. ANTLR would look further and, when the call's arguments are malformed, prefer
 * to end the expression, reporting the error somewhere PUC does not.
 */
final class SuffixPrediction extends ParserATNSimulator {
    private static final int CONTINUE = 1;
    private static final int EXIT = 2;

    SuffixPrediction(Parser parser, ParserATNSimulator original) {
        super(parser, original.atn, original.decisionToDFA, original.getSharedContextCache());
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        if (atn.getDecisionState(decision).ruleIndex == Lua51.RULE_suffixedexp) {
            return switch (input.LA(1)) {
                case Lua51.DOT, Lua51.LBRACKET, Lua51.COLON, Lua51.LPAREN, Lua51.STRING, Lua51.LBRACE -> CONTINUE;
                default -> EXIT;
            };
        }
        return super.adaptivePredict(input, decision, outerContext);
    }
}
