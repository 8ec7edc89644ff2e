/**
 * Access control lists as Valkey defines them: users with passwords and rules, selectors of
 * command, key and channel permissions, the checks the dispatcher and the scripting bridge run for
 * a restricted user, the ACL log and the ACL command. A connection whose user may do everything
 * (the default user unless configured otherwise) is never checked: the dispatcher tests one flag.
 */
package io.moonkey.server.acl;
