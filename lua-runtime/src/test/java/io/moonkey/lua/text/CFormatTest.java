package io.moonkey.lua.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CFormatTest {
    static String f(String fmt, Object... args) {
        byte[] fb = fmt.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ByteBuilder out = new ByteBuilder();
        Printf.format(out, fb, 0, fb.length, TestArgs.of(args));
        return out.toString();
    }

    @Test
    void cExamples() {
        assertEquals("2", f("%.0f", 2.5));
        assertEquals("2.67", f("%.2f", 2.675));
        assertEquals("ffffffffffffffff", f("%x", -1.0));
        assertEquals("  -42|-42  |-0042", f("%5d|%-5d|%05d", -42.0, -42.0, -42.0));
        assertEquals("1.000000e+00", f("%e", 1.0));
        assertEquals("100000|1e+06|0.0001|1e-05", f("%g|%g|%g|%g", 1e5, 1e6, 1e-4, 1e-5));
        assertEquals("\"a\\\nb\\000\\r\"", f("%q", "a\nb\0\r"));
        assertEquals("      -nan", f("%010f", Double.longBitsToDouble(0xFFF8_0000_0000_0000L)));
        assertEquals("", f("%c", 0.0));
        assertEquals("0x1f|037|0X1F", f("%#x|%#o|%#X", 31.0, 31.0, 31.0));
    }

    @Test
    void errors() {
        LuaTextException e = assertThrows(LuaTextException.class, () -> f("%d"));
        assertEquals("no value", e.getMessage());
        assertEquals(2, e.argument());
        assertEquals("invalid option '%y' to 'format'", assertThrows(LuaTextException.class, () -> f("%y", 1.0)).getMessage());
        assertEquals("invalid format (repeated flags)", assertThrows(LuaTextException.class, () -> f("%------d", 1.0)).getMessage());
        assertEquals("invalid format (width or precision too long)",
            assertThrows(LuaTextException.class, () -> f("%100d", 1.0)).getMessage());
    }

    @Test
    void conversionsToCIntegers() {
        assertEquals(Long.MIN_VALUE, CConversions.toLong(Double.NaN));
        assertEquals(Long.MIN_VALUE, CConversions.toUnsignedLong(Double.NaN));
        assertEquals(0L, CConversions.toUnsignedLong(0x1p64));
        assertEquals(Long.MIN_VALUE, CConversions.toUnsignedLong(0x1p63));
        assertEquals(-1L, CConversions.toUnsignedLong(-1.0));
        assertEquals(Integer.MIN_VALUE, CConversions.toInt(0x1p40));
        assertEquals(0, CConversions.checkInt(Double.NaN));
        assertEquals(3, CConversions.checkInt(0x1p32 + 3));
        assertEquals(Integer.MIN_VALUE, CConversions.checkInt(0x1p31));
    }
}
