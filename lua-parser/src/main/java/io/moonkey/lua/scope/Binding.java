package io.moonkey.lua.scope;

/** What a name refers to at one use. */
public sealed interface Binding {

    /** A local of the function being compiled. */
    record Local(Variable variable) implements Binding {}

    /**
     * A local of an enclosing function; {@code index} is its position in the current function's
     * {@link FunctionScope#upvalues()} list.
     */
    record Upvalue(Variable variable, int index) implements Binding {}

    /** A global: a field of the function's environment table. */
    record Global(String name) implements Binding {}
}
