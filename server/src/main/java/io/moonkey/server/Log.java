package io.moonkey.server;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The server log, in Valkey's line format ({@code pid:M dd Mon yyyy hh:mm:ss.mmm * text}). */
public final class Log {
    public enum Level { DEBUG, VERBOSE, NOTICE, WARNING, NOTHING }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long PID = ProcessHandle.current().pid();

    private volatile Level level = Level.NOTICE;
    private volatile PrintStream out = System.out;

    public void setLevel(String name) {
        level = Level.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public void setOutput(PrintStream out) {
        this.out = out;
    }

    public void debug(String msg) {
        log(Level.DEBUG, '.', msg);
    }

    public void verbose(String msg) {
        log(Level.VERBOSE, '-', msg);
    }

    public void notice(String msg) {
        log(Level.NOTICE, '*', msg);
    }

    public void warning(String msg) {
        log(Level.WARNING, '#', msg);
    }

    private void log(Level l, char mark, String msg) {
        if (l.ordinal() < level.ordinal() || level == Level.NOTHING) return;
        out.println(PID + ":M " + TIME.format(Instant.now()) + " " + mark + " " + msg);
        out.flush();
    }
}
