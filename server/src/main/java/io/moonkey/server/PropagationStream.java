package io.moonkey.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream of data-changing commands in execution order, in the form that reproduces them
 * (what an AOF or a replica consumes; script effects replication attaches here). A top-level
 * execution unit (a command, an EXEC, a script) is bracketed by {@link #begin()}/{@link #end()};
 * if it produced more than one command they are wrapped in MULTI/EXEC, and SELECT is emitted
 * whenever the database differs from the stream's current one.
 */
public final class PropagationStream {
    /** Receives each propagated command, including the SELECT, MULTI and EXEC the stream adds. */
    @FunctionalInterface
    public interface Listener {
        void propagated(byte[][] argv);
    }

    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] MULTI = {"MULTI".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] EXEC = {"EXEC".getBytes(StandardCharsets.US_ASCII)};

    private final List<Listener> listeners = new ArrayList<>();
    private final List<byte[][]> pendingArgv = new ArrayList<>();
    private final List<Integer> pendingDb = new ArrayList<>();
    private int depth;
    private int streamDb = -1;

    public void addListener(Listener l) {
        listeners.add(l);
        streamDb = -1; // a new consumer must see a SELECT first
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public boolean active() {
        return !listeners.isEmpty();
    }

    /** Starts an execution unit; units nest (EXEC running commands, a script inside EXEC). */
    public void begin() {
        depth++;
    }

    /** Ends a unit; the outermost end emits what the unit produced. */
    public void end() {
        if (--depth > 0) return;
        depth = 0;
        int n = pendingArgv.size();
        if (n == 0) return;
        if (n == 1) {
            emit(pendingDb.get(0), pendingArgv.get(0));
        } else {
            selectIfNeeded(pendingDb.get(0));
            emitRaw(MULTI);
            for (int i = 0; i < n; i++) emit(pendingDb.get(i), pendingArgv.get(i));
            emitRaw(EXEC);
        }
        pendingArgv.clear();
        pendingDb.clear();
    }

    /** Adds a command executed against database {@code db}. */
    public void add(int db, byte[][] argv) {
        if (listeners.isEmpty()) return;
        if (depth == 0) {
            emit(db, argv);
            return;
        }
        pendingArgv.add(argv);
        pendingDb.add(db);
    }

    private void emit(int db, byte[][] argv) {
        selectIfNeeded(db);
        emitRaw(argv);
    }

    private void selectIfNeeded(int db) {
        if (db == streamDb) return;
        streamDb = db;
        emitRaw(new byte[][] {SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
    }

    private void emitRaw(byte[][] argv) {
        for (Listener l : listeners) l.propagated(argv);
    }
}
