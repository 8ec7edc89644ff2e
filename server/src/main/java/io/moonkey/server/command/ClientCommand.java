package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.latin1;

import io.moonkey.server.ClientChannel;
import io.moonkey.server.ReplyMode;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CLIENT ID, SETNAME, GETNAME, LIST, INFO, KILL, REPLY, SETINFO, NO-EVICT, NO-TOUCH, PAUSE, UNPAUSE, UNBLOCK, HELP. */
public final class ClientCommand {
    private final Server server;

    public ClientCommand(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "connection";
        String f = "admin noscript loading stale";
        t.add(new CommandSpec("client", -2, "", g, "2.4.0", "A container for client connection commands.", null)
                .sub(new CommandSpec("id", 2, "noscript loading stale", g, "5.0.0", "Returns the unique client ID of the connection.", this::id))
                .sub(new CommandSpec("setname", 3, "noscript loading stale", g, "2.6.9", "Sets the connection name.", this::setname))
                .sub(new CommandSpec("getname", 2, "noscript loading stale", g, "2.6.9", "Returns the name of the connection.", this::getname))
                .sub(new CommandSpec("list", -2, f, g, "2.4.0", "Lists open connections.", this::list))
                .sub(new CommandSpec("info", 2, "noscript loading stale", g, "6.2.0", "Returns information about the connection.", this::info))
                .sub(new CommandSpec("kill", -3, f, g, "2.4.0", "Terminates open connections.", this::kill))
                .sub(new CommandSpec("reply", 3, "noscript loading stale", g, "3.2.0", "Instructs the server whether to reply to commands.", this::reply))
                .sub(new CommandSpec("setinfo", 4, "noscript loading stale", g, "7.2.0", "Sets information specific to the client or connection.", this::setinfo))
                .sub(new CommandSpec("no-evict", 3, f, g, "7.0.0", "Sets the client eviction mode of the connection.", this::noEvict))
                .sub(new CommandSpec("no-touch", 3, "noscript loading stale", g, "7.2.0",
                        "Controls whether commands sent by the client affect the LRU/LFU of accessed keys.", this::noTouch))
                .sub(new CommandSpec("pause", -3, f, g, "3.0.0", "Suspends commands processing.", this::pause))
                .sub(new CommandSpec("unblock", -3, f, g, "5.0.0", "Unblocks a client blocked by a blocking command from a different connection.", this::unblock))
                .sub(new CommandSpec("unpause", 2, f, g, "6.2.0", "Resumes processing commands from paused clients.", this::unpause))
                .sub(new CommandSpec("tracking", -3, "noscript loading stale", g, "6.0.0", "Controls server-assisted client-side caching for the connection.", this::tracking))
                .sub(new CommandSpec("caching", 3, "noscript loading stale", g, "6.0.0", "Instructs the server whether to track the keys in the next request.", this::caching))
                .sub(new CommandSpec("getredir", 2, "noscript loading stale", g, "6.0.0", "Returns the client ID to which the connection's tracking notifications are redirected.", this::getredir))
                .sub(new CommandSpec("trackinginfo", 2, "noscript loading stale", g, "6.2.0", "Returns information about server-assisted client-side caching for the connection.", this::trackinginfo))
                .sub(new CommandSpec("help", 2, "loading stale", g, "5.0.0", "Returns helpful text about the different subcommands.", this::help)));
    }

    /** Valkey's rule for client names: printable ASCII without spaces. */
    static void validateName(byte[] name) {
        for (byte b : name) {
            if (b < '!' || b > '~') throw new CommandError("ERR Client names cannot contain spaces, newlines or special characters.");
        }
    }

    /** CLIENT ID. */
    void id(Session s, byte[][] argv, ReplySink out) {
        out.integer(s.id());
    }

    /** CLIENT SETNAME name (empty removes the name). */
    void setname(Session s, byte[][] argv, ReplySink out) {
        validateName(argv[2]);
        s.setName(argv[2]);
        out.ok();
    }

    /** CLIENT GETNAME: the name or nil. */
    void getname(Session s, byte[][] argv, ReplySink out) {
        if (s.name() == null) out.nullBulk();
        else out.bulk(s.name());
    }

    /** CLIENT LIST [TYPE normal|master|replica|pubsub] [ID id ...]: one line per client. */
    void list(Session s, byte[][] argv, ReplySink out) {
        String type = null;
        List<Long> ids = null;
        for (int i = 2; i < argv.length; i++) {
            if (is(argv[i], "type") && i + 1 < argv.length) {
                type = latin1(argv[++i]).toLowerCase(java.util.Locale.ROOT);
                if (!List.of("normal", "master", "replica", "slave", "pubsub").contains(type)) {
                    throw new CommandError("ERR Unknown client type '" + latin1(argv[i]) + "'");
                }
            } else if (is(argv[i], "id") && i + 1 < argv.length) {
                ids = new ArrayList<>();
                while (i + 1 < argv.length) {
                    long id = Arguments.parseLong(argv[++i], "ERR Invalid client ID");
                    if (id <= 0) throw new CommandError("ERR Invalid client ID");
                    ids.add(id);
                }
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Session c : server.clients()) {
            if (ids != null && !ids.contains(c.id())) continue;
            if (type != null) {
                boolean pubsub = c.subscriberCount() > 0;
                if (type.equals("pubsub") != pubsub || type.equals("master") || type.equals("replica") || type.equals("slave")) continue;
            }
            describe(server, c, b);
            b.append('\n');
        }
        out.verbatim("txt", b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX prefix ...] [BCAST] [OPTIN] [OPTOUT] [NOLOOP]:
     * options are parsed first, then checked against each other and the current mode, as Valkey.
     */
    void tracking(Session s, byte[][] argv, ReplySink out) {
        long redirect = 0;
        boolean bcast = false, optin = false, optout = false, noloop = false;
        java.util.List<byte[]> prefixes = new java.util.ArrayList<>();
        for (int j = 3; j < argv.length; j++) {
            boolean more = j < argv.length - 1;
            if (is(argv[j], "redirect") && more) {
                j++;
                if (redirect != 0) throw new CommandError("ERR A client can only redirect to a single other client");
                redirect = Arguments.parseLong(argv[j]);
                if (server.client(redirect) == null) throw new CommandError("ERR The client ID you want redirect to does not exist");
            } else if (is(argv[j], "bcast")) {
                bcast = true;
            } else if (is(argv[j], "optin")) {
                optin = true;
            } else if (is(argv[j], "optout")) {
                optout = true;
            } else if (is(argv[j], "noloop")) {
                noloop = true;
            } else if (is(argv[j], "prefix") && more) {
                prefixes.add(argv[++j]);
            } else {
                throw new CommandError(Arguments.SYNTAX);
            }
        }
        if (is(argv[2], "on")) {
            io.moonkey.server.ClientTracking.State st = s.tracking;
            if (!bcast && !prefixes.isEmpty()) throw new CommandError("ERR PREFIX option requires BCAST mode to be enabled");
            if (st != null && st.bcast != bcast) {
                throw new CommandError("ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.");
            }
            if (bcast && (optin || optout)) throw new CommandError("ERR OPTIN and OPTOUT are not compatible with BCAST");
            if (optin && optout) throw new CommandError("ERR You can't specify both OPTIN mode and OPTOUT mode");
            if (st != null && ((optin && st.optout) || (optout && st.optin))) {
                throw new CommandError("ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.");
            }
            if (bcast) {
                String collision = io.moonkey.server.ClientTracking.prefixCollision(st, prefixes);
                if (collision != null) throw new CommandError(collision);
            }
            server.tracking().enable(s, redirect, bcast, optin, optout, noloop, prefixes);
        } else if (is(argv[2], "off")) {
            server.tracking().disable(s);
        } else {
            throw new CommandError(Arguments.SYNTAX);
        }
        out.ok();
    }

    /** CLIENT CACHING YES|NO: overrides OPTIN/OPTOUT for the next command. */
    void caching(Session s, byte[][] argv, ReplySink out) {
        io.moonkey.server.ClientTracking.State st = s.tracking;
        if (st == null) {
            throw new CommandError("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled");
        }
        if (is(argv[2], "yes")) {
            if (!st.optin) throw new CommandError("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
        } else if (is(argv[2], "no")) {
            if (!st.optout) throw new CommandError("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
        } else {
            throw new CommandError(Arguments.SYNTAX);
        }
        st.caching = true;
        out.ok();
    }

    /** CLIENT GETREDIR: the redirection id, 0 for none, -1 when tracking is off. */
    void getredir(Session s, byte[][] argv, ReplySink out) {
        out.integer(s.tracking == null ? -1 : s.tracking.redirect);
    }

    /** CLIENT TRACKINGINFO: flags, redirect and prefixes of this connection's tracking. */
    void trackinginfo(Session s, byte[][] argv, ReplySink out) {
        io.moonkey.server.ClientTracking.State st = s.tracking;
        java.util.List<String> flags = new java.util.ArrayList<>();
        flags.add(st != null ? "on" : "off");
        if (st != null) {
            if (st.bcast) flags.add("bcast");
            if (st.optin) {
                flags.add("optin");
                if (st.caching) flags.add("caching-yes");
            }
            if (st.optout) {
                flags.add("optout");
                if (st.caching) flags.add("caching-no");
            }
            if (st.noloop) flags.add("noloop");
            if (st.brokenRedirect) flags.add("broken_redirect");
        }
        out.mapHeader(3);
        out.bulk("flags");
        out.setHeader(flags.size());
        for (String f : flags) out.bulk(f);
        out.bulk("redirect");
        out.integer(st == null ? -1 : st.redirect);
        out.bulk("prefixes");
        java.util.List<byte[]> prefixes = st == null ? java.util.List.of() : st.prefixes;
        out.arrayHeader(prefixes.size());
        for (byte[] p : prefixes) out.bulk(p);
    }

    /** CLIENT INFO: this connection's CLIENT LIST line. */
    void info(Session s, byte[][] argv, ReplySink out) {
        StringBuilder b = new StringBuilder();
        describe(server, s, b);
        b.append('\n');
        out.verbatim("txt", b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String trackingFlags(Session c) {
        if (c.tracking == null) return "";
        return "t" + (c.tracking.brokenRedirect ? "R" : "") + (c.tracking.bcast ? "B" : "");
    }

    /** A client's CLIENT LIST line without the newline (also ACL LOG's client-info). */
    public static String infoLine(Server server, Session c) {
        StringBuilder b = new StringBuilder(256);
        describe(server, c, b);
        return b.toString();
    }

    private static void describe(Server server, Session c, StringBuilder b) {
        ClientChannel ch = c.channel();
        long now = System.currentTimeMillis();
        String flags = (server.replication().isReplica(c) ? "S" : "") + (c.subscriberCount() > 0 ? "P" : "") + (c.inMulti() ? "x" : "") + (server.blocked().isBlocked(c) ? "b" : "") + trackingFlags(c) + (c.noEvictFlag() ? "e" : "");
        if (flags.isEmpty()) flags = "N";
        String cmd = c.lastCommandName();
        b.append("id=").append(c.id())
                .append(" addr=").append(ch == null ? "" : ch.remoteAddress())
                .append(" laddr=").append(ch == null ? "" : ch.localAddress())
                .append(" fd=").append(ch == null ? -1 : ch.fd())
                .append(" name=").append(c.name() == null ? "" : latin1(c.name()))
                .append(" age=").append((now - c.createdMs()) / 1000)
                .append(" idle=").append((now - c.lastInteractionMs()) / 1000)
                .append(" flags=").append(flags)
                .append(" db=").append(c.dbIndex())
                .append(" sub=").append(c.channelCount())
                .append(" psub=").append(c.patternCount())
                .append(" ssub=").append(c.shardChannelCount())
                .append(" multi=").append(c.inMulti() ? c.queuedCount() : -1)
                .append(" watch=").append(c.watchedCount())
                .append(" qbuf=").append(ch == null ? 0 : ch.queryBufferBytes())
                .append(" qbuf-free=").append(ch == null ? 0 : ch.queryBufferCapacity() - ch.queryBufferBytes())
                .append(" argv-mem=0 multi-mem=0")
                .append(" rbs=").append(ch == null ? 0 : ch.queryBufferCapacity())
                .append(" rbp=0")
                .append(" obl=0 oll=0")
                .append(" omem=").append(ch == null ? 0 : ch.writer().pending())
                .append(" tot-mem=").append(ch == null ? 0 : ch.writer().capacity() + ch.queryBufferCapacity())
                .append(" events=r")
                .append(" cmd=").append(cmd)
                .append(" user=").append(c.user().name())
                .append(" redir=").append(c.tracking == null ? -1 : c.tracking.redirect)
                .append(" resp=").append(c.protocol())
                .append(" lib-name=").append(c.libName())
                .append(" lib-ver=").append(c.libVersion());
    }

    /**
     * CLIENT KILL ip:port | CLIENT KILL [ID id] [TYPE type] [USER name] [ADDR ip:port]
     * [LADDR ip:port] [SKIPME yes|no] [MAXAGE seconds]: closes matching connections.
     */
    void kill(Session s, byte[][] argv, ReplySink out) {
        if (argv.length == 3) {
            String addr = latin1(argv[2]);
            for (Session c : server.clients()) {
                if (c.channel() != null && c.channel().remoteAddress().equals(addr)) {
                    c.channel().close(c == s);
                    out.ok();
                    return;
                }
            }
            throw new CommandError("ERR No such client");
        }
        Long id = null;
        String addr = null, laddr = null, type = null;
        boolean skipMe = true;
        long maxAgeSeconds = 0;
        io.moonkey.server.acl.User user = null;
        for (int i = 2; i < argv.length; i += 2) {
            if (i + 1 >= argv.length) throw new CommandError(SYNTAX);
            byte[] v = argv[i + 1];
            if (is(argv[i], "id")) {
                id = Arguments.parseLong(v, "ERR client-id should be greater than 0");
                if (id <= 0) throw new CommandError("ERR client-id should be greater than 0");
            } else if (is(argv[i], "addr")) {
                addr = latin1(v);
            } else if (is(argv[i], "laddr")) {
                laddr = latin1(v);
            } else if (is(argv[i], "type")) {
                type = latin1(v).toLowerCase(java.util.Locale.ROOT);
                if (!List.of("normal", "master", "replica", "slave", "pubsub").contains(type)) {
                    throw new CommandError("ERR Unknown client type '" + latin1(v) + "'");
                }
            } else if (is(argv[i], "skipme")) {
                if (is(v, "yes")) skipMe = true;
                else if (is(v, "no")) skipMe = false;
                else throw new CommandError(SYNTAX);
            } else if (is(argv[i], "user")) {
                user = server.acl().user(latin1(v));
                if (user == null) throw new CommandError("ERR No such user '" + latin1(v) + "'");
            } else if (is(argv[i], "maxage")) {
                // Valkey 8: connections older than this many seconds.
                maxAgeSeconds = Arguments.parseLong(v, "ERR value is not an integer or out of range");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        long killed = 0;
        long now = System.currentTimeMillis();
        for (Session c : new ArrayList<>(asList(server.clients()))) {
            ClientChannel ch = c.channel();
            if (ch == null) continue;
            if (id != null && c.id() != id) continue;
            if (addr != null && !ch.remoteAddress().equals(addr)) continue;
            if (laddr != null && !ch.localAddress().equals(laddr)) continue;
            if (user != null && c.user() != user) continue;
            if (type != null && !typeMatches(c, type)) continue;
            if (maxAgeSeconds > 0 && (now - c.createdMs()) / 1000 <= maxAgeSeconds) continue;
            if (c == s && skipMe) continue;
            ch.close(c == s);
            killed++;
        }
        // our link to our master is no client connection here, but TYPE master reaches it
        if ("master".equals(type) && id == null && addr == null && laddr == null && server.replicaMode().dropLink()) killed++;
        out.integer(killed);
    }

    /** CLIENT KILL TYPE: replicas are their own type; normal and pubsub exclude them. */
    private boolean typeMatches(Session c, String type) {
        boolean replica = server.replication().isReplica(c);
        return switch (type) {
            case "replica", "slave" -> replica;
            case "pubsub" -> !replica && c.subscriberCount() > 0;
            case "normal" -> !replica && c.subscriberCount() == 0;
            default -> false;
        };
    }

    private static List<Session> asList(Iterable<Session> it) {
        List<Session> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }

    /** CLIENT PAUSE timeout [WRITE | ALL]: postpones (write) commands of all clients for timeout ms. */
    /**
     * CLIENT UNBLOCK client-id [TIMEOUT | ERROR]: answers a client blocked on keys as if its
     * timeout passed, or with an UNBLOCKED error; 1 if it was blocked, else 0.
     */
    void unblock(Session s, byte[][] argv, ReplySink out) {
        long id = Arguments.parseLong(argv[2]);
        String error = null;
        if (argv.length == 4) {
            if (is(argv[3], "error")) error = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
            else if (!is(argv[3], "timeout")) throw new CommandError("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        } else if (argv.length > 4) {
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '" + latin1(argv[1]) + "'. Try CLIENT HELP.");
        }
        Session target = server.client(id);
        out.integer(target != null && server.blocked().unblockClient(target, error) ? 1 : 0);
    }

    void pause(Session s, byte[][] argv, ReplySink out) {
        long timeout = Arguments.parseLong(argv[2], "ERR timeout is not an integer or out of range");
        if (timeout < 0) throw new CommandError("ERR timeout is negative");
        boolean writes = false;
        if (argv.length == 4) {
            if (is(argv[3], "write")) writes = true;
            else if (!is(argv[3], "all")) throw new CommandError(SYNTAX);
        } else if (argv.length > 4) {
            throw new CommandError(SYNTAX);
        }
        long end = System.currentTimeMillis() + timeout;
        server.pause(end, writes);
        out.ok();
    }

    /** CLIENT UNPAUSE. */
    void unpause(Session s, byte[][] argv, ReplySink out) {
        server.pauseEnded();
        out.ok();
    }

    /** CLIENT REPLY ON | OFF | SKIP. */
    void reply(Session s, byte[][] argv, ReplySink out) {
        if (is(argv[2], "on")) {
            s.setReplyMode(ReplyMode.ON);
            out.ok();
        } else if (is(argv[2], "off")) {
            s.setReplyMode(ReplyMode.OFF);
        } else if (is(argv[2], "skip")) {
            s.setReplyMode(ReplyMode.SKIP);
        } else {
            throw new CommandError(SYNTAX);
        }
    }

    /** CLIENT SETINFO LIB-NAME name | LIB-VER version. */
    void setinfo(Session s, byte[][] argv, ReplySink out) {
        String attr = latin1(argv[2]);
        String val = latin1(argv[3]);
        for (char c : val.toCharArray()) {
            if (c < '!' || c > '~') {
                throw new CommandError("ERR " + attr + " cannot contain spaces, newlines or special characters.");
            }
        }
        if (is(argv[2], "lib-name")) s.setLibName(val);
        else if (is(argv[2], "lib-ver")) s.setLibVersion(val);
        else throw new CommandError("ERR Unrecognized option '" + attr + "'");
        out.ok();
    }

    /** CLIENT NO-EVICT ON | OFF. */
    void noEvict(Session s, byte[][] argv, ReplySink out) {
        if (is(argv[2], "on")) s.setNoEvict(true);
        else if (is(argv[2], "off")) s.setNoEvict(false);
        else throw new CommandError(SYNTAX);
        out.ok();
    }

    /** CLIENT NO-TOUCH ON | OFF (accepted; access times are still updated). */
    void noTouch(Session s, byte[][] argv, ReplySink out) {
        if (!is(argv[2], "on") && !is(argv[2], "off")) throw new CommandError(SYNTAX);
        out.ok();
    }

    /** CLIENT HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GETNAME",
                "    Return the name of the current connection.",
                "ID",
                "    Return the ID of the current connection.",
                "INFO",
                "    Return information about the current client connection.",
                "KILL <ip:port>",
                "    Kill connection made from <ip:port>.",
                "KILL <option> <value> [<option> <value> [...]]",
                "    Kill connections. Options are:",
                "    * ADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made from the specified address",
                "    * LADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made to specified local address",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Kill connections by type.",
                "    * USER <username>",
                "      Kill connections authenticated by <username>.",
                "    * SKIPME (YES|NO)",
                "      Skip killing current connection (default: yes).",
                "LIST [options ...]",
                "    Return information about client connections. Options:",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Return clients of specified type.",
                "UNPAUSE",
                "    Stop the current client pause, resuming traffic.",
                "PAUSE <timeout> [WRITE|ALL]",
                "    Suspend all, or just write, clients for <timeout> milliseconds.",
                "NO-EVICT (ON|OFF)",
                "    Protect current client connection from eviction.",
                "REPLY (ON|OFF|SKIP)",
                "    Control the replies sent to the current connection.",
                "SETNAME <name>",
                "    Assign the name <name> to the current connection.",
                "UNBLOCK <clientid> [TIMEOUT|ERROR]",
                "    Unblock the specified blocked client.",
                "SETINFO <option> <value>",
                "    Set client meta attr. Options are:",
                "    * LIB-NAME: the client lib name.",
                "    * LIB-VER: the client lib version.");
    }
}
