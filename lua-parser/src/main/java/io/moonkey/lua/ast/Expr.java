package io.moonkey.lua.ast;

import java.util.Arrays;
import java.util.List;

/** Expressions (Lua 5.1 manual §2.5). */
public sealed interface Expr extends Node {

    record Nil(int line) implements Expr {}

    record True(int line) implements Expr {}

    record False(int line) implements Expr {}

    /** {@code ...} inside a vararg function. */
    record Vararg(int line) implements Expr {}

    /** A numeral, already converted as the lexer does ({@code luaO_str2d}). */
    record Number(int line, double value) implements Expr {
        @Override
        public boolean equals(Object o) {
            // Bit equality: -0.0 and 0.0 are different literals, NaN never occurs.
            return o instanceof Number n && n.line == line
                    && Double.doubleToRawLongBits(n.value) == Double.doubleToRawLongBits(value);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(Double.doubleToRawLongBits(value)) * 31 + line;
        }
    }

    /** A string literal with its escapes already decoded: raw bytes, never a Java charset. */
    record Str(int line, byte[] value) implements Expr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Str s && s.line == line && Arrays.equals(s.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value) * 31 + line;
        }

        @Override
        public String toString() {
            return "Str[line=" + line + ", value=" + new String(value, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
        }
    }

    /**
     * {@code function (params) body end}. For a method ({@code function a:m() end}) the first
     * parameter is the implicit {@code self}.
     *
     * @param line    the line of the {@code function} keyword (PUC's {@code linedefined})
     * @param endLine the line of the closing {@code end} (PUC's {@code lastlinedefined})
     */
    record Function(int line, int endLine, List<Name> params, boolean isVararg, Block body)
            implements Expr {
        public Function {
            params = List.copyOf(params);
        }
    }

    /** A use of a variable by name; {@link io.moonkey.lua.scope.ScopeResolver} says which. */
    record NameRef(int line, String name) implements Expr {}

    /** {@code object[key]}; {@code a.b} is {@code a["b"]}. */
    record Index(int line, Expr object, Expr key) implements Expr {}

    /** {@code fn(args)}, {@code fn"str"}, {@code fn{...}}. */
    record Call(int line, Expr fn, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code object:method(args)}: {@code object} is evaluated once and passed as first argument. */
    record MethodCall(int line, Expr object, String method, List<Expr> args) implements Expr {
        public MethodCall {
            args = List.copyOf(args);
        }
    }

    /** {@code (inner)}: truncates a call or {@code ...} to one value, and is not assignable. */
    record Paren(int line, Expr inner) implements Expr {}

    /** {@code left op right}, including the short-circuit {@code and}/{@code or}. */
    record Binary(int line, BinOp op, Expr left, Expr right) implements Expr {}

    /** {@code op operand}. */
    record Unary(int line, UnOp op, Expr operand) implements Expr {}

    /** A table constructor {@code {...}}. */
    record Table(int line, List<TableField> fields) implements Expr {
        public Table {
            fields = List.copyOf(fields);
        }
    }

    /** Whether this expression can produce several values (a call or {@code ...}, §2.5). */
    default boolean isMultiValued() {
        return this instanceof Call || this instanceof MethodCall || this instanceof Vararg;
    }
}
