package io.moonkey.lua.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Lua positions off the JVM stack, only when an error is raised (design §1.9): compiled
 * functions carry Lua lines in their line-number table and the chunk name as source file, so
 * their body frames give {@code chunk:line}; Java builtins count as levels without a line.
 */
public final class CallStack {
    /** Errors mostly need the first Lua frame or two: a small first batch keeps walks cheap. */
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES), 6);
    private static final ClassValue<SiteTable> SITES = new ClassValue<>() {
        @Override
        protected SiteTable computeValue(Class<?> c) {
            try {
                return new SiteTable((int[]) c.getField(LuaClosure.SITE_OFFSETS_FIELD).get(null),
                        (String[]) c.getField(LuaClosure.SITE_NAMES_FIELD).get(null));
            } catch (ReflectiveOperationException | ClassCastException e) {
                return new SiteTable(new int[0], new String[0]);
            }
        }
    };

    private record SiteTable(int[] bcis, String[] names) {}

    private CallStack() {}

    /**
     * One Lua call level: a compiled function's frame, an interpreted one ({@code names} then
     * holds the operand names of its operation in progress, {@code frame} the frame) or a builtin's.
     */
    public record Level(Class<?> function, boolean isLua, String source, int line, int bci,
            InterpretedFrame frame, String names, boolean tailCall) {
        public Level(Class<?> function, boolean isLua, String source, int line, int bci) {
            this(function, isLua, source, line, bci, null, null, false);
        }

        /** The same level seen as a lost tail call: a Lua function runs in its place (5.1's "(tail call)"). */
        Level asTailCall() {
            return new Level(function, isLua, source, line, bci, frame, names, true);
        }

        /** {@code chunk:line:} as {@code luaL_where} prints it, or "" for a builtin or a tail call. */
        public String where() {
            return isLua && !tailCall && line > 0 ? source + ":" + line + ": " : "";
        }
    }

    /** The call levels from the innermost outwards, at most {@code max} of them. */
    public static List<Level> levels(int max) {
        return WALKER.walk(frames -> {
            List<Level> out = new ArrayList<>(Math.min(max, 16));
            java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
            Class<?> segmentOf = null;
            CallContext cx = CallContext.current();
            InterpretedFrame next = cx == null ? null : cx.interpreted;
            while (out.size() < max && it.hasNext()) {
                StackWalker.StackFrame f = it.next();
                Class<?> c = f.getDeclaringClass();
                String m = f.getMethodName();
                if (InterpretedFrame.class.isAssignableFrom(c) && m.equals(InterpretedFrame.EXECUTE_METHOD)) {
                    // The JVM frames of the interpreter pair with the context's chain in order;
                    // past a coroutine's own frames the chain continues in its resumer's.
                    while (next == null && cx != null && cx.resumer != null) {
                        cx = cx.resumer;
                        next = cx.interpreted;
                    }
                    if (next != null) {
                        Level l = new Level(next.getClass(), true, next.source(), next.line(), -1, next,
                                next.operandNames(), false);
                        out.add(next.atTailCall() && calledLua(out) ? l.asTailCall() : l);
                        next = next.caller;
                    }
                } else if (LuaClosure.class.isAssignableFrom(c) && m.startsWith(LuaClosure.BODY_METHOD)) {
                    if (m.length() > LuaClosure.BODY_METHOD.length()) {
                        // A segment of a split function ("body$k"): its body frame is the same level.
                        int k = Integer.parseInt(m.substring(LuaClosure.BODY_METHOD.length() + 1));
                        out.add(new Level(c, true, f.getFileName(), f.getLineNumber(),
                                f.getByteCodeIndex() + ((k + 1) << 16)));
                        segmentOf = c;
                        continue;
                    }
                    if (segmentOf == c) {
                        segmentOf = null;
                        continue;
                    }
                    Level l = new Level(c, true, f.getFileName(), f.getLineNumber(), f.getByteCodeIndex());
                    out.add(calledLua(out) && isTailSite(l) ? l.asTailCall() : l);
                } else if (Builtin.class.isAssignableFrom(c) && (m.equals("call") || m.equals("invoke"))) {
                    // A builtin's call entry delegating to its own invoke is one level.
                    Level last = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (last == null || last.isLua() || last.function() != c || !m.equals("call")) {
                        out.add(new Level(c, false, "[C]", -1, -1));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the innermost level found so far is a Lua function (the callee of the next one). */
    private static boolean calledLua(List<Level> found) {
        return !found.isEmpty() && found.get(found.size() - 1).isLua();
    }

    private static boolean isTailSite(Level l) {
        String names = siteNames(l);
        return names != null && names.startsWith(LuaClosure.TAIL_SITE);
    }

    private static String siteNames(Level l) {
        SiteTable t = SITES.get(l.function());
        int i = java.util.Arrays.binarySearch(t.bcis(), l.bci());
        return i >= 0 ? t.names()[i] : null;
    }

    /** The level-th function (0 = innermost), or null past the outermost one. */
    public static Level level(int level) {
        List<Level> l = levels(level + 1);
        return l.size() > level ? l.get(level) : null;
    }

    /** {@code luaL_where(level)}: "chunk:line: " when that level is a Lua function, else "". */
    public static String where(int level) {
        Level l = level(level);
        return l == null ? "" : l.where();
    }

    /**
     * The operand description the compiler recorded for the operation at the innermost Lua
     * frame's current bytecode offset ("local 'x'", "global 'f'", "field 'n'"), or null.
     */
    public static String operandName(Level l) {
        if (l == null || !l.isLua()) {
            return null;
        }
        String names = l.frame() != null ? l.names() : siteNames(l);
        if (names != null && names.startsWith(LuaClosure.TAIL_SITE)) {
            names = names.substring(LuaClosure.TAIL_SITE.length());
        }
        return names == null || names.isEmpty() ? null : names;
    }

    /** A 5.1-style "stack traceback:" of the current stack. */
    public static String traceback(String message, int skip) {
        StringBuilder sb = new StringBuilder();
        if (message != null) {
            sb.append(message).append('\n');
        }
        sb.append("stack traceback:");
        List<Level> ls = levels(Integer.MAX_VALUE);
        for (int i = skip; i < ls.size(); i++) {
            Level l = ls.get(i);
            sb.append("\n\t");
            if (!l.isLua()) {
                sb.append("[C]: ?");
            } else if (l.tailCall()) {
                sb.append("(tail call): ?");
            } else {
                sb.append(l.source()).append(':').append(l.line()).append(": in ");
                sb.append(l.frame() != null ? l.frame().description() : description(l.function()));
            }
        }
        return sb.toString();
    }

    private static String description(Class<?> fn) {
        try {
            Object d = fn.getField(LuaClosure.DESCRIPTION_FIELD).get(null);
            return d == null ? "function <?>" : d.toString();
        } catch (ReflectiveOperationException e) {
            return "function <?>";
        }
    }
}
