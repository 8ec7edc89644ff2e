package io.moonkey.lua.runtime;

/** A Lua coroutine (manual §2.11): placeholder, completed with the coroutine library. */
public final class Coroutine {
    @Override
    public String toString() {
        return "thread: 0x" + String.format("%08x", System.identityHashCode(this));
    }
}
