package io.moonkey.server;

/** CLIENT REPLY modes. */
public enum ReplyMode { ON, OFF, SKIP }
