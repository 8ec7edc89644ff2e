/*
 * Lua 5.1 syntax (reference manual §2 and §8), written for moonkey.
 *
 * Tokens come from io.moonkey.lua.parser.LuaLexer, a hand-written lexer that reproduces PUC
 * Lua's lexical errors and line counting. The rules follow the structure of PUC's recursive-descent
 * parser so that every decision is LL(1): the first token that cannot continue a program is
 * the one PUC reports, and io.moonkey.lua.parser.LuaErrorStrategy words the error as PUC does.
 * Checks PUC makes while parsing (assignability, ambiguous calls, break outside a loop, '...'
 * outside a vararg function, nesting depth) run as actions in source order, through the
 * methods of io.moonkey.lua.parser.GrammarChecks.
 */
parser grammar Lua51;

options { superClass = GrammarChecks; }

@header { import io.moonkey.lua.parser.GrammarChecks; }

tokens {
    NAME, NUMBER, STRING,
    AND, BREAK, DO, ELSE, ELSEIF, END, FALSE, FOR, FUNCTION, IF, IN, LOCAL, NIL, NOT, OR,
    REPEAT, RETURN, THEN, TRUE, UNTIL, WHILE,
    CONCAT, DOTS, EQ, GE, LE, NE,
    PLUS, MINUS, STAR, SLASH, PERCENT, CARET, HASH, LT, GT, ASSIGN,
    LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, SEMI, COLON, COMMA, DOT,
    OTHER,     // any other single character, e.g. '@' ("unexpected symbol near '@'")
    LEX_ERROR  // a lexical error, raised when the parser reaches it (PUC order)
}

// chunk -> { stat [';'] } [laststat [';']] EOF
chunk
    : {enterFunction(true);} block EOF
    ;

// PUC keeps reading statements until a block-follow token (else elseif end until EOF);
// any other token starts a statement, and a bad one fails inside it ("unexpected symbol").
block
    : {enterLevel();} (stat SEMI?)* (laststat SEMI?)? {leaveLevel();}
    ;

stat
    : IF expr THEN block (ELSEIF expr THEN block)* (ELSE block)? END                    # ifStat
    | WHILE expr DO {enterLoop();} block {leaveLoop();} END                               # whileStat
    | DO block END                                                                        # doStat
    | FOR NAME forTail                                                                    # forStat
    | REPEAT {enterLoop();} block {leaveLoop();} UNTIL expr                               # repeatStat
    | FUNCTION funcname body                                          # functionStat
    | LOCAL FUNCTION NAME body                                                     # localFunctionStat
    | LOCAL NAME (COMMA NAME)* (ASSIGN explist)?                                          # localStat
    | suffixedexp {checkStatementStart($suffixedexp.ctx);} assignment?                   # exprStat
    ;

forTail
    : ASSIGN expr COMMA expr (COMMA expr)? DO {enterLoop();} block {leaveLoop();} END   # numericFor
    | (COMMA NAME)* IN explist DO {enterLoop();} block {leaveLoop();} END               # genericFor
    ;

// The first target is checked by checkStatementStart, each further one as soon as it is read.
assignment
    : (COMMA target=suffixedexp {checkTarget($target.ctx);})* ASSIGN explist
    ;

laststat
    : RETURN explist?                                                                     # returnStat
    | BREAK {checkBreak();}                                                               # breakStat
    ;

funcname
    : NAME (DOT NAME)* (COLON NAME)?
    ;

body
    : LPAREN parlist? RPAREN {enterFunction($parlist.ctx != null && $parlist.ctx.vararg != null);}
      block {leaveFunction();} END
    ;

parlist
    : NAME (COMMA NAME)* (COMMA vararg=DOTS)?
    | vararg=DOTS
    ;

explist
    : expr (COMMA expr)*
    ;

// PUC's subexpr -> (simpleexp | unop subexpr) { binop subexpr } is written flat here: a list of
// operands and operators, LL(1) and without recursion for long chains. AstBuilder applies the
// priorities; the actions replay PUC's recursion to count syntax levels as it does.
expr
    : {enterExpr();} operand (binaryOperator {binaryOperatorRead($binaryOperator.start);} operand)* {leaveExpr();}
    ;

operand
    : (unaryOperator {unaryOperatorRead();})* simpleexp
    ;

unaryOperator
    : NOT | MINUS | HASH
    ;

binaryOperator
    : PLUS | MINUS | STAR | SLASH | PERCENT | CARET | CONCAT
    | NE | EQ | LT | LE | GT | GE | AND | OR
    ;

simpleexp
    : NUMBER                                  # numberExp
    | STRING                                  # stringExp
    | NIL                                     # nilExp
    | TRUE                                    # trueExp
    | FALSE                                   # falseExp
    | DOTS {checkVararg();}                   # varargExp
    | tableconstructor                        # tableExp
    | FUNCTION body                    # functionExp
    | suffixedexp                             # suffixedExp
    ;

// primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }
suffixedexp
    : primaryexp suffix*
    ;

primaryexp
    : NAME                                    # nameExp
    | LPAREN expr RPAREN                      # parenExp
    ;

suffix
    : DOT NAME                                # fieldSuffix
    | LBRACKET expr RBRACKET                  # indexSuffix
    | COLON NAME funcargs                     # methodSuffix
    | funcargs                                # callSuffix
    ;

funcargs
    : {checkAmbiguousCall();} LPAREN explist? RPAREN
    | tableconstructor
    | STRING
    ;

tableconstructor
    : LBRACE (field (fieldsep field)* fieldsep?)? RBRACE
    ;

fieldsep
    : COMMA | SEMI
    ;

field
    : LBRACKET key=expr RBRACKET ASSIGN value=expr     # keyedField
    | NAME ASSIGN expr                                 # namedField
    | expr                                             # positionalField
    ;
