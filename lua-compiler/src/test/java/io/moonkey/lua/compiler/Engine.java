package io.moonkey.lua.compiler;

import io.moonkey.lua.runtime.ChunkLoader;
import io.moonkey.lua.runtime.Conversions;
import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a chunk in-process the way {@code bin/lua file} would, capturing what it prints. */
final class Engine {
    private Engine() {}

    static ReferenceLua.Outcome run(byte[] source, String chunkName) throws InterruptedException {
        return run(source, chunkName, io.moonkey.lua.interpreter.Tier.configured());
    }

    /** Runs on the given tier (design §1.13): the chunk and everything it loads with loadstring. */
    static ReferenceLua.Outcome run(byte[] source, String chunkName, io.moonkey.lua.interpreter.Tier tier)
            throws InterruptedException {
        ReferenceLua.Outcome[] result = new ReferenceLua.Outcome[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = runHere(source, chunkName, tier);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "lua-test", 1L << 29);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError("engine crashed", failure[0]);
        }
        return result[0];
    }

    static ReferenceLua.Outcome runHere(byte[] source, String chunkName) {
        return runHere(source, chunkName, io.moonkey.lua.interpreter.Tier.configured());
    }

    static ReferenceLua.Outcome runHere(byte[] source, String chunkName, io.moonkey.lua.interpreter.Tier tier) {
        LuaState lua = LuaState.create();
        lua.setChunkLoader(new CompiledChunkLoader(tier));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lua.stdout = new PrintStream(out, false);
        String error = "";
        try {
            LuaFunction f = lua.chunkLoader().load(lua, source, chunkName, lua.globals, ChunkLoader.Kind.FILE);
            lua.call(f);
        } catch (LuaError e) {
            Object v = e.value();
            error = v == null ? "" : "lua: " + (v instanceof LuaString || v instanceof Double
                    ? Conversions.toLuaString(v).toString() : "(error object is not a string)");
            int nl = error.indexOf('\n');
            if (nl >= 0) {
                error = error.substring(0, nl);
            }
        }
        lua.stdout.flush();
        return new ReferenceLua.Outcome(out.toString(StandardCharsets.ISO_8859_1), error);
    }
}
