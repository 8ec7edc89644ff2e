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
     * Cold code interpreted: a function is compiled after {@link #promotionCalls()} calls, or
     * before its first call when its own body has a loop (a running loop cannot be moved to
     * compiled code mid-way, and loops are where the interpreter costs most).
     */
    AUTO;

    private static final Tier DEFAULT = parse(System.getProperty("lua.tier", "auto"));
    private static final int PROMOTION_CALLS = Integer.getInteger("lua.tier.calls", 64);

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

    /** Calls after which the auto tier compiles an interpreted function ({@code -Dlua.tier.calls}). */
    public static int promotionCalls() {
        return PROMOTION_CALLS;
    }
}
