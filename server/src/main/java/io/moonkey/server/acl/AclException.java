package io.moonkey.server.acl;

/** An ACL operation failed; the message is the whole error reply ("ERR ..."). */
public final class AclException extends Exception {
    public AclException(String message) {
        super(message, null, false, false);
    }
}
