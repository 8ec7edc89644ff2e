package io.moonkey.lua.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A concatenation longer than any byte array fails with Lua's memory error, not a Java
 * exception leaking out of the VM (seen as "internal error: NegativeArraySizeException").
 */
class ConcatLimitTest {
    @Test
    void lengthsUpToTheLimitPass() {
        assertEquals(LuaString.MAX_LENGTH, LuaString.checkedLength(LuaString.MAX_LENGTH));
    }

    @Test
    void lengthsPastTheLimitRaiseNotEnoughMemory() {
        LuaError e = assertThrows(LuaError.class, () -> LuaString.checkedLength(1L << 31));
        assertEquals("not enough memory", e.value().toString());
    }

    @Test
    void aChainWhoseTotalOverflowsIsRefusedBeforeAllocating() {
        LuaString big = LuaString.wrap(new byte[64 << 20]);
        Object[] chain = new Object[40]; // 40 x 64 MiB = 2.5 GiB: past int, never allocated
        Arrays.fill(chain, big);
        LuaError e = assertThrows(LuaError.class, () -> Concat.concatAll(null, chain));
        assertEquals("not enough memory", e.value().toString());
    }
}
