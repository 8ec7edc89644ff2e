package io.moonkey.server.resp;

import java.nio.charset.StandardCharsets;

/**
 * Where a command's reply goes, one RESP3-shaped value at a time. Aggregates are a header with
 * the element count followed by that many values (a map: 2 values per entry). The network
 * implementation is {@link RespWriter}; the scripting engine implements it to build Lua values
 * directly, without serialising to bytes.
 *
 * <p>Errors are passed without the leading '-' and always start with their code word
 * ({@code "ERR syntax error"}, {@code "WRONGTYPE ..."}).
 */
public interface ReplySink {
    void simple(String s);

    void error(String message);

    /** An error whose statistics were recorded where it arose (a script passing on a command's error). */
    default void errorCountedElsewhere(String message) {
        error(message);
    }

    void integer(long v);

    void bulk(byte[] b, int off, int len);

    default void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    default void bulk(String s) {
        bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The null bulk ($-1 in RESP2, _ in RESP3). */
    void nullBulk();

    /** The null array (*-1 in RESP2, _ in RESP3). */
    void nullArray();

    void arrayHeader(int n);

    /** A map of {@code n} entries; RESP2 sees a flat array of 2n elements. */
    void mapHeader(int n);

    /** A set; RESP2 sees an array. */
    void setHeader(int n);

    /** An out-of-band push (pub/sub messages); RESP2 sees an array. */
    void pushHeader(int n);

    /** A double; RESP2 sees it as a bulk string. */
    void doubleValue(double d);

    /**
     * A double given as its text (GEO coordinates in Valkey's long-double "human" form); RESP2
     * sees a bulk string. Sinks that build values rather than bytes take the number it denotes.
     */
    default void doubleText(byte[] text) {
        if (protocol() > 2) doubleValue(Double.parseDouble(new String(text, StandardCharsets.US_ASCII)));
        else bulk(text);
    }

    /** A boolean; RESP2 sees the integer 1 or 0. */
    void bool(boolean b);

    /** A verbatim string with its 3-letter format ("txt"); RESP2 sees a bulk string. */
    void verbatim(String format, byte[] text);

    /** A big number given as its decimal text; RESP2 sees a bulk string. */
    void bigNumber(String decimal);

    /** The protocol version the receiver expects (2 or 3); commands shape replies by it. */
    int protocol();

    /** The shared OK status. */
    default void ok() {
        simple("OK");
    }
}
