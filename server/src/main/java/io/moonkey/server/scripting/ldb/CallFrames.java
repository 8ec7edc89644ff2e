package io.moonkey.server.scripting.ldb;

import io.moonkey.lua.debug.Locals;
import java.util.ArrayList;
import java.util.List;

/**
 * The locals of each active Lua function of the script, by call depth, as the latest line event
 * of that function saw them. A function's events are the only way to see its locals, so an
 * entry deeper than the current depth belongs to a call that has returned and is ignored.
 */
final class CallFrames {
    private Locals[] frames = new Locals[16];

    void record(int depth, Locals locals) {
        if (depth < 0) {
            return;
        }
        if (depth >= frames.length) {
            frames = java.util.Arrays.copyOf(frames, Math.max(depth + 1, frames.length * 2));
        }
        frames[depth] = locals;
    }

    /** The frames from {@code depth} outwards (innermost first), skipping depths never seen. */
    List<Locals> outwardFrom(int depth) {
        List<Locals> out = new ArrayList<>();
        for (int d = Math.min(depth, frames.length - 1); d >= 0; d--) {
            if (frames[d] != null) {
                out.add(frames[d]);
            }
        }
        return out;
    }

    Locals at(int depth) {
        return depth >= 0 && depth < frames.length ? frames[depth] : null;
    }
}
