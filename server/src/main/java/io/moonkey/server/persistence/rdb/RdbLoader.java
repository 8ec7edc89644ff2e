package io.moonkey.server.persistence.rdb;

import static io.moonkey.server.persistence.rdb.RdbFormat.*;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a whole RDB file held in memory into the keyspace: checks the magic, the version (1 to
 * 11) and the CRC-64 trailer before touching anything, then applies the opcodes (SELECTDB,
 * RESIZEDB, AUX, expire times in s or ms, IDLE, FREQ, SLOT_INFO, FUNCTION2) and value records.
 * Function libraries are returned for the caller to install; keys already expired are skipped
 * unless {@code keepExpired} (a replica keeps them for its master to expire).
 */
public final class RdbLoader {
    /** What a load found: the version, the keys loaded and skipped, aux fields, library codes. */
    public record Summary(int version, long keys, long expiredSkipped, Map<String, String> aux, List<byte[]> functions, int end) {}

    private final EncodingLimits limits;
    private final boolean keepExpired;

    public RdbLoader(EncodingLimits limits, boolean keepExpired) {
        this.limits = limits;
        this.keepExpired = keepExpired;
    }

    /** The version in a file's 9-byte header, or an error for anything but "REDIS" and 4 digits. */
    public static int version(byte[] data) throws RdbFormatException {
        if (data.length < 9 || !new String(data, 0, 5, StandardCharsets.US_ASCII).equals("REDIS")) {
            throw new RdbFormatException("Wrong signature trying to load DB from file");
        }
        int v = 0;
        for (int i = 5; i < 9; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9) throw new RdbFormatException("Wrong signature trying to load DB from file");
            v = v * 10 + d;
        }
        if (v < 1 || v > MAX_VERSION) throw new RdbFormatException("Can't handle RDB format version " + v);
        return v;
    }

    /** Verifies the CRC-64 trailer (files from version 5 on; a zero checksum means it was not computed). */
    static void verifyChecksum(byte[] data, int version) throws RdbFormatException {
        if (version < 5) return;
        if (data.length < 9 + 1 + 8) throw new RdbFormatException("Short read or OOM loading DB. Unrecoverable error, aborting now.");
        long stored = 0;
        for (int i = 7; i >= 0; i--) stored = stored << 8 | (data[data.length - 8 + i] & 0xFF);
        if (stored == 0) return;
        if (Crc64.update(0, data, 0, data.length - 8) != stored) throw new RdbFormatException("Wrong RDB checksum. Aborting now.");
    }

    public Summary load(byte[] data, Keyspace keyspace) throws RdbFormatException {
        return load(data, keyspace, false);
    }

    /**
     * {@code preamble}: the RDB is the start of an AOF base, commands follow it; the checksum is
     * then checked where the EOF marker turns out to be, and {@link Summary#end} says where
     * the commands start.
     */
    public Summary load(byte[] data, Keyspace keyspace, boolean preamble) throws RdbFormatException {
        int version = version(data);
        if (!preamble) verifyChecksum(data, version);
        RdbInput in = new RdbInput(data, 9, data.length);
        long now = keyspace.now();
        RdbValueReader values = new RdbValueReader(limits, now);
        Map<String, String> aux = new LinkedHashMap<>();
        List<byte[]> functions = new ArrayList<>();
        Database db = keyspace.db(0);
        long expireAt = -1, idle = -1, keys = 0, skipped = 0;
        int freq = -1;
        while (true) {
            int type = in.u8();
            switch (type) {
                case OP_EXPIRETIME_MS -> expireAt = in.millis();
                case OP_EXPIRETIME -> expireAt = in.u32() * 1000;
                case OP_FREQ -> freq = in.u8();
                case OP_IDLE -> idle = in.length();
                case OP_SELECTDB -> {
                    long n = in.length();
                    if (n < 0 || n >= keyspace.databases()) {
                        throw new RdbFormatException("FATAL: Data file was created with a server configured to handle more than "
                                + keyspace.databases() + " databases. Exiting");
                    }
                    db = keyspace.db((int) n);
                }
                case OP_RESIZEDB -> {
                    in.length();
                    in.length();
                }
                case OP_SLOT_INFO -> {
                    in.length();
                    in.length();
                    in.length();
                }
                case OP_AUX -> {
                    String k = new String(in.string(), StandardCharsets.ISO_8859_1);
                    aux.put(k, new String(in.string(), StandardCharsets.ISO_8859_1));
                }
                case OP_FUNCTION2 -> functions.add(in.string());
                case OP_FUNCTION_PRE_GA -> throw new RdbFormatException("Pre-GA function format not supported");
                case OP_MODULE_AUX -> throw new RdbFormatException("module data in the RDB is not supported");
                case OP_EOF -> {
                    int end = in.position();
                    if (preamble) {
                        if (version >= 5) {
                            long stored = in.millis(); // the same 8 little-endian bytes
                            if (stored != 0 && stored != Crc64.update(0, data, 0, end)) throw new RdbFormatException("Wrong RDB checksum. Aborting now.");
                        }
                        return new Summary(version, keys, skipped, aux, functions, in.position());
                    }
                    if (version >= 5 && end != data.length - 8 || version < 5 && end != data.length) {
                        throw new RdbFormatException("unexpected data after the RDB end marker");
                    }
                    return new Summary(version, keys, skipped, aux, functions, data.length);
                }
                default -> {
                    if (!isValueType(type)) throw new RdbFormatException("Unknown RDB type " + type);
                    byte[] key = in.string();
                    Value v = values.read(type, in);
                    if (v != null) {
                        if (expireAt >= 0 && !keepExpired && expireAt <= now) {
                            skipped++;
                        } else {
                            db.put(key, v, false);
                            if (expireAt >= 0) db.setExpire(key, expireAt);
                            if (idle >= 0) keyspace.setIdleSeconds(v, idle);
                            if (freq >= 0) keyspace.setFrequency(v, freq);
                            keys++;
                        }
                    }
                    expireAt = idle = -1;
                    freq = -1;
                }
            }
        }
    }
}
