package io.moonkey.lua.runtime;

/** A full userdata (manual §2.2): an opaque Java payload with its own metatable. */
public class Userdata {
    public final Object payload;
    public LuaTable metatable;
    public LuaTable env;

    public Userdata(Object payload, LuaTable metatable) {
        this.payload = payload;
        this.metatable = metatable;
    }

    @Override
    public String toString() {
        return "userdata: 0x" + String.format("%08x", System.identityHashCode(this));
    }
}
