package io.moonkey.datastore;

/**
 * A string value. Integer-looking strings in canonical form are kept as a {@link IntString}
 * (no byte array at all), strings of up to 16 bytes as a {@link PackedString} (no array either),
 * everything else as a {@link RawString}.
 */
public abstract sealed class StringValue extends Value permits RawString, PackedString, GrowableString, IntString {
    /** Object header, the access word and one field, rounded as the JVM lays it out. */
    static final int OBJECT_BYTES = 24;

    /** Valkey stores strings up to this length in one allocation and reports them as embstr. */
    static final int EMBSTR_LIMIT = 44;

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }

    /** The string's bytes; for a raw string this may be the stored array itself (do not modify). */
    public abstract byte[] bytes();

    /** The length in bytes of the string form. */
    public abstract int length();

    /**
     * The value for the bytes {@code b}, taking ownership of the array: an {@link IntString} when
     * {@code b} is a canonical 64-bit integer (as Valkey's string2ll accepts), else a raw string.
     */
    public static StringValue of(byte[] b) {
        if (b.length > 0 && b.length <= 20) {
            long v = Numbers.parseCanonicalLong(b, 0, b.length);
            if (v != Long.MIN_VALUE || Numbers.isLongMinValue(b)) return new IntString(v);
        }
        return raw(b);
    }

    /** The value for the bytes without the integer optimisation (taking ownership of the array). */
    public static StringValue raw(byte[] b) {
        return b.length <= PackedString.MAX ? new PackedString(b) : new RawString(b);
    }

    /** An in-place editable copy of {@code content} (encoding raw). */
    public static GrowableString growable(byte[] content) {
        return new GrowableString(content);
    }

    public static StringValue of(long v) {
        return new IntString(v);
    }
}
