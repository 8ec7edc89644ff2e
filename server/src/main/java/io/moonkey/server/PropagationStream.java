package io.moonkey.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream of data-changing commands in execution order, in the form that reproduces them,
 * feeding the append-only file and the replicas. A top-level execution unit (a command, an EXEC,
 * a script) is bracketed by {@link #begin()}/{@link #end()}; if it produced more than one command
 * they are wrapped in MULTI/EXEC, and each consumer gets a SELECT whenever the database differs
 * from the one its stream last selected (Valkey's propagatePendingCommands).
 *
 * <p>Each command carries targets ({@link #AOF}, {@link #REPLICAS}): a script's
 * {@code server.set_repl} narrows them. As in Valkey, the MULTI and EXEC of a unit go to both.
 */
public final class PropagationStream {
    /** Receives each propagated command, including the SELECT, MULTI and EXEC the stream adds. */
    @FunctionalInterface
    public interface Listener {
        void propagated(byte[][] argv);
    }

    /** Target bits, the values of server.REPL_AOF and server.REPL_REPLICA. */
    public static final int AOF = 1, REPLICAS = 2, ALL = 3;

    private static final byte[] SELECT = "SELECT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] MULTI = {"MULTI".getBytes(StandardCharsets.US_ASCII)};
    private static final byte[][] EXEC = {"EXEC".getBytes(StandardCharsets.US_ASCII)};

    /** One consumer: what it takes and the database its stream has selected. */
    private static final class Consumer {
        final Listener listener;
        final int targets;
        int db = -1; // a new consumer must see a SELECT first

        Consumer(Listener listener, int targets) {
            this.listener = listener;
            this.targets = targets;
        }
    }

    private final List<Consumer> consumers = new ArrayList<>();
    private final List<byte[][]> pendingArgv = new ArrayList<>();
    private final List<Integer> pendingDb = new ArrayList<>();
    private final List<Integer> pendingTargets = new ArrayList<>();
    private int depth;

    /** Adds a consumer of every command (both targets). */
    public void addListener(Listener l) {
        addListener(l, ALL);
    }

    /** Adds a consumer of the commands propagated to any of {@code targets}. */
    public void addListener(Listener l, int targets) {
        consumers.add(new Consumer(l, targets));
    }

    public void removeListener(Listener l) {
        consumers.removeIf(c -> c.listener == l);
    }

    public boolean active() {
        return !consumers.isEmpty();
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
            emit(pendingDb.get(0), pendingArgv.get(0), pendingTargets.get(0));
        } else {
            emit(pendingDb.get(0), MULTI, ALL);
            for (int i = 0; i < n; i++) emit(pendingDb.get(i), pendingArgv.get(i), pendingTargets.get(i));
            emit(pendingDb.get(n - 1), EXEC, ALL);
        }
        pendingArgv.clear();
        pendingDb.clear();
        pendingTargets.clear();
    }

    /** Adds a command executed against database {@code db}, for both targets. */
    public void add(int db, byte[][] argv) {
        add(db, argv, ALL);
    }

    /** Adds a command executed against database {@code db}, for {@code targets} only. */
    public void add(int db, byte[][] argv, int targets) {
        if (consumers.isEmpty() || targets == 0) return;
        if (depth == 0) {
            emit(db, argv, targets);
            return;
        }
        pendingArgv.add(argv);
        pendingDb.add(db);
        pendingTargets.add(targets);
    }

    /** Sends a command to the replicas only, outside any unit and without SELECT (the master's PING). */
    public void toReplicasRaw(byte[][] argv) {
        for (int i = 0; i < consumers.size(); i++) {
            Consumer c = consumers.get(i);
            if ((c.targets & REPLICAS) != 0) c.listener.propagated(argv);
        }
    }

    private void emit(int db, byte[][] argv, int targets) {
        for (int i = 0; i < consumers.size(); i++) {
            Consumer c = consumers.get(i);
            if ((c.targets & targets) == 0) continue;
            if (c.db != db) {
                c.db = db;
                c.listener.propagated(new byte[][] {SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII)});
            }
            c.listener.propagated(argv);
        }
    }
}
