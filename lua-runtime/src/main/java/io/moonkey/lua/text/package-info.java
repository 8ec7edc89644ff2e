/**
 * Text algorithms of the Lua 5.1 standard library as pure Java over {@code byte[]} and
 * {@code double}: number formatting and parsing with C library semantics, {@code string.format},
 * Lua patterns, SHA-1 and the random generators. Nothing here depends on the Lua value classes.
 */
package io.moonkey.lua.text;
