package io.moonkey.datastore.zset;

import io.moonkey.datastore.Elements;
import io.moonkey.datastore.Memory;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A sorted set: members ordered by (score, member bytes) in a {@link RankedTree}. Small sets
 * ("listpack" encoding) have only the tree and find a member by a linear walk, as Valkey's
 * listpack does; large ones ("skiplist") add a member-to-score table. The conversion points are
 * the caller's, as in Valkey (ZADD growing past the limits, the STORE commands shrinking).
 *
 * <p>Member arrays are kept by reference and never modified, so copies share them.
 */
public final class SortedSetValue extends Value implements Elements {
    /** Receives entries in a walk. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(byte[] member, double score);
    }

    private static final long OBJECT_BYTES = 32;

    private final RankedTree tree = new RankedTree();
    private MemberScores dict; // null in the listpack encoding
    private long memberBytes;

    private SortedSetValue() {}

    /** An empty set in the listpack encoding ({@code compact}) or the skiplist one. */
    public static SortedSetValue create(boolean compact) {
        SortedSetValue z = new SortedSetValue();
        if (!compact) z.dict = new MemberScores(4);
        return z;
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public String encoding() {
        return dict == null ? "listpack" : "skiplist";
    }

    public boolean isCompact() {
        return dict == null;
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + tree.bytes() + memberBytes + (dict == null ? 0 : dict.bytes());
    }

    @Override
    public SortedSetValue duplicate() {
        SortedSetValue z = create(dict == null);
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) z.add(l.members[i], l.scores[i]);
        }
        return z;
    }

    public int size() {
        return tree.size();
    }

    @Override
    public long elementCount() {
        return tree.size();
    }

    @Override
    public void forEachElement(Consumer<byte[]> action) {
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) action.accept(l.members[i]);
        }
    }

    /** Visits every entry in ascending order. */
    public void forEach(EntryVisitor v) {
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) v.visit(l.members[i], l.scores[i]);
        }
    }

    /** Visits every entry in descending order (the order of an RDB ZSET_2 record). */
    public void forEachDescending(EntryVisitor v) {
        for (RankedTree.Leaf l = tree.last; l != null; l = l.prev) {
            for (int i = l.count - 1; i >= 0; i--) v.visit(l.members[i], l.scores[i]);
        }
    }

    // ---- members --------------------------------------------------------------------------------

    /** The score of {@code member}, or NaN when absent (NaN is never stored). */
    public double score(byte[] member) {
        if (dict != null) return dict.getDouble(member);
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) {
                if (Arrays.equals(l.members[i], member)) return l.scores[i];
            }
        }
        return Double.NaN;
    }

    /** Adds a member that is not present. The array is kept, not copied. */
    public void add(byte[] member, double score) {
        if (dict == null) {
            score += 0.0; // a listpack keeps scores as text that does not tell -0 from 0
        } else {
            dict.put(member, score);
        }
        tree.insert(member, score);
        memberBytes += Memory.byteArray(member.length);
    }

    /** Changes the score of a present member from {@code old} to {@code score}. */
    public void changeScore(byte[] member, double old, double score) {
        if (dict == null) score += 0.0;
        // re-insert the array the tree held, so the table and the tree keep sharing one
        byte[] stored = tree.remove(member, old);
        tree.insert(stored, score);
        if (dict != null) dict.put(stored, score);
    }

    /** Removes {@code member}; returns its score, or NaN when it was absent. */
    public double remove(byte[] member) {
        double s = score(member);
        if (Double.isNaN(s)) return s;
        tree.remove(member, s);
        if (dict != null) dict.removeDouble(member);
        memberBytes -= Memory.byteArray(member.length);
        return s;
    }

    /** The score of the entry the last {@link #removeAt} removed. */
    public double removedScore() {
        return tree.removedScore;
    }

    /** Removes the entry of rank {@code rank} (pops, range removals); returns its member, the score in {@link #removedScore}. */
    public byte[] removeAt(int rank) {
        byte[] member = tree.removeAt(rank);
        if (dict != null) dict.removeDouble(member);
        memberBytes -= Memory.byteArray(member.length);
        return member;
    }

    // ---- encodings ------------------------------------------------------------------------------

    /** Switches to the skiplist encoding (adds the member table). */
    public void toSkiplist() {
        if (dict != null) return;
        MemberScores d = new MemberScores(Math.max(4, tree.size()));
        forEach(d::put);
        dict = d;
    }

    /** Switches to the listpack encoding; -0 scores become 0 as a listpack would store them. */
    public void toListpack() {
        if (dict == null) return;
        dict = null;
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) l.scores[i] += 0.0;
        }
    }

    /** The length of the longest member. */
    public int maxMemberLength() {
        int max = 0;
        for (RankedTree.Leaf l = tree.first; l != null; l = l.next) {
            for (int i = 0; i < l.count; i++) max = Math.max(max, l.members[i].length);
        }
        return max;
    }

    // ---- order ----------------------------------------------------------------------------------

    /** The 0-based rank of a member with this score (the number of entries before it). */
    public int rank(byte[] member, double score) {
        return tree.rank(member, score);
    }

    /** A cursor at the entry of rank {@code rank} (0 <= rank < size). */
    public EntryCursor cursorAt(int rank) {
        EntryCursor c = new EntryCursor();
        tree.seek(c, rank);
        return c;
    }

    /** Points an existing cursor at rank {@code rank}. */
    public void seek(EntryCursor c, int rank) {
        tree.seek(c, rank);
    }

    /** A fresh cursor, to be positioned with {@link #seek}. */
    public static EntryCursor newCursor() {
        return new EntryCursor();
    }

    /** The rank of the first entry whose score is inside the range's lower end. */
    public int scoreRangeStart(ScoreRange r) {
        return tree.countBefore((s, m) -> !r.aboveMin(s));
    }

    /** One past the rank of the last entry whose score is inside the range's upper end. */
    public int scoreRangeEnd(ScoreRange r) {
        return tree.countBefore((s, m) -> r.belowMax(s));
    }

    /** As {@link #scoreRangeStart} for a member range (meaningful when all scores are equal). */
    public int lexRangeStart(LexRange r) {
        return tree.countBefore((s, m) -> !r.aboveMin(m));
    }

    public int lexRangeEnd(LexRange r) {
        return tree.countBefore((s, m) -> r.belowMax(m));
    }

    // ---- scanning -------------------------------------------------------------------------------

    /**
     * One ZSCAN step of the skiplist encoding: visits some entries and returns the next cursor
     * (0 when done). Not for the listpack encoding, which is returned whole.
     */
    public long scan(long cursor, EntryVisitor v) {
        return dict.scan(cursor, v);
    }
}
