package io.moonkey.lua.ast;

/** Test access to the printer's grouping rules, so the generator parenthesises as a programmer must. */
final class AstPrinterAccess {
    private AstPrinterAccess() {}

    static boolean needsParensLeft(Expr.Binary b) {
        return AstPrinter.needsParensLeft(b);
    }

    static boolean needsParensRight(Expr.Binary b) {
        return AstPrinter.needsParensRight(b);
    }
}
