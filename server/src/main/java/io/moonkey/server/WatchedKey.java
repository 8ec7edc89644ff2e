package io.moonkey.server;

import io.moonkey.datastore.Database;

/** A key a client WATCHes, and whether it was already logically expired when watched. */
record WatchedKey(Database db, byte[] key, boolean expiredAtWatch) {}
