/**
 * The libraries Valkey bundles into its script environment, byte-exact with {@code redis-server}
 * 7.0.15: {@code bit} (LuaBitOp), {@code struct}, {@code cjson} (Lua CJSON 2.1.0) and
 * {@code cmsgpack} (lua-cmsgpack 0.4.0). See the project's spec, lua-api.md §9–§12. They are
 * installed by the scripting engine, not by the standalone interpreter.
 */
package io.moonkey.lua.lib.valkey;
