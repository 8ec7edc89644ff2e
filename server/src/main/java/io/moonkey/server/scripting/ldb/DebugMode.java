package io.moonkey.server.scripting.ldb;

/** What SCRIPT DEBUG enabled for a connection (ldb.md §1). */
public enum DebugMode {
    /** YES: the session runs on a private copy of the dataset, on its own thread (§2.1). */
    FORKED,
    /** SYNC: the session runs in the server, blocking it (§2.2). */
    SYNC
}
