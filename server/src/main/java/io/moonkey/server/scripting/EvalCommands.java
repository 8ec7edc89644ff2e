package io.moonkey.server.scripting;

import io.moonkey.lua.text.LuaRandom;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.Help;
import io.moonkey.server.command.KeySpec;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.scripting.ldb.DebugMode;
import io.moonkey.server.scripting.ldb.DebugSession;
import io.moonkey.server.scripting.ldb.Debugger;
import io.moonkey.server.scripting.lua.LuaEngine;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (scripting.md §2, §3, §5): numkeys, the SHA1
 * cache, shebang flags, read-only runs. The script's own writes are propagated (wrapped in
 * MULTI/EXEC when there are several), never the EVAL itself.
 */
public final class EvalCommands {
    private final Server server;
    private final ScriptingEngine engine;
    private final ScriptCache cache = new ScriptCache();
    /** Connections with SCRIPT DEBUG YES or SYNC (ldb.md §1); forgotten with the session. */
    private final Map<Session, DebugMode> debugModes = new WeakHashMap<>();
    private final Debugger debugger;

    public EvalCommands(Server server, LuaRandom.Source random) {
        this.server = server;
        this.engine = new LuaEngine(server, random, LuaEngine.Vm.EVAL);
        this.debugger = new Debugger(server);
    }

    public ScriptCache cache() {
        return cache;
    }

    /** A fresh Lua state's size, as Valkey reports an empty VM. */
    static final long EMPTY_VM_BYTES = 31744;

    /** INFO's scripting figures; functions' come from {@code functions}. */
    public ScriptingStats stats(FunctionCommands functions) {
        long libraries = functions == null ? 0 : functions.libraryCount();
        long fns = functions == null ? 0 : functions.functionCount();
        long code = functions == null ? 0 : functions.codeBytes();
        return new ScriptingStats(cache.size(), cache.memoryBytes(), cache.evicted(),
                EMPTY_VM_BYTES + 8 * cache.memoryBytes(), libraries, fns, code + 160 * fns, EMPTY_VM_BYTES + 8 * code);
    }

    private LuaEngine functionEngine;

    /** SCRIPT KILL while a function runs answers with the function's BUSY error (§8.4). */
    void setFunctionEngine(LuaEngine functions) {
        this.functionEngine = functions;
    }

    boolean evalEngineRunning() {
        return ((LuaEngine) engine).running();
    }

    String evalBusyError() {
        return ((LuaEngine) engine).busyError();
    }

    public void register(CommandTable t) {
        String g = "scripting";
        String flags = "noscript stale skip_monitor no_mandatory_keys movablekeys";
        t.add(new CommandSpec("eval", -3, flags, g, "2.6.0", "Executes a server-side Lua script.",
                (s, a, o) -> eval(s, a, o, false, false)).keys(KeySpec.keynum("RW ACCESS UPDATE", 2, 0, 1, 1)));
        t.add(new CommandSpec("evalsha", -3, flags, g, "2.6.0", "Executes a server-side Lua script by SHA1 digest.",
                (s, a, o) -> eval(s, a, o, true, false)).keys(KeySpec.keynum("RW ACCESS UPDATE", 2, 0, 1, 1)));
        t.add(new CommandSpec("eval_ro", -3, "readonly " + flags, g, "7.0.0", "Executes a read-only server-side Lua script.",
                (s, a, o) -> eval(s, a, o, false, true)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(new CommandSpec("evalsha_ro", -3, "readonly " + flags, g, "7.0.0", "Executes a read-only server-side Lua script by SHA1 digest.",
                (s, a, o) -> eval(s, a, o, true, true)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(new CommandSpec("script", -2, "", g, "2.6.0", "A container for Lua scripts management commands.", null)
                .sub(new CommandSpec("debug", 3, "noscript", g, "3.2.0", "Sets the debug mode of server-side Lua scripts.", this::debug))
                .sub(new CommandSpec("exists", -3, "noscript", g, "2.6.0", "Determines whether server-side Lua scripts exist in the script cache.", this::exists))
                .sub(new CommandSpec("flush", -2, "noscript", g, "2.6.0", "Removes all server-side Lua scripts from the script cache.", this::flush))
                .sub(new CommandSpec("kill", 2, "noscript allow_busy", g, "2.6.0", "Terminates a server-side Lua script during execution.", this::kill))
                .sub(new CommandSpec("load", 3, "noscript stale", g, "2.6.0", "Loads a server-side Lua script to the script cache.", this::load))
                .sub(new CommandSpec("show", 3, "noscript", g, "8.0.0", "Show server-side Lua script in the script cache.", this::show))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.", this::help)));
    }

    /**
     * The effective deny-oom flag of an EVAL-family request when the script's flags are known at
     * dispatch (scripting.md §4.4): a cached script, or a body whose shebang parses. Null for
     * compatibility-mode scripts and unknown ones, which keep the command's own flags.
     */
    public Boolean effectiveDenyOom(byte[][] argv, boolean bySha) {
        Shebang sh = flagsKnownAtDispatch(argv, bySha);
        return sh == null ? null : !sh.flags().contains(ScriptFlag.ALLOW_OOM) && !sh.flags().contains(ScriptFlag.NO_WRITES);
    }

    /** The effective write flag of an EVAL-family request (§4.4), or null as for {@link #effectiveDenyOom}. */
    public Boolean effectiveWrite(byte[][] argv, boolean bySha) {
        Shebang sh = flagsKnownAtDispatch(argv, bySha);
        return sh == null ? null : !sh.flags().contains(ScriptFlag.NO_WRITES);
    }

    /** The shebang of a cached script or of a body whose shebang parses, unless in compatibility mode; else null. */
    private Shebang flagsKnownAtDispatch(byte[][] argv, boolean bySha) {
        if (argv.length < 2) {
            return null;
        }
        Shebang sh;
        if (bySha) {
            ScriptCache.Entry e = argv[1].length == 40 ? cache.get(latin1(argv[1])) : null;
            if (e == null) {
                return null;
            }
            sh = e.shebang();
        } else {
            ScriptCache.Entry e = cache.get(ScriptCache.sha1(argv[1]));
            try {
                sh = e != null ? e.shebang() : Shebang.parse(argv[1]);
            } catch (Shebang.ShebangError bad) {
                return null;
            }
        }
        return sh.compatMode() ? null : sh;
    }

    /** EVAL / EVALSHA / EVAL_RO / EVALSHA_RO, in the order of scripting.md §2.1. */
    void eval(Session s, byte[][] argv, ReplySink out, boolean bySha, boolean readOnlyCommand) {
        s.preventPropagation(); // what the script does is propagated, not the script
        // skip_monitor keeps the dispatcher quiet: the line goes out here, before the commands it runs.
        server.feedMonitors(s, argv);
        if (bySha && argv[1].length != 40) {
            out.error("NOSCRIPT No matching script.");
            return;
        }
        DebugMode debugMode = debugModes.get(s);
        if (debugMode != null) { // step 3
            if (bySha) {
                out.error("ERR Please use EVAL instead of EVALSHA for debugging");
                return;
            }
            debugModes.remove(s); // the connection closes after the session (ldb.md §1)
            debugger.eval(s, argv, out, debugMode, (session, sink) -> evalSteps(s, argv, sink, false, readOnlyCommand, session));
            return;
        }
        evalSteps(s, argv, out, bySha, readOnlyCommand, null);
    }

    /** Steps 4–8 of scripting.md §2.1, under the debugger when {@code session} is not null. */
    private void evalSteps(Session s, byte[][] argv, ReplySink out, boolean bySha, boolean readOnlyCommand, DebugSession session) {
        Long numkeys = strictLong(argv[2]);
        if (numkeys == null) {
            out.error("ERR value is not an integer or out of range");
            return;
        }
        if (numkeys > argv.length - 3) {
            out.error("ERR Number of keys can't be greater than number of args");
            return;
        }
        if (numkeys < 0) {
            out.error("ERR Number of keys can't be negative");
            return;
        }
        ScriptCache.Entry script;
        if (bySha) {
            script = cache.get(latin1(argv[1]));
            if (script == null) {
                out.error("NOSCRIPT No matching script.");
                return;
            }
        } else {
            script = cache.get(ScriptCache.sha1(argv[1]));
            if (script == null) {
                script = create(argv[1], true, out);
                if (script == null) {
                    return;
                }
            }
        }
        Shebang sh = script.shebang();
        boolean noWrites = !sh.compatMode() && sh.flags().contains(ScriptFlag.NO_WRITES);
        boolean allowOom = !sh.compatMode() && sh.flags().contains(ScriptFlag.ALLOW_OOM);
        if (!sh.compatMode() && !noWrites) {
            if (readOnlyCommand) {
                out.error("ERR Can not execute a script with write flag using *_ro command.");
                return;
            }
            if (!allowOom && server.maxmemory() > 0 && !server.keyspace().enforceMaxmemory(server.maxmemory())) {
                out.error("OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'");
                return;
            }
        }
        int n = (int) (long) numkeys;
        byte[][] keys = Arrays.copyOfRange(argv, 3, 3 + n);
        byte[][] args = Arrays.copyOfRange(argv, 3 + n, argv.length);
        ScriptingEngine.Run run = new ScriptingEngine.Run(s, script.sha(), keys, args, readOnlyCommand || noWrites, allowOom);
        if (session != null) {
            ((LuaEngine) engine).runDebugged(script.body(), sh.bodyStart(), run, out, session);
        } else {
            engine.run(script.compiled(), run, out);
        }
        cache.touch(script.sha());
    }

    /** Parses the shebang, compiles and caches a body; replies the error and returns null on failure. */
    private ScriptCache.Entry create(byte[] body, boolean byEval, ReplySink out) {
        String sha = ScriptCache.sha1(body);
        ScriptCache.Entry cached = cache.get(sha);
        if (cached != null) {
            return cache.put(cached, byEval);
        }
        try {
            Shebang sh = Shebang.parse(body);
            ScriptingEngine.Compiled compiled = engine.compile(body, sh.bodyStart());
            return cache.put(new ScriptCache.Entry(sha, body.clone(), sh, compiled), byEval);
        } catch (Shebang.ShebangError e) {
            out.error(e.getMessage());
        } catch (ScriptingEngine.CompileError e) {
            out.error(("ERR Error compiling script (new function): " + e.getMessage()).replace('\r', ' ').replace('\n', ' '));
        }
        return null;
    }

    /** SCRIPT LOAD script: caches the script (permanently) and replies its SHA1. */
    void load(Session s, byte[][] argv, ReplySink out) {
        ScriptCache.Entry e = create(argv[2], false, out);
        if (e != null) {
            out.bulk(e.sha().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** SCRIPT EXISTS sha1 [sha1 ...]: 1 or 0 for each, case-insensitive. */
    void exists(Session s, byte[][] argv, ReplySink out) {
        out.arrayHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            out.integer(cache.get(latin1(argv[i])) != null ? 1 : 0);
        }
    }

    /** SCRIPT FLUSH [ASYNC|SYNC]: empties the cache and starts a fresh Lua state. */
    void flush(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3 || (argv.length == 3 && !latin1(argv[2]).equalsIgnoreCase("sync")
                && !latin1(argv[2]).equalsIgnoreCase("async"))) {
            out.error("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
            return;
        }
        cache.clear();
        engine.reset();
        out.ok();
    }

    /** SCRIPT KILL: stops a busy script that has not written (scripting.md §8.4). */
    void kill(Session s, byte[][] argv, ReplySink out) {
        if (functionEngine != null && functionEngine.running()) {
            out.error(functionEngine.busyError());
            return;
        }
        String error = engine.kill();
        if (error == null) {
            out.ok();
        } else {
            out.error(error);
        }
    }

    /** SCRIPT SHOW sha1: the body of a cached script. */
    void show(Session s, byte[][] argv, ReplySink out) {
        ScriptCache.Entry e = argv[2].length == 40 ? cache.get(latin1(argv[2])) : null;
        if (e == null) {
            out.error("NOSCRIPT No matching script.");
            return;
        }
        out.bulk(e.body());
    }

    /** SCRIPT DEBUG YES|SYNC|NO (scripting.md §5, ldb.md §1): the connection's debug mode for its next EVAL. */
    void debug(Session s, byte[][] argv, ReplySink out) {
        if (s.channel() != null && s.channel().writer().pending() > 0) {
            out.error("ERR SCRIPT DEBUG must be called outside a pipeline");
            return;
        }
        String mode = latin1(argv[2]).toLowerCase(Locale.ROOT);
        switch (mode) {
            case "no" -> {
                debugModes.remove(s);
                out.ok();
            }
            case "yes" -> {
                debugModes.put(s, DebugMode.FORKED);
                out.ok();
            }
            case "sync" -> {
                debugModes.put(s, DebugMode.SYNC);
                out.ok();
            }
            default -> out.error("ERR Use SCRIPT DEBUG YES/SYNC/NO");
        }
    }

    /** SCRIPT HELP, Valkey's text. */
    void help(Session s, byte[][] argv, ReplySink out) {
        String[] lines = {
            "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DEBUG (YES|SYNC|NO)",
            "    Set the debug mode for subsequent scripts executed.",
            "EXISTS <sha1> [<sha1> ...]",
            "    Return information about the existence of the scripts in the script cache.",
            "FLUSH [ASYNC|SYNC]",
            "    Flush the Lua scripts cache. Very dangerous on replicas.",
            "    When called without the optional mode argument, the behavior is determined",
            "     by the lazyfree-lazy-user-flush configuration directive. Valid modes are:",
            "    * ASYNC: Asynchronously flush the scripts cache.",
            "    * SYNC: Synchronously flush the scripts cache.",
            "KILL",
            "    Kill the currently executing Lua script.",
            "LOAD <script>",
            "    Load a script into the scripts cache without executing it.",
            "SHOW <sha1>",
            "    Show a script from the scripts cache.",
        };
        Help.reply(out, lines);
    }

    /** Redis's strict integer syntax: no sign but '-', no leading zeros, no "-0", no overflow. */
    public static Long strictLong(byte[] b) {
        int n = b.length;
        if (n == 0 || n > 20) {
            return null;
        }
        int i = 0;
        boolean negative = b[0] == '-';
        if (negative) {
            i = 1;
        }
        if (i >= n || b[i] < '0' || b[i] > '9' || (b[i] == '0' && (n - i > 1 || negative))) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            // accumulate negatively so that Long.MIN_VALUE fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Ends what outlives a request: the forked debugging sessions (called at shutdown). */
    public void shutdown() {
        debugger.killForkedSessions();
    }
}
