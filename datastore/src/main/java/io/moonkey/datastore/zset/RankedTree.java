package io.moonkey.datastore.zset;

import java.util.Arrays;

/**
 * The entries of a sorted set in (score, member) order: a B+tree whose inner nodes keep the
 * entry count below each child, so insert, delete, rank and access by rank are O(log n). Far
 * fewer objects than a skip list (a leaf holds up to 64 entries in two flat arrays), and the
 * leaves are linked for range walks in both directions.
 *
 * <p>Scores compare numerically (-0 equals 0), ties by member bytes, unsigned. Separators in the
 * inner nodes are bounds: every key of child i is below separator i, which is at most every key
 * of child i+1; deletions may leave them stale, which keeps them valid bounds.
 */
final class RankedTree {
    static final int LEAF_MAX = 64;
    static final int INNER_MAX = 64;
    private static final int LEAF_FIRST_CAPACITY = 2;
    private static final long LEAF_OBJECT = 32;
    private static final long INNER_BYTES = 32 + refArray(INNER_MAX + 1) + intArray(INNER_MAX + 1) + doubleArray(INNER_MAX)
            + refArray(INNER_MAX);

    abstract static class Node {
        int count; // entries (leaf) or children (inner)
    }

    static final class Leaf extends Node {
        byte[][] members;
        double[] scores;
        Leaf prev, next;

        Leaf(int capacity) {
            members = new byte[capacity][];
            scores = new double[capacity];
        }
    }

    static final class Inner extends Node {
        final Node[] children = new Node[INNER_MAX + 1];
        final int[] sizes = new int[INNER_MAX + 1];
        final double[] sepScores = new double[INNER_MAX];
        final byte[][] sepMembers = new byte[INNER_MAX][];
    }

    /** A monotone predicate over the order: true for a prefix of the entries, false after. */
    interface Boundary {
        boolean before(double score, byte[] member);
    }

    private Node root;
    Leaf first, last;
    private int size;
    private long bytes;
    // the separator produced by the last split, read by the caller one level up
    private double splitScore;
    private byte[] splitMember;

    RankedTree() {
        Leaf l = newLeaf(LEAF_FIRST_CAPACITY);
        root = first = last = l;
    }

    int size() {
        return size;
    }

    /** Heap bytes of the tree's own objects (not the member arrays). */
    long bytes() {
        return bytes + 32;
    }

    static int compare(double s1, byte[] m1, double s2, byte[] m2) {
        if (s1 < s2) return -1;
        if (s1 > s2) return 1;
        return Arrays.compareUnsigned(m1, m2);
    }

    // ---- search ---------------------------------------------------------------------------------

    /** The first index in the leaf whose entry is at or after (s, m). */
    private static int lowerBound(Leaf l, double s, byte[] m) {
        int lo = 0, hi = l.count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(l.scores[mid], l.members[mid], s, m) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The child of {@code in} whose key range holds (s, m): the number of separators at or below it. */
    private static int childFor(Inner in, double s, byte[] m) {
        int lo = 0, hi = in.count - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(in.sepScores[mid], in.sepMembers[mid], s, m) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int sizeOf(Node n) {
        if (n instanceof Leaf) return n.count;
        Inner in = (Inner) n;
        int t = 0;
        for (int i = 0; i < in.count; i++) t += in.sizes[i];
        return t;
    }

    // ---- insert ---------------------------------------------------------------------------------

    /** Adds (m, s); the member must not be present. */
    void insert(byte[] m, double s) {
        Node right = insertInto(root, m, s);
        if (right != null) {
            Inner r = newInner();
            r.children[0] = root;
            r.sizes[0] = sizeOf(root);
            r.children[1] = right;
            r.sizes[1] = sizeOf(right);
            r.sepScores[0] = splitScore;
            r.sepMembers[0] = splitMember;
            r.count = 2;
            root = r;
        }
        size++;
    }

    private Node insertInto(Node node, byte[] m, double s) {
        if (node instanceof Leaf leaf) return insertIntoLeaf(leaf, m, s);
        Inner in = (Inner) node;
        int i = childFor(in, s, m);
        in.sizes[i]++;
        Node right = insertInto(in.children[i], m, s);
        if (right == null) return null;
        int rs = sizeOf(right);
        in.sizes[i] -= rs;
        int n = in.count;
        System.arraycopy(in.children, i + 1, in.children, i + 2, n - i - 1);
        System.arraycopy(in.sizes, i + 1, in.sizes, i + 2, n - i - 1);
        System.arraycopy(in.sepScores, i, in.sepScores, i + 1, n - 1 - i);
        System.arraycopy(in.sepMembers, i, in.sepMembers, i + 1, n - 1 - i);
        in.children[i + 1] = right;
        in.sizes[i + 1] = rs;
        in.sepScores[i] = splitScore;
        in.sepMembers[i] = splitMember;
        in.count = n + 1;
        return in.count <= INNER_MAX ? null : splitInner(in);
    }

    private Inner splitInner(Inner in) {
        Inner r = newInner();
        int n = in.count, h = n / 2, rc = n - h;
        System.arraycopy(in.children, h, r.children, 0, rc);
        System.arraycopy(in.sizes, h, r.sizes, 0, rc);
        System.arraycopy(in.sepScores, h, r.sepScores, 0, rc - 1);
        System.arraycopy(in.sepMembers, h, r.sepMembers, 0, rc - 1);
        splitScore = in.sepScores[h - 1];
        splitMember = in.sepMembers[h - 1];
        Arrays.fill(in.children, h, n, null);
        Arrays.fill(in.sepMembers, h - 1, n - 1, null);
        r.count = rc;
        in.count = h;
        return r;
    }

    private Node insertIntoLeaf(Leaf l, byte[] m, double s) {
        int pos = lowerBound(l, s, m);
        if (l.count < LEAF_MAX) {
            ensureCapacity(l, l.count + 1);
            insertAt(l, pos, m, s);
            return null;
        }
        Leaf r;
        if (pos == LEAF_MAX && l.next == null) {
            // appending past the last leaf (ascending loads, copies): leave the full leaf full
            r = newLeaf(LEAF_FIRST_CAPACITY);
            linkAfter(l, r);
            insertAt(r, 0, m, s);
        } else {
            r = newLeaf(LEAF_MAX);
            int h = LEAF_MAX / 2;
            System.arraycopy(l.members, h, r.members, 0, LEAF_MAX - h);
            System.arraycopy(l.scores, h, r.scores, 0, LEAF_MAX - h);
            Arrays.fill(l.members, h, LEAF_MAX, null);
            l.count = h;
            r.count = LEAF_MAX - h;
            linkAfter(l, r);
            if (pos <= h) insertAt(l, pos, m, s);
            else insertAt(r, pos - h, m, s);
        }
        splitScore = r.scores[0];
        splitMember = r.members[0];
        return r;
    }

    private static void insertAt(Leaf l, int pos, byte[] m, double s) {
        int n = l.count;
        System.arraycopy(l.members, pos, l.members, pos + 1, n - pos);
        System.arraycopy(l.scores, pos, l.scores, pos + 1, n - pos);
        l.members[pos] = m;
        l.scores[pos] = s;
        l.count = n + 1;
    }

    private void ensureCapacity(Leaf l, int needed) {
        int cap = l.members.length;
        if (needed <= cap) return;
        int c = Math.min(LEAF_MAX, Math.max(needed, cap * 2));
        bytes += refArray(c) + doubleArray(c) - refArray(cap) - doubleArray(cap);
        l.members = Arrays.copyOf(l.members, c);
        l.scores = Arrays.copyOf(l.scores, c);
    }

    private void linkAfter(Leaf l, Leaf r) {
        r.prev = l;
        r.next = l.next;
        if (l.next != null) l.next.prev = r;
        else last = r;
        l.next = r;
    }

    private void unlink(Leaf l) {
        if (l.prev != null) l.prev.next = l.next;
        else first = l.next;
        if (l.next != null) l.next.prev = l.prev;
        else last = l.prev;
    }

    // ---- delete ---------------------------------------------------------------------------------

    /** Removes (m, s), which must be present; returns the member array the tree held. */
    byte[] remove(byte[] m, double s) {
        byte[] stored = removeFrom(root, m, s);
        size--;
        while (root instanceof Inner in && in.count == 1) {
            root = in.children[0];
            bytes -= INNER_BYTES;
        }
        return stored;
    }

    private byte[] removeFrom(Node node, byte[] m, double s) {
        if (node instanceof Leaf l) {
            int i = lowerBound(l, s, m);
            int n = l.count;
            byte[] stored = l.members[i];
            System.arraycopy(l.members, i + 1, l.members, i, n - i - 1);
            System.arraycopy(l.scores, i + 1, l.scores, i, n - i - 1);
            l.members[n - 1] = null;
            l.count = n - 1;
            return stored;
        }
        Inner in = (Inner) node;
        int i = childFor(in, s, m);
        in.sizes[i]--;
        byte[] stored = removeFrom(in.children[i], m, s);
        rebalance(in, i);
        return stored;
    }

    /** The score of the entry the last {@link #removeAt} removed. */
    double removedScore;

    /** Removes the entry of rank {@code rank} (0 <= rank < size); returns its member, its score in {@link #removedScore}. */
    byte[] removeAt(int rank) {
        byte[] stored = removeAtFrom(root, rank);
        size--;
        while (root instanceof Inner in && in.count == 1) {
            root = in.children[0];
            bytes -= INNER_BYTES;
        }
        return stored;
    }

    private byte[] removeAtFrom(Node node, int rank) {
        if (node instanceof Leaf l) {
            int n = l.count;
            byte[] stored = l.members[rank];
            removedScore = l.scores[rank];
            System.arraycopy(l.members, rank + 1, l.members, rank, n - rank - 1);
            System.arraycopy(l.scores, rank + 1, l.scores, rank, n - rank - 1);
            l.members[n - 1] = null;
            l.count = n - 1;
            return stored;
        }
        Inner in = (Inner) node;
        int i = 0;
        while (rank >= in.sizes[i]) rank -= in.sizes[i++];
        in.sizes[i]--;
        byte[] stored = removeAtFrom(in.children[i], rank);
        rebalance(in, i);
        return stored;
    }

    /** After a removal under child i: drops it when empty, merges it with a neighbour when both are sparse. */
    private void rebalance(Inner in, int i) {
        Node c = in.children[i];
        if (c.count == 0) {
            if (c instanceof Leaf l) freeLeaf(l);
            else bytes -= INNER_BYTES;
            removeChild(in, i);
            return;
        }
        int max = c instanceof Leaf ? LEAF_MAX : INNER_MAX;
        if (c.count >= max / 4 || in.count < 2) return;
        int a = i > 0 ? i - 1 : i;
        if (in.children[a].count + in.children[a + 1].count > max * 3 / 4) return;
        merge(in, a);
    }

    private void removeChild(Inner in, int i) {
        int n = in.count;
        System.arraycopy(in.children, i + 1, in.children, i, n - i - 1);
        System.arraycopy(in.sizes, i + 1, in.sizes, i, n - i - 1);
        in.children[n - 1] = null;
        if (n > 1) {
            int si = i > 0 ? i - 1 : 0;
            System.arraycopy(in.sepScores, si + 1, in.sepScores, si, n - 2 - si);
            System.arraycopy(in.sepMembers, si + 1, in.sepMembers, si, n - 2 - si);
            in.sepMembers[n - 2] = null;
        }
        in.count = n - 1;
    }

    /** Merges child a+1 of {@code in} into child a. */
    private void merge(Inner in, int a) {
        Node x = in.children[a], y = in.children[a + 1];
        if (x instanceof Leaf lx) {
            Leaf ly = (Leaf) y;
            ensureCapacity(lx, lx.count + ly.count);
            System.arraycopy(ly.members, 0, lx.members, lx.count, ly.count);
            System.arraycopy(ly.scores, 0, lx.scores, lx.count, ly.count);
            lx.count += ly.count;
            freeLeaf(ly);
        } else {
            Inner ix = (Inner) x, iy = (Inner) y;
            ix.sepScores[ix.count - 1] = in.sepScores[a];
            ix.sepMembers[ix.count - 1] = in.sepMembers[a];
            System.arraycopy(iy.children, 0, ix.children, ix.count, iy.count);
            System.arraycopy(iy.sizes, 0, ix.sizes, ix.count, iy.count);
            System.arraycopy(iy.sepScores, 0, ix.sepScores, ix.count, iy.count - 1);
            System.arraycopy(iy.sepMembers, 0, ix.sepMembers, ix.count, iy.count - 1);
            ix.count += iy.count;
            bytes -= INNER_BYTES;
        }
        int merged = in.sizes[a] + in.sizes[a + 1];
        removeChild(in, a + 1);
        in.sizes[a] = merged;
    }

    private void freeLeaf(Leaf l) {
        unlink(l);
        bytes -= LEAF_OBJECT + refArray(l.members.length) + doubleArray(l.scores.length);
    }

    // ---- rank and position ----------------------------------------------------------------------

    /** The number of entries before (s, m). */
    int rank(byte[] m, double s) {
        Node n = root;
        int r = 0;
        while (n instanceof Inner in) {
            int i = childFor(in, s, m);
            for (int j = 0; j < i; j++) r += in.sizes[j];
            n = in.children[i];
        }
        return r + lowerBound((Leaf) n, s, m);
    }

    /** The number of entries for which {@code b} holds (a prefix of the order). */
    int countBefore(Boundary b) {
        Node n = root;
        int r = 0;
        while (n instanceof Inner in) {
            int lo = 0, hi = in.count - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (b.before(in.sepScores[mid], in.sepMembers[mid])) lo = mid + 1;
                else hi = mid;
            }
            for (int j = 0; j < lo; j++) r += in.sizes[j];
            n = in.children[lo];
        }
        Leaf l = (Leaf) n;
        int lo = 0, hi = l.count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (b.before(l.scores[mid], l.members[mid])) lo = mid + 1;
            else hi = mid;
        }
        return r + lo;
    }

    /** Points {@code c} at the entry of the given rank (0 <= rank < size). */
    void seek(EntryCursor c, int rank) {
        Node n = root;
        while (n instanceof Inner in) {
            int i = 0;
            while (rank >= in.sizes[i]) rank -= in.sizes[i++];
            n = in.children[i];
        }
        c.leaf = (Leaf) n;
        c.index = rank;
    }

    // ---- sizes ----------------------------------------------------------------------------------

    private Leaf newLeaf(int capacity) {
        bytes += LEAF_OBJECT + refArray(capacity) + doubleArray(capacity);
        return new Leaf(capacity);
    }

    private Inner newInner() {
        bytes += INNER_BYTES;
        return new Inner();
    }

    static long refArray(int n) {
        return (16L + 4L * n + 7) & ~7L;
    }

    static long intArray(int n) {
        return (16L + 4L * n + 7) & ~7L;
    }

    static long doubleArray(int n) {
        return 16L + 8L * n;
    }
}
