package io.moonkey.lua.lib.valkey;

import io.moonkey.lua.lib.Args;
import io.moonkey.lua.lib.MathLib;
import io.moonkey.lua.lib.StandardLibrary;
import io.moonkey.lua.runtime.Builtin;
import io.moonkey.lua.runtime.CallContext;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.text.LuaRandom;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sandboxed Lua state Valkey runs scripts in (lua-api.md §1, §6): the standard libraries
 * minus everything that reaches outside (files, processes, {@code print}, the debug library,
 * function environments), Valkey's libraries, the {@code server}/{@code redis} API, a
 * deterministic {@code math.random}, and protection — reading an undefined global is an error,
 * and every table reachable from the globals is read-only.
 */
public final class ScriptEnvironment {
    private static final String[] REMOVED = {"print", "dofile", "loadfile", "require", "module", "package", "io",
        "debug", "os", "getfenv", "setfenv", "newproxy"};
    private static final LuaString KEYS = LuaString.latin1("KEYS");
    private static final LuaString ARGV = LuaString.latin1("ARGV");

    private ScriptEnvironment() {}

    /**
     * A new state for {@code context}.
     *
     * @param random the process-wide generator behind {@code math.random}: Valkey shares one
     *               between its EVAL and FUNCTION states and never resets it
     */
    public static LuaState create(ServerApi.Context context, ServerApi.Bridge bridge, LuaRandom.Source random) {
        LuaState state = LuaState.createBare();
        StandardLibrary.install(state);
        LuaTable g = state.globals;
        LuaFunction clock = (LuaFunction) ((LuaTable) g.get(LuaString.latin1("os"))).get(LuaString.latin1("clock"));
        for (String name : REMOVED) {
            g.put(LuaString.latin1(name), null);
        }
        LuaTable os = new LuaTable();
        os.put(LuaString.latin1("clock"), clock);
        g.put(LuaString.latin1("os"), os);
        MathLib.install(state, random);
        BitLib.install(state);
        StructLib.install(state);
        CjsonLib.install(state);
        CmsgpackLib.install(state);
        LuaTable api = ServerApi.create(bridge, context);
        g.put(LuaString.latin1("server"), api);
        g.put(LuaString.latin1("redis"), api);
        g.put(LuaString.latin1("pcall"), new ProtectedCall((LuaFunction) g.get(LuaString.latin1("pcall"))));
        g.setMetatable(protection());
        markReadonly(g, new IdentityHashMap<>());
        if (state.stringMetatable != null) {
            markReadonly(state.stringMetatable, new IdentityHashMap<>());
        }
        return state;
    }

    /** The globals' metatable: reading a global that does not exist is an error (§6.2). */
    static LuaTable protection() {
        LuaTable mt = new LuaTable();
        mt.put(LuaString.latin1("__index"), new Builtin("__index") {
            @Override
            public Object invoke(CallContext cx, Object[] a) {
                Object name = a.length > 1 ? a[1] : null;
                throw Args.error("Script attempted to access nonexistent global variable '" + name + "'");
            }
        });
        return mt;
    }

    /** Marks a table, every table reachable from it and their metatables read-only. */
    private static void markReadonly(LuaTable t, Map<LuaTable, Boolean> seen) {
        if (seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        Object[] kv = new Object[2];
        Object key = null;
        while (t.next(key, kv)) {
            key = kv[0];
            if (kv[0] instanceof LuaTable k) {
                markReadonly(k, seen);
            }
            if (kv[1] instanceof LuaTable v) {
                markReadonly(v, seen);
            }
        }
        if (t.metatable() != null) {
            markReadonly(t.metatable(), seen);
        }
        t.setReadonly(true);
    }

    /**
     * Sets fresh {@code KEYS} and {@code ARGV} tables for a run, the one write into the
     * protected globals the server makes. The tables themselves are ordinary.
     */
    public static void setKeysAndArgs(LuaState state, byte[][] keys, byte[][] args) {
        LuaTable g = state.globals;
        g.setReadonly(false);
        try {
            g.put(KEYS, array(keys));
            g.put(ARGV, array(args));
        } finally {
            g.setReadonly(true);
        }
    }

    private static LuaTable array(byte[][] values) {
        LuaTable t = new LuaTable(values.length, 0);
        for (int i = 0; i < values.length; i++) {
            t.put(i + 1, LuaString.wrap(values[i]));
        }
        return t;
    }

    /**
     * Valkey's global {@code pcall}: Lua's, except when the error value is a table. Then its
     * {@code err} field replaces it if that is a string or a number; otherwise the field's nil
     * is returned after the table (three results), as luaRedisPcall leaves its stack (§3.4).
     */
    private static final class ProtectedCall extends Builtin {
        private final LuaFunction pcall;

        ProtectedCall(LuaFunction pcall) {
            super("pcall");
            this.pcall = pcall;
        }

        @Override
        public Object invoke(CallContext cx, Object[] a) {
            Object[] r = cx.results(pcall.invoke(cx, a));
            if (r.length == 2 && Boolean.FALSE.equals(r[0]) && r[1] instanceof LuaTable t) {
                Object err = t.get(ServerApi.ERR);
                if (err instanceof LuaString || err instanceof Double) {
                    r[1] = err;
                } else {
                    r = new Object[] {Boolean.FALSE, t, null};
                }
            }
            return cx.returnArray(r);
        }
    }
}
