package io.moonkey.datastore;

/** The data types of the keyspace, named as TYPE and SCAN ... TYPE spell them. */
public enum ValueType {
    STRING("string"), LIST("list"), SET("set"), ZSET("zset"), HASH("hash"), STREAM("stream");

    private final String typeName;

    ValueType(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }

    /** The type named {@code name} (case-insensitive), or null. */
    public static ValueType byName(String name) {
        for (ValueType t : values()) {
            if (t.typeName.equalsIgnoreCase(name)) return t;
        }
        return null;
    }
}
