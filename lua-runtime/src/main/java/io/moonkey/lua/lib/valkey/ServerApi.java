package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CConversions;
import io.moonkey.lua.text.Sha1;
import io.moonkey.lua.text.ShortestDouble;

/**
 * The {@code server} table (also reachable as {@code redis}) that scripts use to reach the
 * server (lua-api.md §2, §3, §7), with Valkey's wording. What needs the server itself —
 * running a command, logging, the reply protocol, replication flags, ACL checks — goes through
 * a {@link Bridge} the server provides; the rest is done here.
 */
public final class ServerApi {
    /** Redis-compatibility version Valkey reports to scripts, and its own version. */
    public static final String REDIS_VERSION = "7.2.4";
    public static final int REDIS_VERSION_NUM = 0x00070204;

    /** What the API needs from the server. */
    public interface Bridge {
        /**
         * Runs a command for the script. Returns the reply converted to Lua; a server error
         * reply is returned as an error table ({@link ServerApi#errorTable}) — {@code call}
         * raises it, {@code pcall} returns it.
         */
        Object call(CallContext cx, byte[][] argv);

        /** Writes a log line at a level (0 debug .. 3 warning) if the server's level allows it. */
        void log(int level, byte[] message);

        /** The protocol (2 or 3) replies to {@code call} are converted from, for the rest of the run. */
        void setResp(int version);

        /** Which of AOF (1) and replicas (2) later writes of the run go to. */
        void setRepl(int flags);

        /**
         * Whether the calling user may run the command; null when the command is unknown.
         */
        Boolean aclCheck(byte[][] argv);

        /**
         * {@code server.breakpoint()}: in a debugging session, asks it to stop at the next line and
         * returns true; false outside one (ldb.md §3).
         */
        default boolean breakpoint() {
            return false;
        }

        /** {@code server.debug(...)}: logs the values in a debugging session, nothing outside one (ldb.md §5.6). */
        default void debug(Object[] values) {}

        /** call/pcall refused their arguments with this message (a debugging session logs it, ldb.md §5.5). */
        default void argumentsRefused(String message) {}
    }

    /**
     * Collects the functions a library registers during FUNCTION LOAD. Name, callback,
     * description (or null) and flags come checked by {@code register_function}; the registrar
     * refuses names (returning the error text) and knows whether a load is in progress.
     */
    public interface Registrar {
        boolean loading();

        /** Returns null when registered, else the error text (without "ERR "). */
        String register(String name, io.moonkey.lua.runtime.LuaFunction callback, LuaString description, java.util.Set<String> flags);
    }

    private static final java.util.Set<String> FUNCTION_FLAGS =
            java.util.Set.of("no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys");

    /**
     * The table a library sees while it loads (scripting.md §6.3): register_function, log and
     * the version fields, nothing else.
     */
    public static LuaTable createLoadApi(Bridge bridge, Registrar registrar) {
        LuaTable full = create(bridge, Context.FUNCTION_LOAD);
        full.put(LuaString.latin1("register_function"), new Builtin("register_function") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (!registrar.loading()) {
                    throw apiError("server.register_function can only be called on FUNCTION LOAD command");
                }
                Object name = null;
                Object callback = null;
                Object description = null;
                java.util.Set<String> flags = new java.util.LinkedHashSet<>();
                if (a.length == 1) {
                    if (!(a[0] instanceof LuaTable named)) {
                        throw apiError("calling server.register_function with a single argument is only applicable to Lua table (representing named arguments).");
                    }
                    Object[] kv = new Object[2];
                    Object key = null;
                    while (named.next(key, kv)) {
                        key = kv[0];
                        Object v = kv[1];
                        if (!(key instanceof LuaString || key instanceof Double)) {
                            throw apiError("named argument key given to server.register_function is not a string");
                        }
                        String k = Conversions.toLuaString(key).toString().toLowerCase(java.util.Locale.ROOT);
                        switch (k) {
                            case "function_name" -> {
                                if (!(v instanceof LuaString || v instanceof Double)) {
                                    throw apiError("function_name argument given to server.register_function must be a string");
                                }
                                name = v;
                            }
                            case "description" -> {
                                if (!(v instanceof LuaString || v instanceof Double)) {
                                    throw apiError("description argument given to server.register_function must be a string");
                                }
                                description = v;
                            }
                            case "callback" -> {
                                if (!(v instanceof io.moonkey.lua.runtime.LuaFunction)) {
                                    throw apiError("callback argument given to server.register_function must be a function");
                                }
                                callback = v;
                            }
                            case "flags" -> {
                                if (!(v instanceof LuaTable ft)) {
                                    throw apiError("flags argument to server.register_function must be a table representing function flags");
                                }
                                for (int i = 1; ft.get(i) != null; i++) {
                                    Object f = ft.get(i);
                                    // Flag names match without regard to case here (scripting.md §4.2).
                                    String flag = f instanceof LuaString fs ? fs.toString().toLowerCase(java.util.Locale.ROOT) : null;
                                    if (flag == null || !FUNCTION_FLAGS.contains(flag)) {
                                        throw apiError("unknown flag given");
                                    }
                                    flags.add(flag);
                                }
                            }
                            default -> throw apiError("unknown argument given to server.register_function");
                        }
                    }
                    if (name == null) {
                        throw apiError("server.register_function must get a function name argument");
                    }
                    if (callback == null) {
                        throw apiError("server.register_function must get a callback argument");
                    }
                } else if (a.length == 2) {
                    if (!(a[0] instanceof LuaString || a[0] instanceof Double)) {
                        throw apiError("first argument to server.register_function must be a string");
                    }
                    if (!(a[1] instanceof io.moonkey.lua.runtime.LuaFunction)) {
                        throw apiError("second argument to server.register_function must be a function");
                    }
                    name = a[0];
                    callback = a[1];
                } else {
                    throw apiError("wrong number of arguments to server.register_function");
                }
                String error = registrar.register(Conversions.toLuaString(name).toString(),
                        (io.moonkey.lua.runtime.LuaFunction) callback,
                        description == null ? null : Conversions.toLuaString(description), flags);
                if (error != null) {
                    throw apiError(error);
                }
                return cx.return0();
            }
        });
        // A missing field reads like a missing global: the load API is all the globals there are.
        full.setMetatable(ScriptEnvironment.protection());
        full.setReadonly(true);
        return full;
    }

    /** Which API a context has: EVAL scripts, FCALL'd functions, or a library being loaded. */
    public enum Context { EVAL, FUNCTION_RUN, FUNCTION_LOAD }

    private ServerApi() {}

    static LuaTable create(Bridge bridge, Context context) {
        LuaTable t = new LuaTable();
        if (context != Context.FUNCTION_LOAD) {
            add(t, new Call("call", bridge, true));
            add(t, new Call("pcall", bridge, false));
            add(t, new ReplyTable("error_reply"));
            add(t, new ReplyTable("status_reply"));
            add(t, new Builtin("sha1hex") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    if (a.length != 1) {
                        throw apiError("wrong number of arguments");
                    }
                    Object v = a[0];
                    byte[] data = v instanceof LuaString || v instanceof Double
                            ? Conversions.toLuaString(v).bytes() : new byte[0];
                    return cx.return1(LuaString.wrap(Sha1.hex(data)));
                }
            });
            add(t, new Builtin("setresp") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    if (a.length != 1) {
                        throw apiError("server.setresp() requires one argument.");
                    }
                    int v = CConversions.checkInt(toNumberOrZero(a[0]));
                    if (v != 2 && v != 3) {
                        throw apiError("RESP version must be 2 or 3.");
                    }
                    bridge.setResp(v);
                    return cx.return0();
                }
            });
            add(t, new Builtin("set_repl") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    if (a.length != 1) {
                        throw apiError("server.set_repl() requires one argument.");
                    }
                    int flags = CConversions.checkInt(toNumberOrZero(a[0]));
                    if ((flags & ~3) != 0) {
                        throw apiError("Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
                    }
                    bridge.setRepl(flags);
                    return cx.return0();
                }
            });
            add(t, new Builtin("acl_check_cmd") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    byte[][] argv = commandArguments(a);
                    if (argv == null) {
                        throw new LuaError(errorTable(argumentError(a), false)).raisedAt(CallStack.where(1));
                    }
                    Boolean allowed = bridge.aclCheck(argv);
                    if (allowed == null) {
                        throw apiError("Invalid command passed to server.acl_check_cmd()");
                    }
                    return cx.return1(allowed);
                }
            });
            t.put(LuaString.latin1("REPL_NONE"), 0.0);
            t.put(LuaString.latin1("REPL_AOF"), 1.0);
            t.put(LuaString.latin1("REPL_SLAVE"), 2.0);
            t.put(LuaString.latin1("REPL_REPLICA"), 2.0);
            t.put(LuaString.latin1("REPL_ALL"), 3.0);
        }
        if (context == Context.EVAL) {
            add(t, new Builtin("replicate_commands") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    return cx.return1(Boolean.TRUE); // deprecated: effects replication is always on
                }
            });
            add(t, new Builtin("breakpoint") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    return cx.return1(bridge.breakpoint());
                }
            });
            add(t, new Builtin("debug") {
                @Override
                public Object invoke(CallContext cx, Object[] a) {
                    bridge.debug(a);
                    return cx.return0();
                }
            });
        }
        add(t, new Builtin("log") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                if (a.length < 2) {
                    throw apiError("server.log() requires two arguments or more.");
                }
                Double level = Conversions.toNumber(a[0]);
                if (level == null) {
                    throw apiError("First argument must be a number (log level).");
                }
                int l = CConversions.checkInt(level);
                if (l < 0 || l > 3) {
                    throw apiError("Invalid log level.");
                }
                ByteBuilder msg = new ByteBuilder(64);
                for (int i = 1; i < a.length; i++) {
                    if (a[i] instanceof LuaString || a[i] instanceof Double) {
                        if (i > 1) {
                            msg.append((byte) ' ');
                        }
                        msg.append(Conversions.toLuaString(a[i]).bytes());
                    }
                }
                bridge.log(l, msg.toByteArray());
                return cx.return0();
            }
        });
        String[] levels = {"LOG_DEBUG", "LOG_VERBOSE", "LOG_NOTICE", "LOG_WARNING"};
        for (int i = 0; i < levels.length; i++) {
            t.put(LuaString.latin1(levels[i]), (double) i);
        }
        t.put(LuaString.latin1("REDIS_VERSION"), LuaString.latin1(REDIS_VERSION));
        t.put(LuaString.latin1("REDIS_VERSION_NUM"), (double) REDIS_VERSION_NUM);
        String version = io.moonkey.lua.lib.valkey.ServerVersion.VERSION;
        for (String name : new String[] {"VALKEY_VERSION", "SERVER_VERSION"}) {
            t.put(LuaString.latin1(name), LuaString.latin1(version));
        }
        for (String name : new String[] {"VALKEY_VERSION_NUM", "SERVER_VERSION_NUM"}) {
            t.put(LuaString.latin1(name), (double) ServerVersion.number());
        }
        t.put(LuaString.latin1("SERVER_NAME"), LuaString.latin1("valkey"));
        return t;
    }

    /**
     * Errors of the API functions are raised as error tables ({@code ERR <message>}, no
     * position), as Valkey's C functions raise them.
     */
    private static LuaError apiError(String message) {
        return new LuaError(errorTable(message, false)).raisedAt(CallStack.where(1));
    }

    private static void add(LuaTable t, Builtin f) {
        t.put(LuaString.latin1(f.name()), f);
    }

    private static double toNumberOrZero(Object v) {
        Double d = Conversions.toNumber(v);
        return d == null ? 0 : d;
    }

    /**
     * The arguments of {@code call}, {@code pcall} and {@code acl_check_cmd} as command
     * arguments: strings as they are, numbers as Valkey prints them (integers below 2^62 as
     * integers, others in shortest round-trip form); null when one is neither or none is given.
     */
    static byte[][] commandArguments(Object[] a) {
        if (a.length == 0) {
            return null;
        }
        byte[][] argv = new byte[a.length][];
        ByteBuilder b = null;
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof LuaString s) {
                argv[i] = s.bytes();
            } else if (a[i] instanceof Double d) {
                b = b == null ? new ByteBuilder(24) : b;
                b.clear();
                ShortestDouble.appendCallArgument(b, d);
                argv[i] = b.toByteArray();
            } else {
                return null;
            }
        }
        return argv;
    }

    private static String argumentError(Object[] a) {
        return a.length == 0 ? "Please specify at least one argument for this call"
                : "Command arguments must be strings or integers";
    }

    /** call and pcall: arguments checked here, the command run by the server. */
    private static final class Call extends Builtin {
        private final Bridge bridge;
        private final boolean raise;

        Call(String name, Bridge bridge, boolean raise) {
            super(name);
            this.bridge = bridge;
            this.raise = raise;
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            byte[][] argv = commandArguments(a);
            Object reply;
            if (argv == null) {
                bridge.argumentsRefused(argumentError(a));
                reply = errorTable(argumentError(a), false);
            } else {
                reply = bridge.call(cx, argv);
            }
            if (raise && reply instanceof LuaTable t && t.get(ERR) instanceof LuaString) {
                throw new LuaError(t).raisedAt(CallStack.where(1));
            }
            return cx.return1(reply);
        }
    }

    static final LuaString ERR = LuaString.latin1("err");
    private static final LuaString OK = LuaString.latin1("ok");
    private static final LuaString IGNORE_STATS = LuaString.latin1("ignore_error_stats_update");

    /**
     * An error table (§3.3) from an error string: "-CODE message" keeps its code, anything
     * else gets ERR; line breaks around the message are dropped. Errors that come from a
     * command are marked so the server does not count them twice in its error statistics.
     */
    public static LuaTable errorTable(String error, boolean fromCommand) {
        String code = "ERR";
        String message = error;
        if (error.startsWith("-")) {
            int space = error.indexOf(' ');
            if (space < 0) {
                message = error.substring(1);
            } else {
                code = error.substring(1, space);
                message = error.substring(space + 1);
            }
        }
        int from = 0;
        int to = message.length();
        while (from < to && (message.charAt(from) == '\r' || message.charAt(from) == '\n')) {
            from++;
        }
        while (to > from && (message.charAt(to - 1) == '\r' || message.charAt(to - 1) == '\n')) {
            to--;
        }
        LuaTable t = new LuaTable();
        t.put(ERR, LuaString.latin1(code + " " + message.substring(from, to)));
        if (fromCommand) {
            t.put(IGNORE_STATS, Boolean.TRUE);
        }
        return t;
    }

    /**
     * Whether an error table came from a command the script called: that command's error was
     * already counted in the error statistics, so the script's reply must not count it again.
     */
    public static boolean ignoresErrorStats(LuaTable t) {
        return t.get(IGNORE_STATS) == Boolean.TRUE;
    }

    /** error_reply and status_reply return (never raise) a table; bad arguments give an error table. */
    private static final class ReplyTable extends Builtin {
        ReplyTable(String name) {
            super(name);
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            if (a.length != 1 || !(a[0] instanceof LuaString s)) {
                return cx.return1(errorTable("-ERR wrong number or type of arguments", false));
            }
            if (name().equals("status_reply")) {
                LuaTable t = new LuaTable();
                t.put(OK, s);
                return cx.return1(t);
            }
            String text = s.toString();
            return cx.return1(errorTable(text.startsWith("-") ? text : "-" + text, false));
        }
    }
}
