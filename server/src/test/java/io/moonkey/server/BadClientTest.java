package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Garbage from one client never takes down the server or disturbs another client. */
class BadClientTest {
    private static TestServer ts;
    private static RespConnection good;

    @BeforeContainer
    static void start() throws Exception {
        ts = new TestServer();
        good = ts.connect();
    }

    @AfterContainer
    static void stop() throws Exception {
        good.close();
        ts.close();
    }

    @Property(tries = 60)
    void randomBytesAreHarmless(@ForAll @Size(max = 300) byte[] garbage, @ForAll boolean respPrefix) throws Exception {
        try (Socket s = new Socket("127.0.0.1", ts.port)) {
            s.setSoLinger(true, 0);
            OutputStream o = s.getOutputStream();
            if (respPrefix) o.write("*3\r\n$3\r\nSET\r\n".getBytes());
            o.write(garbage);
            o.flush();
        }
        assertEquals("+PONG\r\n", good.call("PING"));
        assertEquals("+OK\r\n", good.call("SET", "still", "here"));
        assertEquals("$4\r\nhere\r\n", good.call("GET", "still"));
    }
}
