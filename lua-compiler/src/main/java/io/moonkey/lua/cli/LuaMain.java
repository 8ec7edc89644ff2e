package io.moonkey.lua.cli;

import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.ScriptInterrupted;
import io.moonkey.lua.runtime.Types;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The standalone interpreter, {@code bin/lua}: command-line compatible with {@code lua5.1}
 * ({@code lua.c}) for {@code lua script args}, {@code -e stat}, {@code -}, {@code -v},
 * {@code -i}, with the same error report format ({@code lua: file.lua:3: message} and a
 * traceback, exit code 1). Lua runs on a thread with a large stack so the Lua depth limits,
 * not the JVM's, are what scripts hit.
 */
public final class LuaMain {
    private static final String VERSION = "Lua 5.1.5  Copyright (C) 1994-2012 Lua.org, PUC-Rio";
    private static final long STACK_SIZE = 1L << 30;

    private final PrintStream err = System.err;
    private LuaState lua;

    private LuaMain() {}

    public static void main(String[] args) throws InterruptedException {
        LuaMain m = new LuaMain();
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = m.run(args), "lua", STACK_SIZE);
        t.start();
        t.join();
        System.out.flush();
        System.exit(status[0]);
    }

    private int run(String[] args) {
        lua = LuaState.create();
        lua.captureTracebacks = true; // lua.c reports uncaught errors with a traceback
        lua.stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        try {
            return runArgs(args);
        } finally {
            lua.stdout.flush();
        }
    }

    private int runArgs(String[] args) {
        int i = 0;
        boolean interactive = false;
        boolean version = false;
        boolean ranSomething = false;
        // First pass: find the script position (as lua.c's collectargs).
        int script = -1;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                script = i;
                break;
            }
            if (a.equals("--")) {
                script = i + 1 < args.length ? i + 1 : -1;
                break;
            }
            switch (a) {
                case "-i" -> interactive = version = true;
                case "-v" -> version = true;
                case "-e", "-l" -> {
                    if (i + 1 >= args.length) {
                        return usage(a);
                    }
                    i++;
                }
                default -> {
                    if (a.startsWith("-e") || a.startsWith("-l")) {
                        break;
                    }
                    return usage(a);
                }
            }
        }
        if (version) {
            System.out.println(VERSION);
            System.out.flush();
        }
        setArgTable(args, script);
        // Second pass: run -e and -l in order.
        int end = script < 0 ? args.length : script;
        for (int k = 0; k < end; k++) {
            String a = args[k];
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-e")) {
                String chunk = a.length() > 2 ? a.substring(2) : args[++k];
                ranSomething = true;
                if (!runChunk(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8), "=(command line)",
                        ChunkLoader.Kind.HOST_STRING, new Object[0])) {
                    return 1;
                }
            } else if (a.startsWith("-l")) {
                String name = a.length() > 2 ? a.substring(2) : args[++k];
                if (!runFile(name + ".lua", new Object[0])) {
                    return 1;
                }
            }
        }
        if (script >= 0 && script < args.length) {
            Object[] rest = new Object[args.length - script - 1];
            for (int k = 0; k < rest.length; k++) {
                rest[k] = LuaString.utf8(args[script + 1 + k]);
            }
            String name = args[script];
            boolean ok = name.equals("-") && (script == 0 || !args[script - 1].equals("--"))
                    ? runStdin(rest)
                    : runFile(name, rest);
            if (!ok) {
                return 1;
            }
        } else if (interactive) {
            repl();
        } else if (!ranSomething && !version) {
            if (System.console() != null) {
                System.out.println(VERSION);
                repl();
            } else if (!runStdin(new Object[0])) {
                return 1;
            }
        }
        if (interactive && script >= 0) {
            repl();
        }
        return 0;
    }

    private int usage(String bad) {
        err.println("lua: unrecognized option '" + bad + "'");
        err.println("usage: lua [options] [script [args]].\nAvailable options are:\n"
                + "  -e stat  execute string 'stat'\n  -l name  require library 'name'\n"
                + "  -i       enter interactive mode after executing 'script'\n"
                + "  -v       show version information\n  --       stop handling options\n"
                + "  -        execute stdin and stop handling options");
        return 1;
    }

    private void setArgTable(String[] args, int script) {
        LuaTable arg = new LuaTable();
        int base = script < 0 ? args.length : script;
        arg.put(-base - 1, LuaString.latin1("lua"));
        for (int k = 0; k < args.length; k++) {
            arg.put(k - base, LuaString.utf8(args[k]));
        }
        lua.setGlobal("arg", arg);
    }

    private boolean runFile(String name, Object[] args) {
        byte[] src;
        try {
            src = Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            err.println("lua: cannot open " + name);
            return false;
        } catch (IOException e) {
            err.println("lua: cannot read " + name);
            return false;
        }
        return runChunk(src, "@" + name, ChunkLoader.Kind.FILE, args);
    }

    private boolean runStdin(Object[] args) {
        try {
            return runChunk(readAll(System.in), "=stdin", ChunkLoader.Kind.FILE, args);
        } catch (IOException e) {
            err.println("lua: cannot read stdin");
            return false;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** Loads and runs a chunk; reports errors as lua.c does. */
    private boolean runChunk(byte[] src, String chunkName, ChunkLoader.Kind kind, Object[] args) {
        LuaFunction f;
        try {
            f = lua.chunkLoader().load(lua, src, chunkName, lua.globals, kind);
        } catch (LuaError e) {
            lua.stdout.flush();
            err.println("lua: " + message(e.value()));
            return false;
        }
        try {
            lua.call(f, args);
            lua.stdout.flush();
            return true;
        } catch (LuaError e) {
            lua.stdout.flush();
            String tb = e.luaTraceback();
            if (e.value() == null) {
                return false; // lua.c prints nothing for a nil error object
            }
            err.println("lua: " + message(e.value()));
            err.println(tb != null ? tb + "\n\t[C]: ?" : "stack traceback:\n\t[C]: ?");
            return false;
        } catch (ScriptInterrupted e) {
            lua.stdout.flush();
            err.println("lua: " + e.getMessage());
            return false;
        }
    }

    private static String message(Object v) {
        if (v instanceof LuaString || v instanceof Double) {
            return Conversions.toLuaString(v).toString();
        }
        return "(error object is not a string)";
    }

    private void repl() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.ISO_8859_1));
        StringBuilder pending = new StringBuilder();
        while (true) {
            System.out.print(pending.isEmpty() ? "> " : ">> ");
            System.out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                return;
            }
            if (line == null) {
                System.out.println();
                return;
            }
            if (pending.isEmpty() && line.startsWith("=")) {
                line = "return " + line.substring(1);
            }
            pending.append(line);
            String text = pending.toString();
            LuaFunction f;
            try {
                f = lua.chunkLoader().load(lua, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        "=stdin", lua.globals, ChunkLoader.Kind.HOST_STRING);
            } catch (LuaError e) {
                String msg = message(e.value());
                if (msg.endsWith("'<eof>'")) {
                    pending.append('\n');
                    continue;
                }
                err.println("stdin:" + msg.substring(msg.indexOf(':') + 1).trim().replaceFirst("^", ""));
                pending.setLength(0);
                continue;
            }
            pending.setLength(0);
            try {
                Object[] r = lua.call(f);
                if (r.length > 0) {
                    Object print = lua.getGlobal("print");
                    lua.call(print, r);
                }
            } catch (LuaError e) {
                err.println(message(e.value()));
            }
            lua.stdout.flush();
        }
    }

    @SuppressWarnings("unused")
    private static String traceback() {
        return CallStack.traceback(null, 0);
    }
}
