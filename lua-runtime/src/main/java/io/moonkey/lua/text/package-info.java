/**
 * Text algorithms of the Lua 5.1 standard library as pure Java over {@code byte[]} and
 * {@code double}, matching PUC Lua 5.1.5 on x86-64 Linux (glibc) byte for byte. Nothing here
 * depends on the Lua value classes; the Lua layer adapts through small interfaces.
 *
 * <ul>
 *   <li>{@link io.moonkey.lua.text.NumberText} — {@code tostring} of numbers ({@code %.14g}).</li>
 *   <li>{@link io.moonkey.lua.text.NumberParser} — {@code luaO_str2d} (tonumber, coercion, lexer)
 *       and {@code tonumber(s, base)}; failure is the {@code FAILED} bit pattern.</li>
 *   <li>{@link io.moonkey.lua.text.Printf} — {@code string.format}; per-conversion primitives in
 *       {@link io.moonkey.lua.text.CFormat}; C casts in {@link io.moonkey.lua.text.CConversions}.</li>
 *   <li>{@link io.moonkey.lua.text.ShortestDouble} — Valkey's {@code fpconv_dtoa} layout.</li>
 *   <li>{@link io.moonkey.lua.text.PatternMatcher} — Lua patterns: find, match, gmatch, gsub.</li>
 *   <li>{@link io.moonkey.lua.text.Sha1}, {@link io.moonkey.lua.text.LuaRandom} — sha1hex and
 *       the two {@code math.random} generators.</li>
 * </ul>
 *
 * Errors are {@link io.moonkey.lua.text.LuaTextException}s carrying lua5.1's message without
 * position; output goes to a {@link io.moonkey.lua.text.ByteBuilder}.
 */
package io.moonkey.lua.text;
