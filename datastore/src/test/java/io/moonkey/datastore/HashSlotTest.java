package io.moonkey.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashSlotTest {
    private static int slot(String key) {
        return HashSlot.of(key.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void crc16XmodemCheckValues() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x31C3, HashSlot.crc16(check, 0, check.length)); // the CRC-16/XMODEM check value
        assertEquals(0, HashSlot.crc16(new byte[0], 0, 0));
        byte[] a = {'A'};
        assertEquals(0x58E5, HashSlot.crc16(a, 0, 1));
    }

    @Test
    void slotsOfPlainKeys() {
        // values CLUSTER KEYSLOT gives on redis-server 7.0.15
        assertEquals(15495, slot("a"));
        assertEquals(3300, slot("b"));
        assertEquals(12182, slot("foo"));
        assertEquals(5061, slot("bar"));
        assertEquals(0, slot(""));
    }

    @Test
    void hashtagRules() {
        assertEquals(slot("a"), slot("{a}x"));
        assertEquals(slot("a"), slot("x{a}"));
        assertEquals(slot("user1000"), slot("{user1000}.following"));
        assertEquals(slot("user1000"), slot("{user1000}.followers"));
        assertEquals(slot("a"), slot("{a}{b}")); // the first '{' and the first '}' after it
        // values CLUSTER KEYSLOT gives on redis-server 7.0.15
        assertEquals(15257, slot("{}")); // an empty tag: the whole key is hashed
        assertEquals(10595, slot("{}x"));
        assertEquals(10276, slot("{a")); // no closing brace
        assertEquals(3300, slot("a{b}}")); // the tag "b"
        assertEquals(626, slot("b}"));
        assertEquals(3443, slot("user1000"));
    }

    @Test
    void patternSlots() {
        assertEquals(-1, HashSlot.ofPattern("w_*".getBytes()));
        assertEquals(-1, HashSlot.ofPattern("w_?{a}".getBytes())); // a wildcard before the tag
        assertEquals(-1, HashSlot.ofPattern("[ab]{a}".getBytes()));
        assertEquals(-1, HashSlot.ofPattern("\\{a}".getBytes()));
        assertEquals(slot("a"), HashSlot.ofPattern("{a}w_*".getBytes())); // the tag decides
        assertEquals(slot("a"), HashSlot.ofPattern("x{a}*".getBytes()));
        assertEquals(-1, HashSlot.ofPattern("{}*".getBytes())); // an empty tag is no tag
        assertEquals(slot("plain"), HashSlot.ofPattern("plain".getBytes())); // one key
    }
}
