package io.moonkey.server.scripting.ldb;

/**
 * The debugged client's connection as the debugger uses it (ldb.md §4): it writes the log
 * arrays and reads commands directly, blocking, outside the server's event loop.
 */
public interface DebugLink {
    /** Blocks until bytes arrive; returns how many, or -1 once the client closed or a read failed. */
    int read(byte[] buf);

    /** Writes everything (a failure is noticed by the next read). */
    void write(byte[] data);

    /** Closes the connection (a forked session owns it to the end, ldb.md §2.1). */
    void close();
}
