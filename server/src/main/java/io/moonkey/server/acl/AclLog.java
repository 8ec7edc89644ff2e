package io.moonkey.server.acl;

import io.moonkey.server.resp.ReplySink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * ACL LOG: the most recent denials, newest first. A denial like one logged less than a minute
 * ago (same reason, context, object and user) updates that entry and counts it again instead of
 * adding one, as Valkey groups them; the log keeps at most acllog-max-len entries.
 */
final class AclLog {
    private static final long GROUPING_MS = 60_000;

    /** One entry; the times are unix milliseconds. */
    static final class Entry {
        long count = 1;
        final String reason, context, object, username;
        final long id, createdMs;
        long updatedMs;
        String clientInfo;

        Entry(long id, String reason, String context, String object, String username, String clientInfo, long now) {
            this.id = id;
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.clientInfo = clientInfo;
            this.createdMs = now;
            this.updatedMs = now;
        }

        boolean sameAs(String r, String c, String o, String u, long now) {
            return now - updatedMs < GROUPING_MS && reason.equals(r) && context.equals(c) && object.equals(o)
                    && username.equals(u);
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    void add(String reason, String context, String object, String username, String clientInfo, int maxLen) {
        long now = System.currentTimeMillis();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.sameAs(reason, context, object, username, now)) {
                it.remove();
                e.count++;
                e.updatedMs = now;
                e.clientInfo = clientInfo;
                entries.addFirst(e);
                return;
            }
        }
        entries.addFirst(new Entry(nextId++, reason, context, object, username, clientInfo, now));
        while (entries.size() > Math.max(0, maxLen)) entries.removeLast();
    }

    void reset() {
        entries.clear();
    }

    /** Replies with up to {@code count} entries, newest first, each a map of Valkey's ten fields. */
    void reply(ReplySink out, long count) {
        int n = (int) Math.min(count, entries.size());
        out.arrayHeader(n);
        long now = System.currentTimeMillis();
        Iterator<Entry> it = entries.iterator();
        for (int i = 0; i < n; i++) {
            Entry e = it.next();
            out.mapHeader(10);
            out.bulk("count");
            out.integer(e.count);
            out.bulk("reason");
            out.bulk(e.reason);
            out.bulk("context");
            out.bulk(e.context);
            out.bulk("object");
            out.bulk(e.object);
            out.bulk("username");
            out.bulk(e.username);
            out.bulk("age-seconds");
            out.doubleValue((now - e.updatedMs) / 1000.0);
            out.bulk("client-info");
            out.bulk(e.clientInfo);
            out.bulk("entry-id");
            out.integer(e.id);
            out.bulk("timestamp-created");
            out.integer(e.createdMs);
            out.bulk("timestamp-last-updated");
            out.integer(e.updatedMs);
        }
    }

    int size() {
        return entries.size();
    }
}
