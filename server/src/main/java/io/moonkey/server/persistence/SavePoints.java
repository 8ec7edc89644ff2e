package io.moonkey.server.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code save} parameter: pairs of "seconds changes" ("3600 1 300 100 60 10000"); a
 * background save is due when at least {@code changes} writes happened and {@code seconds}
 * passed since the last save. An empty value means no save points.
 */
public record SavePoints(List<long[]> points) {
    public static SavePoints parse(String text) {
        List<long[]> list = new ArrayList<>();
        String[] parts = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            try {
                list.add(new long[] {Long.parseLong(parts[i]), Long.parseLong(parts[i + 1])});
            } catch (NumberFormatException e) {
                // ignored: CONFIG SET validates; a bad pair in a file just never triggers
            }
        }
        return new SavePoints(List.copyOf(list));
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** Whether a point is reached with {@code changes} writes, {@code elapsedSeconds} after the last save. */
    public boolean due(long changes, long elapsedSeconds) {
        for (long[] p : points) if (changes >= p[1] && elapsedSeconds > p[0]) return true;
        return false;
    }
}
