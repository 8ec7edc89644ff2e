package io.moonkey.datastore.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StreamIdTest {
    @Test
    void unsignedOrderAndText() {
        assertTrue(StreamId.compare(-1L, 0, Long.MAX_VALUE, 5) > 0); // 2^64-1 is the largest ms
        assertTrue(StreamId.compare(1, -1L, 2, 0) < 0);
        assertEquals("18446744073709551615-18446744073709551615", StreamId.MAX.toString());
        assertEquals("0-0", StreamId.ZERO.toString());
        assertEquals(new StreamId(6, 0), new StreamId(5, -1L).next());
        assertNull(StreamId.MAX.next());
        assertEquals(new StreamId(4, -1L), new StreamId(5, 0).previous());
        assertNull(StreamId.ZERO.previous());
    }

    @Property(tries = 300)
    void formatMatchesUnsignedText(@ForAll long ms, @ForAll long seq) {
        byte[] buf = new byte[StreamId.MAX_TEXT_LENGTH];
        int n = StreamId.format(ms, seq, buf);
        assertEquals(Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq), new String(buf, 0, n, StandardCharsets.US_ASCII));
        assertEquals(new StreamId(ms, seq).toString(), new String(StreamId.toBytes(ms, seq), StandardCharsets.US_ASCII));
    }
}
