package io.moonkey.datastore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackedStringTest {
    @Property
    void everyShortByteStringRoundTrips(@ForAll @Size(max = 16) byte[] b) {
        StringValue v = StringValue.raw(b.clone());
        assertInstanceOf(PackedString.class, v);
        assertArrayEquals(b, v.bytes());
        assertEquals(b.length, v.length());
        assertArrayEquals(b, v.duplicate() instanceof StringValue d ? d.bytes() : null);
    }

    @Test
    void longerStringsKeepTheirArray() {
        byte[] b = "seventeen bytes!!".getBytes();
        StringValue v = StringValue.raw(b);
        assertInstanceOf(RawString.class, v);
        assertEquals("embstr", v.encoding());
    }

    @Test
    void shortStringsReportEmbstrAndIntegersStayInt() {
        assertEquals("embstr", StringValue.of("value:1".getBytes()).encoding());
        assertEquals("embstr", StringValue.of(new byte[0]).encoding());
        assertEquals("int", StringValue.of("12345".getBytes()).encoding());
        assertEquals("embstr", StringValue.of("0123".getBytes()).encoding());
    }
}
