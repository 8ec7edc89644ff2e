package io.moonkey.lua.cli;

/** The standalone interpreter, {@code bin/lua}: command-line compatible with {@code lua5.1}. */
public final class LuaMain {
    private LuaMain() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("-v")) {
            System.out.println("Lua 5.1.5 (moonkey)");
            return;
        }
        System.err.println("lua: the compiler is not built yet (see the compiler issue)");
        System.exit(1);
    }
}
