package io.moonkey.lua.script;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/** JSR-223 factory: {@code new ScriptEngineManager().getEngineByName("lua")}. */
public final class LuaScriptEngineFactory implements ScriptEngineFactory {
    @Override
    public String getEngineName() {
        return "moonkey Lua";
    }

    @Override
    public String getEngineVersion() {
        return "0.1";
    }

    @Override
    public List<String> getExtensions() {
        return List.of("lua");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("text/x-lua", "application/x-lua");
    }

    @Override
    public List<String> getNames() {
        return List.of("lua", "Lua", "moonkey-lua");
    }

    @Override
    public String getLanguageName() {
        return "Lua";
    }

    @Override
    public String getLanguageVersion() {
        return "5.1";
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "lua";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + ":" + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + toDisplay + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements);
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new LuaScriptEngine(this);
    }
}
