package io.moonkey.lua.lib;

import io.moonkey.lua.runtime.LuaFunction;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;

/** A library table being filled with functions under their names. */
final class LuaLib {
    final LuaTable table;

    LuaLib(LuaTable table) {
        this.table = table;
    }

    void add(LuaFunction f) {
        table.put(LuaString.constant(f.name()), f);
    }

    void add(String name, Object v) {
        table.put(LuaString.constant(name), v);
    }
}
