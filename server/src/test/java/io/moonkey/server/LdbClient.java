package io.moonkey.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A debugger client for tests: starts a session over the raw protocol and reads the log arrays. */
final class LdbClient implements AutoCloseable {
    final RespConnection conn;

    LdbClient(int port) throws IOException {
        conn = new RespConnection(port);
    }

    /** SCRIPT DEBUG {@code mode}, then EVAL; returns the first reply after EVAL (a log array). */
    String start(String mode, String script, String... keysThenArgs) throws IOException {
        String ok = conn.call("SCRIPT", "DEBUG", mode);
        if (!ok.equals("+OK\r\n")) {
            throw new IllegalStateException(ok);
        }
        return eval(script, 0, keysThenArgs);
    }

    String eval(String script, int numkeys, String... rest) throws IOException {
        String[] a = new String[3 + rest.length];
        a[0] = "EVAL";
        a[1] = script;
        a[2] = Integer.toString(numkeys);
        System.arraycopy(rest, 0, a, 3, rest.length);
        return conn.call(a);
    }

    /** Sends a debugger command and returns the log array it produced. */
    String cmd(String... a) throws IOException {
        return conn.call(a);
    }

    String readReply() throws IOException {
        return conn.readReply();
    }

    void sendRaw(String bytes) throws IOException {
        conn.sendRaw(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    boolean closedByPeer() throws IOException {
        return conn.closedByPeer();
    }

    /** The wire form of a log array with these entries (ldb.md §4.1). */
    static String log(String... entries) {
        StringBuilder sb = new StringBuilder("*").append(entries.length).append("\r\n");
        for (String e : entries) {
            sb.append('+').append(e).append("\r\n");
        }
        return sb.toString();
    }

    /** The entries of a log array. */
    static List<String> entries(String array) {
        List<String> out = new ArrayList<>();
        String[] lines = array.split("\r\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("+")) {
                out.add(lines[i].substring(1));
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        conn.close();
    }
}
