package io.moonkey.lua.scope;

/** A local variable (or parameter) declared in one function. */
public final class Variable {
    /** How the variable was declared. */
    public enum Kind { LOCAL, PARAM, LOCAL_FUNCTION, FOR_NUMERIC, FOR_GENERIC, COMPAT_ARG }

    private final String name;
    private final Kind kind;
    private final FunctionScope function;
    private final int index;
    boolean captured;
    boolean reassigned;

    Variable(String name, Kind kind, FunctionScope function, int index) {
        this.name = name;
        this.kind = kind;
        this.function = function;
        this.index = index;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The function whose frame holds the variable. */
    public FunctionScope function() {
        return function;
    }

    /** Position among all variables declared in its function, in declaration order. */
    public int index() {
        return index;
    }

    /** Whether an inner function refers to the variable (it must live in a shared cell or be copied). */
    public boolean isCaptured() {
        return captured;
    }

    /**
     * Whether the variable is the target of an assignment after its declaration. A captured
     * variable that is never reassigned can be copied into the closure instead of a cell.
     */
    public boolean isReassigned() {
        return reassigned;
    }

    @Override
    public String toString() {
        return name + "#" + index + "@" + function.function().line();
    }
}
