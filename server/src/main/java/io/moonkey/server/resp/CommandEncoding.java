package io.moonkey.server.resp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A command as a RESP array of bulk strings: the form of the replication stream and the AOF. */
public final class CommandEncoding {
    private CommandEncoding() {}

    public static byte[] encode(byte[][] argv) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(16 + 16 * argv.length);
        encodeTo(b, argv);
        return b.toByteArray();
    }

    public static void encodeTo(ByteArrayOutputStream b, byte[][] argv) {
        b.writeBytes(("*" + argv.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : argv) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.write('\r');
            b.write('\n');
        }
    }
}
