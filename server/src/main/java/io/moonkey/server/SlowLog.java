package io.moonkey.server;

import java.util.ArrayDeque;
import java.util.Deque;

/** The SLOWLOG: commands slower than slowlog-log-slower-than, newest first, bounded. */
public final class SlowLog {
    /** One entry as SLOWLOG GET reports it. */
    public record Entry(long id, long timestampSec, long durationMicros, byte[][] argv, String addr, String name) {}

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId;

    void record(long micros, byte[][] argv, String addr, String name, int maxLen) {
        int n = Math.min(argv.length, 32);
        byte[][] kept = new byte[n][];
        for (int i = 0; i < n; i++) {
            if (i == 31 && argv.length > 32) {
                kept[i] = ("... (" + (argv.length - 31) + " more arguments)").getBytes();
            } else if (argv[i].length > 128) {
                byte[] head = java.util.Arrays.copyOf(argv[i], 128);
                byte[] tail = ("... (" + (argv[i].length - 128) + " more bytes)").getBytes();
                byte[] both = java.util.Arrays.copyOf(head, 128 + tail.length);
                System.arraycopy(tail, 0, both, 128, tail.length);
                kept[i] = both;
            } else {
                kept[i] = argv[i];
            }
        }
        entries.addFirst(new Entry(nextId++, System.currentTimeMillis() / 1000, micros, kept, addr, name));
        while (entries.size() > Math.max(0, maxLen)) entries.removeLast();
    }

    public Iterable<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    void reset() {
        entries.clear();
    }
}
