package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.compiler.FunctionCompiler.Local;
import io.moonkey.lua.compiler.FunctionCompiler.Storage;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Debug mode only (ldb.md §3): emits the calls to {@link io.moonkey.lua.debug.LineHook} and
 * keeps the list of locals visible at each point, so the hook can show them by name. A JVM int
 * local holds the line of the activation's last event: a statement on the same line fires no new
 * event unless it starts a loop iteration (PUC fires on backward jumps), and the first statement
 * of an activation always fires.
 */
final class LineHookEmitter {
    private static final String HOOK = "io/moonkey/lua/debug/LineHook";

    /** A local the hook shows: a variable, or a loop's internal state ("(for index)"). */
    private record Visible(String name, Local local) {}

    private final FunctionCompiler fc;
    private final List<Visible> visible = new ArrayList<>();
    private int lastLineSlot = -1;
    private boolean forceNext;

    LineHookEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    /** At the start of a method that runs statements: no line seen yet in this activation. */
    void start() {
        lastLineSlot = fc.newObjectTemp();
        fc.mv.visitInsn(ICONST_M1);
        fc.mv.visitVarInsn(ISTORE, lastLineSlot);
    }

    /** A local becomes visible (after its declaring statement, as PUC's startpc). */
    void visible(String name, Local l) {
        visible.add(new Visible(name, l));
    }

    int mark() {
        return visible.size();
    }

    /** The locals declared since {@code mark} go out of scope. */
    void release(int mark) {
        while (visible.size() > mark) {
            visible.remove(visible.size() - 1);
        }
    }

    /** The next event starts a loop iteration: it fires even on the same line as the last. */
    void loopHead() {
        forceNext = true;
    }

    /**
     * A jump PUC emits when a block ends (a while loop's back-jump, the jump over an else
     * part), on the line of the block's last token. If nothing in a loop iteration fired yet
     * ({@code while true do end}), the backward jump itself is the iteration's event, so that
     * stepping still stops in an empty endless loop.
     */
    void jump(int line) {
        line(line);
    }

    /** A line event at {@code line}, with the locals visible now. */
    void line(int line) {
        if (line <= 0) {
            return;
        }
        MethodVisitor mv = fc.mv;
        Label skip = new Label();
        boolean force = forceNext;
        forceNext = false;
        if (!force) {
            mv.visitVarInsn(ILOAD, lastLineSlot);
            fc.pushInt(line);
            mv.visitJumpInsn(IF_ICMPEQ, skip);
        }
        fc.pushInt(line);
        mv.visitVarInsn(ISTORE, lastLineSlot);
        fc.line(line); // the stack walk of `trace` reads this frame's line here
        fc.loadCx();
        fc.pushInt(line);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < visible.size(); i++) {
            if (i > 0) {
                names.append('\n');
            }
            names.append(visible.get(i).name());
        }
        mv.visitLdcInsn(names.toString());
        if (visible.isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, FUNCTION, "NO_ARGS", OBJECTS_D);
        } else {
            fc.pushInt(visible.size());
            mv.visitTypeInsn(ANEWARRAY, OBJECT);
            for (int i = 0; i < visible.size(); i++) {
                mv.visitInsn(DUP);
                fc.pushInt(i);
                fc.loadLocal(visible.get(i).local());
                mv.visitInsn(AASTORE);
            }
        }
        mv.visitMethodInsn(INVOKESTATIC, HOOK, "fire", "(" + CX_D + "ILjava/lang/String;" + OBJECTS_D + ")V", true);
        mv.visitLabel(skip);
    }

    /** A double temp shown as a loop's internal local. */
    static Local doubleTemp(int slot) {
        return new Local(slot, Storage.DOUBLE);
    }

    static Local objectTemp(int slot) {
        return new Local(slot, Storage.OBJECT);
    }
}
