package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.Cell;
import io.moonkey.lua.runtime.InterpretedFrame;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.Varargs;

/**
 * One activation of an interpreted function: its locals (one slot per variable the resolver
 * declared in the function, a {@link Cell} for a captured and reassigned one), its {@code ...},
 * and the operation in progress for error positions.
 */
final class Frame extends InterpretedFrame {
    final InterpretedFunction closure;
    final FunctionProto proto;
    final CallContext cx;
    final Object[] slots;
    Object[] varargs = LuaFunction.NO_ARGS;
    /** The operation in progress (line and operand names). */
    Site site;
    /** The first result of the {@code return} that ended the body. */
    Object result;

    Frame(InterpretedFunction closure, CallContext cx) {
        this.closure = closure;
        this.proto = closure.proto;
        this.cx = cx;
        this.slots = new Object[proto.slotCount];
    }

    /** Runs the body: one Lua level, on the context's chain of interpreted frames while it runs. */
    Object execute() {
        CallContext cx = this.cx;
        FunctionProto p = proto;
        caller = cx.interpreted;
        cx.interpreted = this;
        try {
            site = p.entrySite;
            cx.enter();
            while (true) {
                prologue(p);
                int signal = p.body.exec(this);
                if (signal == StatNode.RETURN) {
                    return result;
                }
                if (signal != StatNode.TAIL_CALL) {
                    site = p.endSite;
                    return cx.leave0();
                }
            }
        } catch (StackOverflowError e) {
            // The interpreter takes more JVM stack per Lua call than compiled code, so a small
            // stack (a coroutine's virtual thread) can run out before LUAI_MAXCALLS: report it
            // as that limit does. Outer frames retry if building the error overflows again.
            throw LuaError.runtime("stack overflow");
        } finally {
            cx.interpreted = caller;
        }
    }

    /** Parameters that live in cells get theirs; the 5.1 compat {@code arg} is declared. */
    private void prologue(FunctionProto p) {
        boolean[] cells = p.paramCells;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i]) {
                slots[i] = new Cell(slots[i]);
            }
        }
        if (p.compatArgSlot >= 0) {
            Object arg = p.usesVararg ? null : Varargs.compatArg(varargs);
            slots[p.compatArgSlot] = p.compatArgCell ? new Cell(arg) : arg;
        }
    }

    @Override
    public String source() {
        return proto.chunk.chunkId;
    }

    @Override
    public int line() {
        Site s = site;
        return s == null ? 0 : s.line;
    }

    @Override
    public String operandNames() {
        Site s = site;
        return s == null ? null : s.names;
    }

    @Override
    public boolean atTailCall() {
        Site s = site;
        return s != null && s.tail;
    }

    @Override
    public String description() {
        return proto.description;
    }
}
