/**
 * The Lua scripting engine's server side: replies of {@code server.call} built straight into Lua
 * values ({@link io.moonkey.server.scripting.lua.LuaReplyReader}) and a script's return value
 * written as a reply ({@link io.moonkey.server.scripting.lua.LuaReplyWriter}), per the spec's
 * lua-api.md §4 and §5. The sandbox and the {@code server} API table are in lua-runtime
 * ({@code io.moonkey.lua.lib.valkey}).
 */
package io.moonkey.server.scripting.lua;
