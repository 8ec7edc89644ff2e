package io.moonkey.server.scripting.ldb;

import java.util.ArrayList;
import java.util.List;

/** The session's breakpoints in the order they were added, at most 64 (ldb.md §6 {@code break}). */
public final class Breakpoints {
    static final int MAX = 64;

    private final List<Integer> lines = new ArrayList<>();

    public boolean contains(int line) {
        return lines.contains(line);
    }

    public boolean isFull() {
        return lines.size() == MAX;
    }

    /** Adds {@code line} if it is within the script and not set yet. */
    public boolean add(int line, int lineCount) {
        if (line <= 0 || line > lineCount || contains(line) || isFull()) {
            return false;
        }
        lines.add(line);
        return true;
    }

    /** Removes {@code line}; false if it had no breakpoint (removal of any entry is exact, ldb.md §6 note). */
    public boolean remove(int line) {
        return lines.remove(Integer.valueOf(line));
    }

    public void clear() {
        lines.clear();
    }

    public List<Integer> lines() {
        return List.copyOf(lines);
    }
}
