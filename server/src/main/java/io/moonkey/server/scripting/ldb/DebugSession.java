package io.moonkey.server.scripting.ldb;

import io.moonkey.lua.debug.LineHook;
import io.moonkey.lua.debug.Locals;
import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaState;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One debugging session of an EVAL (ldb.md §2, §3): the line hook that decides where to stop,
 * the log and the connection it is flushed to, and the read loop of debugger commands while
 * stopped. The script runs on the calling thread; a stop blocks it until the client resumes.
 */
public final class DebugSession implements LineHook {
    /** What a session needs from the engine running the script. */
    public interface Target {
        LuaState state();

        /** Runs a command as {@code server.call} does (errors are returned as error tables). */
        Object call(byte[][] argv);
    }

    static final String STOPPED_BY_BREAKPOINT_CALL = "server.breakpoint() called";

    final ScriptSource source;
    final Breakpoints breakpoints = new Breakpoints();
    final DebugLog log = new DebugLog();
    final CallFrames frames = new CallFrames();
    private final DebugLink link;
    private final DebugCommandParser parser = new DebugCommandParser();
    private final long timeoutNanos;
    private final DebugCommands commands = new DebugCommands(this);
    Target target;

    /** Stop at the next line; also makes server.call log its commands (§5.5). */
    boolean step = true;
    /** server.breakpoint() was called since the last stop. */
    private boolean breakpointCalled;
    int currentLine;
    /** Lua call depth of the line where the script is stopped. */
    int currentDepth;
    private boolean stopped;
    private long clockStart = System.nanoTime();

    /**
     * @param timeoutMs busy-reply-threshold: a run that long since the start or the last stop
     *                  stops with "timeout reached" (5000 when 0, §3)
     */
    public DebugSession(ScriptSource source, DebugLink link, long timeoutMs) {
        this.source = source;
        this.link = link;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs > 0 ? timeoutMs : 5000);
    }

    public void attach(Target t) {
        this.target = t;
    }

    // ------------------------------------------------------------------ events

    @Override
    public void onLine(CallContext cx, int line, Locals locals) {
        currentLine = line;
        currentDepth = cx.depth;
        frames.record(cx.depth, locals);
        boolean bp = breakpoints.contains(line) || breakpointCalled;
        if (step || bp) {
            stop(bp ? (breakpointCalled ? STOPPED_BY_BREAKPOINT_CALL : "break point") : "step over", false);
        }
    }

    /**
     * The periodic check of a run that does not stop (PUC's count hook, §3): after the timeout
     * without a stop it stops where the script is. Runs on the script's thread.
     */
    public void onTick() {
        if (stopped || step || breakpointCalled || breakpoints.contains(currentLine)) {
            return;
        }
        if (System.nanoTime() - clockStart >= timeoutNanos) {
            CallContext cx = CallContext.current();
            if (cx != null) {
                currentDepth = cx.depth;
            }
            stop("timeout reached, infinite loop?", true);
        }
    }

    /** server.breakpoint(): the next line stops. */
    public boolean breakpoint() {
        breakpointCalled = true;
        return true;
    }

    /** server.debug(...): a {@code <debug>} entry, flushed with the next flush (§5.6). */
    public void debug(Object[] values) {
        StringBuilder sb = new StringBuilder("<debug> line ").append(currentLine).append(": ");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(ValueFormatter.format(values[i]));
        }
        log.log(sb.toString());
    }

    // ------------------------------------------------------------------ command tracing (§5.5)

    /** Whether server.call logs its commands now: while stepping, and for the {@code redis} command. */
    public boolean tracing() {
        return step;
    }

    public void traceCommand(byte[][] argv) {
        StringBuilder sb = new StringBuilder("<command>");
        for (int j = 0; j < argv.length; j++) {
            if (j == 10) {
                sb.append(" ... (").append(argv.length - j - 1).append(" more)");
                break;
            }
            sb.append(' ').append(new String(argv[j], StandardCharsets.ISO_8859_1));
        }
        log.log(sb.toString());
    }

    /** A command refused before it ran: its check's raw message. */
    public void traceRejected(String raw) {
        log.log("<error> " + raw);
    }

    /** The raw RESP reply of a command that ran. */
    public void traceReply(byte[] raw) {
        if (raw.length > 0 && raw[0] == '-') {
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\r' || raw[end - 1] == '\n')) {
                end--;
            }
            log.log("<error> " + new String(raw, 0, end, StandardCharsets.ISO_8859_1));
        }
        log.logTrimmed("<reply> " + ReplyFormatter.format(raw));
    }

    // ------------------------------------------------------------------ stopping

    private void stop(String reason, boolean timeout) {
        step = false;
        breakpointCalled = false;
        log.log("* Stopped at " + currentLine + ", stop reason = " + reason);
        log.log(source.format(currentLine, true, breakpoints.contains(currentLine)));
        flush();
        stopped = true;
        boolean connected;
        try {
            connected = readCommands();
        } finally {
            stopped = false;
        }
        if (!connected && timeout) {
            // Nobody will ever resume it: the script must not keep the server blocked (§4.2).
            throw error("timeout during Lua debugging with client closing connection");
        }
        clockStart = System.nanoTime();
    }

    /** Reads and runs debugger commands until one resumes the script; false if the client went away. */
    private boolean readCommands() {
        byte[] buf = new byte[1024];
        while (true) {
            byte[][] argv;
            try {
                while ((argv = parser.next()) == null) {
                    int n = link.read(buf);
                    if (n <= 0) {
                        // The client is gone: the script runs to its end without stopping (§4.2).
                        step = false;
                        breakpoints.clear();
                        return false;
                    }
                    parser.feed(buf, 0, n);
                    if (parser.buffered() > DebugCommandParser.MAX_BUFFER) {
                        parser.clear();
                        throw error("max client buffer reached");
                    }
                }
            } catch (DebugCommandParser.ProtocolError e) {
                parser.clear();
                throw error("protocol error");
            }
            if (commands.run(argv)) {
                return true;
            }
        }
    }

    /** An error that ends the script, positioned at the current line (§4.2, §6 abort). */
    LuaError error(String message) {
        return new LuaError(ServerApi.errorTable(message, false)).raisedAt("user_script:" + currentLine + ": ");
    }

    void flush() {
        link.write(log.drain());
    }

    /** Flushes what is pending; the commands that produce output call it once (§4.1). */
    void flushIfPending() {
        if (!log.isEmpty()) {
            flush();
        }
    }

    /** The end of the session (§2.3 step 3): {@code <endsession>} after any pending entries. */
    public void end() {
        log.log("<endsession>");
        flush();
    }
}
