package io.moonkey.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency monitor (LATENCY LATEST / HISTORY / RESET): for each event class ("command",
 * "fast-command"), the last 160 samples at or over latency-monitor-threshold, one per second
 * (a second's worst), with the all-time maximum.
 */
public final class LatencyMonitor {
    static final int HISTORY = 160;

    /** One recorded second: its Unix time and its worst latency in milliseconds. */
    public record Sample(long unixSeconds, long millis) {}

    /** The samples of one event class, oldest first, and the worst ever seen. */
    public static final class Series {
        private final ArrayList<Sample> samples = new ArrayList<>();
        private long max;

        public List<Sample> samples() {
            return samples;
        }

        public long max() {
            return max;
        }

        public Sample latest() {
            return samples.get(samples.size() - 1);
        }

        void add(long unixSeconds, long millis) {
            max = Math.max(max, millis);
            int last = samples.size() - 1;
            if (last >= 0 && samples.get(last).unixSeconds() == unixSeconds) {
                if (millis > samples.get(last).millis()) {
                    samples.set(last, new Sample(unixSeconds, millis));
                }
                return;
            }
            if (samples.size() == HISTORY) {
                samples.remove(0);
            }
            samples.add(new Sample(unixSeconds, millis));
        }
    }

    private final Map<String, Series> events = new LinkedHashMap<>();

    /** Records {@code millis} for {@code event} at the current second. */
    public void add(String event, long millis) {
        events.computeIfAbsent(event, e -> new Series()).add(System.currentTimeMillis() / 1000, millis);
    }

    /** The recorded event classes in first-seen order. */
    public Map<String, Series> events() {
        return events;
    }

    /** Drops the named series (all when {@code names} is empty); returns how many existed. */
    public int reset(List<String> names) {
        if (names.isEmpty()) {
            int n = events.size();
            events.clear();
            return n;
        }
        int n = 0;
        for (String name : names) {
            if (events.remove(name) != null) {
                n++;
            }
        }
        return n;
    }
}
