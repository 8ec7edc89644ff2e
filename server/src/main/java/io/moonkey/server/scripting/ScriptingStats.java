package io.moonkey.server.scripting;

/**
 * What INFO reports about scripting (scripting.md §3.3). The VM sizes are estimates: a fresh
 * Lua state plus the code compiled into it; the counts are exact.
 */
public record ScriptingStats(long cachedScripts, long scriptsEvalBytes, long evictedScripts, long vmEvalBytes,
                             long libraries, long functions, long functionsBytes, long vmFunctionsBytes) {}
