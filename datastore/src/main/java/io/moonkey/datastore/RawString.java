package io.moonkey.datastore;

/**
 * A string kept as an exact byte array: what SET stores (the request's argument array itself,
 * no copy). Reported as embstr up to 44 bytes and raw above, as Valkey reports strings created
 * that way. Immutable; in-place edits first turn it into a {@link GrowableString}.
 */
public final class RawString extends StringValue {
    private final byte[] bytes;

    RawString(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public String encoding() {
        return bytes.length <= EMBSTR_LIMIT ? "embstr" : "raw";
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES + Memory.byteArray(bytes.length);
    }

    @Override
    public Value duplicate() {
        return new RawString(bytes.clone());
    }
}
