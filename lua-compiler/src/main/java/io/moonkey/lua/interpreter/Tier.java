package io.moonkey.lua.interpreter;

/**
 * How chunks run (design §1.13): {@code -Dlua.tier=interp|compile|auto}, default auto.
 */
public enum Tier {
    /** Everything interpreted; compiled only when the interpreter cannot run a construct. */
    INTERP,
    /** Everything compiled to JVM bytecode before it runs (the tier before the interpreter). */
    COMPILE,
    /**
     * Cold code interpreted: a function is compiled at its next call once it was called
     * {@link #promotionCalls()} times or ran {@link #promotionLoopIterations()} loop iterations.
     * In a file (a program whose main chunk runs once, {@code bin/lua}), functions whose own
     * body has a loop are compiled before their first call instead: a running loop cannot move
     * to compiled code mid-way, and a program's loops are mostly its hot part.
     */
    AUTO;

    private static final Tier DEFAULT = parse(System.getProperty("lua.tier", "auto"));
    private static final int PROMOTION_CALLS = Integer.getInteger("lua.tier.calls", 64);
    private static final int PROMOTION_LOOPS = Integer.getInteger("lua.tier.loops", 10_000);

    /** The tier {@code -Dlua.tier} selects. */
    public static Tier configured() {
        return DEFAULT;
    }

    public static Tier parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "interp", "interpret", "interpreter" -> INTERP;
            case "compile", "compiled" -> COMPILE;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("lua.tier must be interp, compile or auto: " + name);
        };
    }

    /** Loop iterations after which the auto tier compiles an interpreted function ({@code -Dlua.tier.loops}). */
    public static int promotionLoopIterations() {
        return PROMOTION_LOOPS;
    }

    /** Calls after which the auto tier compiles an interpreted function ({@code -Dlua.tier.calls}). */
    public static int promotionCalls() {
        return PROMOTION_CALLS;
    }
}
