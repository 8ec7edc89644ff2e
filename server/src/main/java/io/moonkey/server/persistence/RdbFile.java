package io.moonkey.server.persistence;

import io.moonkey.server.Server;
import io.moonkey.server.Version;
import io.moonkey.server.config.ConfigException;
import io.moonkey.server.persistence.rdb.EncodingLimits;
import io.moonkey.server.persistence.rdb.RdbFormatException;
import io.moonkey.server.persistence.rdb.RdbLoader;
import io.moonkey.server.persistence.rdb.RdbSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The RDB file {@code dir/dbfilename}: SAVE, BGSAVE, the save points, loading at startup and
 * the figures INFO persistence reports. There is no fork: a background save takes the snapshot
 * on the execution thread (one consistent point in time, as a forked child would see) and
 * writes it on a separate thread; the cron collects the outcome. Files are written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
public final class RdbFile {
    /** Valkey retries a failed background save after this long (CONFIG_BGSAVE_RETRY_DELAY). */
    private static final long RETRY_DELAY_SECONDS = 5;

    private final Server server;
    private long lastSaveTime;
    private long dirtyAtSave;
    private boolean lastBgsaveOk = true;
    private long lastBgsaveTryTime;
    private long lastBgsaveDurationSec = -1;
    private long bgsaveStartMs;
    private long dirtyAtBgsave;
    private volatile Thread writer;
    private volatile IOException writerFailure;
    private volatile boolean writerDone;
    private boolean scheduled;
    private long saves;
    private long lastLoadKeys, lastLoadExpired;
    private SavePoints savePoints = SavePoints.parse("");

    public RdbFile(Server server) {
        this.server = server;
        this.lastSaveTime = System.currentTimeMillis() / 1000;
    }

    public void setSavePoints(String text) {
        savePoints = SavePoints.parse(text);
    }

    public boolean hasSavePoints() {
        return !savePoints.isEmpty();
    }

    public Path path() {
        return Path.of(server.config().get("dir")).resolve(server.config().get("dbfilename"));
    }

    public long lastSaveTime() {
        return lastSaveTime;
    }

    public long changesSinceSave() {
        return server.dirty() - dirtyAtSave;
    }

    public boolean bgsaveInProgress() {
        return writer != null;
    }

    /** stop-writes-on-bgsave-error: the last background save failed and save points are set. */
    public boolean deniesWrites() {
        return !lastBgsaveOk && !savePoints.isEmpty() && server.config().getBool("stop-writes-on-bgsave-error");
    }

    public boolean lastBgsaveOk() {
        return lastBgsaveOk;
    }

    public long lastBgsaveDurationSec() {
        return lastBgsaveDurationSec;
    }

    public long currentBgsaveSeconds() {
        return writer == null ? -1 : (System.currentTimeMillis() - bgsaveStartMs) / 1000;
    }

    public long saves() {
        return saves;
    }

    public long lastLoadKeys() {
        return lastLoadKeys;
    }

    public long lastLoadExpired() {
        return lastLoadExpired;
    }

    public boolean scheduled() {
        return scheduled;
    }

    /** The dataset's bytes now, with the functions. */
    private byte[] snapshot() {
        return RdbSnapshot.of(server.keyspace(), Version.REDIS_COMPAT, server.functions().libraryCodes(), null,
                server.config().getBool("rdbcompression"));
    }

    private static void writeAtomically(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("temp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".rdb");
        try {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true); // once, at the end: on disk before the rename makes it the file
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** SAVE (and SHUTDOWN, DEBUG RELOAD): writes the file now, on this thread. */
    public void save() throws IOException {
        long dirty = server.dirty();
        try {
            writeAtomically(path(), snapshot());
        } catch (IOException e) {
            server.log().warning("Failed opening the temp RDB file for saving: " + e.getMessage());
            throw e;
        }
        server.log().notice("DB saved on disk");
        dirtyAtSave = dirty;
        lastSaveTime = System.currentTimeMillis() / 1000;
        lastBgsaveOk = true;
        saves++;
    }

    /** BGSAVE: snapshots now, writes in the background; false if one is already running. */
    public boolean bgsave() {
        if (writer != null) return false;
        scheduled = false;
        byte[] data = snapshot();
        Path target = path();
        dirtyAtBgsave = server.dirty();
        bgsaveStartMs = System.currentTimeMillis();
        lastBgsaveTryTime = bgsaveStartMs / 1000;
        writerFailure = null;
        writerDone = false;
        Thread t = new Thread(() -> {
            try {
                writeAtomically(target, data);
            } catch (IOException e) {
                writerFailure = e;
            }
            writerDone = true;
        }, "moonkey-bgsave");
        t.setDaemon(true);
        writer = t;
        server.log().notice("Background saving started");
        t.start();
        return true;
    }

    /** BGSAVE SCHEDULE while one runs: another starts once it has finished. */
    public void schedule() {
        scheduled = true;
    }

    /** Waits for a running background save (SHUTDOWN, DEBUG RELOAD, FLUSHALL's save). */
    public void awaitBackgroundSave() {
        Thread t = writer;
        if (t == null) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        collect();
    }

    /** Periodic work: the outcome of a background save, a scheduled one, the save points. */
    public void cron() {
        if (writer != null && writerDone) collect();
        if (writer != null) return;
        long now = System.currentTimeMillis() / 1000;
        if (scheduled) {
            bgsave();
            return;
        }
        if (savePoints.isEmpty()) return;
        boolean mayRetry = lastBgsaveOk || now - lastBgsaveTryTime > RETRY_DELAY_SECONDS;
        if (mayRetry && savePoints.due(changesSinceSave(), now - lastSaveTime)) {
            server.log().notice(changesSinceSave() + " changes in some seconds. Saving...");
            bgsave();
        }
    }

    private void collect() {
        Thread t = writer;
        if (t == null || !writerDone) return;
        writer = null;
        lastBgsaveDurationSec = (System.currentTimeMillis() - bgsaveStartMs) / 1000;
        if (writerFailure == null) {
            server.log().notice("Background saving terminated with success");
            dirtyAtSave = dirtyAtBgsave;
            lastSaveTime = System.currentTimeMillis() / 1000;
            lastBgsaveOk = true;
            saves++;
        } else {
            server.log().warning("Background saving error: " + writerFailure.getMessage());
            lastBgsaveOk = false;
        }
    }

    /**
     * At startup with appendonly off: loads the file if there is one. A file that cannot be
     * loaded stops the server, as valkey-server does.
     */
    public void loadAtStartup() throws ConfigException {
        Path p = path();
        if (!Files.exists(p)) return;
        long start = System.nanoTime();
        try {
            RdbLoader.Summary s = load(Files.readAllBytes(p), false);
            server.log().notice("Done loading RDB, keys loaded: " + s.keys() + ", keys expired: " + s.expiredSkipped() + ".");
            server.log().notice(String.format(java.util.Locale.ROOT, "DB loaded from disk: %.3f seconds", (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new ConfigException("Fatal error loading the DB (" + p + "): " + e.getMessage() + ". Exiting.");
        } catch (RdbFormatException e) {
            throw new ConfigException("Fatal error loading the DB (" + p + "): " + e.getMessage() + ". Exiting.");
        }
        dirtyAtSave = server.dirty();
    }

    /**
     * Loads an RDB image into the (emptied by the caller) keyspace and installs its function
     * libraries. {@code replica}: keys past their expire time are kept for the master to delete.
     */
    public RdbLoader.Summary load(byte[] data, boolean replica) throws RdbFormatException {
        return load(data, replica, false);
    }

    /** An AOF base's RDB preamble; the summary's end is where the commands start. */
    RdbLoader.Summary loadPreamble(byte[] data) throws RdbFormatException {
        return load(data, false, true);
    }

    private RdbLoader.Summary load(byte[] data, boolean replica, boolean preamble) throws RdbFormatException {
        server.setLoading(true);
        try {
            RdbLoader.Summary s = new RdbLoader(new EncodingLimits(server.config()), replica).load(data, server.keyspace(), preamble);
            String err = server.functions().replaceLibraries(s.functions());
            if (err != null) throw new RdbFormatException("Failed loading library: " + err);
            lastLoadKeys = s.keys();
            lastLoadExpired = s.expiredSkipped();
            return s;
        } finally {
            server.setLoading(false);
        }
    }

    /**
     * FLUSHALL (before it counts its {@code deleted} keys as changes): with save points the empty
     * dataset is saved, so a restart does not bring the keys back; afterwards one change is
     * pending, as in Valkey.
     */
    public void flushedAll(long deleted) {
        if (savePoints.isEmpty()) return;
        awaitBackgroundSave();
        try {
            save();
            dirtyAtSave += deleted;
        } catch (IOException e) {
            // the reply of FLUSHALL does not depend on it, as in Valkey
        }
    }
}
