package io.moonkey.server;

import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The MULTI/EXEC/WATCH state machine on a session, used by the transaction commands. */
public final class MultiState {
    private MultiState() {}

    public static void begin(Session s) {
        s.inMulti = true;
    }

    public static void discard(Session s) {
        s.resetMulti();
        s.unwatchAll();
    }

    /** WATCH: remembers the key (once) and whether it was already expired. */
    public static void watch(Session s, byte[] key) {
        for (WatchedKey w : s.watched) {
            if (w.db() == s.db() && Arrays.equals(w.key(), key)) return;
        }
        s.watched.add(new WatchedKey(s.db(), key, s.db().isLogicallyExpired(key)));
        s.db().watch(key, s);
    }

    public static void unwatch(Session s) {
        s.unwatchAll();
    }

    /** EXEC: runs the queued commands in order, or answers EXECABORT / null when it must not. */
    public static void exec(Session s, ReplySink out) {
        if (s.multiError) {
            discard(s);
            out.error("EXECABORT Transaction discarded because of previous errors.");
            return;
        }
        boolean aborted = s.casDirty;
        for (WatchedKey w : s.watched) {
            if (!w.expiredAtWatch() && w.db().isLogicallyExpired(w.key())) aborted = true;
        }
        if (aborted) {
            discard(s);
            out.nullArray();
            return;
        }
        List<byte[][]> cmds = new ArrayList<>(s.queued);
        List<CommandSpec> specs = new ArrayList<>(s.queuedSpecs);
        s.resetMulti();
        s.unwatchAll();
        s.executingTransaction = true;
        try {
            out.arrayHeader(cmds.size());
            Dispatcher d = s.server().dispatcher();
            for (int i = 0; i < cmds.size(); i++) {
                // ACL rules may have changed since the command was queued: checked again (Valkey's execCommand).
                String denied = s.server().acl().denyInTransaction(s, specs.get(i), cmds.get(i));
                if (denied != null) out.error(denied);
                else d.call(s, specs.get(i), cmds.get(i), out);
            }
        } finally {
            s.executingTransaction = false;
        }
        s.preventPropagation();
    }
}
