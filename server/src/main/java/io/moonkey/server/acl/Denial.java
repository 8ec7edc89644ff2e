package io.moonkey.server.acl;

/**
 * Why a user may not run a command line: the kind (Valkey's ACL_DENIED_* order, which decides
 * which failure of several selectors is reported) and, for keys and channels, the argv index of
 * the first one refused.
 */
public record Denial(Kind kind, int argIndex) {
    public enum Kind {
        COMMAND("command"), KEY("key"), AUTH("auth"), CHANNEL("channel");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        /** The ACL LOG "reason" field. */
        public String reason() {
            return reason;
        }
    }

    /** The short text after NOPERM (and after "ACL failure in script: "). */
    public String message(String user, String commandName) {
        return switch (kind) {
            case COMMAND -> "User " + user + " has no permissions to run the '" + commandName + "' command";
            case KEY -> "No permissions to access a key";
            case CHANNEL -> "No permissions to access a channel";
            case AUTH -> "invalid username-password pair or user is disabled.";
        };
    }

    /** The text ACL DRYRUN answers, naming the refused key or channel. */
    public String verboseMessage(String user, String commandName, byte[][] argv) {
        return switch (kind) {
            case KEY -> "User " + user + " has no permissions to access the '" + latin1(argv[argIndex]) + "' key";
            case CHANNEL -> "User " + user + " has no permissions to access the '" + latin1(argv[argIndex]) + "' channel";
            default -> message(user, commandName);
        };
    }

    static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
