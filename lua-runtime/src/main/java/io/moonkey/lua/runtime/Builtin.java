package io.moonkey.lua.runtime;

/**
 * A function written in Java (PUC's "C function"). Its frame counts as one level for
 * {@code error(msg, level)} and carries no line; argument errors name it.
 */
public abstract class Builtin extends LuaFunction {
    private final String name;

    protected Builtin(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "function: builtin: " + name;
    }
}
