package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.BinOp;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.TableField;
import io.moonkey.lua.ast.UnOp;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Variable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits expressions (Lua 5.1 manual §2.5) in three forms: as a boxed value, as an unboxed
 * {@code double} (only for provably numeric expressions), and as a conditional jump.
 * Calls push their first result and leave the others in the {@code CallContext}.
 */
final class ExprEmitter {
    /** PUC's LFIELDS_PER_FLUSH: positional constructor items are stored in batches of 50. */
    private static final int FIELDS_PER_FLUSH = 50;

    private final FunctionCompiler fc;

    ExprEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    private MethodVisitor mv() {
        return fc.mv;
    }

    // ------------------------------------------------------------------ static facts

    boolean isNumeric(Expr e) {
        return switch (e) {
            case Expr.Number n -> true;
            case Expr.Paren p -> isNumeric(p.inner());
            case Expr.Unary u -> u.op() == UnOp.NEG && isNumeric(u.operand());
            case Expr.Binary b -> b.op().isArithmetic() && isNumeric(b.left()) && isNumeric(b.right());
            case Expr.NameRef r -> fc.resolution.binding(r) instanceof Binding.Local l
                    && fc.locals.get(l.variable()) != null
                    && (fc.locals.get(l.variable()).storage() == FunctionCompiler.Storage.DOUBLE
                        || fc.locals.get(l.variable()).storage() == FunctionCompiler.Storage.LONG);
            default -> false;
        };
    }

    /** The operand description PUC's {@code getobjname} would give, or "". */
    String describe(Expr e) {
        return switch (e) {
            case Expr.NameRef r -> switch (fc.resolution.binding(r)) {
                case Binding.Local l -> "local '" + r.name() + "'";
                case Binding.Upvalue u -> "upvalue '" + r.name() + "'";
                case Binding.Global g -> "global '" + r.name() + "'";
            };
            case Expr.Index i -> i.key() instanceof Expr.Str s
                    ? "field '" + new String(s.value(), StandardCharsets.ISO_8859_1) + "'"
                    : "field '?'";
            case Expr.Paren p -> describe(p.inner());
            default -> "";
        };
    }

    // ------------------------------------------------------------------ boxed values

    void object(Expr e) {
        MethodVisitor mv = mv();
        switch (e) {
            case Expr.Nil n -> mv.visitInsn(ACONST_NULL);
            case Expr.True t -> mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
            case Expr.False f -> mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;");
            case Expr.Number n -> fc.pushBoxedNumber(n.value());
            case Expr.Unary u when u.op() == UnOp.NEG && ConstantFolding.fold(u) != null -> fc.pushBoxedNumber(ConstantFolding.fold(u));
            case Expr.Binary b when b.op().isArithmetic() && ConstantFolding.fold(b) != null -> fc.pushBoxedNumber(ConstantFolding.fold(b));
            case Expr.Str s -> fc.pushString(s.value());
            case Expr.Vararg v -> {
                mv.visitVarInsn(ALOAD, fc.varargSlot);
                mv.visitInsn(ICONST_0);
                mv.visitMethodInsn(INVOKESTATIC, VARARGS, "get", "(" + OBJECTS_D + "I)" + OBJECT_D, false);
            }
            case Expr.Function f -> closure(f);
            case Expr.NameRef r -> readName(r);
            case Expr.Index i -> index(i);
            case Expr.Call c -> call(c);
            case Expr.MethodCall m -> call(m);
            case Expr.Paren p -> object(p.inner());
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> unary(u);
            case Expr.Table t -> table(t);
        }
    }

    private void readName(Expr.NameRef r) {
        MethodVisitor mv = mv();
        switch (fc.resolution.binding(r)) {
            case Binding.Local l -> {
                fc.loadLocal(fc.locals.get(l.variable()));
            }
            case Binding.Upvalue u -> {
                mv.visitVarInsn(ALOAD, 0);
                if (fc.isCell(u.variable())) {
                    mv.visitFieldInsn(GETFIELD, fc.className, FunctionCompiler.upvalueField(u.index()), CELL_D);
                    mv.visitFieldInsn(GETFIELD, CELL, "v", OBJECT_D);
                } else {
                    mv.visitFieldInsn(GETFIELD, fc.className, FunctionCompiler.upvalueField(u.index()), OBJECT_D);
                }
            }
            case Binding.Global g -> {
                fc.loadCx();
                fc.loadEnv();
                fc.pushString(g.name());
                fc.site(r.line(), "");
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + STRING_D + ")" + OBJECT_D, false);
            }
        }
    }

    private void index(Expr.Index i) {
        MethodVisitor mv = mv();
        fc.loadCx();
        object(i.object());
        String keyD = key(i.key());
        fc.site(i.line(), describe(i.object()));
        mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + keyD + ")" + OBJECT_D, false);
    }

    /** Pushes a key in the most specific form and returns its descriptor. */
    String key(Expr k) {
        if (k instanceof Expr.Str s) {
            fc.pushString(s.value());
            return STRING_D;
        }
        if (isNumeric(k)) {
            number(k);
            return "D";
        }
        object(k);
        return OBJECT_D;
    }

    void closure(Expr.Function f) {
        if (fc.hooks != null) {
            fc.hooks.line(f.endLine()); // PUC's CLOSURE carries the line of "end" (ldb.md §7 note)
        }
        MethodVisitor mv = mv();
        FunctionScope cs = fc.resolution.scope(f);
        String cn = fc.chunk.className(cs);
        mv.visitTypeInsn(NEW, cn);
        mv.visitInsn(DUP);
        fc.loadEnv();
        mv.visitMethodInsn(INVOKESPECIAL, cn, "<init>", "(" + TABLE_D + ")V", false);
        List<Variable> ups = cs.upvalues();
        for (int j = 0; j < ups.size(); j++) {
            Variable v = ups.get(j);
            boolean cell = fc.isCell(v);
            mv.visitInsn(DUP);
            FunctionCompiler.Local loc = fc.locals.get(v);
            if (loc != null) {
                fc.loadCapture(loc);
            } else if (v.function() == fc.scope) {
                mv.visitInsn(ACONST_NULL); // a local function's own name: patched after creation
            } else {
                int k = fc.scope.upvalues().indexOf(v);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, fc.className, FunctionCompiler.upvalueField(k), cell ? CELL_D : OBJECT_D);
            }
            mv.visitFieldInsn(PUTFIELD, cn, FunctionCompiler.upvalueField(j), cell ? CELL_D : OBJECT_D);
        }
    }

    private void binary(Expr.Binary b) {
        MethodVisitor mv = mv();
        BinOp op = b.op();
        switch (op) {
            case AND, OR -> {
                Label end = new Label();
                object(b.left());
                mv.visitInsn(DUP);
                mv.visitMethodInsn(INVOKESTATIC, TYPES, "isTrue", "(" + OBJECT_D + ")Z", false);
                mv.visitJumpInsn(op == BinOp.AND ? IFEQ : IFNE, end);
                mv.visitInsn(POP);
                object(b.right());
                mv.visitLabel(end);
            }
            case ADD, SUB, MUL, DIV, MOD, POW -> {
                if (isNumeric(b)) {
                    number(b);
                    fc.box();
                    return;
                }
                fc.loadCx();
                String l = operand(b.left());
                String r = operand(b.right());
                fc.site(b.line(), describe(b.left()) + "\n" + describe(b.right()));
                mv.visitMethodInsn(INVOKESTATIC, ARITH, op.name().toLowerCase(),
                        "(" + CX_D + l + r + ")" + OBJECT_D, false);
            }
            case CONCAT -> concat(b);
            default -> booleanValue(b);
        }
    }

    /** Pushes an arithmetic operand unboxed when it is numeric; returns its descriptor. */
    private String operand(Expr e) {
        if (isNumeric(e)) {
            number(e);
            return "D";
        }
        object(e);
        return OBJECT_D;
    }

    private void booleanValue(Expr e) {
        MethodVisitor mv = mv();
        Label f = new Label();
        Label end = new Label();
        cond(e, f, false);
        mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(f);
        mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;");
        mv.visitLabel(end);
    }

    private void concat(Expr.Binary b) {
        MethodVisitor mv = mv();
        List<Expr> parts = new ArrayList<>();
        Expr e = b;
        while (e instanceof Expr.Binary c && c.op() == BinOp.CONCAT) {
            parts.add(c.left());
            e = c.right();
        }
        parts.add(e);
        fc.loadCx();
        StringBuilder names = new StringBuilder();
        if (parts.size() == 2) {
            object(parts.get(0));
            object(parts.get(1));
            fc.site(b.line(), describe(parts.get(0)) + "\n" + describe(parts.get(1)));
            mv.visitMethodInsn(INVOKESTATIC, CONCAT, "concat", "(" + CX_D + OBJECT_D + OBJECT_D + ")" + OBJECT_D, false);
            return;
        }
        fc.pushInt(parts.size());
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int i = 0; i < parts.size(); i++) {
            mv.visitInsn(DUP);
            fc.pushInt(i);
            object(parts.get(i));
            mv.visitInsn(AASTORE);
            if (i > 0) {
                names.append('\n');
            }
            names.append(describe(parts.get(i)));
        }
        fc.site(b.line(), names.toString());
        mv.visitMethodInsn(INVOKESTATIC, CONCAT, "concatAll", "(" + CX_D + OBJECTS_D + ")" + OBJECT_D, false);
    }

    private void unary(Expr.Unary u) {
        MethodVisitor mv = mv();
        switch (u.op()) {
            case NEG -> {
                if (isNumeric(u)) {
                    number(u);
                    fc.box();
                    return;
                }
                fc.loadCx();
                object(u.operand());
                String d = describe(u.operand());
                fc.site(u.line(), d + "\n" + d);
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "unm", "(" + CX_D + OBJECT_D + ")" + OBJECT_D, false);
            }
            case NOT -> booleanValue(u);
            case LEN -> {
                fc.loadCx();
                object(u.operand());
                fc.site(u.line(), describe(u.operand()));
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "length", "(" + CX_D + OBJECT_D + ")" + OBJECT_D, false);
            }
        }
    }

    // ------------------------------------------------------------------ unboxed numbers

    void number(Expr e) {
        MethodVisitor mv = mv();
        Double folded = ConstantFolding.fold(e);
        if (folded != null) {
            fc.pushDouble(folded);
            return;
        }
        switch (e) {
            case Expr.Number n -> fc.pushDouble(n.value());
            case Expr.Paren p -> number(p.inner());
            case Expr.Unary u -> {
                number(u.operand());
                mv.visitInsn(DNEG);
            }
            case Expr.NameRef r -> {
                Binding.Local l = (Binding.Local) fc.resolution.binding(r);
                FunctionCompiler.Local loc = fc.locals.get(l.variable());
                if (loc.storage() == FunctionCompiler.Storage.LONG) {
                    mv.visitVarInsn(LLOAD, loc.slot());
                    mv.visitInsn(L2D); // exact: long locals stay within ±2^53
                } else {
                    mv.visitVarInsn(DLOAD, loc.slot());
                }
            }
            case Expr.Binary b -> {
                number(b.left());
                number(b.right());
                switch (b.op()) {
                    case ADD -> mv.visitInsn(DADD);
                    case SUB -> mv.visitInsn(DSUB);
                    case MUL -> mv.visitInsn(DMUL);
                    case DIV -> mv.visitInsn(DDIV);
                    case MOD -> mv.visitMethodInsn(INVOKESTATIC, ARITH, "mod", "(DD)D", false);
                    case POW -> mv.visitMethodInsn(INVOKESTATIC, ARITH, "pow", "(DD)D", false);
                    default -> throw new IllegalStateException(b.op().toString());
                }
            }
            default -> {
                object(e);
                fc.unbox();
            }
        }
    }

    // ------------------------------------------------------------------ conditions

    /** Jumps to {@code target} when the truth of {@code e} equals {@code jumpIf}; falls through otherwise. */
    void cond(Expr e, Label target, boolean jumpIf) {
        MethodVisitor mv = mv();
        switch (e) {
            case Expr.Nil n -> {
                if (!jumpIf) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            case Expr.False f -> {
                if (!jumpIf) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            case Expr.True t -> {
                if (jumpIf) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            case Expr.Number n -> {
                if (jumpIf) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            case Expr.Str s -> {
                if (jumpIf) {
                    mv.visitJumpInsn(GOTO, target);
                }
            }
            case Expr.Paren p -> cond(p.inner(), target, jumpIf);
            case Expr.Unary u when u.op() == UnOp.NOT -> cond(u.operand(), target, !jumpIf);
            case Expr.Binary b when b.op() == BinOp.AND -> {
                if (!jumpIf) {
                    cond(b.left(), target, false);
                    cond(b.right(), target, false);
                } else {
                    Label skip = new Label();
                    cond(b.left(), skip, false);
                    cond(b.right(), target, true);
                    mv.visitLabel(skip);
                }
            }
            case Expr.Binary b when b.op() == BinOp.OR -> {
                if (jumpIf) {
                    cond(b.left(), target, true);
                    cond(b.right(), target, true);
                } else {
                    Label skip = new Label();
                    cond(b.left(), skip, true);
                    cond(b.right(), target, false);
                    mv.visitLabel(skip);
                }
            }
            case Expr.Binary b when b.op().isComparison() -> compare(b, target, jumpIf);
            default -> {
                object(e);
                mv.visitMethodInsn(INVOKESTATIC, TYPES, "isTrue", "(" + OBJECT_D + ")Z", false);
                mv.visitJumpInsn(jumpIf ? IFNE : IFEQ, target);
            }
        }
    }

    private void compare(Expr.Binary b, Label target, boolean jumpIf) {
        MethodVisitor mv = mv();
        BinOp op = b.op();
        boolean numeric = isNumeric(b.left()) && isNumeric(b.right());
        if (numeric && fc.integral.compare(b, target, jumpIf)) {
            return;
        }
        if (op == BinOp.EQ || op == BinOp.NE) {
            boolean whenEqual = (op == BinOp.EQ) == jumpIf; // jump when the operands are equal?
            if (b.right() instanceof Expr.Nil || b.left() instanceof Expr.Nil) {
                Expr other = b.right() instanceof Expr.Nil ? b.left() : b.right();
                object(other);
                mv.visitJumpInsn(whenEqual ? IFNULL : IFNONNULL, target);
                return;
            }
            if (numeric) {
                number(b.left());
                number(b.right());
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(whenEqual ? IFEQ : IFNE, target);
                return;
            }
            fc.loadCx();
            object(b.left());
            object(b.right());
            fc.site(b.line(), "");
            mv.visitMethodInsn(INVOKESTATIC, COMPARE, "eq", "(" + CX_D + OBJECT_D + OBJECT_D + ")Z", false);
            mv.visitJumpInsn(whenEqual ? IFNE : IFEQ, target);
            return;
        }
        if (numeric) {
            number(b.left());
            number(b.right());
            switch (op) {
                case LT -> {
                    mv.visitInsn(DCMPG);
                    mv.visitJumpInsn(jumpIf ? IFLT : IFGE, target);
                }
                case LE -> {
                    mv.visitInsn(DCMPG);
                    mv.visitJumpInsn(jumpIf ? IFLE : IFGT, target);
                }
                case GT -> {
                    mv.visitInsn(DCMPL);
                    mv.visitJumpInsn(jumpIf ? IFGT : IFLE, target);
                }
                case GE -> {
                    mv.visitInsn(DCMPL);
                    mv.visitJumpInsn(jumpIf ? IFGE : IFLT, target);
                }
                default -> throw new IllegalStateException();
            }
            return;
        }
        fc.loadCx();
        String l = operand(b.left());
        String r = operand(b.right());
        fc.site(b.line(), "");
        mv.visitMethodInsn(INVOKESTATIC, COMPARE, op.name().toLowerCase(), "(" + CX_D + l + r + ")Z", false);
        mv.visitJumpInsn(jumpIf ? IFNE : IFEQ, target);
    }

    // ------------------------------------------------------------------ calls

    /** Whether {@code fn} is the global {@code a} or {@code b} (the builtins whose call sites record their caller). */
    private boolean isGlobal(Expr fn, String a, String b) {
        return fn instanceof Expr.NameRef r && (r.name().equals(a) || r.name().equals(b))
                && fc.resolution.binding(r) instanceof Binding.Global;
    }

    /**
     * Whether calling {@code fn} records the caller for the callee: getfenv/setfenv (their level 1)
     * and error/assert (their level-1 position), called by their global names.
     */
    boolean recordsCaller(Expr fn) {
        return isGlobal(fn, "setfenv", "getfenv") || isGlobal(fn, "error", "assert");
    }

    /** Emits a call; pushes its first result, the others stay in the context. */
    void call(Expr e) {
        MethodVisitor mv = mv();
        if (e instanceof Expr.Call c) {
            if (isGlobal(c.fn(), "setfenv", "getfenv")) {
                // Level 1 of getfenv/setfenv is this function: JVM frames cannot tell which closure.
                fc.loadCx();
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, CLOSURE, "identity", "L" + CLOSURE + ";"); // a promoted closure's Lua value
                mv.visitFieldInsn(PUTFIELD, CX, "fenvCaller", "L" + CLOSURE + ";");
            }
            fc.loadCx();
            object(c.fn());
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "asFunction", "(" + CX_D + OBJECT_D + ")" + FUNCTION_D, false);
            if (isGlobal(c.fn(), "error", "assert")) {
                // Their level-1 position is this call site: record it so no stack walk is needed.
                fc.loadCx();
                mv.visitLdcInsn(fc.chunkId + ":" + c.line() + ": ");
                mv.visitFieldInsn(PUTFIELD, CX, "siteWhere", "Ljava/lang/String;");
                fc.loadCx();
                fc.loadCx();
                mv.visitFieldInsn(GETFIELD, CX, "depth", "I");
                mv.visitFieldInsn(PUTFIELD, CX, "siteWhereDepth", "I");
            }
            fc.loadCx();
            invokeWith(c.args(), -1, c.line(), describe(c.fn()));
        } else {
            Expr.MethodCall m = (Expr.MethodCall) e;
            object(m.object());
            int self = fc.newObjectTemp();
            mv.visitVarInsn(ASTORE, self);
            fc.loadCx();
            fc.loadCx();
            mv.visitVarInsn(ALOAD, self);
            fc.pushString(m.method());
            fc.site(m.line(), describe(m.object()));
            mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + STRING_D + ")" + OBJECT_D, false);
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "asFunction", "(" + CX_D + OBJECT_D + ")" + FUNCTION_D, false);
            fc.loadCx();
            invokeWith(m.args(), self, m.line(), "method '" + m.method() + "'");
        }
    }

    /** With the function and the context on the stack, pushes the arguments and invokes. */
    void invokeWith(List<Expr> args, int selfSlot, int line, String name) {
        MethodVisitor mv = mv();
        int n = args.size() + (selfSlot >= 0 ? 1 : 0);
        boolean multi = !args.isEmpty() && args.get(args.size() - 1).isMultiValued();
        if (!multi && n <= 3) {
            StringBuilder d = new StringBuilder("(").append(CX_D);
            if (selfSlot >= 0) {
                mv.visitVarInsn(ALOAD, selfSlot);
            }
            for (Expr a : args) {
                object(a);
                valueHook(a);
            }
            for (int i = 0; i < n; i++) {
                d.append(OBJECT_D);
            }
            d.append(")").append(OBJECT_D);
            callHook(line);
            fc.site(line, name);
            mv.visitMethodInsn(INVOKEVIRTUAL, FUNCTION, "call", d.toString(), false);
            return;
        }
        argsArray(args, selfSlot);
        callHook(line);
        fc.site(line, name);
        mv.visitMethodInsn(INVOKEVIRTUAL, FUNCTION, "invoke", "(" + CX_D + OBJECTS_D + ")" + OBJECT_D, false);
    }

    /**
     * Debug mode: a value of an argument list or table constructor is put in place once it is
     * parsed, by an instruction on its line (a line event when the list spans lines).
     */
    private void valueHook(Expr e) {
        if (fc.hooks != null) {
            fc.hooks.line(e.line());
        }
    }

    /** Debug mode: PUC's CALL carries the line where the call starts, a line event once the arguments are in. */
    private void callHook(int line) {
        if (fc.hooks != null) {
            fc.hooks.line(line);
        }
    }

    /** Pushes an {@code Object[]} of all values of {@code es}, the last one expanded. */
    void argsArray(List<Expr> es, int selfSlot) {
        MethodVisitor mv = mv();
        int prefix = selfSlot >= 0 ? 1 : 0;
        if (es.isEmpty() && prefix == 0) {
            mv.visitFieldInsn(GETSTATIC, FUNCTION, "NO_ARGS", OBJECTS_D);
            return;
        }
        Expr last = es.isEmpty() ? null : es.get(es.size() - 1);
        boolean multi = last != null && last.isMultiValued();
        int fixed = es.size() - (multi ? 1 : 0);
        boolean callLast = multi && !(last instanceof Expr.Vararg);
        if (callLast) {
            fc.loadCx();
        }
        fc.pushInt(prefix + fixed);
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        if (selfSlot >= 0) {
            mv.visitInsn(DUP);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ALOAD, selfSlot);
            mv.visitInsn(AASTORE);
        }
        for (int i = 0; i < fixed; i++) {
            mv.visitInsn(DUP);
            fc.pushInt(prefix + i);
            object(es.get(i));
            valueHook(es.get(i));
            mv.visitInsn(AASTORE);
        }
        if (multi) {
            if (callLast) {
                call(last);
                mv.visitMethodInsn(INVOKEVIRTUAL, CX, "resultsPrefixed", "(" + OBJECTS_D + OBJECT_D + ")" + OBJECTS_D, false);
            } else {
                mv.visitVarInsn(ALOAD, fc.varargSlot);
                mv.visitMethodInsn(INVOKESTATIC, CX, "concatArgs", "(" + OBJECTS_D + OBJECTS_D + ")" + OBJECTS_D, false);
            }
        }
    }

    // ------------------------------------------------------------------ table constructors

    private void table(Expr.Table t) {
        MethodVisitor mv = mv();
        int na = 0;
        int nh = 0;
        boolean keyed = false;
        List<TableField> fields = t.fields();
        for (int i = 0; i < fields.size(); i++) {
            TableField f = fields.get(i);
            if (f instanceof TableField.Positional p) {
                if (!(i == fields.size() - 1 && p.value().isMultiValued())) {
                    na++;
                }
            } else {
                nh++;
                keyed = true;
            }
        }
        mv.visitTypeInsn(NEW, TABLE);
        mv.visitInsn(DUP);
        fc.pushInt(ConstantFolding.tableSize(na));
        fc.pushInt(ConstantFolding.tableSize(nh));
        mv.visitMethodInsn(INVOKESPECIAL, TABLE, "<init>", "(II)V", false);
        int index = 0;          // positional items seen
        List<Integer> pending = new ArrayList<>(); // temps holding unflushed positional values
        int flushedUpTo = 0;
        for (int i = 0; i < fields.size(); i++) {
            TableField f = fields.get(i);
            switch (f) {
                case TableField.Positional p -> {
                    boolean lastMulti = i == fields.size() - 1 && p.value().isMultiValued();
                    if (lastMulti) {
                        flush(pending, flushedUpTo);
                        flushedUpTo += pending.size();
                        pending.clear();
                        mv.visitInsn(DUP);
                        fc.pushInt(index + 1);
                        if (p.value() instanceof Expr.Vararg) {
                            mv.visitVarInsn(ALOAD, fc.varargSlot);
                        } else {
                            fc.loadCx();
                            call(p.value());
                            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "results", "(" + OBJECT_D + ")" + OBJECTS_D, false);
                        }
                        mv.visitMethodInsn(INVOKESTATIC, VARARGS, "setList", "(" + TABLE_D + "I" + OBJECTS_D + ")V", false);
                    } else if (!keyed) {
                        index++;
                        mv.visitInsn(DUP);
                        fc.pushInt(index);
                        object(p.value());
                        valueHook(p.value());
                        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "put", "(I" + OBJECT_D + ")V", false);
                    } else {
                        index++;
                        object(p.value());
                        valueHook(p.value());
                        int tmp = fc.newObjectTemp();
                        mv.visitVarInsn(ASTORE, tmp);
                        pending.add(tmp);
                        if (pending.size() == FIELDS_PER_FLUSH) {
                            flush(pending, flushedUpTo);
                            flushedUpTo += pending.size();
                            pending.clear();
                        }
                    }
                }
                case TableField.Named n -> {
                    mv.visitInsn(DUP);
                    fc.pushString(n.name());
                    object(n.value());
                    valueHook(n.value());
                    mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "put", "(" + OBJECT_D + OBJECT_D + ")V", false);
                }
                case TableField.Keyed k -> {
                    mv.visitInsn(DUP);
                    object(k.key());
                    object(k.value());
                    valueHook(k.value());
                    fc.site(k.line(), "");
                    mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "put", "(" + OBJECT_D + OBJECT_D + ")V", false);
                }
            }
        }
        flush(pending, flushedUpTo);
    }

    private void flush(List<Integer> pending, int base) {
        MethodVisitor mv = mv();
        for (int j = 0; j < pending.size(); j++) {
            mv.visitInsn(DUP);
            fc.pushInt(base + j + 1);
            mv.visitVarInsn(ALOAD, pending.get(j));
            mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "put", "(I" + OBJECT_D + ")V", false);
        }
    }
}
