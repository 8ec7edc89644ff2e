package io.moonkey.lua.scope;

import io.moonkey.lua.ast.Chunk;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import java.util.IdentityHashMap;
import java.util.Map;

/** The result of resolving a chunk: lookups by node identity. */
public final class Resolution {
    private final Chunk chunk;
    final Map<Name, Variable> declarations = new IdentityHashMap<>();
    final Map<Expr.NameRef, Binding> uses = new IdentityHashMap<>();
    final Map<Expr.Function, FunctionScope> functions = new IdentityHashMap<>();
    final Map<io.moonkey.lua.ast.Stat.FunctionDecl, Binding> functionNames = new IdentityHashMap<>();

    Resolution(Chunk chunk) {
        this.chunk = chunk;
    }

    public Chunk chunk() {
        return chunk;
    }

    /** The variable a declaration introduces. */
    public Variable variable(Name declaration) {
        return declarations.get(declaration);
    }

    /** What a use of a name refers to. */
    public Binding binding(Expr.NameRef use) {
        return uses.get(use);
    }

    /**
     * What the first name of a {@code function a.b:c() end} statement refers to: the variable
     * assigned by {@code function f() end}, or the table the others index.
     */
    public Binding binding(io.moonkey.lua.ast.Stat.FunctionDecl declaration) {
        return functionNames.get(declaration);
    }

    /** The scope information of a function node. */
    public FunctionScope scope(Expr.Function function) {
        return functions.get(function);
    }

    /** The main chunk's scope. */
    public FunctionScope main() {
        return functions.get(chunk.main());
    }
}
