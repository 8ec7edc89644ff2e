package io.moonkey.server;

import io.moonkey.datastore.Database;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.resp.ReplySink;
import java.util.function.Consumer;

/**
 * Clients blocked on keys (BLPOP, BZPOPMIN, BLMOVE, XREAD BLOCK...), as Valkey's blocked.c.
 *
 * <p>A blocking command that finds nothing to serve calls {@link #block}; its client stops
 * executing further requests. When a key it waits on is signalled ready (a new key is created
 * under that name, or {@link #signalKeyReady} is called), the blocked command is run again, in
 * arrival order of the clients, after the command that signalled finishes; if it blocks again it
 * keeps its place. On timeout its {@code onTimeout} writes the reply.
 */
public final class BlockedClients {
    private final Server server;

    BlockedClients(Server server) {
        this.server = server;
    }

    /**
     * Blocks {@code s} on {@code keys} of its selected database until {@code deadlineMs} (unix ms,
     * 0 = forever). {@code retry} is the command to run again when a key is ready (usually the
     * original argv; XREAD passes its argv with '$' resolved). The caller must have checked
     * {@link Session#canBlock()}: a command that cannot block answers as on timeout instead.
     */
    public void block(Session s, byte[][] keys, long deadlineMs, byte[][] retry, Consumer<ReplySink> onTimeout) {
        throw new UnsupportedOperationException("blocking not implemented yet");
    }

    /** Tells the blocked clients of {@code key} that it may have data now (XADD to an existing stream...). */
    public void signalKeyReady(Database db, byte[] key) {}

    /**
     * Parses a blocking timeout argument into an absolute deadline (unix ms, 0 = forever), as
     * Valkey's getTimeoutFromObjectOrReply: seconds as a float for BLPOP and friends
     * ({@code seconds}), integer milliseconds for XREAD BLOCK.
     */
    public long deadline(byte[] arg, boolean seconds) {
        long ms;
        String t = new String(arg, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (seconds) {
            double d;
            try {
                if (t.isEmpty() || Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1))) {
                    throw new NumberFormatException();
                }
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new CommandError("ERR timeout is not a float or out of range");
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new CommandError("ERR timeout is not a float or out of range");
            d *= 1000.0;
            if (d > Long.MAX_VALUE) throw new CommandError("ERR timeout is out of range");
            ms = (long) Math.ceil(d);
        } else {
            try {
                ms = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new CommandError("ERR timeout is not an integer or out of range");
            }
        }
        if (ms < 0) throw new CommandError("ERR timeout is negative");
        if (ms == 0) return 0;
        long now = System.currentTimeMillis();
        if (ms > Long.MAX_VALUE - now) throw new CommandError("ERR timeout is out of range");
        return now + ms;
    }
}
