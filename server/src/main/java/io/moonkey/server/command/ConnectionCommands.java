package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.datastore.Numbers;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.Version;
import io.moonkey.server.resp.ReplySink;

/** Connection commands: PING, ECHO, QUIT, RESET, HELLO, AUTH, SELECT. */
public final class ConnectionCommands {
    private static final byte[] PONG = Arguments.bytes("pong");
    private static final byte[] EMPTY = new byte[0];
    private final Server server;

    public ConnectionCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "connection";
        t.add(new CommandSpec("ping", -1, "fast", g, "1.0.0", "Returns the server's liveliness response.", this::ping));
        t.add(new CommandSpec("echo", 2, "loading stale fast", g, "1.0.0", "Returns the given string.", this::echo));
        t.add(new CommandSpec("quit", -1, "noscript loading stale fast no_auth allow_busy", g, "1.0.0", "Closes the connection.", this::quit));
        t.add(new CommandSpec("reset", 1, "noscript loading stale fast no_auth allow_busy", g, "6.2.0", "Resets the connection.", this::reset));
        t.add(new CommandSpec("hello", -1, "noscript loading stale fast no_auth allow_busy", g, "6.0.0", "Handshakes with the server.", this::hello));
        t.add(new CommandSpec("auth", -2, "noscript loading stale fast no_auth allow_busy", g, "1.0.0", "Authenticates the connection.", this::auth));
        t.add(new CommandSpec("select", 2, "loading stale fast", g, "1.0.0", "Changes the selected database.", this::select));
    }

    /** PING [message]: PONG or the message; in RESP2 subscriber mode a ["pong", message] array. */
    void ping(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 2) throw new CommandError("ERR wrong number of arguments for 'ping' command");
        if (s.inPubSubContext()) {
            out.arrayHeader(2);
            out.bulk(PONG);
            out.bulk(argv.length == 2 ? argv[1] : EMPTY);
        } else if (argv.length == 2) {
            out.bulk(argv[1]);
        } else {
            out.simple("PONG");
        }
    }

    /** ECHO message. */
    void echo(Session s, byte[][] argv, ReplySink out) {
        out.bulk(argv[1]);
    }

    /** QUIT: replies OK and closes the connection once the reply is written. */
    void quit(Session s, byte[][] argv, ReplySink out) {
        out.ok();
        if (s.channel() != null) s.channel().close(true);
    }

    /** RESET: discards the transaction, subscriptions, name and protocol; back to DB 0. */
    void reset(Session s, byte[][] argv, ReplySink out) {
        s.reset();
        out.simple("RESET");
    }

    /** HELLO [protover [AUTH username password] [SETNAME clientname]]: the server's handshake map. */
    void hello(Session s, byte[][] argv, ReplySink out) {
        int proto = s.protocol();
        int i = 1;
        if (argv.length >= 2) {
            long v = Numbers.parseCanonicalLong(argv[1], 0, argv[1].length);
            if (v == Numbers.NOT_A_LONG) throw new CommandError("ERR Protocol version is not an integer or out of range");
            if (v < 2 || v > 3) throw new CommandError("NOPROTO unsupported protocol version");
            proto = (int) v;
            i = 2;
        }
        byte[] user = null, pass = null, name = null;
        for (; i < argv.length; i++) {
            if (is(argv[i], "auth") && argv.length - i - 1 >= 2) {
                user = argv[++i];
                pass = argv[++i];
            } else if (is(argv[i], "setname") && argv.length - i - 1 >= 1) {
                name = argv[++i];
            } else {
                throw new CommandError("ERR Syntax error in HELLO option '" + latin1(argv[i]) + "'");
            }
        }
        if (user != null) {
            String denied = server.acl().authenticate(s, user, pass);
            if (denied != null) throw new CommandError(denied);
        }
        if (!s.authenticated()) {
            throw new CommandError("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
        }
        if (name != null) {
            ClientCommand.validateName(name);
            s.setName(name);
        }
        s.setProtocol(proto);
        out.mapHeader(7);
        out.bulk("server");
        out.bulk(Version.SERVER_NAME);
        out.bulk("version");
        out.bulk(Version.VALKEY);
        out.bulk("proto");
        out.integer(proto);
        out.bulk("id");
        out.integer(s.id());
        out.bulk("mode");
        out.bulk(server.cluster().enabled() ? "cluster" : "standalone");
        out.bulk("role");
        out.bulk("master");
        out.bulk("modules");
        out.arrayHeader(0);
    }

    /** AUTH [username] password. */
    void auth(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) throw new CommandError("ERR syntax error");
        if (argv.length == 2 && !server.authRequired()) {
            throw new CommandError("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
        }
        byte[] user = argv.length == 3 ? argv[1] : Arguments.bytes("default");
        String denied = server.acl().authenticate(s, user, argv[argv.length - 1]);
        if (denied != null) throw new CommandError(denied);
        out.ok();
    }

    /** SELECT index: changes the session's database. */
    void select(Session s, byte[][] argv, ReplySink out) {
        long idx = Arguments.parseInt(argv[1]);
        if (server.cluster().enabled() && idx != 0) throw new CommandError("ERR SELECT is not allowed in cluster mode");
        if (idx < 0 || idx >= server.keyspace().databases()) throw new CommandError("ERR DB index is out of range");
        s.select((int) idx);
        out.ok();
    }
}
