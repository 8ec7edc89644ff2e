package io.moonkey.datastore;

/** A string holding a canonical 64-bit integer, stored as the number (encoding "int"). */
public final class IntString extends StringValue {
    private final long value;

    IntString(long value) {
        this.value = value;
    }

    public long value() {
        return value;
    }

    @Override
    public byte[] bytes() {
        return Numbers.longToBytes(value);
    }

    @Override
    public int length() {
        return Numbers.digits(value);
    }

    @Override
    public String encoding() {
        return "int";
    }

    @Override
    public long memoryUsage() {
        return OBJECT_BYTES;
    }

    @Override
    public Value duplicate() {
        return new IntString(value);
    }
}
