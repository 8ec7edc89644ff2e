package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.Block;
import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.compiler.FunctionCompiler.Local;
import io.moonkey.lua.compiler.FunctionCompiler.Storage;
import io.moonkey.lua.scope.Binding;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/** Emits statements (Lua 5.1 manual §2.4). */
final class StatEmitter {
    private final FunctionCompiler fc;
    private final ExprEmitter ex;
    private final TailCallEmitter tails;
    /** Exit labels of the enclosing loops, innermost first ({@code break}). */
    private final Deque<Label> breaks = new ArrayDeque<>();

    StatEmitter(FunctionCompiler fc) {
        this.fc = fc;
        this.ex = fc.expr;
        this.tails = new TailCallEmitter(fc, fc.expr, this);
    }

    private MethodVisitor mv() {
        return fc.mv;
    }

    static boolean endsWithReturn(Block b) {
        List<Stat> s = b.stats();
        return !s.isEmpty() && s.get(s.size() - 1) instanceof Stat.Return;
    }

    void block(Block b) {
        LineHookEmitter hooks = fc.hooks;
        int mark = hooks == null ? 0 : hooks.mark();
        IntegralRegion region = fc.region;
        int live = region == null ? 0 : region.mark();
        statements(b.stats());
        if (hooks != null) {
            hooks.release(mark); // the block's locals go out of scope
        }
        if (region != null) {
            region.release(live);
        }
    }

    /** A loop body: {@code break} jumps to {@code exit}. */
    void loopBody(Block body, Label exit) {
        breaks.push(exit);
        block(body);
        breaks.pop();
    }

    void statements(List<Stat> stats) {
        boolean functionStart = atFunctionStart;
        atFunctionStart = false;
        Stat previous = null;
        for (Stat s : stats) {
            if (fc.hooks != null && PucLines.nilLocal(s) && (PucLines.nilLocal(previous) || (previous == null && functionStart))) {
                silent = true;
            }
            stat(s);
            previous = s;
        }
    }

    /** Debug mode: the next statements are the first of a function body (PUC's pc 0). */
    boolean atFunctionStart;
    /** Debug mode: the next statement has no instruction of its own. */
    private boolean silent;

    private void stat(Stat s) {
        LineHookEmitter hooks = fc.hooks;
        int mark = 0;
        if (hooks != null) {
            mark = hooks.mark();
            if (!silent) {
                hooks.line(PucLines.firstLine(s));
            }
            silent = false;
        }
        fc.line(s.line());
        IntegralRegion region = fc.region;
        if (region != null && (s instanceof Stat.Local || s instanceof Stat.Assign)) {
            // Guards of the integral copy restart an assignment in the double copy (IntegralRegion).
            if (region.integralPass()) {
                region.beginStatement(s);
            } else {
                Label start = new Label();
                mv().visitLabel(start);
                region.recordStart(s, start);
            }
        }
        switch (s) {
            case Stat.Local l -> local(l);
            case Stat.LocalFunction lf -> localFunction(lf);
            case Stat.FunctionDecl fd -> functionDecl(fd);
            case Stat.Assign a -> assign(a);
            case Stat.CallStat c -> {
                ex.call(c.call());
                mv().visitInsn(POP);
            }
            case Stat.Do d -> {
                int tail = takeTail();
                if (tail > 0) {
                    blockBeforeJump(d.body(), tail);
                } else {
                    block(d.body());
                }
            }
            case Stat.While w -> whileLoop(w);
            case Stat.Repeat r -> repeatLoop(r);
            case Stat.If i -> ifStat(i);
            case Stat.NumericFor nf -> fc.numericFor.emit(nf);
            case Stat.GenericFor gf -> genericFor(gf);
            case Stat.Return r -> returnStat(r);
            case Stat.Break b -> mv().visitJumpInsn(GOTO, breaks.peek());
        }
        if (hooks != null && !(s instanceof Stat.Local) && !(s instanceof Stat.LocalFunction)) {
            hooks.release(mark); // a loop's variables and internal state
        }
    }

    /** A line event in debug mode (nothing is emitted otherwise). */
    void hookLine(int line) {
        hook(line);
    }

    private void hook(int line) {
        if (fc.hooks != null) {
            fc.hooks.line(line);
        }
    }

    /** In debug mode, the next line event starts a loop iteration. */
    private void loopHead() {
        if (fc.hooks != null) {
            fc.hooks.loopHead();
        }
    }

    /** For measuring the cost of interruption checks only: {@code -Dmoonkey.lua.loopPolls=false}. */
    private static final boolean LOOP_POLLS = !"false".equals(System.getProperty("moonkey.lua.loopPolls"));

    void poll() {
        if (!LOOP_POLLS) {
            return;
        }
        fc.loadCx();
        mv().visitMethodInsn(INVOKEVIRTUAL, CX, "poll", "()V", false);
    }

    // ------------------------------------------------------------------ locals and assignment

    private void local(Stat.Local l) {
        MethodVisitor mv = mv();
        List<Name> names = l.names();
        List<Expr> values = l.values();
        int n = names.size();
        int m = values.size();
        Local[] made = new Local[n];
        Map<Expr, Integer> longs = n > 1 || m > 1 ? longValuesFirst(names.stream().map(fc.resolution::variable).toList(), values) : null;
        for (int i = 0; i < Math.max(n, m); i++) {
            if (i >= n) {
                // Surplus values are evaluated for their effects.
                Expr e = values.get(i);
                ex.object(e instanceof Expr.Call || e instanceof Expr.MethodCall ? e : e);
                mv.visitInsn(POP);
                continue;
            }
            Variable v = fc.resolution.variable(names.get(i));
            Storage st = fc.storageOf(v);
            if (i < m) {
                Expr e = values.get(i);
                if (i == m - 1 && e.isMultiValued() && n > m) {
                    // The last value spreads over the remaining names.
                    if (e instanceof Expr.Vararg) {
                        for (int j = i; j < n; j++) {
                            mv.visitVarInsn(ALOAD, fc.varargSlot);
                            fc.pushInt(j - i);
                            mv.visitMethodInsn(INVOKESTATIC, VARARGS, "get", "(" + OBJECTS_D + "I)" + OBJECT_D, false);
                            made[j] = fc.storeNew(fc.resolution.variable(names.get(j)), fc.storageOf(fc.resolution.variable(names.get(j))));
                        }
                    } else {
                        ex.call(e);
                        made[i] = fc.storeNew(v, st);
                        for (int j = i + 1; j < n; j++) {
                            fc.loadCx();
                            fc.pushInt(j - i);
                            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "result", "(I)" + OBJECT_D, false);
                            made[j] = fc.storeNew(fc.resolution.variable(names.get(j)), fc.storageOf(fc.resolution.variable(names.get(j))));
                        }
                    }
                    break;
                }
                if (st == Storage.DOUBLE) {
                    ex.number(e);
                } else if (st == Storage.LONG) {
                    longValue(e, longs);
                } else {
                    ex.object(e);
                }
            } else {
                mv.visitInsn(ACONST_NULL);
            }
            made[i] = fc.storeNew(v, st);
        }
        for (int i = 0; i < n; i++) {
            fc.bind(fc.resolution.variable(names.get(i)), made[i]);
        }
    }

    private void localFunction(Stat.LocalFunction lf) {
        MethodVisitor mv = mv();
        Variable v = fc.resolution.variable(lf.name());
        Storage st = fc.storageOf(v);
        mv.visitInsn(ACONST_NULL);
        fc.declare(v, st);
        Local loc = fc.locals.get(v);
        ex.closure(lf.function());
        fc.storeLocal(loc);
        if (st.isCell()) {
            return;
        }
        // The function refers to itself by value: fill in the field now that it exists.
        FunctionScope cs = fc.resolution.scope(lf.function());
        String cn = fc.chunk.className(cs);
        List<Variable> ups = cs.upvalues();
        for (int j = 0; j < ups.size(); j++) {
            if (ups.get(j) == v) {
                fc.loadLocal(loc);
                mv.visitTypeInsn(CHECKCAST, cn);
                fc.loadLocal(loc);
                mv.visitFieldInsn(PUTFIELD, cn, FunctionCompiler.upvalueField(j), OBJECT_D);
            }
        }
    }

    /** Pushes the value of a binding (as an Object). */
    private void readBinding(Binding b, int line) {
        MethodVisitor mv = mv();
        switch (b) {
            case Binding.Local l -> fc.loadLocal(fc.locals.get(l.variable()));
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
                fc.site(line, "");
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + STRING_D + ")" + OBJECT_D, false);
            }
        }
    }

    /** Emits the value for a store into {@code b}: unboxed for a double local, a long for a long one. */
    private void valueFor(Binding b, Expr e) {
        Storage st = b instanceof Binding.Local l ? fc.locals.get(l.variable()).storage() : Storage.OBJECT;
        if (st == Storage.DOUBLE) {
            ex.number(e);
        } else if (st == Storage.LONG) {
            fc.integral.value(e);
        } else {
            ex.object(e);
        }
    }

    /**
     * Integral copy of a loop, an assignment of several values: the values of long targets are
     * computed first, into long temps, so that a failing guard restarts the statement before
     * any of its other (possibly impure) parts ran. They are pure, so the order is not seen.
     * Returns the temps by value expression (identity), or null when there is no long target.
     */
    private Map<Expr, Integer> longValuesFirst(List<Variable> targets, List<Expr> values) {
        Map<Expr, Integer> temps = null;
        for (int i = 0; i < targets.size() && i < values.size(); i++) {
            Variable v = targets.get(i);
            if (v != null && fc.region != null && fc.region.isIntegral(v)) {
                if (temps == null) {
                    temps = new IdentityHashMap<>();
                }
                fc.integral.value(values.get(i));
                int t = fc.newLongTemp();
                mv().visitVarInsn(LSTORE, t);
                temps.put(values.get(i), t);
            }
        }
        return temps;
    }

    private void longValue(Expr e, Map<Expr, Integer> computed) {
        Integer t = computed == null ? null : computed.get(e);
        if (t != null) {
            mv().visitVarInsn(LLOAD, t);
        } else {
            fc.integral.value(e);
        }
    }

    /**
     * Stores into a name binding; for locals and upvalues the value is on the stack (a double for
     * a double local); for globals {@code value} emits it after the environment is pushed.
     */
    private void storeBinding(Binding b, Runnable value, int line) {
        MethodVisitor mv = mv();
        switch (b) {
            case Binding.Local l -> {
                Local loc = fc.locals.get(l.variable());
                value.run();
                fc.storeLocal(loc);
            }
            case Binding.Upvalue u -> {
                value.run();
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, fc.className, FunctionCompiler.upvalueField(u.index()), CELL_D);
                mv.visitInsn(SWAP);
                mv.visitFieldInsn(PUTFIELD, CELL, "v", OBJECT_D);
            }
            case Binding.Global g -> {
                fc.loadCx();
                fc.loadEnv();
                fc.pushString(g.name());
                value.run();
                fc.site(line, "");
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "set", "(" + CX_D + OBJECT_D + STRING_D + OBJECT_D + ")V", false);
            }
        }
    }

    private void functionDecl(Stat.FunctionDecl fd) {
        MethodVisitor mv = mv();
        Binding b = fc.resolution.binding(fd);
        List<String> path = fd.path();
        if (path.size() == 1 && fd.method() == null) {
            storeBinding(b, () -> {
                ex.closure(fd.function());
                hook(fd.line()); // the store carries the line of "function"
            }, fd.line());
            return;
        }
        fc.loadCx();
        readBinding(b, fd.line());
        String desc;
        if (b instanceof Binding.Local) {
            desc = "local '" + path.get(0) + "'";
        } else if (b instanceof Binding.Upvalue) {
            desc = "upvalue '" + path.get(0) + "'";
        } else {
            desc = "global '" + path.get(0) + "'";
        }
        int lastKey = fd.method() != null ? path.size() : path.size() - 1;
        for (int i = 1; i < lastKey; i++) {
            int tmp = fc.newObjectTemp();
            mv.visitVarInsn(ASTORE, tmp);
            fc.loadCx();
            mv.visitVarInsn(ALOAD, tmp);
            fc.pushString(path.get(i));
            fc.site(fd.line(), desc);
            mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + STRING_D + ")" + OBJECT_D, false);
            desc = "field '" + path.get(i) + "'";
        }
        fc.pushString(fd.method() != null ? fd.method() : path.get(path.size() - 1));
        ex.closure(fd.function());
        hook(fd.line());
        fc.site(fd.line(), desc);
        mv.visitMethodInsn(INVOKESTATIC, INDEX, "set", "(" + CX_D + OBJECT_D + STRING_D + OBJECT_D + ")V", false);
    }

    private void assign(Stat.Assign a) {
        MethodVisitor mv = mv();
        List<Expr> targets = a.targets();
        List<Expr> values = a.values();
        if (targets.size() == 1 && values.size() == 1) {
            Expr t = targets.get(0);
            Expr v = values.get(0);
            if (t instanceof Expr.NameRef r) {
                Binding b = fc.resolution.binding(r);
                storeBinding(b, () -> {
                    valueFor(b, v);
                    hook(a.lastLine()); // PUC's store is on the statement's last line
                }, a.line());
            } else {
                Expr.Index i = (Expr.Index) t;
                fc.loadCx();
                ex.object(i.object());
                String keyD = ex.key(i.key());
                ex.object(v);
                hook(a.lastLine());
                fc.site(a.line(), ex.describe(i.object()));
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "set", "(" + CX_D + OBJECT_D + keyD + OBJECT_D + ")V", false);
            }
            return;
        }
        // General case: evaluate the targets' tables and keys, then the values, then store
        // right to left as PUC does (manual §2.4.3 leaves the order undefined).
        int n = targets.size();
        List<Variable> longTargets = new ArrayList<>();
        for (Expr t : targets) {
            longTargets.add(t instanceof Expr.NameRef r && fc.resolution.binding(r) instanceof Binding.Local l ? l.variable() : null);
        }
        Map<Expr, Integer> longs = longValuesFirst(longTargets, values);
        int[] objs = new int[n];
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            if (targets.get(i) instanceof Expr.Index idx) {
                ex.object(idx.object());
                objs[i] = fc.newObjectTemp();
                mv.visitVarInsn(ASTORE, objs[i]);
                ex.object(idx.key());
                keys[i] = fc.newObjectTemp();
                mv.visitVarInsn(ASTORE, keys[i]);
            }
        }
        int[] vals = valuesToTemps(values, n, longs);
        hook(a.lastLine());
        for (int i = n - 1; i >= 0; i--) {
            Expr t = targets.get(i);
            int tmp = vals[i];
            if (t instanceof Expr.NameRef r) {
                Binding b = fc.resolution.binding(r);
                Storage st = b instanceof Binding.Local l ? fc.locals.get(l.variable()).storage() : Storage.OBJECT;
                Expr value = i < values.size() ? values.get(i) : null;
                storeBinding(b, () -> {
                    if (st == Storage.LONG) {
                        longValue(value, longs);
                        return;
                    }
                    mv.visitVarInsn(ALOAD, tmp);
                    if (st == Storage.DOUBLE) {
                        fc.unbox();
                    }
                }, a.line());
            } else {
                Expr.Index idx = (Expr.Index) t;
                fc.loadCx();
                mv.visitVarInsn(ALOAD, objs[i]);
                mv.visitVarInsn(ALOAD, keys[i]);
                mv.visitVarInsn(ALOAD, tmp);
                fc.site(a.line(), ex.describe(idx.object()));
                mv.visitMethodInsn(INVOKESTATIC, INDEX, "set", "(" + CX_D + OBJECT_D + OBJECT_D + OBJECT_D + ")V", false);
            }
        }
    }

    /** Evaluates {@code es} adjusted to {@code k} values (manual §2.4.3) into new Object temps. */
    int[] valuesToTemps(List<Expr> es, int k) {
        return valuesToTemps(es, k, null);
    }

    /** As above, leaving out (temp -1) the values already computed into {@code computed}. */
    private int[] valuesToTemps(List<Expr> es, int k, Map<Expr, Integer> computed) {
        MethodVisitor mv = mv();
        int[] temps = new int[k];
        int m = es.size();
        for (int i = 0; i < Math.max(k, m); i++) {
            if (i < m) {
                Expr e = es.get(i);
                if (i == m - 1 && e.isMultiValued() && k > m - 1) {
                    if (e instanceof Expr.Vararg) {
                        for (int j = i; j < k; j++) {
                            mv.visitVarInsn(ALOAD, fc.varargSlot);
                            fc.pushInt(j - i);
                            mv.visitMethodInsn(INVOKESTATIC, VARARGS, "get", "(" + OBJECTS_D + "I)" + OBJECT_D, false);
                            temps[j] = fc.newObjectTemp();
                            mv.visitVarInsn(ASTORE, temps[j]);
                        }
                    } else {
                        ex.call(e);
                        if (i < k) {
                            temps[i] = fc.newObjectTemp();
                            mv.visitVarInsn(ASTORE, temps[i]);
                        } else {
                            mv.visitInsn(POP);
                        }
                        for (int j = i + 1; j < k; j++) {
                            fc.loadCx();
                            fc.pushInt(j - i);
                            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "result", "(I)" + OBJECT_D, false);
                            temps[j] = fc.newObjectTemp();
                            mv.visitVarInsn(ASTORE, temps[j]);
                        }
                    }
                    return temps;
                }
                if (computed != null && computed.containsKey(e)) {
                    temps[i] = -1;
                    continue;
                }
                ex.object(e);
                if (i < k) {
                    temps[i] = fc.newObjectTemp();
                    mv.visitVarInsn(ASTORE, temps[i]);
                } else {
                    mv.visitInsn(POP);
                }
            } else {
                mv.visitInsn(ACONST_NULL);
                temps[i] = fc.newObjectTemp();
                mv.visitVarInsn(ASTORE, temps[i]);
            }
        }
        return temps;
    }

    // ------------------------------------------------------------------ control structures

    private void whileLoop(Stat.While w) {
        MethodVisitor mv = mv();
        Label top = new Label();
        Label exit = new Label();
        mv.visitLabel(top);
        loopHead();
        if (!PucLines.alwaysTrue(w.cond())) {
            hook(w.line());
        }
        ex.cond(w.cond(), exit, false);
        breaks.push(exit);
        if (fc.hooks != null) {
            blockBeforeJump(w.body(), w.body().lastLine() > 0 ? w.body().lastLine() : w.line()); // the back-jump
        } else {
            block(w.body());
        }
        breaks.pop();
        poll();
        mv.visitJumpInsn(GOTO, top);
        mv.visitLabel(exit);
    }

    private void repeatLoop(Stat.Repeat r) {
        MethodVisitor mv = mv();
        Label top = new Label();
        Label exit = new Label();
        mv.visitLabel(top);
        loopHead();
        breaks.push(exit);
        block(r.body());
        breaks.pop();
        hook(r.cond().line());
        ex.cond(r.cond(), exit, true);
        poll();
        mv.visitJumpInsn(GOTO, top);
        mv.visitLabel(exit);
    }

    private void ifStat(Stat.If s) {
        MethodVisitor mv = mv();
        int tail = takeTail();
        Label end = new Label();
        for (int i = 0; i < s.conds().size(); i++) {
            Label next = new Label();
            if (i > 0) {
                hook(s.conds().get(i).line()); // elseif
            }
            ex.cond(s.conds().get(i), next, false);
            Block b = s.blocks().get(i);
            if (fc.hooks != null && (i + 1 < s.conds().size() || s.orElse() != null)) {
                blockBeforeJump(b, b.lastLine()); // the jump over the rest of the if
            } else if (tail > 0) {
                blockBeforeJump(b, tail);
            } else {
                block(b);
            }
            mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(next);
        }
        if (s.orElse() != null) {
            if (tail > 0) {
                blockBeforeJump(s.orElse(), tail);
            } else {
                block(s.orElse());
            }
        }
        mv.visitLabel(end);
    }

    // ------------------------------------------------------------------ debug mode: jumps after blocks

    /** Debug mode: the line of the jump that follows the statement being emitted (0: none). */
    private int tailJump;

    private int takeTail() {
        int t = tailJump;
        tailJump = 0;
        return t;
    }

    /**
     * Debug mode: a block that PUC follows with a jump on line {@code jumpLine} (a while loop's
     * back-jump, the jump over an else part). The path that falls through into the jump has its
     * line event; paths that reach it by jumping (the exits of an if ending the block) do not,
     * as PUC chains a jump to a jump straight to the final target.
     */
    private void blockBeforeJump(Block b, int jumpLine) {
        int mark = fc.hooks.mark();
        List<Stat> stats = b.stats();
        for (int i = 0; i < stats.size() - 1; i++) {
            stat(stats.get(i));
        }
        Stat last = stats.isEmpty() ? null : stats.get(stats.size() - 1);
        if (last instanceof Stat.If || last instanceof Stat.Do) {
            tailJump = jumpLine; // taken by the if, or by the do block's own last statement
            stat(last);
            tailJump = 0;
            fc.hooks.release(mark);
        } else {
            if (last != null) {
                stat(last);
            }
            fc.hooks.release(mark); // the block's locals are gone at the jump
            fc.hooks.jump(jumpLine);
        }
    }

    /** Generic for (manual §2.4.5): calls the iterator with the state and control values. */
    private void genericFor(Stat.GenericFor gf) {
        MethodVisitor mv = mv();
        int[] st = valuesToTemps(gf.exprs(), 3);
        // An integral loop copy keeps the iteration state where the double copy has it.
        IntegralRegion region = fc.region;
        int[] planned = region != null && region.integralPass() ? region.generic(gf) : null;
        if (planned != null) {
            for (int k = 0; k < 3; k++) {
                mv.visitVarInsn(ALOAD, st[k]);
                mv.visitVarInsn(ASTORE, planned[k]);
            }
            st = java.util.Arrays.copyOf(planned, 3);
        }
        String iter = RT + "ForInIterator";
        fc.loadCx();
        mv.visitVarInsn(ALOAD, st[0]);
        mv.visitVarInsn(ALOAD, st[1]);
        mv.visitVarInsn(ALOAD, st[2]);
        mv.visitMethodInsn(INVOKESTATIC, iter, "start", "(" + CX_D + OBJECT_D + OBJECT_D + OBJECT_D + ")L" + iter + ";", false);
        int it = planned != null ? planned[3] : fc.newObjectTemp();
        if (region != null && !region.integralPass()) {
            region.recordGeneric(gf, new int[] {st[0], st[1], st[2], it});
        }
        mv.visitVarInsn(ASTORE, it);
        int internals = fc.hooks == null ? 0 : fc.hooks.mark();
        if (fc.hooks != null) {
            fc.hooks.visible("(for generator)", LineHookEmitter.objectTemp(st[0]));
            fc.hooks.visible("(for state)", LineHookEmitter.objectTemp(st[1]));
            fc.hooks.visible("(for control)", LineHookEmitter.objectTemp(st[2]));
        }
        Label top = new Label();
        Label exit = new Label();
        mv.visitLabel(top);
        mv.visitVarInsn(ALOAD, it);
        fc.loadCx();
        fc.site(gf.line(), "");
        mv.visitMethodInsn(INVOKEVIRTUAL, iter, "step", "(" + CX_D + ")" + OBJECT_D, false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, st[2]);
        mv.visitJumpInsn(IFNULL, exit);
        loopHead();
        List<Name> names = gf.names();
        Local[] made = new Local[names.size()];
        for (int i = 1; i < names.size(); i++) {
            fc.loadCx();
            fc.pushInt(i);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "result", "(I)" + OBJECT_D, false);
            made[i] = fc.storeNew(fc.resolution.variable(names.get(i)), fc.storageOf(fc.resolution.variable(names.get(i))));
        }
        mv.visitVarInsn(ALOAD, st[2]);
        made[0] = fc.storeNew(fc.resolution.variable(names.get(0)), fc.storageOf(fc.resolution.variable(names.get(0))));
        for (int i = 0; i < names.size(); i++) {
            fc.bind(fc.resolution.variable(names.get(i)), made[i]);
        }
        breaks.push(exit);
        block(gf.body());
        breaks.pop();
        if (fc.hooks != null) {
            fc.hooks.release(internals + 3);
            hook(gf.line()); // TFORLOOP carries the line of "for"
        }
        poll();
        mv.visitJumpInsn(GOTO, top);
        mv.visitLabel(exit);
    }

    // ------------------------------------------------------------------ return

    private void returnStat(Stat.Return r) {
        MethodVisitor mv = mv();
        List<Expr> vs = r.values();
        int n = vs.size();
        Expr last = n == 0 ? null : vs.get(n - 1);
        if (n == 0) {
            fc.loadCx();
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leave0", "()" + OBJECT_D, false);
        } else if (n == 1 && (last instanceof Expr.Call || last instanceof Expr.MethodCall) && tails.emit(last)) {
            return;
        } else if (n == 1 && (last instanceof Expr.Call || last instanceof Expr.MethodCall)) {
            ex.call(last);
            fc.loadCx();
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leaveCall", "(" + OBJECT_D + ")" + OBJECT_D, false);
        } else if (n == 1 && last instanceof Expr.Vararg) {
            fc.loadCx();
            mv.visitVarInsn(ALOAD, fc.varargSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leaveArray", "(" + OBJECTS_D + ")" + OBJECT_D, false);
        } else if (!last.isMultiValued() && n <= 3) {
            fc.loadCx();
            for (Expr e : vs) {
                ex.object(e);
            }
            StringBuilder d = new StringBuilder("(");
            for (int i = 0; i < n; i++) {
                d.append(OBJECT_D);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leave" + n, d.append(")").append(OBJECT_D).toString(), false);
        } else if (last instanceof Expr.Call || last instanceof Expr.MethodCall) {
            fc.loadCx();
            ex.argsArray(vs.subList(0, n - 1), -1);
            ex.call(last);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leavePrefixed", "(" + OBJECTS_D + OBJECT_D + ")" + OBJECT_D, false);
        } else {
            fc.loadCx();
            ex.argsArray(vs, -1);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leaveArray", "(" + OBJECTS_D + ")" + OBJECT_D, false);
        }
        mv.visitInsn(ARETURN);
    }

    @SuppressWarnings("unused")
    private static final List<Object> NONE = new ArrayList<>();
}
