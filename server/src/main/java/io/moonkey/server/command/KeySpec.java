package io.moonkey.server.command;

/**
 * Where a command's keys are, in Valkey's key-spec form: begin at argv index {@code begin}
 * (or after keyword {@code keyword}), then a range up to {@code lastKey} (negative counts from
 * the end) with {@code step}, or {@code numKeysIndex} relative to the begin giving the count
 * (EVAL-style). {@code flags} are the key-spec flags (RW, RO, OW, RM, ACCESS, UPDATE, INSERT,
 * DELETE, NOT_KEY, INCOMPLETE, VARIABLE_FLAGS).
 */
public record KeySpec(String flags, int begin, String keyword, int lastKey, int step, int limit,
                      int numKeysIndex, int firstKeyAfterNum) {

    /** Keys in a range: begin index, last key (-1 = last arg), step. */
    public static KeySpec range(String flags, int begin, int lastKey, int step) {
        return new KeySpec(flags, begin, null, lastKey, step, 0, -1, 0);
    }

    /** A key count at begin+numKeysIndex, keys from begin+firstKeyAfterNum (EVAL, ZUNION...). */
    public static KeySpec keynum(String flags, int begin, int numKeysIndex, int firstKeyAfterNum, int step) {
        return new KeySpec(flags, begin, null, 0, step, 0, numKeysIndex, firstKeyAfterNum);
    }

    public boolean isKeynum() {
        return numKeysIndex >= 0;
    }
}
