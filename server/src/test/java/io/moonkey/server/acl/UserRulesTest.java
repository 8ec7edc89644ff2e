package io.moonkey.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moonkey.server.Server;
import io.moonkey.server.command.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule parser, the rule descriptions and the permission matcher, on a server's real command table. */
class UserRulesTest {
    private final Server server;
    private final Acl acl;

    UserRulesTest() throws Exception {
        server = new Server();
        acl = server.acl();
    }

    private User user(String... rules) throws AclException {
        acl.setUser("u", List.of("reset"));
        acl.setUser("u", Arrays.asList(rules));
        return acl.user("u");
    }

    private String error(String... rules) {
        return assertThrows(AclException.class, () -> user(rules)).getMessage();
    }

    private static byte[][] argv(String... a) {
        byte[][] r = new byte[a.length][];
        for (int i = 0; i < a.length; i++) r[i] = a[i].getBytes(StandardCharsets.ISO_8859_1);
        return r;
    }

    private Denial check(User u, String... line) {
        byte[][] a = argv(line);
        CommandSpec cmd = server.commands().resolve(a);
        return u.check(cmd, a);
    }

    @Test
    void defaultUserIsUnrestrictedAndDescribedAsValkeyDoes() {
        User d = acl.defaultUser();
        assertTrue(d.unrestricted());
        assertEquals("on nopass ~* &* +@all", d.describe());
    }

    @Test
    void newUserHasNothing() throws AclException {
        acl.setUser("fresh", List.of());
        User u = acl.user("fresh");
        assertEquals("off resetchannels -@all", u.describe());
        assertFalse(u.enabled());
        assertEquals(Denial.Kind.COMMAND, check(u, "get", "k").kind());
    }

    @Test
    void keyPatternsMergeAndDescribe() throws AclException {
        assertEquals("off sanitize-payload ~a* %R~b* %W~c* ~d* resetchannels -@all",
                user("~a*", "%R~b*", "%W~c*", "%RW~d*").describe());
        assertEquals("off sanitize-payload ~foo resetchannels -@all", user("%R~foo", "%W~foo").describe());
        assertEquals("off sanitize-payload %R~ resetchannels -@all", user("%R").describe());
        assertEquals("off sanitize-payload %R~* resetchannels -@all", user("%R~*").describe());
        assertEquals("off sanitize-payload ~* resetchannels -@all", user("~*").describe());
        assertEquals("off sanitize-payload resetchannels -@all", user("~foo", "resetkeys").describe());
    }

    @Test
    void ruleErrorsUseValkeyTexts() {
        assertEquals("ERR Error in ACL SETUSER modifier '%X~foo': Syntax error", error("%X~foo"));
        assertEquals("ERR Error in ACL SETUSER modifier '%~foo': Syntax error", error("%~foo"));
        assertEquals("ERR Error in ACL SETUSER modifier '%RR~foo': Syntax error", error("%RR~foo"));
        assertEquals("ERR Error in ACL SETUSER modifier 'bogus': Syntax error", error("bogus"));
        assertEquals("ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL", error("+nosuch"));
        assertEquals("ERR Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL", error("+@nosuch"));
        assertEquals("ERR Error in ACL SETUSER modifier '+config|nosuch': Unknown command or category name in ACL",
                error("+config|nosuch"));
        assertEquals("ERR Error in ACL SETUSER modifier '-select|0': Unknown command or category name in ACL", error("-select|0"));
        assertEquals("ERR Error in ACL SETUSER modifier '~foo': Adding a pattern after the * pattern (or the 'allkeys' "
                + "flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns",
                error("allkeys", "~foo"));
        assertEquals("ERR Error in ACL SETUSER modifier '&x': Adding a pattern after the * pattern (or the 'allchannels' "
                + "flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels",
                error("allchannels", "&x"));
        assertEquals("ERR Error in ACL SETUSER modifier '<zz': The password you are trying to remove from the user does not exist",
                error("<zz"));
        assertEquals("ERR Error in ACL SETUSER modifier '#abc': The password hash must be exactly 64 characters and "
                + "contain only lowercase hexadecimal characters", error("#abc"));
        assertEquals("ERR Unmatched parenthesis in acl selector starting at '('.", error("(", "+get"));
        assertEquals("ERR Error in ACL SETUSER modifier '(on)': Syntax error", error("(on)"));
    }

    @Test
    void aFailedSetuserChangesNothing() throws AclException {
        User u = user("on", "+get");
        String before = u.describe();
        assertThrows(AclException.class, () -> acl.setUser("u", List.of("+set", "~x", "bogus")));
        assertEquals(before, acl.user("u").describe());
    }

    @Test
    void commandRulesKeepTheirOrderWithoutDuplicates() throws AclException {
        assertEquals("-@all +get", user("+get", "+get").root().describeCommands());
        assertEquals("+@all -get", user("+@all", "-get").root().describeCommands());
        assertEquals("+@all -config|get", user("+@all", "-config|get").root().describeCommands());
        assertEquals("-@all +config", user("+config|get", "+config").root().describeCommands());
        assertEquals("-@all", user("+@read", "-@all").root().describeCommands());
        assertEquals("-@all +@read -get", user("+@read", "-get").root().describeCommands());
        assertEquals("-@all +select|0", user("+select|0").root().describeCommands());
        assertEquals("-@all -select", user("+select|0", "+select|1", "-select").root().describeCommands());
    }

    @Test
    void commandsCategoriesAndSubcommands() throws AclException {
        User u = user("on", "allkeys", "+@hash", "-hget", "+config|get");
        assertNull(check(u, "hset", "h", "f", "v"));
        assertEquals(Denial.Kind.COMMAND, check(u, "hget", "h", "f").kind());
        assertNull(check(u, "config", "get", "x"));
        assertEquals(Denial.Kind.COMMAND, check(u, "config", "set", "x", "y").kind());
        assertNull(check(u, "auth", "x"), "no-auth commands are always allowed");
        User all = user("on", "allkeys", "allchannels", "+@all");
        assertTrue(all.unrestricted());
        User minus = user("on", "allkeys", "allchannels", "+@all", "-get", "+get");
        assertFalse(minus.unrestricted(), "a '-' rule clears allcommands even when the command comes back");
        assertNull(check(minus, "get", "k"));
    }

    @Test
    void firstArgumentRules() throws AclException {
        User u = user("on", "+select|0");
        assertNull(check(u, "select", "0"));
        assertEquals(Denial.Kind.COMMAND, check(u, "select", "1").kind());
    }

    @Test
    void keyPermissionsFollowKeySpecFlags() throws AclException {
        User r = user("on", "+@all", "%R~r*", "%W~w*", "~rw*");
        assertNull(check(r, "get", "r1"));
        assertEquals(Denial.Kind.KEY, check(r, "get", "w1").kind());
        assertNull(check(r, "set", "w1", "v"), "SET without GET only writes");
        assertEquals(Denial.Kind.KEY, check(r, "set", "w1", "v", "get").kind());
        assertNull(check(r, "set", "rw1", "v", "GET"));
        assertEquals(Denial.Kind.KEY, check(r, "set", "r1", "v").kind());
        assertEquals(1, check(r, "lmove", "r1", "w1", "left", "right").argIndex(), "the source is read and written");
        assertNull(check(r, "lmove", "rw1", "w1", "left", "right"));
        Denial d = check(r, "mset", "rw1", "v", "r2", "v");
        assertEquals(Denial.Kind.KEY, d.kind());
        assertEquals(3, d.argIndex());
        assertNull(check(r, "eval", "return 1", "1", "rw"));
        assertEquals(Denial.Kind.KEY, check(r, "eval", "return 1", "1", "zz").kind());
    }

    @Test
    void channelsAndPatterns() throws AclException {
        User u = user("on", "+@all", "allkeys", "&news.*", "&exact");
        assertNull(check(u, "publish", "news.1", "m"));
        assertEquals(Denial.Kind.CHANNEL, check(u, "publish", "other", "m").kind());
        assertNull(check(u, "subscribe", "news.x", "exact"));
        assertEquals(2, check(u, "subscribe", "news.x", "nope").argIndex());
        assertNull(check(u, "psubscribe", "news.*"), "a pattern must equal an allowed pattern");
        assertEquals(Denial.Kind.CHANNEL, check(u, "psubscribe", "news.1*").kind());
        assertNull(check(u, "unsubscribe", "anything"));
    }

    @Test
    void selectorsAddAlternativesAndTheMostSpecificFailureIsReported() throws AclException {
        User u = user("on", "+get", "~a*", "(+set ~b*)", "(%R~c* +@string)");
        assertNull(check(u, "get", "a1"));
        assertNull(check(u, "set", "b1", "v"));
        assertNull(check(u, "get", "c1"));
        assertEquals(Denial.Kind.KEY, check(u, "set", "c1", "v").kind());
        assertEquals(Denial.Kind.COMMAND, check(u, "hset", "a", "f", "v").kind());
        assertEquals("on sanitize-payload ~a* resetchannels -@all +get (~b* resetchannels -@all +set) "
                + "(%R~c* resetchannels -@all +@string)", u.describe());
        assertEquals("on sanitize-payload ~a* resetchannels -@all +get", user("on", "+get", "~a*", "(+set)", "clearselectors").describe());
    }

    @Test
    void passwords() throws AclException {
        User u = user("on", ">secret", ">other", "<other");
        assertTrue(u.accepts("secret".getBytes()));
        assertFalse(u.accepts("other".getBytes()));
        assertEquals(1, u.passwordHashes().size());
        String hash = User.hash("x".getBytes());
        u = user("on", "#" + hash);
        assertTrue(u.accepts("x".getBytes()));
        u = user("on", "#" + hash, "!" + hash);
        assertFalse(u.accepts("x".getBytes()));
        u = user("on", ">a", "nopass");
        assertTrue(u.accepts("anything".getBytes()));
        assertEquals(0, u.passwordHashes().size());
        u = user("off", "nopass");
        assertFalse(u.accepts("anything".getBytes()), "a disabled user never authenticates");
    }

    @Test
    void requirepassSetsTheDefaultUsersPassword() {
        acl.requirepassChanged("pw");
        assertFalse(acl.newConnectionsAuthenticated());
        assertTrue(acl.defaultUser().accepts("pw".getBytes()));
        acl.requirepassChanged("");
        assertTrue(acl.newConnectionsAuthenticated());
    }
}
