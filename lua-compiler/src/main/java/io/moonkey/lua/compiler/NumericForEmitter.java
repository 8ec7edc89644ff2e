package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.compiler.FunctionCompiler.Local;
import io.moonkey.lua.compiler.FunctionCompiler.Storage;
import io.moonkey.lua.scope.Variable;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Numeric for (manual §2.4.5, lvm.c OP_FORPREP/OP_FORLOOP) in two forms: a double counter with
 * PUC's exact steps, and long counters for the integral copy of an outermost loop
 * ({@link IntegralRegion}) when its locals can be kept in longs ({@link IntegralLocals}).
 */
final class NumericForEmitter {
    private static final String INTEGRAL_FOR = RT + "IntegralFor";

    private final FunctionCompiler fc;

    NumericForEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    private MethodVisitor mv() {
        return fc.mv;
    }

    void emit(Stat.NumericFor nf) {
        IntegralRegion region = fc.region;
        Label exit = new Label();
        if (region == null) {
            if (fc.integralLoops() && IntegralLocals.mayCountInLongs(nf)) {
                IntegralLocals.Analysis a = IntegralLocals.analyse(nf, fc.resolution, fc.numeric);
                if (a.worthwhile()) {
                    twoCopies(nf, a);
                    return;
                }
            }
            doubleLoop(nf, preamble(nf, null), exit);
        } else if (!region.integralPass()) {
            doubleLoop(nf, preamble(nf, null), exit);
        } else {
            IntegralRegion.ForState planned = region.loop(nf);
            int[] parts = preamble(nf, planned.parts());
            if (region.analysis.longLoops().contains(nf)) {
                startGuards(nf, parts, region.transitionTo(planned.afterPreamble()));
                longLoop(nf, parts, planned, exit);
            } else {
                doubleLoop(nf, parts, exit);
            }
        }
        mv().visitLabel(exit);
    }

    /**
     * An outermost loop with integral locals: the double copy, then the integral copy, entered
     * when the start, the step and the integral locals declared outside the loop allow.
     */
    private void twoCopies(Stat.NumericFor nf, IntegralLocals.Analysis a) {
        MethodVisitor mv = mv();
        int[] parts = preamble(nf, null);
        Label doubles = new Label();
        Label longs = new Label();
        Label exit = new Label();
        startGuards(nf, parts, doubles);
        Map<Variable, Local> outer = new IdentityHashMap<>();
        for (Variable v : a.outer()) {
            Local l = fc.locals.get(v);
            outer.put(v, l);
            mv.visitVarInsn(DLOAD, l.slot());
            mv.visitMethodInsn(INVOKESTATIC, INTEGRAL_FOR, "exact", "(D)Z", false);
            mv.visitJumpInsn(IFEQ, doubles);
        }
        mv.visitJumpInsn(GOTO, longs);

        mv.visitLabel(doubles);
        IntegralRegion region = new IntegralRegion(a);
        fc.region = region;
        doubleLoop(nf, parts, exit);

        region.startIntegralPass();
        mv.visitLabel(longs);
        for (Map.Entry<Variable, Local> e : outer.entrySet()) {
            int slot = e.getValue().slot();
            mv.visitVarInsn(DLOAD, slot);
            mv.visitInsn(D2L);
            mv.visitVarInsn(LSTORE, slot);
            fc.bind(e.getKey(), new Local(slot, Storage.LONG));
        }
        Label longExit = new Label();
        longLoop(nf, parts, region.loop(nf), longExit);
        mv.visitLabel(longExit);
        for (Map.Entry<Variable, Local> e : outer.entrySet()) {
            int slot = e.getValue().slot();
            mv.visitVarInsn(LLOAD, slot);
            mv.visitInsn(L2D);
            mv.visitVarInsn(DSTORE, slot);
            fc.locals.put(e.getKey(), e.getValue());
        }
        mv.visitJumpInsn(GOTO, exit);
        region.emitTransitions(mv);
        fc.region = null;
        mv.visitLabel(exit);
    }

    /** Evaluates start, limit and step into double slots (new ones, or {@code slots}); returns them. */
    private int[] preamble(Stat.NumericFor nf, int[] slots) {
        MethodVisitor mv = mv();
        Expr[] parts = {nf.start(), nf.limit(), step(nf)};
        String[] what = {"initial value", "limit", "step"};
        int[] out = new int[3];
        int[] boxed = {-1, -1, -1};
        for (int i = 0; i < 3; i++) {
            out[i] = slots != null ? slots[i] : fc.newDoubleTemp();
            if (fc.expr.isNumeric(parts[i])) {
                fc.expr.number(parts[i]);
                mv.visitVarInsn(DSTORE, out[i]);
            } else {
                fc.expr.object(parts[i]);
                boxed[i] = fc.newObjectTemp();
                mv.visitVarInsn(ASTORE, boxed[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (boxed[i] >= 0) {
                mv.visitVarInsn(ALOAD, boxed[i]);
                mv.visitLdcInsn(what[i]);
                fc.site(nf.line(), "");
                mv.visitMethodInsn(INVOKESTATIC, ARITH, "forValue", "(" + OBJECT_D + "Ljava/lang/String;)D", false);
                mv.visitVarInsn(DSTORE, out[i]);
            }
        }
        return out;
    }

    private static Expr step(Stat.NumericFor nf) {
        return nf.step() == null ? new Expr.Number(nf.line(), 1) : nf.step();
    }

    /** Jumps to {@code fail} unless the start and the step are values a long loop counts with. */
    private void startGuards(Stat.NumericFor nf, int[] parts, Label fail) {
        Expr[] checked = {nf.start(), step(nf)};
        int[] slots = {parts[0], parts[2]};
        for (int i = 0; i < 2; i++) {
            if (ConstantFolding.fold(checked[i]) == null) {
                mv().visitVarInsn(DLOAD, slots[i]);
                mv().visitMethodInsn(INVOKESTATIC, INTEGRAL_FOR, "loopValue", "(D)Z", false);
                mv().visitJumpInsn(IFEQ, fail);
            }
        }
    }

    /** The double counter: index = start - step, then index += step while within the limit. */
    private void doubleLoop(Stat.NumericFor nf, int[] slots, Label exit) {
        MethodVisitor mv = mv();
        IntegralRegion region = fc.region;
        int idx = region != null && region.integralPass() ? region.loop(nf).index() : fc.newDoubleTemp();
        Label afterPreamble = new Label();
        Label top = new Label();
        Label compare = new Label();
        Label body = new Label();
        if (region != null && !region.integralPass()) {
            region.recordLoop(nf, new IntegralRegion.ForState(slots, idx, afterPreamble, compare));
        }
        mv.visitLabel(afterPreamble);
        mv.visitVarInsn(DLOAD, slots[0]);
        mv.visitVarInsn(DLOAD, slots[2]);
        mv.visitInsn(DSUB);
        mv.visitVarInsn(DSTORE, idx);
        mv.visitLabel(top);
        mv.visitVarInsn(DLOAD, idx);
        mv.visitVarInsn(DLOAD, slots[2]);
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, idx);
        mv.visitLabel(compare);
        mv.visitVarInsn(DLOAD, idx);
        Double constStep = ConstantFolding.fold(step(nf));
        if (constStep != null && constStep > 0) {
            mv.visitVarInsn(DLOAD, slots[1]);
            mv.visitInsn(DCMPG);
            mv.visitJumpInsn(IFGT, exit);
        } else if (constStep != null && !(constStep > 0)) {
            mv.visitVarInsn(DLOAD, slots[1]);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFLT, exit);
        } else {
            Label neg = new Label();
            mv.visitVarInsn(DLOAD, slots[2]);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFLE, neg);
            mv.visitVarInsn(DLOAD, slots[1]);
            mv.visitInsn(DCMPG);
            mv.visitJumpInsn(IFGT, exit);
            mv.visitJumpInsn(GOTO, body);
            mv.visitLabel(neg);
            mv.visitVarInsn(DLOAD, slots[1]);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFLT, exit);
        }
        mv.visitLabel(body);
        int internals = fc.hooks == null ? 0 : fc.hooks.mark();
        if (fc.hooks != null) {
            fc.hooks.visible("(for index)", LineHookEmitter.doubleTemp(idx));
            fc.hooks.visible("(for limit)", LineHookEmitter.doubleTemp(slots[1]));
            fc.hooks.visible("(for step)", LineHookEmitter.doubleTemp(slots[2]));
            fc.hooks.loopHead();
        }
        Variable v = fc.resolution.variable(nf.var());
        Storage st = fc.storageOf(v);
        mv.visitVarInsn(DLOAD, idx);
        if (st != Storage.DOUBLE) {
            fc.box();
        }
        fc.declare(v, st);
        fc.stat.loopBody(nf.body(), exit);
        if (fc.hooks != null) {
            fc.hooks.release(internals + 3);
            fc.stat.hookLine(nf.line()); // FORLOOP carries the line of "for"
        }
        fc.stat.poll();
        mv.visitJumpInsn(GOTO, top);
    }

    /**
     * The long counters of the integral copy. The bound is the limit rounded toward the start
     * and clamped to ±2^52 ({@code IntegralFor.limit}); when the index passes it, the exit check
     * compares with the real limit as doubles, and a loop that was clamped continues in the
     * double copy at its comparison with the index converted (exact: |index| <= 2^53).
     */
    private void longLoop(Stat.NumericFor nf, int[] parts, IntegralRegion.ForState planned, Label exit) {
        MethodVisitor mv = mv();
        IntegralRegion region = fc.region;
        Double constStep = ConstantFolding.fold(step(nf));
        int lstep = -1;
        if (constStep == null) {
            lstep = fc.newLongTemp();
            mv.visitVarInsn(DLOAD, parts[2]);
            mv.visitInsn(D2L);
            mv.visitVarInsn(LSTORE, lstep);
        }
        int lidx = fc.newLongTemp();
        int llim = fc.newLongTemp();
        mv.visitVarInsn(DLOAD, parts[0]);
        mv.visitInsn(D2L);
        pushStep(constStep, lstep);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, lidx);
        mv.visitVarInsn(DLOAD, parts[1]);
        pushStep(constStep, lstep);
        mv.visitMethodInsn(INVOKESTATIC, INTEGRAL_FOR, "limit", "(DJ)J", false);
        mv.visitVarInsn(LSTORE, llim);
        int mark = region.mark();
        region.live(lidx, planned.index());

        Label top = new Label();
        Label body = new Label();
        Label check = new Label();
        mv.visitLabel(top);
        increment(lidx, constStep, lstep);
        if (constStep != null) {
            mv.visitVarInsn(LLOAD, lidx);
            mv.visitVarInsn(LLOAD, llim);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(constStep > 0 ? IFGT : IFLT, check);
        } else {
            Label neg = new Label();
            mv.visitVarInsn(LLOAD, lstep);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFLE, neg);
            mv.visitVarInsn(LLOAD, lidx);
            mv.visitVarInsn(LLOAD, llim);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFGT, check);
            mv.visitJumpInsn(GOTO, body);
            mv.visitLabel(neg);
            mv.visitVarInsn(LLOAD, lidx);
            mv.visitVarInsn(LLOAD, llim);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFLT, check);
        }
        mv.visitLabel(body);
        bodyOf(nf, lidx, exit);
        fc.stat.poll();
        mv.visitJumpInsn(GOTO, top);

        // The index passed the bound: the end of the loop, or of the part a long can count.
        mv.visitLabel(check);
        mv.visitVarInsn(LLOAD, lidx);
        mv.visitInsn(L2D);
        mv.visitVarInsn(DLOAD, parts[1]);
        if (constStep != null) {
            mv.visitInsn(constStep > 0 ? DCMPG : DCMPL);
            mv.visitJumpInsn(constStep > 0 ? IFGT : IFLT, exit);
        } else {
            Label neg = new Label();
            Label more = new Label();
            mv.visitVarInsn(LLOAD, lstep);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFLE, neg);
            mv.visitInsn(DCMPG);
            mv.visitJumpInsn(IFGT, exit);
            mv.visitJumpInsn(GOTO, more);
            mv.visitLabel(neg);
            mv.visitInsn(DCMPL);
            mv.visitJumpInsn(IFLT, exit);
            mv.visitLabel(more);
        }
        mv.visitJumpInsn(GOTO, region.transitionTo(planned.compare()));
        region.release(mark);
    }

    private void increment(int lidx, Double constStep, int lstep) {
        mv().visitVarInsn(LLOAD, lidx);
        pushStep(constStep, lstep);
        mv().visitInsn(LADD);
        mv().visitVarInsn(LSTORE, lidx);
    }

    /** Declares the loop variable from the long index and emits the body. */
    private void bodyOf(Stat.NumericFor nf, int lidx, Label exit) {
        MethodVisitor mv = mv();
        IntegralRegion region = fc.region;
        Variable v = fc.resolution.variable(nf.var());
        Storage st = fc.storageOf(v);
        int varMark = region.mark();
        mv.visitVarInsn(LLOAD, lidx);
        if (st != Storage.LONG) {
            mv.visitInsn(L2D);
            if (st != Storage.DOUBLE) {
                fc.box();
            }
        }
        fc.declare(v, st);
        fc.stat.loopBody(nf.body(), exit);
        region.release(varMark);
    }

    private void pushStep(Double constStep, int lstep) {
        if (constStep != null) {
            fc.pushLong(constStep.longValue());
        } else {
            mv().visitVarInsn(LLOAD, lstep);
        }
    }
}
