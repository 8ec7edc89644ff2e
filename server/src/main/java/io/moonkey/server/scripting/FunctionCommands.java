package io.moonkey.server.scripting;

import io.moonkey.datastore.Glob;
import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.text.LuaRandom;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.command.CommandTable;
import io.moonkey.server.command.Help;
import io.moonkey.server.command.KeySpec;
import io.moonkey.server.resp.InlineSplitter;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.scripting.lua.LuaEngine;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Valkey Functions (scripting.md §6): FUNCTION LOAD, DELETE, FLUSH, LIST, STATS, KILL, HELP and
 * FCALL / FCALL_RO. Libraries run in their own Lua state; function names are unique
 * server-wide without regard to case, library names are case-sensitive.
 */
public final class FunctionCommands {
    /** A registered function. */
    record Function(String name, LuaFunction callback, LuaString description, Set<String> flags, String library) {}

    /** A loaded library: its source and its functions in registration order. */
    record Library(String name, byte[] code, Map<String, Function> functions) {}

    private static final List<String> FLAG_ORDER = List.of("no-writes", "allow-oom", "allow-stale", "no-cluster",
            "allow-cross-slot-keys");

    private final Server server;
    private final LuaEngine engine;
    private final EvalCommands eval;
    private final Map<String, Library> libraries = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private String[] runningArgv;
    private long runningSince;

    public FunctionCommands(Server server, LuaRandom.Source random, EvalCommands eval) {
        this.server = server;
        this.engine = new LuaEngine(server, random, LuaEngine.Vm.FUNCTION);
        this.eval = eval;
        eval.setFunctionEngine(engine);
    }

    int libraryCount() {
        return libraries.size();
    }

    int functionCount() {
        return functions.size();
    }

    long codeBytes() {
        long n = 0;
        for (Library l : libraries.values()) {
            n += l.code().length;
        }
        return n;
    }

    public void register(CommandTable t) {
        String g = "scripting";
        String flags = "noscript stale skip_monitor no_mandatory_keys movablekeys";
        t.add(new CommandSpec("fcall", -3, flags, g, "7.0.0", "Invokes a function.",
                (s, a, o) -> fcall(s, a, o, false)).keys(KeySpec.keynum("RW ACCESS UPDATE", 2, 0, 1, 1)));
        t.add(new CommandSpec("fcall_ro", -3, "readonly " + flags, g, "7.0.0", "Invokes a read-only function.",
                (s, a, o) -> fcall(s, a, o, true)).keys(KeySpec.keynum("RO ACCESS", 2, 0, 1, 1)));
        t.add(new CommandSpec("function", -2, "", g, "7.0.0", "A container for function commands.", null)
                .sub(new CommandSpec("delete", 3, "write noscript", g, "7.0.0", "Deletes a library and its functions.", this::delete))
                .sub(new CommandSpec("flush", -2, "write noscript", g, "7.0.0", "Deletes all libraries and functions.", this::flush))
                .sub(new CommandSpec("kill", 2, "noscript allow_busy", g, "7.0.0", "Terminates a function during execution.", this::kill))
                .sub(new CommandSpec("list", -2, "noscript", g, "7.0.0", "Returns information about all libraries.", this::list))
                .sub(new CommandSpec("load", -3, "write denyoom noscript", g, "7.0.0", "Creates a library.", this::load))
                .sub(new CommandSpec("stats", 2, "noscript allow_busy", g, "7.0.0", "Returns information about a function during execution.", this::stats))
                .sub(new CommandSpec("dump", 2, "noscript", g, "7.0.0", "Dumps all libraries into a serialized binary payload.", this::dump))
                .sub(new CommandSpec("restore", -3, "write denyoom noscript", g, "7.0.0", "Restores all libraries from a payload.", this::restore))
                .sub(new CommandSpec("help", 2, "loading stale", g, "7.0.0", "Returns helpful text about the different subcommands.", this::help)));
    }

    /** FUNCTION LOAD [REPLACE] code (§6.2): every failure leaves the loaded libraries as they were. */
    void load(Session s, byte[][] argv, ReplySink out) {
        boolean replace = false;
        for (int i = 2; i < argv.length - 1; i++) {
            if (!latin1(argv[i]).equalsIgnoreCase("replace")) {
                out.error("ERR Unknown option given: " + latin1(argv[i]));
                return;
            }
            replace = true;
        }
        byte[] code = argv[argv.length - 1];
        Metadata meta = metadata(code, out);
        if (meta == null) {
            return;
        }
        if (libraries.containsKey(meta.name()) && !replace) {
            out.error("ERR Library '" + meta.name() + "' already exists");
            return;
        }
        Library lib = compileAndRegister(code, meta, out);
        if (lib == null) {
            return;
        }
        for (Function f : lib.functions().values()) {
            Function existing = functions.get(f.name().toLowerCase(Locale.ROOT));
            if (existing != null && !(replace && existing.library().equals(lib.name()))) {
                out.error("ERR Function " + f.name() + " already exists");
                return;
            }
        }
        removeLibrary(lib.name());
        add(lib);
        s.forcePropagation(); // functions are data: LOAD goes to replicas and the AOF as sent
        out.bulk(lib.name().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The first line of a library: its name and where the code after that line starts. */
    private record Metadata(String name, int codeStart) {}

    /** Parses the metadata line (§6.2 steps 1–8); replies the error and returns null on failure. */
    private Metadata metadata(byte[] code, ReplySink out) {
        if (code.length < 2 || code[0] != '#' || code[1] != '!') {
            out.error("ERR Missing library metadata");
            return null;
        }
        int nl = indexOf(code, (byte) '\n');
        byte[][] tokens = nl < 0 ? null : InlineSplitter.split(code, 0, nl);
        if (tokens == null || tokens.length == 0) {
            out.error("ERR Invalid library metadata");
            return null;
        }
        String engineName = latin1(tokens[0]).substring(2);
        String name = null;
        for (int i = 1; i < tokens.length; i++) {
            String token = latin1(tokens[i]);
            if (!token.toLowerCase(Locale.ROOT).startsWith("name=")) {
                out.error("ERR Invalid metadata value given: " + token);
                return null;
            }
            if (name != null) {
                out.error("ERR Invalid metadata value, name argument was given multiple times");
                return null;
            }
            name = token.substring(5);
        }
        if (name == null) {
            out.error("ERR Library name was not given");
            return null;
        }
        if (!validName(name)) {
            out.error("ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
            return null;
        }
        if (!engineName.equalsIgnoreCase("lua")) {
            out.error("ERR Engine '" + engineName + "' not found");
            return null;
        }
        return new Metadata(name, nl);
    }

    /** Compiles a library and runs its registrations (§6.2 steps 10–12); null after replying an error. */
    private Library compileAndRegister(byte[] code, Metadata meta, ReplySink out) {
        ScriptingEngine.Compiled chunk;
        try {
            chunk = engine.compile(code, meta.codeStart());
        } catch (ScriptingEngine.CompileError e) {
            out.error(("ERR Error compiling function: " + e.getMessage()).replace('\r', ' ').replace('\n', ' '));
            return null;
        }
        Map<String, Function> registered = new LinkedHashMap<>();
        boolean[] loading = {true};
        ServerApi.Registrar registrar = new ServerApi.Registrar() {
            @Override
            public boolean loading() {
                return loading[0];
            }

            @Override
            public String register(String fname, LuaFunction callback, LuaString description, Set<String> flags) {
                if (!validName(fname)) {
                    return "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long";
                }
                if (registered.containsKey(fname)) {
                    return "Function already exists in the library";
                }
                registered.put(fname, new Function(fname, callback, description, flags, meta.name()));
                return null;
            }
        };
        String error;
        try {
            error = engine.loadLibrary(chunk, registrar);
        } finally {
            loading[0] = false;
        }
        if (error != null) {
            out.error(("ERR Error registering functions: " + error).replace('\r', ' ').replace('\n', ' '));
            return null;
        }
        if (registered.isEmpty()) {
            out.error("ERR No functions registered");
            return null;
        }
        return new Library(meta.name(), code.clone(), registered);
    }

    private void add(Library lib) {
        libraries.put(lib.name(), lib);
        for (Function f : lib.functions().values()) {
            functions.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f);
        }
    }

    /** Every library's code, in load order: the FUNCTION2 records of an RDB snapshot. */
    public List<byte[]> libraryCodes() {
        List<byte[]> codes = new java.util.ArrayList<>();
        for (Library l : libraries.values()) {
            codes.add(l.code());
        }
        return codes;
    }

    /**
     * Replaces every library with {@code codes} (an RDB being loaded), all or nothing, through
     * FUNCTION RESTORE ... FLUSH; returns null, or the error that left the libraries unchanged.
     */
    public String replaceLibraries(List<byte[]> codes) {
        io.moonkey.server.resp.RespWriter reply = new io.moonkey.server.resp.RespWriter();
        byte[][] argv = {"FUNCTION".getBytes(), "RESTORE".getBytes(), FunctionDump.dump(codes), "FLUSH".getBytes()};
        restore(server.newInternalSession(), argv, reply);
        String r = new String(reply.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        return r.startsWith("-") ? r.substring(1).trim() : null;
    }

    /** FUNCTION DUMP: every library's code in the RDB layout of §6.11. */
    void dump(Session s, byte[][] argv, ReplySink out) {
        List<byte[]> codes = new java.util.ArrayList<>();
        for (Library l : libraries.values()) {
            codes.add(l.code());
        }
        out.bulk(FunctionDump.dump(codes));
    }

    /** FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE] (§6.11): all or nothing. */
    void restore(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 4) {
            out.error("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1]) + "'. Try FUNCTION HELP.");
            return;
        }
        String policy = argv.length == 4 ? latin1(argv[3]).toLowerCase(Locale.ROOT) : "append";
        if (!policy.equals("append") && !policy.equals("replace") && !policy.equals("flush")) {
            out.error("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
            return;
        }
        List<byte[]> codes;
        try {
            codes = FunctionDump.read(argv[2]);
        } catch (FunctionDump.BadPayload e) {
            out.error(e.getMessage());
            return;
        }
        List<Library> restored = new java.util.ArrayList<>();
        for (byte[] code : codes) {
            Metadata meta = metadata(code, out);
            Library lib = meta == null ? null : compileAndRegister(code, meta, out);
            if (lib == null) {
                return;
            }
            restored.add(lib);
        }
        Map<String, Library> kept = new LinkedHashMap<>(policy.equals("flush") ? Map.of() : libraries);
        for (Library lib : restored) {
            if (kept.containsKey(lib.name())) {
                if (policy.equals("append")) {
                    out.error("ERR Library " + lib.name() + " already exists");
                    return;
                }
                kept.remove(lib.name());
            }
        }
        Map<String, Function> names = new java.util.HashMap<>();
        for (Library lib : kept.values()) {
            for (Function f : lib.functions().values()) {
                names.put(f.name().toLowerCase(Locale.ROOT), f);
            }
        }
        for (Library lib : restored) {
            for (Function f : lib.functions().values()) {
                if (names.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f) != null) {
                    out.error("ERR Function " + f.name() + " already exists");
                    return;
                }
            }
        }
        libraries.clear();
        functions.clear();
        kept.values().forEach(this::add);
        restored.forEach(this::add);
        s.forcePropagation();
        out.ok();
    }

    private void removeLibrary(String name) {
        Library old = libraries.remove(name);
        if (old != null) {
            for (Function f : old.functions().values()) {
                functions.remove(f.name().toLowerCase(Locale.ROOT), f);
            }
        }
    }

    /** The effective deny-oom flag of an FCALL (§4.4), or null when the function is unknown. */
    public Boolean effectiveDenyOom(byte[][] argv) {
        Function f = argv.length < 2 ? null : functions.get(latin1(argv[1]).toLowerCase(Locale.ROOT));
        if (f == null) {
            return null;
        }
        return !f.flags().contains("allow-oom") && !f.flags().contains("no-writes");
    }

    /** The effective write flag of an FCALL (§4.4), or null when the function is unknown. */
    public Boolean effectiveWrite(byte[][] argv) {
        Function f = argv.length < 2 ? null : functions.get(latin1(argv[1]).toLowerCase(Locale.ROOT));
        return f == null ? null : !f.flags().contains("no-writes");
    }

    /** FCALL / FCALL_RO function numkeys [key ...] [arg ...] (§6.5). */
    void fcall(Session s, byte[][] argv, ReplySink out, boolean readOnlyCommand) {
        s.preventPropagation(); // the function's writes are propagated, not the FCALL
        // skip_monitor keeps the dispatcher quiet: the line goes out here, before the commands it runs.
        server.feedMonitors(s, argv);
        Function f = functions.get(latin1(argv[1]).toLowerCase(Locale.ROOT));
        if (f == null) {
            out.error("ERR Function not found");
            return;
        }
        Long numkeys = EvalCommands.strictLong(argv[2]);
        if (numkeys == null) {
            out.error("ERR Bad number of keys provided");
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
        if (f.flags().contains("no-cluster") && server.cluster().enabled()) { // scripting.md §4.5 step 1
            out.error("ERR Can not run script on cluster, 'no-cluster' flag is set.");
            return;
        }
        boolean noWrites = f.flags().contains("no-writes");
        boolean allowOom = f.flags().contains("allow-oom");
        if (!noWrites) {
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
        runningArgv = new String[argv.length];
        for (int i = 0; i < argv.length; i++) {
            runningArgv[i] = latin1(argv[i]);
        }
        runningSince = System.currentTimeMillis();
        try {
            engine.call(f.callback(), new ScriptingEngine.Run(s, f.name(), Arrays.copyOfRange(argv, 3, 3 + n),
                    Arrays.copyOfRange(argv, 3 + n, argv.length), readOnlyCommand || noWrites, allowOom,
                    f.flags().contains("allow-cross-slot-keys")), out);
        } finally {
            runningArgv = null;
        }
    }

    /** FUNCTION DELETE library-name. */
    void delete(Session s, byte[][] argv, ReplySink out) {
        String name = latin1(argv[2]);
        if (!libraries.containsKey(name)) {
            out.error("ERR Library not found");
            return;
        }
        removeLibrary(name);
        s.forcePropagation();
        out.ok();
    }

    /** FUNCTION FLUSH [ASYNC|SYNC]: deletes every library. */
    void flush(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) {
            out.error("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1]) + "'. Try FUNCTION HELP.");
            return;
        }
        if (argv.length == 3 && !latin1(argv[2]).equalsIgnoreCase("sync") && !latin1(argv[2]).equalsIgnoreCase("async")) {
            out.error("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
            return;
        }
        libraries.clear();
        functions.clear();
        s.forcePropagation();
        out.ok();
    }

    /** FUNCTION KILL: the running function, unless it wrote (§8.4). */
    void kill(Session s, byte[][] argv, ReplySink out) {
        if (eval.evalEngineRunning()) {
            out.error(eval.evalBusyError());
            return;
        }
        String error = engine.kill();
        if (error == null) {
            out.ok();
        } else {
            out.error(error);
        }
    }

    /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE] (§6.7). */
    void list(Session s, byte[][] argv, ReplySink out) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < argv.length; i++) {
            String word = latin1(argv[i]);
            if (word.equalsIgnoreCase("withcode") && !withCode) {
                withCode = true;
            } else if (word.equalsIgnoreCase("libraryname") && pattern == null) {
                if (i + 1 >= argv.length) {
                    out.error("ERR library name argument was not given");
                    return;
                }
                pattern = argv[++i];
            } else {
                out.error("ERR Unknown argument " + word.replace('\r', ' ').replace('\n', ' '));
                return;
            }
        }
        List<Library> shown = new java.util.ArrayList<>();
        for (Library l : libraries.values()) {
            if (pattern == null || Glob.matches(pattern, l.name().getBytes(StandardCharsets.ISO_8859_1))) {
                shown.add(l);
            }
        }
        out.arrayHeader(shown.size());
        for (Library l : shown) {
            out.mapHeader(withCode ? 4 : 3);
            out.bulk("library_name");
            out.bulk(l.name().getBytes(StandardCharsets.ISO_8859_1));
            out.bulk("engine");
            out.bulk("LUA");
            out.bulk("functions");
            out.arrayHeader(l.functions().size());
            for (Function f : l.functions().values()) {
                out.mapHeader(3);
                out.bulk("name");
                out.bulk(f.name().getBytes(StandardCharsets.ISO_8859_1));
                out.bulk("description");
                if (f.description() == null) {
                    out.nullBulk();
                } else {
                    out.bulk(f.description().bytes());
                }
                out.bulk("flags");
                List<String> flags = FLAG_ORDER.stream().filter(f.flags()::contains).toList();
                out.setHeader(flags.size());
                for (String flag : flags) {
                    out.simple(flag);
                }
            }
            if (withCode) {
                out.bulk("library_code");
                out.bulk(l.code());
            }
        }
    }

    /** FUNCTION STATS (§6.8): the running function and the engine's counts. */
    void stats(Session s, byte[][] argv, ReplySink out) {
        if (eval.evalEngineRunning()) {
            out.error(eval.evalBusyError());
            return;
        }
        out.mapHeader(2);
        out.bulk("running_script");
        ScriptingEngine.Run run = engine.current();
        String[] command = runningArgv;
        if (run == null || command == null) {
            out.nullBulk();
        } else {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(run.name().getBytes(StandardCharsets.ISO_8859_1));
            out.bulk("command");
            out.arrayHeader(command.length);
            for (String c : command) {
                out.bulk(c.getBytes(StandardCharsets.ISO_8859_1));
            }
            out.bulk("duration_ms");
            out.integer(System.currentTimeMillis() - runningSince);
        }
        out.bulk("engines");
        out.mapHeader(1);
        out.bulk("LUA");
        out.mapHeader(2);
        out.bulk("libraries_count");
        out.integer(libraries.size());
        out.bulk("functions_count");
        out.integer(functions.size());
    }

    /** FUNCTION HELP, Valkey's text. */
    void help(Session s, byte[][] argv, ReplySink out) {
        String[] lines = {
            "FUNCTION <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "LOAD [REPLACE] <FUNCTION CODE>",
            "    Create a new library with the given library name and code.",
            "DELETE <LIBRARY NAME>",
            "    Delete the given library.",
            "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
            "    Return general information on all the libraries:",
            "    * Library name",
            "    * The engine used to run the Library",
            "    * Functions list",
            "    * Library code (if WITHCODE is given)",
            "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
            "STATS",
            "    Return information about the current function running:",
            "    * Function name",
            "    * Command used to run the function",
            "    * Duration in MS that the function is running",
            "    If no function is running, return nil",
            "    In addition, returns a list of available engines.",
            "KILL",
            "    Kill the current running function.",
            "FLUSH [ASYNC|SYNC]",
            "    Delete all the libraries.",
            "    When called without the optional mode argument, the behavior is determined by the",
            "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
            "    * ASYNC: Asynchronously flush the libraries.",
            "    * SYNC: Synchronously flush the libraries.",
            "DUMP",
            "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
            "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
            "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
            "    control how to handle existing libraries (default APPEND):",
            "    * FLUSH: delete all existing libraries.",
            "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
            "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
            "      libraries with the new libraries (notice that even on this option there is a chance of failure",
            "      in case of functions name collision with another library).",
        };
        Help.reply(out, lines);
    }

    static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
