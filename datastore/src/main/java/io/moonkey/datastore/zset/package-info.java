/**
 * Sorted sets. {@link io.moonkey.datastore.zset.SortedSetValue} keeps its members in
 * (score, member) order in an order-statistic B+tree ({@code RankedTree}: 64-entry leaves of two
 * flat arrays, inner nodes counting the entries below each child), which gives rank, access by
 * rank and range bounds in O(log n) with about 20 bytes of structure per member. The "listpack"
 * encoding is the tree alone (a member is found by a linear walk, as in a listpack); the
 * "skiplist" encoding adds a member-to-score table ({@code MemberScores}) whose SCAN cursor
 * survives resizes. {@link io.moonkey.datastore.zset.ScoreRange} and
 * {@link io.moonkey.datastore.zset.LexRange} are the range arguments.
 */
package io.moonkey.datastore.zset;
