/**
 * Scope resolution: which variable each name denotes. {@link io.moonkey.lua.scope.ScopeResolver}
 * walks a {@link io.moonkey.lua.ast.Chunk} once and returns a {@link io.moonkey.lua.scope.Resolution}
 * that maps declarations ({@link io.moonkey.lua.ast.Name}) and uses
 * ({@link io.moonkey.lua.ast.Expr.NameRef}) — by node identity — to local variables, upvalues or
 * globals, and records per function what the compiler needs: upvalue lists in PUC's order,
 * captured and reassigned variables, and the 5.1 compat {@code arg} local of vararg functions.
 */
package io.moonkey.lua.scope;
