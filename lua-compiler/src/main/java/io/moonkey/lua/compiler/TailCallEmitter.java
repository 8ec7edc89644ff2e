package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaClosure;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * {@code return f(args)} and {@code return o:m(args)}: proper tail calls (Lua 5.1 manual
 * §2.5.8). A call of the running closure reassigns the parameters and jumps to the start; any
 * other Lua callee goes through {@link CallContext#tailMode}, which keeps the call direct (and
 * this site's own type profile) while the chain of tail calls is short and otherwise hands it
 * to the chain's first frame, so unbounded tail recursion, mutual too, runs in constant space
 * (design §1.4).
 */
final class TailCallEmitter {
    private final FunctionCompiler fc;
    private final ExprEmitter ex;
    private final StatEmitter stats;

    TailCallEmitter(FunctionCompiler fc, ExprEmitter ex, StatEmitter stats) {
        this.fc = fc;
        this.ex = ex;
        this.stats = stats;
    }

    /** Emits the whole return statement; false when {@code call} must be an ordinary call instead. */
    boolean emit(Expr call) {
        if (fc.hooks != null) {
            return false; // debug mode: keep the debugger's line events of an ordinary call
        }
        if (call instanceof Expr.Call c && ex.recordsCaller(c.fn())) {
            return false; // its call site records the caller: an ordinary call, as PUC calls C functions
        }
        MethodVisitor mv = fc.mv;
        List<Expr> args;
        int self = -1;
        int line;
        String name;
        int fn = fc.newObjectTemp();
        if (call instanceof Expr.Call c) {
            ex.object(c.fn());
            mv.visitVarInsn(ASTORE, fn);
            args = c.args();
            line = c.line();
            name = ex.describe(c.fn());
        } else {
            Expr.MethodCall m = (Expr.MethodCall) call;
            ex.object(m.object());
            self = fc.newObjectTemp();
            mv.visitVarInsn(ASTORE, self);
            fc.loadCx();
            mv.visitVarInsn(ALOAD, self);
            fc.pushString(m.method());
            fc.site(m.line(), ex.describe(m.object()));
            mv.visitMethodInsn(INVOKESTATIC, INDEX, "get", "(" + CX_D + OBJECT_D + STRING_D + ")" + OBJECT_D, false);
            mv.visitVarInsn(ASTORE, fn);
            args = m.args();
            line = m.line();
            name = "method '" + m.method() + "'";
        }

        // The arguments: in temps when their count is known, else one array.
        boolean multi = !args.isEmpty() && args.get(args.size() - 1).isMultiValued();
        int[] temps = null;
        int array = -1;
        if (multi) {
            ex.argsArray(args, self);
            array = fc.newObjectTemp();
            mv.visitVarInsn(ASTORE, array);
        } else {
            int prefix = self >= 0 ? 1 : 0;
            temps = new int[prefix + args.size()];
            if (self >= 0) {
                temps[0] = self;
            }
            for (int i = 0; i < args.size(); i++) {
                ex.object(args.get(i));
                temps[prefix + i] = fc.newObjectTemp();
                mv.visitVarInsn(ASTORE, temps[prefix + i]);
            }
            if (self < 0) {
                selfCall(fn, temps);
            }
            if (temps.length > 3) {
                array = fc.newObjectTemp();
                fc.pushInt(temps.length);
                mv.visitTypeInsn(ANEWARRAY, OBJECT);
                for (int i = 0; i < temps.length; i++) {
                    mv.visitInsn(DUP);
                    fc.pushInt(i);
                    mv.visitVarInsn(ALOAD, temps[i]);
                    mv.visitInsn(AASTORE);
                }
                mv.visitVarInsn(ASTORE, array);
                temps = null;
            }
        }

        // fn = asFunction(fn); mode = cx.tailMode(fn)
        fc.loadCx();
        mv.visitVarInsn(ALOAD, fn);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "asFunction", "(" + CX_D + OBJECT_D + ")" + FUNCTION_D, false);
        int function = fc.newObjectTemp();
        mv.visitVarInsn(ASTORE, function);
        fc.loadCx();
        mv.visitVarInsn(ALOAD, function);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "tailMode", "(" + FUNCTION_D + ")I", false);
        int mode = fc.newObjectTemp();
        mv.visitVarInsn(ISTORE, mode);

        // Deferred: hand the call down the chain.
        Label direct = new Label();
        mv.visitVarInsn(ILOAD, mode);
        fc.pushInt(CallContext.TAIL_DEFER);
        mv.visitJumpInsn(IF_ICMPNE, direct);
        fc.loadCx();
        mv.visitVarInsn(ALOAD, function);
        String arguments = pushArguments(temps, array);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "defer", "(" + FUNCTION_D + arguments + ")" + OBJECT_D, false);
        mv.visitInsn(ARETURN);

        // Direct: call from here, then let the mode finish (a chain's first frame runs the rest).
        mv.visitLabel(direct);
        fc.loadCx();
        mv.visitVarInsn(ALOAD, function);
        fc.loadCx();
        pushArguments(temps, array);
        fc.site(line, LuaClosure.TAIL_SITE + name);
        if (temps != null) {
            mv.visitMethodInsn(INVOKEVIRTUAL, FUNCTION, "call", "(" + CX_D + arguments + ")" + OBJECT_D, false);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, FUNCTION, "invoke", "(" + CX_D + OBJECTS_D + ")" + OBJECT_D, false);
        }
        mv.visitVarInsn(ILOAD, mode);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "tailReturn", "(" + OBJECT_D + "I)" + OBJECT_D, false);
        mv.visitInsn(ARETURN);
        return true;
    }

    /** Pushes the arguments; returns their part of a method descriptor. */
    private String pushArguments(int[] temps, int array) {
        MethodVisitor mv = fc.mv;
        if (temps == null) {
            mv.visitVarInsn(ALOAD, array);
            return OBJECTS_D;
        }
        StringBuilder d = new StringBuilder();
        for (int t : temps) {
            mv.visitVarInsn(ALOAD, t);
            d.append(OBJECT_D);
        }
        return d.toString();
    }

    /**
     * When the callee is the running closure and its parameters are all fixed: reassign them and
     * jump to the start, with no call at all. Falls through otherwise.
     */
    private void selfCall(int fn, int[] args) {
        if (fc.split || fc.vararg) {
            return;
        }
        MethodVisitor mv = fc.mv;
        int nparams = fc.scope.function().params().size();
        Label other = new Label();
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CLOSURE, "identity", "L" + CLOSURE + ";"); // a promoted closure's Lua value
        mv.visitJumpInsn(IF_ACMPNE, other);
        for (int i = 0; i < nparams; i++) {
            if (i < args.length) {
                mv.visitVarInsn(ALOAD, args[i]);
            } else {
                mv.visitInsn(ACONST_NULL);
            }
            mv.visitVarInsn(ASTORE, 2 + i);
        }
        stats.poll();
        mv.visitJumpInsn(GOTO, fc.start);
        mv.visitLabel(other);
    }
}
