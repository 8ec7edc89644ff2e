package io.moonkey.server.scripting;

import io.moonkey.lua.text.Sha1;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Scripts by SHA1 (scripting.md §3): the body, its shebang and the compiled form. Scripts
 * created by EVAL are evictable: at most {@link #MAX_EVICTABLE} of them, least recently run
 * first (Valkey's rule); scripts created by SCRIPT LOAD are kept until SCRIPT FLUSH.
 */
public final class ScriptCache {
    static final int MAX_EVICTABLE = 500;

    /** A cached script. */
    public record Entry(String sha, byte[] body, Shebang shebang, ScriptingEngine.Compiled compiled) {}

    private final Map<String, Entry> bySha = new HashMap<>();
    /** Evictable scripts, least recently used first. */
    private final LinkedHashSet<String> evictable = new LinkedHashSet<>();
    private long evicted;
    private long bodyBytes;

    /** The lowercase hex SHA1 of a body. */
    public static String sha1(byte[] body) {
        return new String(Sha1.hex(body), StandardCharsets.US_ASCII);
    }

    /** The script with this SHA1 (any case), or null. */
    public Entry get(String sha) {
        return bySha.get(sha.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Adds a compiled script. An EVAL-created one is evictable and may push out the oldest;
     * SCRIPT LOAD of an evictable one makes it permanent.
     */
    public Entry put(Entry e, boolean byEval) {
        Entry old = bySha.get(e.sha());
        if (old != null) {
            if (!byEval) {
                evictable.remove(e.sha());
            }
            return old;
        }
        if (byEval) {
            while (evictable.size() >= MAX_EVICTABLE) {
                String oldest = evictable.iterator().next();
                evictable.remove(oldest);
                Entry gone = bySha.remove(oldest);
                bodyBytes -= gone.body().length;
                evicted++;
            }
            evictable.add(e.sha());
        }
        bySha.put(e.sha(), e);
        bodyBytes += e.body().length;
        return e;
    }

    /** Marks an evictable script as just run. */
    public void touch(String sha) {
        if (evictable.remove(sha)) {
            evictable.add(sha);
        }
    }

    public void clear() {
        bySha.clear();
        evictable.clear();
        bodyBytes = 0;
    }

    public int size() {
        return bySha.size();
    }

    /** Scripts evicted since start (INFO evicted_scripts). */
    public long evicted() {
        return evicted;
    }

    /** An estimate of the cache's own memory: bodies plus per-entry overhead. */
    public long memoryBytes() {
        return bodyBytes + bySha.size() * 160L;
    }
}
