/**
 * Persistence: the RDB file (SAVE, BGSAVE, save points, loading at startup; the format itself is
 * in {@code persistence.rdb}), DUMP/RESTORE payloads, and the append-only file in the
 * multi-part layout of Valkey 7 (a directory with a manifest, one base file and incremental
 * files): the propagation stream's AOF-bound commands are appended, a rewrite writes the
 * dataset as commands into a new base, and startup replays the files (a base that starts with
 * an RDB preamble included).
 */
package io.moonkey.server.persistence;
