package io.moonkey.server.scripting.ldb;

import io.moonkey.lua.debug.Locals;
import io.moonkey.lua.runtime.CallStack;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The debugger commands a stopped script reads (ldb.md §6), with Valkey's texts. */
final class DebugCommands {
    /** §6.1, the [VK] variant. */
    static final String[] HELP = {
        "Lua debugger help:",
        "[h]elp               Show this help.",
        "[s]tep               Run current line and stop again.",
        "[n]ext               Alias for step.",
        "[c]ontinue           Run till next breakpoint.",
        "[l]ist               List source code around current line.",
        "[l]ist [line]        List source code around [line].",
        "                     line = 0 means: current position.",
        "[l]ist [line] [ctx]  In this form [ctx] specifies how many lines",
        "                     to show before/after [line].",
        "[w]hole              List all source code. Alias for 'list 1 1000000'.",
        "[p]rint              Show all the local variables.",
        "[p]rint <var>        Show the value of the specified variable.",
        "                     Can also show global vars KEYS and ARGV.",
        "[b]reak              Show all breakpoints.",
        "[b]reak <line>       Add a breakpoint to the specified line.",
        "[b]reak -<line>      Remove breakpoint from the specified line.",
        "[b]reak 0            Remove all breakpoints.",
        "[t]race              Show a backtrace.",
        "[e]val <code>        Execute some Lua code (in a different callframe).",
        "[v]alkey <cmd>       Execute a command.",
        "[m]axlen [len]       Trim logged replies and Lua var dumps to len.",
        "                     Specifying zero as <len> means unlimited.",
        "[a]bort              Stop the execution of the script. In sync",
        "                     mode dataset changes will be retained.",
        "",
        "Debugger functions you can call from Lua scripts:",
        "server.debug()       Produce logs in the debugger console.",
        "server.breakpoint()  Stop execution like if there was a breakpoint in the",
        "                     next line of code.",
    };
    static final String UNKNOWN = "<error> Unknown Lua debugger command or wrong number of arguments.";

    private final DebugSession s;

    DebugCommands(DebugSession session) {
        this.s = session;
    }

    /** Runs one command; true when it resumes the script. */
    boolean run(byte[][] argv) {
        String[] a = new String[argv.length];
        for (int i = 0; i < argv.length; i++) {
            a[i] = new String(argv[i], StandardCharsets.ISO_8859_1);
        }
        switch (a[0].toLowerCase(Locale.ROOT)) {
            case "h", "help" -> {
                for (String line : HELP) {
                    s.log.log(line);
                }
            }
            case "s", "step", "n", "next" -> {
                s.step = true;
                return true;
            }
            case "c", "continue" -> {
                return true;
            }
            case "t", "trace" -> trace();
            case "m", "maxlen" -> maxlen(a);
            case "b", "break" -> breakpoints(a);
            case "e", "eval" -> eval(a);
            case "a", "abort" -> throw s.error("script aborted for user request");
            case "r", "redis", "v", "valkey", "server" -> {
                if (argv.length < 2) {
                    s.log.log(UNKNOWN);
                } else {
                    command(Arrays.copyOfRange(argv, 1, argv.length));
                }
            }
            case "p", "print" -> {
                if (a.length == 2) {
                    print(a[1]);
                } else {
                    printAll();
                }
            }
            case "l", "list" -> {
                int around = s.currentLine;
                int ctx = 5;
                if (a.length > 1) {
                    int n = DebugCommandParser.atoi(a[1]);
                    if (n > 0) {
                        around = n;
                    }
                }
                if (a.length > 2) {
                    ctx = DebugCommandParser.atoi(a[2]);
                }
                list(around, ctx);
            }
            case "w", "whole" -> list(1, 1000000);
            default -> s.log.log(UNKNOWN);
        }
        s.flush();
        return false;
    }

    private void logLine(int n) {
        s.log.log(s.source.format(n, n == s.currentLine, s.breakpoints.contains(n)));
    }

    /** Lines n with |n - around| ≤ ctx; around 0 lists everything. */
    private void list(int around, int ctx) {
        for (int j = 1; j <= s.source.lineCount(); j++) {
            if (around != 0 && Math.abs((long) around - j) > ctx) {
                continue;
            }
            logLine(j);
        }
    }

    private void maxlen(String[] a) {
        if (a.length == 2) {
            s.log.setMaxlen(DebugCommandParser.atoi(a[1]));
        }
        int m = s.log.maxlen();
        s.log.log(m != 0 ? "<value> replies are truncated at " + m + " bytes." : "<value> replies are unlimited.");
    }

    private void breakpoints(String[] a) {
        if (a.length == 1) {
            List<Integer> lines = s.breakpoints.lines();
            if (lines.isEmpty()) {
                s.log.log("No breakpoints set. Use 'b <line>' to add one.");
            } else {
                s.log.log(lines.size() + " breakpoints set:");
                for (int line : lines) {
                    logLine(line);
                }
            }
            return;
        }
        for (int j = 1; j < a.length; j++) {
            Long line = strictLong(a[j]);
            if (line == null) {
                s.log.log("Invalid argument:'" + a[j] + "'");
            } else if (line == 0) {
                s.breakpoints.clear();
                s.log.log("All breakpoints removed.");
            } else if (line > 0) {
                if (s.breakpoints.isFull()) {
                    s.log.log("Too many breakpoints set.");
                } else if (line <= Integer.MAX_VALUE && s.breakpoints.add((int) (long) line, s.source.lineCount())) {
                    list((int) (long) line, 1);
                } else {
                    s.log.log("Wrong line number.");
                }
            } else if (line >= -Integer.MAX_VALUE && s.breakpoints.remove((int) -line)) {
                s.log.log("Breakpoint removed.");
            } else {
                s.log.log("No breakpoint in the specified line.");
            }
        }
    }

    private static Long strictLong(String text) {
        return io.moonkey.server.scripting.EvalCommands.strictLong(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The current frame's locals, {@code <value> name = value} each. */
    private void printAll() {
        Locals l = s.frames.at(s.currentDepth);
        int shown = 0;
        for (int i = 0; l != null && i < l.size(); i++) {
            s.log.logTrimmed("<value> " + l.name(i) + " = " + ValueFormatter.format(l.value(i)));
            shown++;
        }
        if (shown == 0) {
            s.log.log("No local variables in the current context.");
        }
    }

    /** The first local of that name from the current frame outwards; KEYS and ARGV as globals. */
    private void print(String name) {
        for (Locals l : s.frames.outwardFrom(s.currentDepth)) {
            for (int i = 0; i < l.size(); i++) {
                if (l.name(i).equals(name)) {
                    s.log.logTrimmed("<value> " + ValueFormatter.format(l.value(i)));
                    return;
                }
            }
        }
        if (name.equals("KEYS") || name.equals("ARGV")) {
            s.log.logTrimmed("<value> " + ValueFormatter.format(s.target.state().globals.get(LuaString.latin1(name))));
        } else {
            s.log.log("No such variable.");
        }
    }

    /** Each Lua level of the script from the current one outwards, named as its caller calls it. */
    private void trace() {
        List<CallStack.Level> levels = CallStack.levels(Integer.MAX_VALUE);
        int shown = 0;
        boolean first = true;
        for (int i = 0; i < levels.size(); i++) {
            CallStack.Level l = levels.get(i);
            if (!l.isLua() || l.source() == null || !l.source().contains("user_script")) {
                continue;
            }
            String name = i + 1 < levels.size() ? calledName(levels.get(i + 1)) : null;
            s.log.log((first ? "In " : "From ") + (name == null ? "top level" : name) + ":");
            logLine(l.line());
            first = false;
            shown++;
        }
        if (shown == 0) {
            s.log.log("<error> Can't retrieve Lua stack.");
        }
    }

    /** The name a Lua caller used for the function it calls ("f" of {@code local 'f'}), or null. */
    private static String calledName(CallStack.Level caller) {
        if (!caller.isLua()) {
            return null;
        }
        String names = CallStack.operandName(caller);
        if (names == null) {
            return null;
        }
        String first = names.split("\n", -1)[0];
        int q = first.indexOf('\'');
        return q > 0 && first.endsWith("'") && first.length() > q + 1 ? first.substring(q + 1, first.length() - 1) : null;
    }

    /** {@code eval <code>}: as an expression first, then as a statement, in a fresh frame (§6). */
    private void eval(String[] a) {
        String code = String.join(" ", Arrays.copyOfRange(a, 1, a.length));
        LuaState state = s.target.state();
        LuaFunction fn;
        try {
            fn = state.load(("return " + code).getBytes(StandardCharsets.ISO_8859_1), "@ldb_eval");
        } catch (LuaError first) {
            try {
                fn = state.load(code.getBytes(StandardCharsets.ISO_8859_1), "@ldb_eval");
            } catch (LuaError e) {
                s.log.log("<error> " + message(e));
                return;
            }
        }
        Object[] r;
        try {
            r = state.call(fn);
        } catch (LuaError e) {
            s.log.log("<error> " + message(e));
            return;
        }
        s.log.logTrimmed("<retval> " + ValueFormatter.format(r.length == 0 ? null : r[0]));
    }

    /** An error's text; for an API error table its {@code err} (the references crash there, §6 notes). */
    private static String message(LuaError e) {
        Object v = e.value();
        if (v instanceof LuaTable t) {
            Object err = t.get(LuaString.latin1("err"));
            return err instanceof LuaString str ? str.toString() : "nil";
        }
        return v == null ? "nil" : Conversions.toStringValue(v).toString();
    }

    /** {@code valkey <cmd> ...}: runs through server.call with tracing forced, the result discarded. */
    private void command(byte[][] argv) {
        s.step = true;
        try {
            s.target.call(argv);
        } finally {
            s.step = false;
        }
    }
}
