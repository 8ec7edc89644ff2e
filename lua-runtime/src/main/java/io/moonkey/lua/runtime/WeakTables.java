package io.moonkey.lua.runtime;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Weak tables (Lua 5.1 manual §2.10.2): the tables of a state whose metatable had a {@code __mode}
 * containing 'k' or 'v' when it was set, and the sweep {@code collectgarbage("collect")} runs.
 *
 * <p>The JVM decides reachability, so a sweep detaches every collectable weak key or value
 * (tables, functions, threads, userdata; strings, numbers and booleans never leave a weak table,
 * as in 5.1's {@code iscleared}) behind a {@link WeakReference}, asks for a full collection, and
 * then puts back what survived; an entry whose weak part was collected becomes a dead entry in
 * place (nil value), as PUC's collector leaves it. No Lua code runs during the sweep. A value that
 * refers to its own weak key keeps the entry, as 5.1 has no ephemerons. Full collections are
 * rate-limited so a script calling collectgarbage in a loop cannot stall a server.
 */
public final class WeakTables {
    /** Stands for a collected weak key in its node: equal to nothing, never looked up. */
    private static final Object DEAD_KEY = new Object() {
        @Override
        public String toString() {
            return "<dead key>";
        }
    };

    /** One detached entry: where it lives and what it held. */
    private record Detached(LuaTable table, boolean inArray, int index, Object key, Object value) {}

    private final List<WeakReference<LuaTable>> tables = new ArrayList<>();
    private long minIntervalNanos;
    private long lastFullCollection;

    /**
     * Sets the least time between two full collections (a server sets one so that a script
     * calling collectgarbage in a loop cannot stall everyone; a sweep asked for sooner is skipped).
     */
    public void setMinInterval(long millis) {
        minIntervalNanos = millis * 1_000_000L;
        lastFullCollection = System.nanoTime() - minIntervalNanos;
    }

    /** Called by setmetatable: remembers {@code t} if {@code mt} makes it weak. */
    public void noteMetatable(LuaTable t, LuaTable mt) {
        if (mt == null || mode(mt) == 0) return;
        for (WeakReference<LuaTable> r : tables) if (r.get() == t) return;
        tables.add(new WeakReference<>(t));
    }

    /** Bit 1 = weak keys, bit 2 = weak values, from the metatable's current {@code __mode}. */
    private static int mode(LuaTable mt) {
        if (!(mt.getStr(Metatables.MODE) instanceof LuaString m)) return 0;
        int bits = 0;
        for (int i = 0; i < m.length(); i++) {
            int c = m.byteAt(i);
            if (c == 'k') bits |= 1;
            else if (c == 'v') bits |= 2;
        }
        return bits;
    }

    private static boolean collectable(Object o) {
        return o instanceof LuaTable || o instanceof LuaFunction || o instanceof Coroutine || o instanceof Userdata;
    }

    /** collectgarbage("collect"): clears the weak entries whose keys or values nothing else holds. */
    public void collect() {
        tables.removeIf(r -> r.get() == null);
        if (tables.isEmpty()) return;
        long now = System.nanoTime();
        if (minIntervalNanos > 0 && now - lastFullCollection < minIntervalNanos) return;
        lastFullCollection = now;
        List<Detached> detached = new ArrayList<>();
        for (WeakReference<LuaTable> r : tables) {
            LuaTable t = r.get();
            if (t == null || t.metatable() == null) continue;
            int mode = mode(t.metatable());
            if (mode != 0) detach(t, (mode & 1) != 0, (mode & 2) != 0, detached);
        }
        if (detached.isEmpty()) return;
        System.gc();
        for (Detached d : detached) restore(d);
        Reference.reachabilityFence(detached);
    }

    private static void detach(LuaTable t, boolean weakKeys, boolean weakValues, List<Detached> out) {
        Object[] array = t.arrayPart();
        if (weakValues) {
            for (int i = 0; i < array.length; i++) {
                if (collectable(array[i])) {
                    out.add(new Detached(t, true, i, null, new WeakReference<>(array[i])));
                    array[i] = null;
                }
            }
            t.arrayRewritten();
        }
        Object[] keys = t.nodeKeys(), vals = t.nodeVals();
        if (keys == null) return;
        for (int i = 0; i < keys.length; i++) {
            if (vals[i] == null) continue;
            boolean wk = weakKeys && collectable(keys[i]);
            boolean wv = weakValues && collectable(vals[i]);
            if (!wk && !wv) continue;
            out.add(new Detached(t, false, i, wk ? new WeakReference<>(keys[i]) : keys[i], wv ? new WeakReference<>(vals[i]) : vals[i]));
            if (wk) keys[i] = DEAD_KEY; // the node keeps its place in its chain; restored below if the key lives
            vals[i] = null;
        }
    }

    private static void restore(Detached d) {
        Object k = d.key instanceof WeakReference<?> w ? w.get() : d.key;
        Object v = d.value instanceof WeakReference<?> w ? w.get() : d.value;
        boolean alive = (d.inArray || k != null) && v != null;
        if (d.inArray) {
            if (alive) d.table.arrayPart()[d.index] = v;
            d.table.arrayRewritten();
            return;
        }
        d.table.nodeKeys()[d.index] = k != null ? k : DEAD_KEY;
        d.table.nodeVals()[d.index] = alive ? v : null;
    }
}
