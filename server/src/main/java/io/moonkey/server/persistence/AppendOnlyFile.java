package io.moonkey.server.persistence;

import io.moonkey.server.PropagationStream;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.command.CommandError;
import io.moonkey.server.command.CommandSpec;
import io.moonkey.server.resp.CommandEncoding;
import io.moonkey.server.resp.RespWriter;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only file (appendonly yes): the AOF-bound commands of the propagation stream are
 * buffered during an event-loop turn and written before replies go out, then synced per
 * appendfsync (always, everysec, no). A rewrite (BGREWRITEAOF, or turning AOF on at run time)
 * writes the dataset as commands into a new base file with a new, empty incremental file and
 * switches the manifest atomically; startup loads base then increments.
 *
 * <p>Rewrites run synchronously on the execution thread; the base we write holds commands, never
 * an RDB preamble, but a base that starts with one (valkey-server's default) is loaded.
 */
public final class AppendOnlyFile {
    private final Server server;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final PropagationStream.Listener feed = argv -> CommandEncoding.encodeTo(buffer, argv);
    private Manifest manifest;
    private FileChannel incr;
    private boolean enabled;
    private long lastFsyncMs;
    private boolean needsFsync;
    private String lastWriteStatus = "ok";
    private long rewrites;

    public AppendOnlyFile(Server server) {
        this.server = server;
    }

    public boolean enabled() {
        return enabled;
    }

    public String lastWriteStatus() {
        return lastWriteStatus;
    }

    public long rewrites() {
        return rewrites;
    }

    private Path dir() {
        return Path.of(server.config().get("dir")).resolve(server.config().get("appenddirname"));
    }

    private String baseName() {
        return server.config().get("appendfilename");
    }

    private Path manifestPath() {
        return dir().resolve(baseName() + ".manifest");
    }

    /** At startup with appendonly yes: loads the AOF if there is one, else creates it from the (empty) dataset. */
    public void start() throws IOException {
        if (!server.config().getBool("appendonly")) return;
        if (Files.exists(manifestPath())) {
            manifest = Manifest.read(manifestPath());
            load();
            openIncrement(false);
            server.propagation().addListener(feed, PropagationStream.AOF);
            enabled = true;
        } else {
            rewrite();
        }
    }

    /** CONFIG SET appendonly: on starts with a rewrite of the current dataset, off stops appending. */
    public void setEnabled(boolean on) {
        if (on == enabled) return;
        try {
            if (on) {
                rewrite();
            } else {
                flush(System.currentTimeMillis(), true);
                server.propagation().removeListener(feed);
                closeIncrement();
                enabled = false;
            }
        } catch (IOException e) {
            throw new CommandError("ERR Append only file could not be written: " + e.getMessage());
        }
    }

    /**
     * Writes the dataset as commands into base N+1 with an empty increment N+1, switches the
     * manifest, and deletes the files it replaced.
     */
    public void rewrite() throws IOException {
        Path dir = dir();
        Files.createDirectories(dir);
        flush(System.currentTimeMillis(), true);
        Manifest old = manifest;
        long seq = 1;
        if (old != null) for (Manifest.Entry e : old.entries) seq = Math.max(seq, e.seq() + 1);
        String base = baseName() + "." + seq + ".base.aof";
        String inc = baseName() + "." + seq + ".incr.aof";
        try (OutputStream out = Files.newOutputStream(dir.resolve(base))) {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 16);
            IOException[] failure = new IOException[1];
            DatasetCommands.forEach(server.keyspace(), argv -> {
                CommandEncoding.encodeTo(chunk, argv);
                if (chunk.size() >= 1 << 16) {
                    try {
                        chunk.writeTo(out);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                    chunk.reset();
                }
            });
            if (failure[0] != null) throw failure[0];
            chunk.writeTo(out);
        }
        Files.deleteIfExists(dir.resolve(inc));
        Files.createFile(dir.resolve(inc));
        Manifest m = new Manifest();
        m.entries.add(new Manifest.Entry(base, seq, 'b'));
        m.entries.add(new Manifest.Entry(inc, seq, 'i'));
        m.write(manifestPath());
        closeIncrement();
        manifest = m;
        openIncrement(true);
        if (old != null) {
            for (Manifest.Entry e : old.entries) Files.deleteIfExists(dir.resolve(e.file()));
        }
        if (!enabled) {
            server.propagation().addListener(feed, PropagationStream.AOF);
            enabled = true;
        }
        rewrites++;
    }

    private void openIncrement(boolean fresh) throws IOException {
        var incs = manifest.increments();
        Path p = dir().resolve(incs.get(incs.size() - 1).file());
        incr = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private void closeIncrement() throws IOException {
        if (incr != null) {
            incr.force(false);
            incr.close();
            incr = null;
        }
    }

    /**
     * Writes what this event-loop turn appended (before replies are sent, so an acknowledged
     * write is in the file), and syncs per appendfsync.
     */
    public void flush(long now, boolean sync) {
        if (buffer.size() == 0 && !needsFsync) return; // the common case: nothing appended
        if (incr == null) {
            buffer.reset();
            return;
        }
        try {
            if (buffer.size() > 0) {
                ByteBuffer b = ByteBuffer.wrap(buffer.toByteArray());
                while (b.hasRemaining()) incr.write(b);
                buffer.reset();
                needsFsync = true;
            }
            String policy = server.config().get("appendfsync");
            if (needsFsync && (sync || policy.equals("always") || (policy.equals("everysec") && now - lastFsyncMs >= 1000))) {
                incr.force(false);
                needsFsync = false;
                lastFsyncMs = now;
            }
            lastWriteStatus = "ok";
        } catch (IOException e) {
            lastWriteStatus = "err";
            server.log().warning("Error writing to the AOF file: " + e.getMessage());
        }
    }

    /** Flushes and closes at shutdown. */
    public void close() {
        flush(System.currentTimeMillis(), true);
        try {
            closeIncrement();
        } catch (IOException e) {
            server.log().warning("Error closing the AOF file: " + e.getMessage());
        }
    }

    /** Replays base then increments through the commands' own code (no propagation, no statistics). */
    private void load() throws IOException {
        Session s = server.newInternalSession();
        s.setUser(server.acl().internalUser()); // replayed scripts run unchecked, as Valkey's AOF client
        RespWriter sink = new RespWriter();
        long commands = 0;
        Manifest.Entry base = manifest.base();
        if (base != null) commands += replay(dir().resolve(base.file()), s, sink, false);
        var incs = manifest.increments();
        for (int i = 0; i < incs.size(); i++) commands += replay(dir().resolve(incs.get(i).file()), s, sink, i == incs.size() - 1);
        server.log().notice("DB loaded from append only file: " + commands + " commands");
    }

    private long replay(Path file, Session s, RespWriter sink, boolean last) throws IOException {
        if (!Files.exists(file)) throw new IOException("Append only file " + file + " doesn't exist");
        InputStream commands = Files.newInputStream(file);
        byte[] magic = commands.readNBytes(5);
        commands.close();
        long n = 0, preambleBytes = 0;
        if (magic.length == 5 && new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("REDIS")) {
            // an RDB preamble (aof-use-rdb-preamble, as valkey-server writes bases): the dataset, then commands
            byte[] all = Files.readAllBytes(file);
            try {
                var sum = server.rdb().loadPreamble(all);
                n += sum.keys();
                preambleBytes = sum.end();
                commands = new java.io.ByteArrayInputStream(all, sum.end(), all.length - sum.end());
            } catch (io.moonkey.server.persistence.rdb.RdbFormatException e) {
                throw new IOException("Bad RDB preamble in the append only file " + file.getFileName() + ": " + e.getMessage());
            }
        } else {
            commands = Files.newInputStream(file);
        }
        try (AofReader r = new AofReader(commands)) {
            try {
                byte[][] argv;
                while ((argv = r.next()) != null) {
                    CommandSpec cmd = server.commands().resolve(argv);
                    if (cmd == null || cmd.handler() == null) {
                        throw new IOException("Unknown command '" + new String(argv[0], java.nio.charset.StandardCharsets.ISO_8859_1)
                                + "' reading the append only file " + file.getFileName());
                    }
                    try {
                        cmd.handler().execute(s, argv, sink);
                    } catch (CommandError e) {
                        // as Valkey: a command that fails on load is skipped
                    }
                    sink.clear();
                    n++;
                }
            } catch (EOFException e) {
                if (!last || !server.config().getBool("aof-load-truncated")) throw new IOException("Unexpected end of file reading the append only file " + file.getFileName());
                server.log().warning("!!! Warning: short read while loading the AOF file " + file.getFileName()
                        + "!!! Truncating the AOF at offset " + (preambleBytes + r.goodBytes()));
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(preambleBytes + r.goodBytes());
                }
            }
        }
        return n;
    }
}
