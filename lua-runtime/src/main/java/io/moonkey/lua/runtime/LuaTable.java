package io.moonkey.lua.runtime;

import java.util.Arrays;

/**
 * A Lua table laid out exactly as PUC Lua 5.1's {@code ltable.c} lays it out, so that {@code #},
 * {@code next} and {@code pairs} give the reference's answers: an array part for keys
 * {@code 1..asize} and a hash part of {@code 2^k} nodes with main positions, collision chains
 * (Brent's variation: a colliding key not in its main position is moved), a {@code lastFree}
 * cursor, and a count-based rehash that recomputes both sizes. Assigning nil keeps the key as a
 * dead entry until the next rehash, which is what makes clearing fields during a traversal legal
 * (manual §5.1, {@code next}).
 */
public final class LuaTable {
    private static final Object[] NO_ARRAY = new Object[0];
    private static final int MAXBITS = 26;
    private static final int MAXASIZE = 1 << MAXBITS;

    private Object[] array = NO_ARRAY;
    /**
     * When known, the array part holds non-nil values in exactly slots {@code [0, dense)} and nil
     * above: then {@code luaH_getn}'s binary search would land on {@code dense}, so {@link #length}
     * answers without searching (the {@code t[#t + 1] = v} idiom asks at every append).
     * {@link #UNKNOWN_DENSE} once a store leaves a hole, until the next resize rescans.
     */
    private int dense;
    private static final int UNKNOWN_DENSE = Integer.MAX_VALUE;
    /** Node part; {@code keys == null} is PUC's shared dummy node (size 0, always "full"). */
    private Object[] keys;
    private Object[] vals;
    private int[] nexts;
    private int lastFree;
    /**
     * Whether a number was ever placed as a node key since the node part was allocated: when not,
     * numeric lookups skip the hash (the {@code #t} of a record probes key 1 there).
     */
    private boolean numberKeys;
    /** Changes whenever the parts are reallocated: traversal cursors are valid while it holds. */
    private int layout;

    private LuaTable metatable;
    /**
     * Bit i set = this table, used as a metatable, is known to lack metamethod i (PUC's
     * {@code fasttm} cache); cleared by every raw store.
     */
    byte absentMeta;
    private boolean readonly;

    public LuaTable() {
    }

    /** A table presized as PUC's {@code lua_createtable(narray, nhash)}. */
    public LuaTable(int narray, int nhash) {
        if (narray > 0) {
            array = new Object[narray];
        }
        if (nhash > 0) {
            setNodeVector(nhash);
        }
    }

    // ------------------------------------------------------------------ metatable & flags

    public LuaTable metatable() {
        return metatable;
    }

    public void setMetatable(LuaTable mt) {
        this.metatable = mt;
    }

    public boolean isReadonly() {
        return readonly;
    }

    public void setReadonly(boolean readonly) {
        this.readonly = readonly;
    }

    // ------------------------------------------------------------------ weak-table sweeps

    /** The array part, for {@link WeakTables}' sweep (which runs while no Lua code does). */
    Object[] arrayPart() {
        return array;
    }

    /** The node keys (null for the empty node part), for {@link WeakTables}. */
    Object[] nodeKeys() {
        return keys;
    }

    /** The node values, for {@link WeakTables}. */
    Object[] nodeVals() {
        return vals;
    }

    // ------------------------------------------------------------------ reads

    /** Raw get ({@code rawget}); absent keys read as nil. */
    public Object get(Object key) {
        if (key instanceof Double d) {
            return get(d.doubleValue());
        }
        if (key instanceof LuaString s) {
            return getStr(s);
        }
        if (key == null || keys == null) {
            return null;
        }
        int i = mainPosition(key);
        do {
            if (keys[i] == key) {
                return vals[i];
            }
            i = nexts[i];
        } while (i >= 0);
        return null;
    }

    public Object get(double k) {
        int i = (int) k;
        if (i == k && i - 1 < array.length && i >= 1) {
            return array[i - 1];
        }
        return getNumInHash(k);
    }

    public Object get(int k) {
        if (k - 1 < array.length && k >= 1) {
            return array[k - 1];
        }
        return getNumInHash(k);
    }

    public Object getStr(LuaString key) {
        if (keys == null) {
            return null;
        }
        int i = key.luaHash() & (keys.length - 1);
        do {
            Object k = keys[i];
            if (k == key || (k instanceof LuaString s && s.equals(key))) {
                return vals[i];
            }
            i = nexts[i];
        } while (i >= 0);
        return null;
    }

    private Object getNumInHash(double k) {
        if (!numberKeys) {
            return null;
        }
        int i = numPosition(k);
        do {
            if (keys[i] instanceof Double d && d == k) {
                return vals[i];
            }
            i = nexts[i];
        } while (i >= 0);
        return null;
    }

    /** Node index holding {@code key}, or -1. */
    private int findNode(Object key) {
        if (keys == null || key == null) {
            return -1;
        }
        int i = mainPosition(key);
        do {
            if (keyEquals(keys[i], key)) {
                return i;
            }
            i = nexts[i];
        } while (i >= 0);
        return -1;
    }

    private static boolean keyEquals(Object stored, Object key) {
        if (stored == key) {
            return true;
        }
        if (key instanceof Double d) {
            return stored instanceof Double s && s.doubleValue() == d.doubleValue();
        }
        return key instanceof LuaString && key.equals(stored);
    }

    // ------------------------------------------------------------------ writes

    /**
     * Raw set ({@code rawset}). Raises "table index is nil" / "table index is NaN". As in PUC,
     * storing nil under an absent key still creates the (dead) key.
     */
    public void put(Object key, Object value) {
        if (key instanceof Double d) {
            put(d.doubleValue(), value);
            return;
        }
        absentMeta = 0;
        int n = findNode(key);
        if (n >= 0) {
            vals[n] = value;
            return;
        }
        if (key == null) {
            throw LuaError.runtime("table index is nil");
        }
        newKey(key, value);
    }

    public void put(double k, Object value) {
        int i = (int) k;
        if (i == k && i - 1 < array.length && i >= 1) {
            array[i - 1] = value;
            noteArrayStore(i, value);
            return;
        }
        putNumSlow(k, value);
    }

    public void put(int k, Object value) {
        if (k - 1 < array.length && k >= 1) {
            array[k - 1] = value;
            noteArrayStore(k, value);
            return;
        }
        putNumSlow(k, value);
    }

    /**
     * Keeps {@link #dense} after array slot {@code k - 1} got {@code value}: a value just above
     * the prefix extends it and a nil at its top shortens it; a value further above or a nil
     * inside leaves a hole. (With {@link #UNKNOWN_DENSE} no value is above and no nil at the top.)
     */
    private void noteArrayStore(int k, Object value) {
        int d = dense;
        if (value != null) {
            if (k > d) {
                dense = k == d + 1 ? k : UNKNOWN_DENSE;
            }
        } else if (k <= d) {
            dense = k == d ? d - 1 : UNKNOWN_DENSE;
        }
    }

    /** Recomputes {@link #dense} from the array part (after a resize, which is linear anyway). */
    private void rescanDense() {
        Object[] a = array;
        int d = 0;
        while (d < a.length && a[d] != null) {
            d++;
        }
        for (int i = d + 1; i < a.length; i++) {
            if (a[i] != null) {
                dense = UNKNOWN_DENSE;
                return;
            }
        }
        dense = d;
    }

    /** The array part was written behind the table's back ({@link WeakTables}): forget {@link #dense}. */
    void arrayRewritten() {
        dense = UNKNOWN_DENSE;
    }

    private void putNumSlow(double k, Object value) {
        absentMeta = 0;
        if (numberKeys) {
            int i = numPosition(k);
            do {
                if (keys[i] instanceof Double d && d == k) {
                    vals[i] = value;
                    return;
                }
                i = nexts[i];
            } while (i >= 0);
        }
        if (Double.isNaN(k)) {
            throw LuaError.runtime("table index is NaN");
        }
        newKey(k == 0 ? 0.0 : k, value);
    }

    /** PUC's {@code newkey}: the key is absent; places it, rehashing when no node is free. */
    private void newKey(Object key, Object value) {
        if (keys == null) {
            rehash(key);
            put(key, value);
            return;
        }
        int mp = mainPosition(key);
        if (vals[mp] != null) {
            int free = freePosition();
            if (free < 0) {
                rehash(key);
                put(key, value);
                return;
            }
            int other = mainPosition(keys[mp]);
            if (other != mp) {
                // The occupant is not in its main position: move it to the free node.
                while (nexts[other] != mp) {
                    other = nexts[other];
                }
                nexts[other] = free;
                keys[free] = keys[mp];
                vals[free] = vals[mp];
                nexts[free] = nexts[mp];
                nexts[mp] = -1;
                vals[mp] = null;
            } else {
                // The occupant is in its main position: the new key goes to the free node.
                nexts[free] = nexts[mp];
                nexts[mp] = free;
                mp = free;
            }
        }
        keys[mp] = key;
        vals[mp] = value;
        if (key instanceof Double) {
            numberKeys = true;
        }
    }

    private int freePosition() {
        while (lastFree > 0) {
            lastFree--;
            if (keys[lastFree] == null) {
                return lastFree;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ hashing

    private int mainPosition(Object key) {
        if (key instanceof LuaString s) {
            return s.luaHash() & (keys.length - 1);
        }
        if (key instanceof Double d) {
            return numPosition(d);
        }
        if (key instanceof Boolean b) {
            return (b ? 1 : 0) & (keys.length - 1);
        }
        return Integer.remainderUnsigned(System.identityHashCode(key), (keys.length - 1) | 1);
    }

    /** {@code hashnum}: the two 32-bit halves of the IEEE bits added, modulo an odd size. */
    private int numPosition(double k) {
        if (k == 0) {
            return 0;
        }
        long bits = Double.doubleToRawLongBits(k);
        int h = (int) bits + (int) (bits >>> 32);
        return Integer.remainderUnsigned(h, (keys.length - 1) | 1);
    }

    // ------------------------------------------------------------------ rehash (ltable.c)

    private static int ceilLog2(int x) {
        return x <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(x - 1);
    }

    private static int countInt(Object key, int[] nums) {
        if (key instanceof Double d) {
            double v = d;
            int k = (int) v;
            if (k == v && k >= 1 && k <= MAXASIZE) {
                nums[ceilLog2(k)]++;
                return 1;
            }
        }
        return 0;
    }

    private int numUseArray(int[] nums) {
        int ause = 0;
        int i = 1;
        for (int lg = 0, ttlg = 1; lg <= MAXBITS; lg++, ttlg *= 2) {
            int lc = 0;
            int lim = ttlg;
            if (lim > array.length) {
                lim = array.length;
                if (i > lim) {
                    break;
                }
            }
            for (; i <= lim; i++) {
                if (array[i - 1] != null) {
                    lc++;
                }
            }
            nums[lg] += lc;
            ause += lc;
        }
        return ause;
    }

    private void rehash(Object extraKey) {
        int[] nums = new int[MAXBITS + 1];
        int nasize = numUseArray(nums);
        int totaluse = nasize;
        if (keys != null) {
            for (int i = keys.length - 1; i >= 0; i--) {
                if (vals[i] != null) {
                    nasize += countInt(keys[i], nums);
                    totaluse++;
                }
            }
        }
        nasize += countInt(extraKey, nums);
        totaluse++;
        // computesizes: the largest n (power of 2) with more than n/2 slots of 1..n in use.
        int a = 0;
        int na = 0;
        int n = 0;
        for (int i = 0, twotoi = 1; twotoi / 2 < nasize; i++, twotoi *= 2) {
            if (nums[i] > 0) {
                a += nums[i];
                if (a > twotoi / 2) {
                    n = twotoi;
                    na = a;
                }
            }
            if (a == nasize) {
                break;
            }
        }
        resize(n, totaluse - na);
    }

    private void setNodeVector(int size) {
        numberKeys = false;
        if (size == 0) {
            keys = null;
            vals = null;
            nexts = null;
            lastFree = 0;
            return;
        }
        int lsize = ceilLog2(size);
        if (lsize > MAXBITS) {
            throw LuaError.runtime("table overflow");
        }
        int n = 1 << lsize;
        keys = new Object[n];
        vals = new Object[n];
        nexts = new int[n];
        Arrays.fill(nexts, -1);
        lastFree = n;
    }

    private void resize(int nasize, int nhsize) {
        layout++;
        dense = UNKNOWN_DENSE; // the re-insertions below store behind a stale boundary
        Object[] oldArray = array;
        Object[] oldKeys = keys;
        Object[] oldVals = vals;
        int oldasize = oldArray.length;
        if (nasize > oldasize) {
            array = Arrays.copyOf(oldArray, nasize);
        }
        setNodeVector(nhsize);
        if (nasize < oldasize) {
            array = nasize == 0 ? NO_ARRAY : Arrays.copyOf(oldArray, nasize);
            for (int i = nasize; i < oldasize; i++) {
                if (oldArray[i] != null) {
                    put(i + 1, oldArray[i]);
                }
            }
        }
        if (oldKeys != null) {
            for (int i = oldKeys.length - 1; i >= 0; i--) {
                if (oldVals[i] != null) {
                    put(oldKeys[i], oldVals[i]);
                }
            }
        }
        rescanDense();
    }

    /** {@code luaH_resizearray}: a constructor ending in a multi-valued item grows the array. */
    public void ensureArray(int n) {
        if (n > array.length) {
            layout++;
            dense = UNKNOWN_DENSE;
            int h = keys == null ? 0 : keys.length;
            Object[] oldKeys = keys;
            Object[] oldVals = vals;
            array = Arrays.copyOf(array, n);
            setNodeVector(h);
            if (oldKeys != null) {
                for (int i = oldKeys.length - 1; i >= 0; i--) {
                    if (oldVals[i] != null) {
                        put(oldKeys[i], oldVals[i]);
                    }
                }
            }
            rescanDense();
        }
    }

    // ------------------------------------------------------------------ length & traversal

    /** The border {@code #t} as {@code luaH_getn} finds it (manual §2.5.5). */
    public int length() {
        int j = array.length;
        int d = dense;
        if (d < j) { // the binary search below would find the prefix's end (UNKNOWN_DENSE is never below j)
            return d;
        }
        if (j > 0 && array[j - 1] == null) {
            int i = 0;
            while (j - i > 1) {
                int m = (i + j) >>> 1;
                if (array[m - 1] == null) {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i;
        }
        if (keys == null) {
            return j;
        }
        return unboundSearch(j);
    }

    private int unboundSearch(int start) {
        long i = start;
        long j = i + 1;
        while (get((double) j) != null) {
            i = j;
            j *= 2;
            if (j > Integer.MAX_VALUE) {
                int k = 1;
                while (get(k) != null) {
                    k++;
                }
                return k - 1;
            }
        }
        while (j - i > 1) {
            long m = (i + j) / 2;
            if (get((double) m) == null) {
                j = m;
            } else {
                i = m;
            }
        }
        return (int) i;
    }

    /** Position after {@code key} in traversal order: array slots, then nodes. */
    private int traversalIndex(Object key) {
        if (key == null) {
            return -1;
        }
        if (key instanceof Double d) {
            double v = d;
            int k = (int) v;
            if (k == v && k >= 1 && k <= array.length) {
                return k - 1;
            }
        }
        int n = findNode(key);
        if (n < 0) {
            throw LuaError.runtime("invalid key to 'next'");
        }
        return n + array.length;
    }

    /**
     * {@code next(t, key)}: stores the following key and value into {@code out[0..1]} and
     * returns true, or returns false at the end of the traversal.
     */
    public boolean next(Object key, Object[] out) {
        int i = traversalIndex(key) + 1;
        for (; i < array.length; i++) {
            if (array[i] != null) {
                out[0] = (double) (i + 1);
                out[1] = array[i];
                return true;
            }
        }
        if (keys != null) {
            for (i -= array.length; i < keys.length; i++) {
                if (vals[i] != null) {
                    out[0] = keys[i];
                    out[1] = vals[i];
                    return true;
                }
            }
        }
        return false;
    }

    /** The current layout version (see {@link #nextAt}). */
    public int layout() {
        return layout;
    }

    /**
     * Traversal by position: finds the first entry at or after {@code pos} (array slots, then
     * nodes), stores key and value in {@code out} and returns its position, or -1 at the end.
     * Equivalent to {@link #next} from the key at {@code pos - 1} while {@link #layout()} is
     * unchanged, without looking the key up again.
     */
    public int nextAt(int pos, Object[] out) {
        int i = pos;
        for (; i < array.length; i++) {
            if (array[i] != null) {
                out[0] = (double) (i + 1);
                out[1] = array[i];
                return i;
            }
        }
        if (keys != null) {
            for (int n = i - array.length; n < keys.length; n++) {
                if (vals[n] != null) {
                    out[0] = keys[n];
                    out[1] = vals[n];
                    return n + array.length;
                }
            }
        }
        return -1;
    }

    /** The position {@link #nextAt} continues after, for {@code key} (-1 for nil). */
    public int positionOf(Object key) {
        return traversalIndex(key);
    }

    /** Size of the array part (for library functions that iterate it directly). */
    public int arrayCapacity() {
        return array.length;
    }

    @Override
    public String toString() {
        return "table: 0x" + String.format("%08x", System.identityHashCode(this));
    }
}
