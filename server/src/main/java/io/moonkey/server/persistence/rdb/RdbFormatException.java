package io.moonkey.server.persistence.rdb;

/** Input that is not a valid RDB file or payload; the message says what was wrong and where. */
public final class RdbFormatException extends Exception {
    public RdbFormatException(String message) {
        super(message, null, false, false);
    }
}
