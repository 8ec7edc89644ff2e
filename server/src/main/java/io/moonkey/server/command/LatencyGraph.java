package io.moonkey.server.command;

import io.moonkey.server.LatencyMonitor;
import java.util.List;

/**
 * LATENCY GRAPH's text, laid out as Valkey's: a header with the highest and lowest recorded
 * latency and the all-time high, a rule, the samples oldest first as a column chart four rows
 * high scaled between the lowest and highest, then under each column its age ("15s", "3m", "2h")
 * written downwards.
 */
final class LatencyGraph {
    private static final int ROWS = 4;

    private LatencyGraph() {}

    static String render(String event, LatencyMonitor.Series series, long nowSeconds) {
        List<LatencyMonitor.Sample> samples = series.samples();
        long min = Long.MAX_VALUE, max = 0;
        for (LatencyMonitor.Sample s : samples) {
            min = Math.min(min, s.millis());
            max = Math.max(max, s.millis());
        }
        StringBuilder b = new StringBuilder();
        b.append(event).append(" - high ").append(max).append(" ms, low ").append(min).append(" ms (all time high ")
                .append(series.max()).append(" ms)\n");
        b.append("-".repeat(80)).append('\n');
        int n = samples.size();
        int[] level = new int[n]; // 0 .. 2*ROWS: each row holds a half step ('_') or a full one ('#')
        for (int i = 0; i < n; i++) {
            long v = samples.get(i).millis();
            level[i] = max == min ? 2 * ROWS : (int) (1 + (v - min) * (2 * ROWS - 1) / (max - min));
        }
        for (int row = ROWS - 1; row >= 0; row--) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int full = 2 * row + 2, half = 2 * row + 1;
                line.append(level[i] >= full ? '#' : level[i] == half ? '_' : row == 0 && level[i] == 0 ? '_' : ' ');
            }
            b.append(stripRight(line)).append('\n');
        }
        String[] ages = new String[n];
        int tallest = 0;
        for (int i = 0; i < n; i++) {
            ages[i] = age(nowSeconds - samples.get(i).unixSeconds());
            tallest = Math.max(tallest, ages[i].length());
        }
        for (int r = 0; r < tallest; r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) line.append(r < ages[i].length() ? ages[i].charAt(r) : ' ');
            b.append(stripRight(line)).append('\n');
        }
        return b.toString();
    }

    /** An age as the largest whole unit: seconds, minutes, hours or days. */
    private static String age(long seconds) {
        seconds = Math.max(0, seconds);
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return seconds / 60 + "m";
        if (seconds < 86400) return seconds / 3600 + "h";
        return seconds / 86400 + "d";
    }

    private static String stripRight(StringBuilder s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') end--;
        return s.substring(0, end);
    }
}
