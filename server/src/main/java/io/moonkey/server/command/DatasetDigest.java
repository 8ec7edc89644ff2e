package io.moonkey.server.command;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Keyspace;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.stream.Stream;
import io.moonkey.datastore.stream.StreamCursor;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.lua.text.ByteBuilder;
import io.moonkey.lua.text.CFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * DEBUG DIGEST and DIGEST-VALUE, computed exactly as Valkey computes them, so two servers
 * holding the same data print the same digest: per key, SHA-1 based "mix" (order-dependent) of
 * the key, the type number and ordered contents (list elements, stream entries), "xor" (order-independent) of set members and of
 * per-entry digests for hashes and sorted sets, a mark for keys with a time to live, and the
 * per-key digests xored together after mixing in each non-empty database's number.
 */
final class DatasetDigest {
    private static final byte[] EXPIRE_MARK = "!!expire!!".getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest sha1;

    DatasetDigest() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of every database (20 zero bytes when all are empty). */
    byte[] dataset(Keyspace ks) {
        byte[] fin = new byte[20];
        for (int i = 0; i < ks.databases(); i++) {
            Database db = ks.db(i);
            if (db.size() == 0) continue;
            mix(fin, int32(i));
            db.forEachEntry((key, v) -> {
                byte[] d = new byte[20];
                mix(d, key);
                value(d, v, db.expireTime(key) >= 0);
                xor(fin, d, 0, 20);
            });
        }
        return fin;
    }

    /** DIGEST-VALUE of one value (without its key). */
    byte[] value(Value v, boolean hasExpire) {
        byte[] d = new byte[20];
        value(d, v, hasExpire);
        return d;
    }

    private void value(byte[] d, Value v, boolean hasExpire) {
        mix(d, int32(typeNumber(v)));
        if (v instanceof StringValue s) {
            mix(d, s.bytes());
        } else if (v instanceof ListValue l) {
            l.forEachElement(e -> mix(d, e)); // ordered: mixed in turn
        } else if (v instanceof SetValue set) {
            for (int p = set.first(); p >= 0; p = set.next(p)) xorIn(d, set.member(p)); // unordered: xored
        } else if (v instanceof SortedSetValue z) {
            z.forEach((member, score) -> {
                byte[] e = new byte[20];
                mix(e, member);
                mix(e, score(score));
                xor(d, e, 0, 20);
            });
        } else if (v instanceof HashValue h) {
            for (int p = h.first(); p >= 0; p = h.next(p)) {
                byte[] e = new byte[20];
                mix(e, h.field(p));
                mix(e, h.value(p));
                xor(d, e, 0, 20);
            }
        } else if (v instanceof Stream st) {
            StreamCursor c = st.all();
            while (c.next()) {
                mix(d, (Long.toUnsignedString(c.ms()) + "." + Long.toUnsignedString(c.seq())).getBytes(StandardCharsets.US_ASCII));
                for (byte[] fv : c.entry().toArrays()) mix(d, fv);
            }
        }
        if (hasExpire) xor(d, EXPIRE_MARK, 0, EXPIRE_MARK.length);
    }

    /** Valkey's object type numbers: string 0, list 1, set 2, zset 3, hash 4, stream 6. */
    private static int typeNumber(Value v) {
        return switch (v.type()) {
            case STRING -> 0;
            case LIST -> 1;
            case SET -> 2;
            case ZSET -> 3;
            case HASH -> 4;
            case STREAM -> 6;
        };
    }

    /** xorDigest: digest ^= SHA1(bytes). */
    void xorIn(byte[] digest, byte[] bytes) {
        xor(digest, bytes, 0, bytes.length);
    }

    private void xor(byte[] digest, byte[] b, int off, int len) {
        sha1.update(b, off, len);
        byte[] h = sha1.digest();
        for (int i = 0; i < 20; i++) digest[i] ^= h[i];
    }

    /** mixDigest: digest = SHA1(digest ^ SHA1(bytes)). */
    void mix(byte[] digest, byte[] bytes) {
        xor(digest, bytes, 0, bytes.length);
        sha1.update(digest);
        System.arraycopy(sha1.digest(), 0, digest, 0, 20);
    }

    /** A sorted-set score as the digest spells it: C's "%.17g". */
    static byte[] score(double d) {
        if (Double.isInfinite(d)) return (d > 0 ? "inf" : "-inf").getBytes(StandardCharsets.US_ASCII);
        ByteBuilder b = new ByteBuilder(32);
        CFormat.appendDouble(b, d, 'g', 0, 0, 17);
        return b.toByteArray();
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}; // htonl
    }
}
