package io.moonkey.lua.compiler;

import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.Stat;
import io.moonkey.lua.scope.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One outermost numeric for loop compiled twice: first the ordinary (double) copy, recording
 * where its statements start and which JVM slots its locals and loop state use; then the
 * integral copy, which keeps the {@link IntegralLocals} in {@code long}s in the same slots.
 * Guards in the integral copy (a sum leaving ±2^53, a -0, a start or step a long cannot count
 * with, a limit past ±2^52) jump to a transition: convert the live long state to doubles in
 * place and continue in the double copy at the start of the statement being run, which
 * recomputes it (the guarded parts of a statement are pure) — so the results are Lua 5.1's.
 */
final class IntegralRegion {
    /** Slots and labels of a numeric for in the double copy. */
    record ForState(int[] parts, int index, Label afterPreamble, Label compare) {}

    private record Transition(Label label, int pops, int[] conversions, Label target) {}

    final IntegralLocals.Analysis analysis;
    private boolean integralPass;
    private final Map<Stat, Label> starts = new IdentityHashMap<>();
    private final Map<Stat, ForState> loops = new IdentityHashMap<>();
    private final Map<Stat, int[]> genericSlots = new IdentityHashMap<>();
    /** Live long state in the integral copy: pairs (long slot, double slot of the double copy). */
    private final List<int[]> conversions = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    /** Where a failing guard of the statement being emitted continues. */
    private Label target;

    IntegralRegion(IntegralLocals.Analysis analysis) {
        this.analysis = analysis;
    }

    boolean integralPass() {
        return integralPass;
    }

    void startIntegralPass() {
        integralPass = true;
    }

    boolean isIntegral(Variable v) {
        return integralPass && analysis.integral().contains(v);
    }

    // ------------------------------------------------------------------ the double copy's plan

    /** Double copy: a statement that may hold guards in the integral copy starts here. */
    void recordStart(Stat s, Label l) {
        starts.put(s, l);
    }

    void recordLoop(Stat s, ForState state) {
        loops.put(s, state);
    }

    ForState loop(Stat s) {
        return loops.get(s);
    }

    void recordGeneric(Stat s, int[] slots) {
        genericSlots.put(s, slots);
    }

    int[] generic(Stat s) {
        return genericSlots.get(s);
    }

    // ------------------------------------------------------------------ the integral copy's state

    /** Integral copy: guards of statement {@code s} continue at its start in the double copy. */
    void beginStatement(Stat s) {
        target = starts.get(s);
    }

    /** A long slot becomes live; in the double copy its value is the double in {@code doubleSlot}. */
    void live(int longSlot, int doubleSlot) {
        conversions.add(new int[] {longSlot, doubleSlot});
    }

    int mark() {
        return conversions.size();
    }

    void release(int mark) {
        while (conversions.size() > mark) {
            conversions.remove(conversions.size() - 1);
        }
    }

    /** A guard failing in the current statement with {@code pops} longs on the operand stack. */
    Label guardFailure(int pops) {
        return transitionTo(target, pops);
    }

    /** A jump to {@code target} in the double copy from a point with an empty operand stack. */
    Label transitionTo(Label to) {
        return transitionTo(to, 0);
    }

    private Label transitionTo(Label to, int pops) {
        if (to == null) {
            throw new IllegalStateException("no transition target");
        }
        int[] conv = new int[conversions.size() * 2];
        for (int i = 0; i < conversions.size(); i++) {
            conv[2 * i] = conversions.get(i)[0];
            conv[2 * i + 1] = conversions.get(i)[1];
        }
        for (Transition t : transitions) {
            if (t.target() == to && t.pops() == pops && java.util.Arrays.equals(t.conversions(), conv)) {
                return t.label();
            }
        }
        Transition t = new Transition(new Label(), pops, conv, to);
        transitions.add(t);
        return t.label();
    }

    /** Emits the transitions' code (after the integral copy, reached only by guard jumps). */
    void emitTransitions(MethodVisitor mv) {
        for (Transition t : transitions) {
            mv.visitLabel(t.label());
            for (int i = 0; i < t.pops(); i++) {
                mv.visitInsn(POP2);
            }
            int[] c = t.conversions();
            for (int i = 0; i < c.length; i += 2) {
                mv.visitVarInsn(LLOAD, c[i]);
                mv.visitInsn(L2D);
                mv.visitVarInsn(DSTORE, c[i + 1]);
            }
            mv.visitJumpInsn(GOTO, t.target());
        }
    }

    Set<Variable> outer() {
        return analysis.outer();
    }
}
