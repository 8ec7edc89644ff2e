package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.moonkey.server.resp.ProtocolException;
import io.moonkey.server.resp.RespParser;
import io.moonkey.server.resp.RespWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RespParserTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** However a pipeline is cut into reads, the parser yields the same commands. */
    @Property(tries = 200)
    void chunkingDoesNotMatter(@ForAll @Size(min = 1, max = 20) List<@Size(min = 1, max = 5) List<byte[]>> commands,
                               @ForAll @IntRange(min = 1, max = 64) int chunk) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (List<byte[]> c : commands) wire.writeBytes(RespConnection.encode(c.toArray(new byte[0][])));
        byte[] all = wire.toByteArray();
        RespParser p = new RespParser();
        List<byte[][]> got = new ArrayList<>();
        for (int off = 0; off < all.length; off += chunk) {
            p.feed(all, off, Math.min(chunk, all.length - off));
            byte[][] argv;
            while ((argv = p.next()) != null) got.add(argv);
        }
        assertEquals(commands.size(), got.size());
        for (int i = 0; i < got.size(); i++) assertArrayEquals(commands.get(i).toArray(new byte[0][]), got.get(i));
    }

    @Test
    void inlineCommands() throws Exception {
        RespParser p = new RespParser();
        byte[] line = b("SET k \"a\\x41\\n\" 'it\\'s'\r\n");
        p.feed(line, 0, line.length);
        byte[][] argv = p.next();
        assertArrayEquals(new byte[][] {b("SET"), b("k"), b("aA\n"), b("it's")}, argv);
        assertNull(p.next());
        p.feed(b("\r\n"), 0, 2);
        assertEquals(0, p.next().length);
    }

    @Test
    void protocolErrors() {
        assertThrows(ProtocolException.class, () -> parse("*1\r\n:1\r\n"));
        assertThrows(ProtocolException.class, () -> parse("*-x\r\n"));
        assertThrows(ProtocolException.class, () -> parse("*1\r\n$-5\r\n"));
        assertThrows(ProtocolException.class, () -> parse("*1\r\n$999999999999\r\n"));
        assertThrows(ProtocolException.class, () -> parse("SET \"a\r\n"));
        RespParser unauth = new RespParser();
        unauth.setAuthenticated(false);
        byte[] many = b("*11\r\n");
        unauth.feed(many, 0, many.length);
        assertThrows(ProtocolException.class, unauth::next);
    }

    private static byte[][] parse(String s) throws ProtocolException {
        RespParser p = new RespParser();
        byte[] x = b(s);
        p.feed(x, 0, x.length);
        return p.next();
    }

    @Test
    void writerShapesByProtocol() {
        RespWriter w = new RespWriter();
        w.mapHeader(1);
        w.bulk("a");
        w.doubleValue(1.5);
        w.bool(true);
        w.nullBulk();
        assertEquals("*2\r\n$1\r\na\r\n$3\r\n1.5\r\n:1\r\n$-1\r\n", new String(w.toByteArray(), StandardCharsets.ISO_8859_1));
        w.clear();
        w.setProtocol(3);
        w.mapHeader(1);
        w.bulk("a");
        w.doubleValue(1.5);
        w.bool(true);
        w.nullBulk();
        w.error("ERR bad\r\nthing");
        assertEquals("%1\r\n$1\r\na\r\n,1.5\r\n#t\r\n_\r\n-ERR bad  thing\r\n", new String(w.toByteArray(), StandardCharsets.ISO_8859_1));
    }
}
