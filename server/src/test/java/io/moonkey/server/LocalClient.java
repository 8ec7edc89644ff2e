package io.moonkey.server;

import io.moonkey.server.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/** Executes commands in-process through the dispatcher; replies come back as RESP text. */
final class LocalClient {
    final Server server;
    final Session session;
    final RespWriter writer = new RespWriter();

    LocalClient(Server server) {
        this.server = server;
        this.session = server.newInternalSession();
    }

    LocalClient() throws Exception {
        this(new Server());
    }

    String call(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        writer.clear();
        server.dispatcher().execute(session, argv, writer);
        return new String(writer.toByteArray(), StandardCharsets.ISO_8859_1);
    }
}
