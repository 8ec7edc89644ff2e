package io.moonkey.lua.scope;

import io.moonkey.lua.ast.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the resolver learned about one function (or the main chunk). */
public final class FunctionScope {
    private final Expr.Function function;
    private final FunctionScope parent;
    final List<Variable> variables = new ArrayList<>();
    final List<Variable> upvalues = new ArrayList<>();
    final List<FunctionScope> children = new ArrayList<>();
    Variable compatArg;
    boolean usesVararg;
    int maxActive;

    FunctionScope(Expr.Function function, FunctionScope parent) {
        this.function = function;
        this.parent = parent;
    }

    public Expr.Function function() {
        return function;
    }

    /** The enclosing function, null for the main chunk. */
    public FunctionScope parent() {
        return parent;
    }

    public boolean isMain() {
        return parent == null;
    }

    /** Every variable declared in this function (parameters first), in declaration order. */
    public List<Variable> variables() {
        return Collections.unmodifiableList(variables);
    }

    /**
     * Variables of enclosing functions this function refers to, directly or for an inner
     * function, in order of first reference (PUC's upvalue order).
     */
    public List<Variable> upvalues() {
        return Collections.unmodifiableList(upvalues);
    }

    /** Functions defined directly inside this one, in source order. */
    public List<FunctionScope> children() {
        return Collections.unmodifiableList(children);
    }

    /**
     * The hidden parameter {@code arg} of a vararg function (LUA_COMPAT_VARARG, on in Lua 5.1
     * and Valkey): a table of the extra arguments with field {@code n} when the body never uses
     * {@code ...}, nil otherwise. Null for non-vararg functions and for the main chunk.
     */
    public Variable compatArg() {
        return compatArg;
    }

    /** Whether the body uses {@code ...} (then {@link #compatArg()} is nil at run time). */
    public boolean usesVararg() {
        return usesVararg;
    }

    /** The largest number of locals alive at once (PUC's hidden for-loop locals included). */
    public int maxActiveLocals() {
        return maxActive;
    }
}
