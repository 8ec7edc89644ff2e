package io.moonkey.server.scripting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionDumpTest {

    @Test
    void crc64CheckValue() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe9c6d914c4b8d9caL, FunctionDump.Crc64.of(b, 0, b.length));
    }

    @Test
    void dumpsReadBack() throws Exception {
        byte[] small = "#!lua name=a\nserver.register_function('a', function() return 1 end)".getBytes();
        byte[] big = ("#!lua name=b\n" + "-- x\n".repeat(4000) + "server.register_function('b', function() return 2 end)").getBytes();
        List<byte[]> back = FunctionDump.read(FunctionDump.dump(List.of(small, big)));
        assertArrayEquals(small, back.get(0));
        assertArrayEquals(big, back.get(1));
        assertEquals(0, FunctionDump.read(FunctionDump.dump(List.of())).size());
        assertEquals(10, FunctionDump.dump(List.of()).length);
    }

    @Test
    void damagedPayloadsAreRefused() {
        byte[] p = FunctionDump.dump(List.of("#!lua name=a\nreturn".getBytes()));
        p[3] ^= 1;
        assertEquals("ERR DUMP payload version or checksum are wrong",
                assertThrows(FunctionDump.BadPayload.class, () -> FunctionDump.read(p)).getMessage());
        assertThrows(FunctionDump.BadPayload.class, () -> FunctionDump.read(new byte[3]));
    }

    @Test
    void lzfBackReferences() {
        // "abcabcabc": a literal run of 3, then a back reference of length 6 at distance 3.
        byte[] in = {2, 'a', 'b', 'c', (byte) ((4 << 5) | 0), 2};
        assertArrayEquals("abcabcabc".getBytes(), FunctionDump.Lzf.decompress(in, 0, in.length, 9));
    }
}
