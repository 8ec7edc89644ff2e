/** Lua values, tables, functions, errors and the execution state compiled code runs against. */
package io.moonkey.lua.runtime;
