package io.moonkey.lua.compiler;

import static io.moonkey.lua.compiler.Names.*;
import static org.objectweb.asm.Opcodes.*;

import io.moonkey.lua.ast.Expr;
import io.moonkey.lua.ast.Name;
import io.moonkey.lua.runtime.LuaClosure;
import io.moonkey.lua.scope.FunctionScope;
import io.moonkey.lua.scope.Resolution;
import io.moonkey.lua.scope.Variable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates the class of one Lua function prototype: a {@link LuaClosure} subclass with one field
 * per upvalue, constants in static fields, the fixed-arity entry points as adapters, and the
 * body in one method. The body's statements and expressions are emitted by
 * {@link StatEmitter} and {@link ExprEmitter}, which share this object's method state.
 */
final class FunctionCompiler {
    /** How a local variable is kept in the JVM frame. */
    enum Storage {
        OBJECT, DOUBLE, CELL,
        /** An integral local in the integral copy of a loop ({@link IntegralRegion}). */
        LONG,
        /** Split functions keep locals in a heap frame shared by their segment methods. */
        FRAME, FRAME_CELL;

        boolean isCell() {
            return this == CELL || this == FRAME_CELL;
        }
    }

    record Local(int slot, Storage storage) {}

    /** A bytecode offset to label with operand names for error messages (segment -1 = body). */
    private record Site(Label label, String names, int segment) {}

    /** Descriptor of a segment method of a split function: (cx, frame, varargs). */
    static final String SEGMENT_DESCRIPTOR = "(" + CX_D + OBJECTS_D + OBJECTS_D + ")" + OBJECT_D;

    /**
     * Statements per segment when the function is split (0 = not split): a function whose body
     * exceeds the JVM's 64 KB method limit keeps its locals in a heap frame and runs its
     * top-level statements from several methods.
     */
    final int splitSize;
    final boolean split;
    private final boolean integralCopies;
    /** JVM slot of the heap frame in split mode. */
    int frameSlot = -1;
    private int segment = -1;

    final ChunkCompiler chunk;
    final Resolution resolution;
    final FunctionScope scope;
    final String className;
    final String chunkId;
    final Set<Variable> numeric;
    private final int nparams;
    final boolean vararg;

    ClassWriter cw;
    MethodVisitor mv;
    final Map<Variable, Local> locals = new IdentityHashMap<>();
    private int nextSlot;
    /** Slot of the {@code ...} array, -1 if the function is not vararg. */
    int varargSlot = -1;
    /** Where a self tail call jumps: after the entry bookkeeping, before the parameter prologue. */
    Label start;
    private int lastLine = -1;
    private final List<Site> sites = new ArrayList<>();
    private final Map<String, String> stringConstants = new HashMap<>();
    private final List<String[]> stringFields = new ArrayList<>();
    private final Map<Long, String> numberConstants = new HashMap<>();
    private final List<Object[]> numberFields = new ArrayList<>();

    final ExprEmitter expr;
    final IntegralEmitter integral;
    final StatEmitter stat;
    final NumericForEmitter numericFor;
    /** The loop being compiled twice, null outside one ({@link IntegralRegion}). */
    IntegralRegion region;
    /** Line-hook calls and visible locals in debug mode (ldb.md §3); null when compiling normally. */
    final LineHookEmitter hooks;

    FunctionCompiler(ChunkCompiler chunk, FunctionScope scope, String className) {
        this(chunk, scope, className, 0);
    }

    FunctionCompiler(ChunkCompiler chunk, FunctionScope scope, String className, int splitSize) {
        this(chunk, scope, className, splitSize, true);
    }

    /** {@code integralCopies}: false for a function that grew too large with its loops' integral copies. */
    FunctionCompiler(ChunkCompiler chunk, FunctionScope scope, String className, int splitSize, boolean integralCopies) {
        this.integralCopies = integralCopies;
        this.splitSize = splitSize;
        this.split = splitSize > 0;
        this.chunk = chunk;
        this.resolution = chunk.resolution;
        this.scope = scope;
        this.className = className;
        this.chunkId = chunk.chunkId;
        this.numeric = chunk.numeric;
        this.nparams = scope.function().params().size();
        this.vararg = scope.function().isVararg();
        this.hooks = chunk.debug ? new LineHookEmitter(this) : null;
        this.expr = new ExprEmitter(this);
        this.integral = new IntegralEmitter(this);
        this.stat = new StatEmitter(this);
        this.numericFor = new NumericForEmitter(this);
    }

    // ------------------------------------------------------------------ class shell

    String bodyDescriptor() {
        StringBuilder sb = new StringBuilder("(").append(CX_D);
        for (int i = 0; i < nparams; i++) {
            sb.append(OBJECT_D);
        }
        if (vararg) {
            sb.append(OBJECTS_D);
        }
        return sb.append(")").append(OBJECT_D).toString();
    }

    boolean isCell(Variable v) {
        return v.isCaptured() && v.isReassigned();
    }

    byte[] generate() {
        cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return OBJECT;
            }
        };
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, CLOSURE, null);
        cw.visitSource(chunkId, null);
        cw.visitField(ACC_PUBLIC | ACC_STATIC, LuaClosure.SITE_OFFSETS_FIELD, "[I", null, null).visitEnd();
        cw.visitField(ACC_PUBLIC | ACC_STATIC, LuaClosure.SITE_NAMES_FIELD, "[Ljava/lang/String;", null, null).visitEnd();
        cw.visitField(ACC_PUBLIC | ACC_STATIC, LuaClosure.DESCRIPTION_FIELD, "Ljava/lang/String;", null, null).visitEnd();
        List<Variable> ups = scope.upvalues();
        for (int i = 0; i < ups.size(); i++) {
            cw.visitField(ACC_PUBLIC, upvalueField(i), isCell(ups.get(i)) ? CELL_D : OBJECT_D, null, null).visitEnd();
        }
        constructor();
        instantiate(ups);
        adapters();
        if (split) {
            splitBody();
        } else {
            body();
        }
        clinit();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static String upvalueField(int i) {
        return "u" + i;
    }

    private void constructor() {
        MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + TABLE_D + ")V", null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        m.visitVarInsn(ALOAD, 1);
        m.visitMethodInsn(INVOKESPECIAL, CLOSURE, "<init>", "(" + TABLE_D + ")V", false);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** {@link LuaClosure#instantiate}: a new instance with the environment and upvalues given. */
    private void instantiate(List<Variable> ups) {
        MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "instantiate", "(" + TABLE_D + OBJECTS_D + ")L" + CLOSURE + ";", null, null);
        m.visitCode();
        m.visitTypeInsn(NEW, className);
        m.visitInsn(DUP);
        m.visitVarInsn(ALOAD, 1);
        m.visitMethodInsn(INVOKESPECIAL, className, "<init>", "(" + TABLE_D + ")V", false);
        for (int i = 0; i < ups.size(); i++) {
            m.visitInsn(DUP);
            m.visitVarInsn(ALOAD, 2);
            pushInt(m, i);
            m.visitInsn(AALOAD);
            boolean cell = isCell(ups.get(i));
            if (cell) {
                m.visitTypeInsn(CHECKCAST, CELL);
            }
            m.visitFieldInsn(PUTFIELD, className, upvalueField(i), cell ? CELL_D : OBJECT_D);
        }
        m.visitInsn(ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** call(cx), call(cx,a), call(cx,a,b), call(cx,a,b,c) and invoke(cx, args) forward to the body. */
    private void adapters() {
        for (int k = 0; k <= 3; k++) {
            StringBuilder d = new StringBuilder("(").append(CX_D);
            for (int i = 0; i < k; i++) {
                d.append(OBJECT_D);
            }
            d.append(")").append(OBJECT_D);
            MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "call", d.toString(), null, null);
            m.visitCode();
            m.visitVarInsn(ALOAD, 0);
            m.visitVarInsn(ALOAD, 1);
            for (int i = 0; i < nparams; i++) {
                if (i < k) {
                    m.visitVarInsn(ALOAD, 2 + i);
                } else {
                    m.visitInsn(ACONST_NULL);
                }
            }
            if (vararg) {
                int extra = k - nparams;
                if (extra <= 0) {
                    m.visitFieldInsn(GETSTATIC, FUNCTION, "NO_ARGS", OBJECTS_D);
                } else {
                    pushInt(m, extra);
                    m.visitTypeInsn(ANEWARRAY, OBJECT);
                    for (int i = 0; i < extra; i++) {
                        m.visitInsn(DUP);
                        pushInt(m, i);
                        m.visitVarInsn(ALOAD, 2 + nparams + i);
                        m.visitInsn(AASTORE);
                    }
                }
            }
            m.visitMethodInsn(INVOKEVIRTUAL, className, LuaClosure.BODY_METHOD, bodyDescriptor(), false);
            m.visitInsn(ARETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "invoke", "(" + CX_D + OBJECTS_D + ")" + OBJECT_D, null, null);
        m.visitCode();
        m.visitVarInsn(ALOAD, 0);
        m.visitVarInsn(ALOAD, 1);
        for (int i = 0; i < nparams; i++) {
            m.visitVarInsn(ALOAD, 2);
            pushInt(m, i);
            m.visitMethodInsn(INVOKESTATIC, VARARGS, "get", "(" + OBJECTS_D + "I)" + OBJECT_D, false);
        }
        if (vararg) {
            m.visitVarInsn(ALOAD, 2);
            pushInt(m, nparams);
            m.visitMethodInsn(INVOKESTATIC, VARARGS, "tail", "(" + OBJECTS_D + "I)" + OBJECTS_D, false);
        }
        m.visitMethodInsn(INVOKEVIRTUAL, className, LuaClosure.BODY_METHOD, bodyDescriptor(), false);
        m.visitInsn(ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private void body() {
        mv = cw.visitMethod(ACC_PUBLIC, LuaClosure.BODY_METHOD, bodyDescriptor(), null, null);
        mv.visitCode();
        nextSlot = 2 + nparams;
        if (vararg) {
            varargSlot = nextSlot++;
        }
        Expr.Function f = scope.function();
        line(f.line());
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "enter", "()V", false);
        start = new Label();
        mv.visitLabel(start);
        if (hooks != null) {
            hooks.start();
        }
        // Parameters: plain slots, or a fresh cell when captured and reassigned.
        for (int i = 0; i < nparams; i++) {
            Name p = f.params().get(i);
            Variable v = resolution.variable(p);
            if (isCell(v)) {
                mv.visitVarInsn(ALOAD, 2 + i);
                declare(v, Storage.CELL);
            } else {
                bind(v, new Local(2 + i, Storage.OBJECT));
            }
        }
        Variable arg = scope.compatArg();
        if (arg != null) {
            if (scope.usesVararg()) {
                mv.visitInsn(ACONST_NULL);
            } else {
                mv.visitVarInsn(ALOAD, varargSlot);
                mv.visitMethodInsn(INVOKESTATIC, VARARGS, "compatArg", "(" + OBJECTS_D + ")" + TABLE_D, false);
            }
            declare(arg, isCell(arg) ? Storage.CELL : Storage.OBJECT);
        }
        stat.atFunctionStart = hooks != null;
        stat.block(f.body());
        if (!StatEmitter.endsWithReturn(f.body())) {
            if (hooks != null) {
                // PUC's final RETURN carries the line of "end", in the main chunk of its last token.
                hooks.line(scope.isMain() ? f.body().lastLine() : f.endLine());
            }
            line(f.endLine());
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leave0", "()" + OBJECT_D, false);
            mv.visitInsn(ARETURN);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The body of a split function: set up the heap frame, then run the segments in order. */
    private void splitBody() {
        mv = cw.visitMethod(ACC_PUBLIC, LuaClosure.BODY_METHOD, bodyDescriptor(), null, null);
        mv.visitCode();
        nextSlot = 2 + nparams;
        if (vararg) {
            varargSlot = nextSlot++;
        }
        Expr.Function f = scope.function();
        line(f.line());
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "enter", "()V", false);
        frameSlot = nextSlot++;
        pushInt(Math.max(1, scope.variables().size()));
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        mv.visitVarInsn(ASTORE, frameSlot);
        for (int i = 0; i < nparams; i++) {
            Variable v = resolution.variable(f.params().get(i));
            mv.visitVarInsn(ALOAD, 2 + i);
            declare(v, storageOf(v));
        }
        Variable arg = scope.compatArg();
        if (arg != null) {
            if (scope.usesVararg()) {
                mv.visitInsn(ACONST_NULL);
            } else {
                mv.visitVarInsn(ALOAD, varargSlot);
                mv.visitMethodInsn(INVOKESTATIC, VARARGS, "compatArg", "(" + OBJECTS_D + ")" + TABLE_D, false);
            }
            declare(arg, storageOf(arg));
        }
        List<io.moonkey.lua.ast.Stat> stats = f.body().stats();
        int segments = (stats.size() + splitSize - 1) / splitSize;
        for (int k = 0; k < segments; k++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, frameSlot);
            if (vararg) {
                mv.visitVarInsn(ALOAD, varargSlot);
            } else {
                mv.visitFieldInsn(GETSTATIC, FUNCTION, "NO_ARGS", OBJECTS_D);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, className, LuaClosure.BODY_METHOD + "$" + k, SEGMENT_DESCRIPTOR, false);
            Label next = new Label();
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETSTATIC, CLOSURE, "CONTINUE", OBJECT_D);
            mv.visitJumpInsn(IF_ACMPEQ, next);
            mv.visitInsn(ARETURN);
            mv.visitLabel(next);
            mv.visitInsn(POP);
        }
        line(f.endLine());
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKEVIRTUAL, CX, "leave0", "()" + OBJECT_D, false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (int k = 0; k < segments; k++) {
            segment = k;
            lastLine = -1;
            mv = cw.visitMethod(ACC_PUBLIC, LuaClosure.BODY_METHOD + "$" + k, SEGMENT_DESCRIPTOR, null, null);
            mv.visitCode();
            frameSlot = 2;
            varargSlot = 3;
            nextSlot = 4;
            if (hooks != null) {
                hooks.start();
            }
            List<io.moonkey.lua.ast.Stat> group = stats.subList(k * splitSize, Math.min(stats.size(), (k + 1) * splitSize));
            stat.statements(group);
            if (group.isEmpty() || !(group.get(group.size() - 1) instanceof io.moonkey.lua.ast.Stat.Return)) {
                mv.visitFieldInsn(GETSTATIC, CLOSURE, "CONTINUE", OBJECT_D);
                mv.visitInsn(ARETURN);
            }
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        segment = -1;
    }

    private void clinit() {
        MethodVisitor m = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        m.visitCode();
        for (String[] sf : stringFields) {
            cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, sf[0], STRING_D, null, null).visitEnd();
            String text = sf[1];
            // Class-file constants are limited to 65535 bytes of modified UTF-8: split long ones.
            int piece = 16000;
            m.visitLdcInsn(text.substring(0, Math.min(piece, text.length())));
            for (int off = piece; off < text.length(); off += piece) {
                m.visitLdcInsn(text.substring(off, Math.min(off + piece, text.length())));
                m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
            }
            m.visitMethodInsn(INVOKESTATIC, STRING, "constant", "(Ljava/lang/String;)" + STRING_D, false);
            m.visitFieldInsn(PUTSTATIC, className, sf[0], STRING_D);
        }
        for (Object[] nf : numberFields) {
            cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, (String) nf[0], "Ljava/lang/Double;", null, null).visitEnd();
            m.visitLdcInsn(nf[1]);
            m.visitMethodInsn(INVOKESTATIC, BOXED_DOUBLE, "valueOf", "(D)Ljava/lang/Double;", false);
            m.visitFieldInsn(PUTSTATIC, className, (String) nf[0], "Ljava/lang/Double;");
        }
        m.visitInsn(RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** Bytecode offsets and names of the recorded sites, valid after {@code toByteArray}. */
    int[] siteOffsets() {
        int[] r = new int[sites.size()];
        for (int i = 0; i < r.length; i++) {
            Site site = sites.get(i);
            r[i] = site.label().getOffset() + ((site.segment() + 1) << 16);
        }
        return r;
    }

    String[] siteNames() {
        String[] r = new String[sites.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = sites.get(i).names();
        }
        return r;
    }

    String description() {
        return scope.isMain() ? "main chunk" : "function <" + chunkId + ":" + scope.function().line() + ">";
    }

    // ------------------------------------------------------------------ method-state helpers

    int newSlot(Storage s) {
        int slot = nextSlot;
        nextSlot += s == Storage.DOUBLE || s == Storage.LONG ? 2 : 1;
        return slot;
    }

    int newObjectTemp() {
        return nextSlot++;
    }

    int newDoubleTemp() {
        int slot = nextSlot;
        nextSlot += 2;
        return slot;
    }

    int newLongTemp() {
        return newDoubleTemp();
    }

    /** Whether numeric for loops may get an integral copy: not in debug mode or split functions. */
    boolean integralLoops() {
        return hooks == null && !split && integralCopies && INTEGRAL_LOOPS;
    }

    /** For measuring and bisecting only: {@code -Dmoonkey.lua.integralLoops=false}. */
    private static final boolean INTEGRAL_LOOPS = !"false".equals(System.getProperty("moonkey.lua.integralLoops"));

    /** Storage a new variable gets. */
    Storage storageOf(Variable v) {
        if (split) {
            return isCell(v) ? Storage.FRAME_CELL : Storage.FRAME;
        }
        if (isCell(v)) {
            return Storage.CELL;
        }
        if (region != null && region.isIntegral(v)) {
            return Storage.LONG;
        }
        return numeric.contains(v) ? Storage.DOUBLE : Storage.OBJECT;
    }

    /**
     * Declares {@code v} with its initial value on the stack: a double for DOUBLE storage, an
     * Object otherwise (wrapped in a fresh cell for CELL storage).
     */
    void declare(Variable v, Storage s) {
        bind(v, storeNew(v, s));
    }

    /** Makes {@code v} refer to {@code l} from here on (visible to the line hook in debug mode). */
    void bind(Variable v, Local l) {
        locals.put(v, l);
        if (l.storage() == Storage.LONG) {
            region.live(l.slot(), l.slot());
        }
        if (hooks != null) {
            hooks.visible(v.name(), l);
        }
    }

    /** Stores the value on the stack into a new slot for {@code v}, not yet visible. */
    Local storeNew(Variable v, Storage s) {
        if (s.isCell()) {
            mv.visitTypeInsn(NEW, CELL);
            mv.visitInsn(DUP_X1);
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKESPECIAL, CELL, "<init>", "(" + OBJECT_D + ")V", false);
        }
        if (s == Storage.FRAME || s == Storage.FRAME_CELL) {
            Local l = new Local(v.index(), s);
            storeFrame(l.slot());
            return l;
        }
        // The integral copy of a loop keeps each local in the slot the double copy gave it, so
        // that a transition to the double copy finds its state where that copy keeps it.
        Local planned = region != null && region.integralPass() ? locals.get(v) : null;
        int slot = planned != null ? planned.slot() : newSlot(s);
        mv.visitVarInsn(switch (s) {
            case DOUBLE -> DSTORE;
            case LONG -> LSTORE;
            default -> ASTORE;
        }, slot);
        return new Local(slot, s);
    }

    /** frame[index] = value on the stack. */
    private void storeFrame(int index) {
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitInsn(SWAP);
        pushInt(index);
        mv.visitInsn(SWAP);
        mv.visitInsn(AASTORE);
    }

    private void loadFrame(int index) {
        mv.visitVarInsn(ALOAD, frameSlot);
        pushInt(index);
        mv.visitInsn(AALOAD);
    }

    /** Pushes a local's value as an Object. */
    void loadLocal(Local l) {
        switch (l.storage()) {
            case OBJECT -> mv.visitVarInsn(ALOAD, l.slot());
            case DOUBLE -> {
                mv.visitVarInsn(DLOAD, l.slot());
                box();
            }
            case LONG -> {
                mv.visitVarInsn(LLOAD, l.slot());
                mv.visitInsn(L2D);
                box();
            }
            case CELL -> {
                mv.visitVarInsn(ALOAD, l.slot());
                mv.visitFieldInsn(GETFIELD, CELL, "v", OBJECT_D);
            }
            case FRAME -> loadFrame(l.slot());
            case FRAME_CELL -> {
                loadFrame(l.slot());
                mv.visitTypeInsn(CHECKCAST, CELL);
                mv.visitFieldInsn(GETFIELD, CELL, "v", OBJECT_D);
            }
        }
    }

    /** Pushes what a closure captures for a local: its cell, or its current value. */
    void loadCapture(Local l) {
        switch (l.storage()) {
            case CELL -> mv.visitVarInsn(ALOAD, l.slot());
            case FRAME_CELL -> {
                loadFrame(l.slot());
                mv.visitTypeInsn(CHECKCAST, CELL);
            }
            default -> loadLocal(l);
        }
    }

    /** Stores the value on the stack (a double for DOUBLE storage) into an existing local. */
    void storeLocal(Local l) {
        switch (l.storage()) {
            case OBJECT -> mv.visitVarInsn(ASTORE, l.slot());
            case DOUBLE -> mv.visitVarInsn(DSTORE, l.slot());
            case LONG -> mv.visitVarInsn(LSTORE, l.slot());
            case CELL, FRAME_CELL -> {
                loadCapture(l);
                mv.visitInsn(SWAP);
                mv.visitFieldInsn(PUTFIELD, CELL, "v", OBJECT_D);
            }
            case FRAME -> storeFrame(l.slot());
        }
    }

    /** Marks the following instructions with Lua line {@code line}. */
    void line(int line) {
        if (line != lastLine && line > 0) {
            Label l = new Label();
            mv.visitLabel(l);
            mv.visitLineNumber(line, l);
            lastLine = line;
        }
    }

    /**
     * Marks the next instruction (an invoke that may raise a type error) with its line and the
     * names of its operands, separated by newlines ("" when an operand has no name).
     */
    void site(int line, String names) {
        Label l = new Label();
        mv.visitLabel(l);
        if (line != lastLine && line > 0) {
            mv.visitLineNumber(line, l);
            lastLine = line;
        }
        if (names != null && !names.isEmpty() && !names.equals("\n")) {
            sites.add(new Site(l, names, segment));
        }
    }

    /** Pushes a string constant (a static final {@code LuaString}). */
    void pushString(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String field = stringConstants.get(text);
        if (field == null) {
            field = "S" + stringConstants.size();
            stringConstants.put(text, field);
            stringFields.add(new String[] {field, text});
        }
        mv.visitFieldInsn(GETSTATIC, className, field, STRING_D);
    }

    void pushString(String latin1) {
        pushString(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Pushes a boxed number constant (a static final {@code Double}). */
    void pushBoxedNumber(double d) {
        d = constantValue(d);
        long bits = Double.doubleToRawLongBits(d);
        String field = numberConstants.get(bits);
        if (field == null) {
            field = "N" + numberConstants.size();
            numberConstants.put(bits, field);
            numberFields.add(new Object[] {field, d});
        }
        mv.visitFieldInsn(GETSTATIC, className, field, "Ljava/lang/Double;");
    }

    void pushDouble(double d) {
        d = constantValue(d);
        if (Double.doubleToRawLongBits(d) == 0L) {
            mv.visitInsn(DCONST_0);
        } else if (d == 1.0) {
            mv.visitInsn(DCONST_1);
        } else {
            mv.visitLdcInsn(d);
        }
    }

    /**
     * PUC keeps a function's numeric constants in a table keyed by value, so 0 and -0 share the
     * slot of whichever appeared first: {@code print(0, -0)} prints "0 0".
     */
    double constantValue(double d) {
        if (d != 0) {
            return d;
        }
        if (firstZero == null) {
            firstZero = d;
        }
        return firstZero;
    }

    private Double firstZero;

    void pushInt(int i) {
        pushInt(mv, i);
    }

    static void pushInt(MethodVisitor m, int i) {
        if (i >= -1 && i <= 5) {
            m.visitInsn(ICONST_0 + i);
        } else if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) {
            m.visitIntInsn(BIPUSH, i);
        } else if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
            m.visitIntInsn(SIPUSH, i);
        } else {
            m.visitLdcInsn(i);
        }
    }

    void pushLong(long l) {
        if (l == 0 || l == 1) {
            mv.visitInsn(LCONST_0 + (int) l);
        } else {
            mv.visitLdcInsn(l);
        }
    }

    void box() {
        mv.visitMethodInsn(INVOKESTATIC, BOXED_DOUBLE, "valueOf", "(D)Ljava/lang/Double;", false);
    }

    void unbox() {
        mv.visitTypeInsn(CHECKCAST, BOXED_DOUBLE);
        mv.visitMethodInsn(INVOKEVIRTUAL, BOXED_DOUBLE, "doubleValue", "()D", false);
    }

    void loadCx() {
        mv.visitVarInsn(ALOAD, 1);
    }

    void loadEnv() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, FUNCTION, "env", TABLE_D);
    }

    /** Emits the epilogue for a return whose JVM value is on the stack and results are stored. */
    void returnValue() {
        mv.visitInsn(ARETURN);
    }
}
