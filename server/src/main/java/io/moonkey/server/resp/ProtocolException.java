package io.moonkey.server.resp;

/** Malformed input from a client: the message is replied as an error, then the client is closed. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) {
        super(message, null, false, false);
    }
}
