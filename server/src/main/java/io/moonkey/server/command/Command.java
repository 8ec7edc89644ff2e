package io.moonkey.server.command;

import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/** A command implementation: runs with the caller's session, its arguments and a reply sink. */
@FunctionalInterface
public interface Command {
    void execute(Session session, byte[][] argv, ReplySink out);
}
