/**
 * Persistence through the append-only file, in the multi-part layout of Valkey 7 (a directory
 * with a manifest, one base file and incremental files): the propagation stream's AOF-bound
 * commands are appended, a rewrite writes the dataset as commands into a new base, and startup
 * replays the files.
 */
package io.moonkey.server.persistence;
