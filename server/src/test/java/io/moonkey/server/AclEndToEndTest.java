package io.moonkey.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ACL users over real connections: authentication, enforcement, the log, scripts, transactions and files. */
class AclEndToEndTest {
    private TestServer server;
    private RespConnection admin;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer("--save", "", "--appendonly", "no");
        admin = server.connect();
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        server.close();
    }

    private RespConnection as(String user, String pass) throws Exception {
        RespConnection c = server.connect();
        assertEquals("+OK\r\n", c.call("AUTH", user, pass));
        return c;
    }

    private static String bulk(String s) {
        return "$" + s.length() + "\r\n" + s + "\r\n";
    }

    @Test
    void authAndHelloWithUsers() throws Exception {
        admin.call("ACL", "SETUSER", "alice", "on", ">pw", "+@all", "~*");
        try (RespConnection c = server.connect()) {
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.call("AUTH", "alice", "bad"));
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.call("AUTH", "nobody", "pw"));
            assertEquals("+OK\r\n", c.call("AUTH", "alice", "pw"));
            assertEquals(bulk("alice"), c.call("ACL", "WHOAMI"));
            assertTrue(c.call("CLIENT", "INFO").contains(" user=alice "));
            assertTrue(c.call("HELLO", "3", "AUTH", "default", "x").startsWith("%7"), "the default user has nopass");
            assertEquals(bulk("default"), c.call("ACL", "WHOAMI"));
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n",
                    c.call("HELLO", "3", "AUTH", "alice", "nope"));
        }
        admin.call("ACL", "SETUSER", "alice", "off");
        try (RespConnection c = server.connect()) {
            assertEquals("-WRONGPASS invalid username-password pair or user is disabled.\r\n", c.call("AUTH", "alice", "pw"));
        }
        assertTrue(admin.call("INFO", "stats").contains("acl_access_denied_auth:4"));
    }

    @Test
    void requirepassIsTheDefaultUsersPassword() throws Exception {
        assertEquals("-ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?\r\n",
                admin.call("AUTH", "x"));
        admin.call("CONFIG", "SET", "requirepass", "sekret");
        assertTrue(admin.call("ACL", "LIST").contains("user default on #"));
        try (RespConnection c = server.connect()) {
            assertEquals("-NOAUTH Authentication required.\r\n", c.call("GET", "k"));
            assertEquals("+OK\r\n", c.call("AUTH", "sekret"));
            assertEquals("$-1\r\n", c.call("GET", "k"));
            assertEquals("+OK\r\n", c.call("AUTH", "default", "sekret"));
        }
        admin.call("CONFIG", "SET", "requirepass", "");
        assertTrue(admin.call("ACL", "LIST").contains("user default on nopass ~* &* +@all"));
    }

    @Test
    void permissionErrorsAtDispatchAreLoggedAndCounted() throws Exception {
        admin.call("ACL", "SETUSER", "bob", "on", ">pw", "~k*", "&ch", "+get", "+set", "+publish", "+client|list");
        try (RespConnection c = as("bob", "pw")) {
            assertEquals("$-1\r\n", c.call("GET", "k1"));
            assertEquals("-NOPERM No permissions to access a key\r\n", c.call("GET", "x"));
            assertEquals("-NOPERM User bob has no permissions to run the 'del' command\r\n", c.call("DEL", "k1"));
            assertEquals("-NOPERM User bob has no permissions to run the 'client|info' command\r\n", c.call("CLIENT", "INFO"));
            assertEquals("-NOPERM No permissions to access a channel\r\n", c.call("PUBLISH", "other", "m"));
            assertEquals(":0\r\n", c.call("PUBLISH", "ch", "m"));
        }
        String info = admin.call("INFO", "errorstats");
        assertTrue(info.contains("errorstat_NOPERM:count=4"), info);
        String stats = admin.call("INFO", "stats");
        assertTrue(stats.contains("acl_access_denied_cmd:2") && stats.contains("acl_access_denied_key:1")
                && stats.contains("acl_access_denied_channel:1"), stats);
        String log = admin.call("ACL", "LOG", "1");
        assertTrue(log.startsWith("*1\r\n*20\r\n$5\r\ncount\r\n:1\r\n$6\r\nreason\r\n$7\r\nchannel\r\n$7\r\ncontext\r\n$8\r\ntoplevel\r\n"
                + "$6\r\nobject\r\n$5\r\nother\r\n$8\r\nusername\r\n$3\r\nbob\r\n$11\r\nage-seconds\r\n"), log);
        assertTrue(log.contains("user=bob") && log.contains("entry-id") && log.contains("timestamp-last-updated"), log);
        assertTrue(admin.call("ACL", "LOG").startsWith("*4\r\n"));
        assertEquals("+OK\r\n", admin.call("ACL", "LOG", "RESET"));
        assertEquals("*0\r\n", admin.call("ACL", "LOG"));
    }

    @Test
    void repeatedDenialsAreGroupedInOneEntry() throws Exception {
        admin.call("ACL", "SETUSER", "bob", "on", ">pw", "~k*", "+get");
        try (RespConnection c = as("bob", "pw")) {
            for (int i = 0; i < 3; i++) c.call("GET", "x");
        }
        assertTrue(admin.call("ACL", "LOG").startsWith("*1\r\n*20\r\n$5\r\ncount\r\n:3\r\n"));
    }

    @Test
    void transactionsAbortOnQueueTimeDenialAndRecheckAtExec() throws Exception {
        admin.call("ACL", "SETUSER", "tx", "on", ">pw", "~*", "&*", "+get", "+del", "+multi", "+exec");
        try (RespConnection c = as("tx", "pw")) {
            c.call("MULTI");
            assertEquals("-NOPERM User tx has no permissions to run the 'set' command\r\n", c.call("SET", "a", "b"));
            assertEquals("-EXECABORT Transaction discarded because of previous errors.\r\n", c.call("EXEC"));
            c.call("MULTI");
            assertEquals("+QUEUED\r\n", c.call("GET", "x"));
            assertEquals("+QUEUED\r\n", c.call("DEL", "x"));
            admin.call("ACL", "SETUSER", "tx", "-del");
            assertEquals("*2\r\n$-1\r\n-NOPERM ACLs rules changed between the moment the transaction was accumulated and the "
                    + "EXEC call. This command is no longer allowed for the following reason: no permission to execute the "
                    + "command or subcommand\r\n", c.call("EXEC"));
        }
        assertTrue(admin.call("ACL", "LOG", "1").contains("$7\r\ncontext\r\n$5\r\nmulti\r\n"));
    }

    @Test
    void scriptsCheckTheCallingUser() throws Exception {
        admin.call("ACL", "SETUSER", "lua", "on", ">pw", "~k*", "&ch", "+eval", "+get", "+publish", "+fcall", "+function|load");
        try (RespConnection c = as("lua", "pw")) {
            assertEquals("-NOPERM No permissions to access a key\r\n", c.call("EVAL", "return 1", "1", "x"));
            assertEquals(":1\r\n", c.call("EVAL", "return 1", "1", "k"));
            String keyDenied = c.call("EVAL", "return server.call('get','x')", "0");
            assertTrue(keyDenied.startsWith("-ERR ACL failure in script: No permissions to access a key script: "), keyDenied);
            String cmdDenied = c.call("EVAL", "return server.call('set','k','v')", "0");
            assertTrue(cmdDenied.startsWith("-ERR ACL failure in script: User lua has no permissions to run the 'set' command script: "), cmdDenied);
            assertEquals("-ERR ACL failure in script: No permissions to access a channel\r\n",
                    c.call("EVAL", "return server.pcall('publish','zz','m')", "0"));
            assertEquals(":1\r\n", c.call("EVAL", "return server.acl_check_cmd('get','k1') and 1 or 0", "0"));
            assertEquals(":0\r\n", c.call("EVAL", "return server.acl_check_cmd('get','x') and 1 or 0", "0"));
            assertEquals(":0\r\n", c.call("EVAL", "return server.acl_check_cmd('set','k','v') and 1 or 0", "0"));
            assertEquals("$3\r\nlib\r\n", c.call("FUNCTION", "LOAD", "#!lua name=lib\nserver.register_function('f', function(k) return server.call('get', k[1]) end)"));
            assertEquals("-NOPERM No permissions to access a key\r\n", c.call("FCALL", "f", "1", "x"));
        }
        String log = admin.call("ACL", "LOG");
        assertTrue(log.contains("$7\r\ncontext\r\n$3\r\nlua\r\n"), log);
        // the default user may do everything in scripts
        assertEquals("+OK\r\n", admin.call("EVAL", "return server.call('set','x','1')", "0"));
        assertEquals(":1\r\n", admin.call("EVAL", "return server.acl_check_cmd('flushall') and 1 or 0", "0"));
    }

    @Test
    void deletingAUserDisconnectsItsClients() throws Exception {
        admin.call("ACL", "SETUSER", "gone", "on", ">pw", "+@all", "~*");
        RespConnection c = as("gone", "pw");
        RespConnection other = server.connect();
        admin.call("CLIENT", "LIST");
        assertEquals(":1\r\n", admin.call("ACL", "DELUSER", "gone", "nosuch"));
        assertTrue(c.closedByPeer());
        assertEquals("+PONG\r\n", other.call("PING"));
        assertEquals("-ERR The 'default' user cannot be removed\r\n", admin.call("ACL", "DELUSER", "default"));
        c.close();
        other.close();
    }

    @Test
    void revokingAChannelDisconnectsItsSubscribers() throws Exception {
        admin.call("ACL", "SETUSER", "sub", "on", ">pw", "+@all", "~*", "&news");
        RespConnection c = as("sub", "pw");
        c.call("SUBSCRIBE", "news");
        admin.call("ACL", "SETUSER", "sub", "+get");
        admin.call("PUBLISH", "news", "still");
        assertTrue(c.readReply().contains("still"));
        admin.call("ACL", "SETUSER", "sub", "resetchannels", "&other");
        assertTrue(c.closedByPeer());
        c.close();
    }

    @Test
    void clientKillByUser() throws Exception {
        admin.call("ACL", "SETUSER", "k", "on", ">pw", "+@all", "~*");
        RespConnection c1 = as("k", "pw");
        RespConnection c2 = as("k", "pw");
        assertEquals(":2\r\n", admin.call("CLIENT", "KILL", "USER", "k"));
        assertEquals("-ERR No such user 'zz'\r\n", admin.call("CLIENT", "KILL", "USER", "zz"));
        assertTrue(c1.closedByPeer());
        assertTrue(c2.closedByPeer());
        c1.close();
        c2.close();
    }

    @Test
    void sortByAndGetPatternsNeedAccessToAllKeys() throws Exception {
        admin.call("RPUSH", "k1", "2", "1");
        admin.call("ACL", "SETUSER", "s", "on", ">pw", "~k*", "+sort");
        admin.call("ACL", "SETUSER", "all", "on", ">pw", "%R~*", "~k*", "+sort");
        try (RespConnection c = as("s", "pw"); RespConnection a = as("all", "pw")) {
            assertEquals("-ERR BY option of SORT denied due to insufficient ACL permissions.\r\n", c.call("SORT", "k1", "BY", "w_*"));
            assertEquals("-ERR GET option of SORT denied due to insufficient ACL permissions.\r\n", c.call("SORT", "k1", "GET", "#"));
            assertEquals("*2\r\n$1\r\n2\r\n$1\r\n1\r\n", c.call("SORT", "k1", "BY", "nosort"));
            assertEquals("*2\r\n$1\r\n1\r\n$1\r\n2\r\n", a.call("SORT", "k1", "GET", "#"));
        }
    }

    @Test
    void aofReplayIsNotRestrictedByTheDefaultUser(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String[] aof = {"--save", "", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always"};
        try (TestServer s = new TestServer(aof); RespConnection c = s.connect()) {
            assertEquals("+OK\r\n", c.call("EVAL", "return server.call('set', 'a', '1')", "0"));
        }
        String[] restricted = java.util.stream.Stream.concat(java.util.Arrays.stream(aof),
                java.util.stream.Stream.of("--user", "default", "on", "nopass", "~*", "-@all", "+get")).toArray(String[]::new);
        try (TestServer s = new TestServer(restricted); RespConnection c = s.connect()) {
            assertEquals("$1\r\n1\r\n", c.call("GET", "a"));
            assertEquals("-NOPERM User default has no permissions to run the 'set' command\r\n", c.call("SET", "a", "2"));
        }
    }

    @Test
    void resetGoesBackToTheDefaultUser() throws Exception {
        admin.call("ACL", "SETUSER", "r", "on", ">pw", "+@all", "~*");
        try (RespConnection c = as("r", "pw")) {
            assertEquals("+RESET\r\n", c.call("RESET"));
            assertEquals(bulk("default"), c.call("ACL", "WHOAMI"));
        }
    }

    @Test
    void aclFileSaveAndLoad(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.acl");
        Files.writeString(file, "user default on nopass ~* &* +@all\nuser a on >x ~k +get\n");
        try (TestServer s = new TestServer("--save", "", "--aclfile", file.toString()); RespConnection c = s.connect()) {
            assertTrue(c.call("ACL", "LIST").contains("user a on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~k resetchannels -@all +get"));
            c.call("ACL", "SETUSER", "z", "on", ">p", "(~x +get)");
            assertEquals("+OK\r\n", c.call("ACL", "SAVE"));
            assertEquals("user a on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~k resetchannels -@all +get\n"
                    + "user default on nopass ~* &* +@all\n"
                    + "user z on #148de9c5a7a44d19e56cd9ae1a554bf67847afb0c58f6e12fa29ac7ddfca9940 resetchannels -@all (~x resetchannels -@all +get)\n",
                    Files.readString(file));
            Files.writeString(file, "user a on >x +nosuch\nfoo\n");
            String err = c.call("ACL", "LOAD");
            assertEquals("-ERR " + file + ":1: Error in applying operation '+nosuch': Unknown command or category name in ACL. "
                    + file + ":2 should start with user keyword followed by the username. WARNING: ACL errors detected, "
                    + "no change to the previously active ACL rules was performed\r\n", err);
            Files.writeString(file, "user b on nopass +@all ~*\n");
            assertEquals("+OK\r\n", c.call("ACL", "LOAD"));
            assertEquals("*2\r\n$1\r\nb\r\n$7\r\ndefault\r\n", c.call("ACL", "USERS"));
        }
        assertEquals("-ERR This Valkey instance is not configured to use an ACL file. You may want to specify users via the ACL "
                + "SETUSER command and then issue a CONFIG REWRITE (assuming you have a Valkey configuration file set) in order "
                + "to store users in the Valkey configuration.\r\n", admin.call("ACL", "SAVE"));
    }

    @Test
    void userLinesInTheConfiguration() throws Exception {
        try (TestServer s = new TestServer("--save", "", "--user", "default", "on", ">dpw", "~*", "&*", "+@all",
                "--user", "ro", "on", "nopass", "~*", "-@all", "+@read"); RespConnection c = s.connect()) {
            assertEquals("-NOAUTH Authentication required.\r\n", c.call("PING"));
            assertEquals("+OK\r\n", c.call("AUTH", "ro", "x"));
            assertEquals("-NOPERM User ro has no permissions to run the 'set' command\r\n", c.call("SET", "a", "b"));
            assertEquals("$-1\r\n", c.call("GET", "a"));
        }
        assertThrows(io.moonkey.server.config.ConfigException.class, () -> new TestServer("--user", "bad", "on", "+nosuch").close());
    }

    @Test
    void configRewriteWritesTheUsers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path conf = dir.resolve("valkey.conf");
        Files.writeString(conf, "save \"\"\nuser bob on >x ~* +get\n# kept\n");
        Server s = new Server(conf.toString());
        LocalClient c = new LocalClient(s);
        assertEquals("+OK\r\n", c.call("ACL", "SETUSER", "al", "on", "nopass"));
        assertEquals("+OK\r\n", c.call("CONFIG", "REWRITE"));
        String text = Files.readString(conf);
        assertTrue(text.startsWith("save \"\"\nuser al on nopass resetchannels -@all\n# kept\n"), text);
        assertTrue(text.endsWith("user bob on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~* resetchannels -@all +get\n"
                + "user default on nopass ~* &* +@all\n"), text);
        Server again = new Server(conf.toString());
        assertEquals(3, again.acl().configLines().size());
    }

    @Test
    void aclSubcommandErrors() throws Exception {
        assertEquals("-ERR Usernames can't contain spaces or null characters\r\n", admin.call("ACL", "SETUSER", "a b"));
        assertEquals("-ERR Unknown category 'nosuch'\r\n", admin.call("ACL", "CAT", "nosuch"));
        assertEquals("-ERR unknown subcommand or wrong number of arguments for 'CAT'. Try ACL HELP.\r\n", admin.call("ACL", "CAT", "a", "b"));
        assertEquals("-ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096\r\n",
                admin.call("ACL", "GENPASS", "0"));
        assertEquals("$2\r\n", admin.call("ACL", "GENPASS", "5").substring(0, 4));
        assertEquals(71, admin.call("ACL", "GENPASS").length(), "$64, 64 hex digits, CRLFs");
        assertEquals("-ERR User 'x' not found\r\n", admin.call("ACL", "DRYRUN", "x", "get", "k"));
        assertEquals("-ERR Command 'nosuch' not found\r\n", admin.call("ACL", "DRYRUN", "default", "nosuch"));
        assertEquals("-ERR Command 'client' not found\r\n", admin.call("ACL", "DRYRUN", "default", "client", "nosuch"));
        assertEquals("-ERR wrong number of arguments for 'client|kill' command\r\n", admin.call("ACL", "DRYRUN", "default", "client", "kill"));
        assertEquals("$-1\r\n", admin.call("ACL", "GETUSER", "nobody"));
        assertEquals("-ERR unknown subcommand 'NOPE'. Try ACL HELP.\r\n", admin.call("ACL", "NOPE"));
    }
}
