package io.moonkey.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal blocking RESP client for tests: sends commands, returns each reply's raw bytes. */
final class RespConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespConnection(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static byte[] encode(byte[]... args) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    static byte[][] args(String... a) {
        byte[][] r = new byte[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].getBytes(StandardCharsets.ISO_8859_1);
        return r;
    }

    void sendRaw(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** Sends one command and returns its reply as text (bytes as ISO-8859-1). */
    String call(String... a) throws IOException {
        sendRaw(encode(args(a)));
        return readReply();
    }

    /** Reads one complete reply (an aggregate with all its elements). */
    String readReply() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        readValue(b);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private void readValue(ByteArrayOutputStream b) throws IOException {
        String line = readLine(b);
        if (line.isEmpty()) throw new IOException("empty reply line");
        char t = line.charAt(0);
        switch (t) {
            case '+', '-', ':', '_', ',', '#', '(' -> {}
            case '$', '=', '!' -> {
                int n = Integer.parseInt(line.substring(1));
                if (n >= 0) {
                    byte[] data = in.readNBytes(n + 2);
                    b.writeBytes(data);
                }
            }
            case '*', '~', '>' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < n; i++) readValue(b);
            }
            case '%', '|' -> {
                int n = Integer.parseInt(line.substring(1));
                for (int i = 0; i < 2 * n; i++) readValue(b);
            }
            default -> throw new IOException("bad reply type: " + line);
        }
    }

    private String readLine(ByteArrayOutputStream b) throws IOException {
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            if (c == '\n') break;
            if (c != '\r') l.write(c);
        }
        if (c == -1) throw new IOException("connection closed");
        return l.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads a replication payload: {@code $<len>\r\n} then exactly len bytes, no CRLF after. */
    String readRdb() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        String line = readLine(header);
        if (!line.startsWith("$")) throw new IOException("not a payload: " + line);
        return new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.ISO_8859_1);
    }

    /** True if the server closed the connection (EOF within the timeout). */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
