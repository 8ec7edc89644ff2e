package io.moonkey.lua.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 as lower-case hex, for {@code server.sha1hex} and the script cache (EVALSHA names). */
public final class Sha1 {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1"); // mandated on every Java platform
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Sha1() {
    }

    /** The 40 lower-case hex digits of the SHA-1 of {@code data[off, off+len)}. */
    public static byte[] hex(byte[] data, int off, int len) {
        MessageDigest md = DIGEST.get();
        md.update(data, off, len);
        byte[] digest = md.digest();
        byte[] out = new byte[40];
        for (int i = 0; i < 20; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 15];
            out[2 * i + 1] = HEX[digest[i] & 15];
        }
        return out;
    }

    public static byte[] hex(byte[] data) {
        return hex(data, 0, data.length);
    }
}
