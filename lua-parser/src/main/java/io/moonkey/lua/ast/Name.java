package io.moonkey.lua.ast;

/**
 * An identifier where a variable is declared (a {@code local}, a parameter, a {@code for}
 * variable). Uses of a name are {@link Expr.NameRef}. Declarations and uses are resolved to
 * variables by {@link io.moonkey.lua.scope.ScopeResolver}, keyed by node identity.
 */
public record Name(int line, String name) {}
