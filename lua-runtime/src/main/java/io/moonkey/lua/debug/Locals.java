package io.moonkey.lua.debug;

/**
 * The local variables visible at a line event, in declaration order (PUC's {@code lua_getlocal}
 * order): their names as the compiler passes them (one string, names separated by newlines)
 * and a snapshot of their values taken at the event.
 */
public final class Locals {
    private static final String[] NONE = new String[0];

    private final String joinedNames;
    private final Object[] values;
    private String[] names;

    public Locals(String joinedNames, Object[] values) {
        this.joinedNames = joinedNames;
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    public String name(int i) {
        if (names == null) {
            names = joinedNames.isEmpty() ? NONE : joinedNames.split("\n", -1);
        }
        return names[i];
    }

    public Object value(int i) {
        return values[i];
    }
}
