/**
 * Scripting: what EVAL and FUNCTION share whatever the engine — script flags from the
 * shebang line, the error reply of a failing script. The Lua engine lives in
 * {@link io.moonkey.server.scripting.lua}.
 */
package io.moonkey.server.scripting;
