/**
 * The abstract syntax tree of Lua 5.1: immutable records under two sealed interfaces,
 * {@link io.moonkey.lua.ast.Stat} and {@link io.moonkey.lua.ast.Expr}.
 *
 * <p>Every node carries a source line. The line is the one PUC Lua 5.1 attributes to the VM
 * instruction that can raise an error for that construct, so that runtime messages
 * ({@code user_script:3: attempt to index ...}) carry the same position:
 * <ul>
 *   <li>names, literals, {@code ...}: the token's line;</li>
 *   <li>indexing, unary and binary operators: the line of the construct's last token
 *       (PUC emits the instruction once the right operand has been read);</li>
 *   <li>calls: the line where the arguments begin ({@code (}, a string or {@code {});</li>
 *   <li>table constructors and functions: the line of the first token
 *       ({@link io.moonkey.lua.ast.Expr.Function} also carries the line of its {@code end});</li>
 *   <li>statements: the line of their first token.</li>
 * </ul>
 * String literals are raw bytes: Lua strings are 8-bit and never pass through a Java charset.
 */
package io.moonkey.lua.ast;
