package io.moonkey.server.config;

/** A rejected configuration value; the message is the part after "... - ". */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
