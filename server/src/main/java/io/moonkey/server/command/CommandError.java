package io.moonkey.server.command;

/**
 * Thrown by argument parsing and type checks to end a command with an error reply; the
 * dispatcher writes the message. Stack-trace free: it is an expected outcome, not a fault.
 */
public final class CommandError extends RuntimeException {
    public CommandError(String message) {
        super(message, null, false, false);
    }
}
