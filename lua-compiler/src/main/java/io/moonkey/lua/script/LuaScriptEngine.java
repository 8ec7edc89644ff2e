package io.moonkey.lua.script;

import io.moonkey.lua.runtime.LuaError;
import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaState;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * A JSR-223 engine over one {@link LuaState}. Engine-scope bindings are copied into the Lua
 * globals before each {@code eval} and the globals they name are copied back after it; Java
 * strings, numbers and booleans convert to Lua strings, numbers and booleans and back. The
 * result of {@code eval} is the chunk's first return value, converted the same way.
 */
public final class LuaScriptEngine extends AbstractScriptEngine {
    private final LuaScriptEngineFactory factory;
    private final LuaState lua = LuaState.create();

    LuaScriptEngine(LuaScriptEngineFactory factory) {
        this.factory = factory;
    }

    /** The Lua state behind this engine, for registering Java functions. */
    public LuaState state() {
        return lua;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        Bindings b = context.getBindings(ScriptContext.ENGINE_SCOPE);
        for (Map.Entry<String, Object> e : b.entrySet()) {
            lua.setGlobal(e.getKey(), toLua(e.getValue()));
        }
        try {
            Object filename = context.getAttribute(ScriptEngine_FILENAME);
            LuaFunction f = lua.load(script, filename != null ? "@" + filename : "=eval");
            Object[] r = lua.call(f);
            for (String k : b.keySet()) {
                b.put(k, toJava(lua.getGlobal(k)));
            }
            return r.length == 0 ? null : toJava(r[0]);
        } catch (LuaError e) {
            throw new ScriptException(e.getMessage());
        }
    }

    private static final String ScriptEngine_FILENAME = javax.script.ScriptEngine.FILENAME;

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        StringWriter w = new StringWriter();
        try {
            reader.transferTo(w);
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return eval(w.toString(), context);
    }

    @Override
    public Object get(String key) {
        Object v = super.get(key);
        return v != null ? v : toJava(lua.getGlobal(key));
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    static Object toLua(Object v) {
        if (v instanceof String s) {
            return LuaString.utf8(s);
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }

    static Object toJava(Object v) {
        if (v instanceof LuaString s) {
            return new String(s.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (v instanceof LuaTable) {
            return v;
        }
        return v;
    }
}
