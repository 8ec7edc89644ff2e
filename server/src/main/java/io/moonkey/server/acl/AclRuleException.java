package io.moonkey.server.acl;

/** A rule ACL SETUSER (or a config/ACL file line) cannot apply; the message is Valkey's reason text. */
public final class AclRuleException extends Exception {
    public AclRuleException(String reason) {
        super(reason, null, false, false);
    }

    static AclRuleException syntax() {
        return new AclRuleException("Syntax error");
    }

    static AclRuleException unknownCommand() {
        return new AclRuleException("Unknown command or category name in ACL");
    }
}
