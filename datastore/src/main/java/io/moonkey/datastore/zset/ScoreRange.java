package io.moonkey.datastore.zset;

/** A score interval as ZRANGEBYSCORE takes it: each end inclusive, or exclusive when written "(x". */
public record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) {
    /** True when no score can lie inside. */
    public boolean isEmpty() {
        return min > max || (min == max && (minExclusive || maxExclusive));
    }

    public boolean aboveMin(double s) {
        return minExclusive ? s > min : s >= min;
    }

    public boolean belowMax(double s) {
        return maxExclusive ? s < max : s <= max;
    }

    public boolean contains(double s) {
        return aboveMin(s) && belowMax(s);
    }
}
