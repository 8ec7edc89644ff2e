package io.moonkey.server.command;

import io.moonkey.server.PubSubSession;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.List;

/** SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH, the shard forms SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH, and PUBSUB. */
public final class PubSubCommands {
    private final Server server;

    public PubSubCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "pubsub";
        String f = "pubsub noscript loading stale";
        t.add(new CommandSpec("subscribe", -2, f, g, "2.0.0", "Listens for messages published to channels.", this::subscribe));
        t.add(new CommandSpec("unsubscribe", -1, f, g, "2.0.0", "Stops listening to messages posted to channels.", this::unsubscribe));
        t.add(new CommandSpec("psubscribe", -2, f, g, "2.0.0", "Listens for messages published to channels that match one or more patterns.", this::psubscribe));
        t.add(new CommandSpec("punsubscribe", -1, f, g, "2.0.0", "Stops listening to messages published to channels that match one or more patterns.", this::punsubscribe));
        t.add(new CommandSpec("publish", 3, "pubsub loading stale fast may_replicate", g, "2.0.0", "Posts a message to a channel.", this::publish));
        t.add(new CommandSpec("ssubscribe", -2, f, g, "7.0.0", "Listens for messages published to shard channels.", this::ssubscribe)
                .keys(KeySpec.range("NOT_KEY", 1, -1, 1)));
        t.add(new CommandSpec("sunsubscribe", -1, f, g, "7.0.0", "Stops listening to messages posted to shard channels.", this::sunsubscribe)
                .keys(KeySpec.range("NOT_KEY", 1, -1, 1)));
        t.add(new CommandSpec("spublish", 3, "pubsub loading stale fast may_replicate", g, "7.0.0", "Post a message to a shard channel", this::spublish)
                .keys(KeySpec.range("NOT_KEY", 1, 0, 1)));
        t.add(new CommandSpec("pubsub", -2, "", g, "2.8.0", "A container for Pub/Sub commands.", null)
                .sub(new CommandSpec("channels", -2, "pubsub loading stale", g, "2.8.0", "Returns the active channels.", this::channels))
                .sub(new CommandSpec("numsub", -2, "pubsub loading stale", g, "2.8.0", "Returns a count of subscribers to channels.", this::numsub))
                .sub(new CommandSpec("numpat", 2, "pubsub loading stale", g, "2.8.0", "Returns a count of unique pattern subscriptions.", this::numpat))
                .sub(new CommandSpec("shardchannels", -2, "pubsub loading stale", g, "7.0.0", "Returns the active shard channels.", this::shardchannels))
                .sub(new CommandSpec("shardnumsub", -2, "pubsub loading stale", g, "7.0.0", "Returns the count of subscribers of shard channels.", this::shardnumsub))
                .sub(new CommandSpec("help", 2, "loading stale", g, "6.2.0", "Returns helpful text about the different subcommands.", this::help).acl("slow")));
    }

    /** SUBSCRIBE channel [channel ...]: one confirmation per channel. */
    void subscribe(Session s, byte[][] argv, ReplySink out) {
        for (int i = 1; i < argv.length; i++) PubSubSession.subscribe(s, argv[i], out);
    }

    /** UNSUBSCRIBE [channel ...]: all channels when none is given. */
    void unsubscribe(Session s, byte[][] argv, ReplySink out) {
        PubSubSession.unsubscribe(s, argv.length == 1 ? null : List.of(argv).subList(1, argv.length), false, out);
    }

    /** PSUBSCRIBE pattern [pattern ...]. */
    void psubscribe(Session s, byte[][] argv, ReplySink out) {
        for (int i = 1; i < argv.length; i++) PubSubSession.psubscribe(s, argv[i], out);
    }

    /** PUNSUBSCRIBE [pattern ...]. */
    void punsubscribe(Session s, byte[][] argv, ReplySink out) {
        PubSubSession.unsubscribe(s, argv.length == 1 ? null : List.of(argv).subList(1, argv.length), true, out);
    }

    /** SSUBSCRIBE shardchannel [shardchannel ...]: one confirmation per shard channel. */
    void ssubscribe(Session s, byte[][] argv, ReplySink out) {
        for (int i = 1; i < argv.length; i++) PubSubSession.ssubscribe(s, argv[i], out);
    }

    /** SUNSUBSCRIBE [shardchannel ...]: all shard channels when none is given. */
    void sunsubscribe(Session s, byte[][] argv, ReplySink out) {
        PubSubSession.sunsubscribe(s, argv.length == 1 ? null : List.of(argv).subList(1, argv.length), out);
    }

    /** SPUBLISH shardchannel message: number of shard subscribers that received it. */
    void spublish(Session s, byte[][] argv, ReplySink out) {
        long n = server.pubsub().spublish(argv[1], argv[2]);
        s.forcePropagation();
        out.integer(n);
    }

    /** PUBLISH channel message: number of clients that received it. */
    void publish(Session s, byte[][] argv, ReplySink out) {
        long n = server.pubsub().publish(argv[1], argv[2]);
        s.forcePropagation();
        out.integer(n);
    }

    /** PUBSUB CHANNELS [pattern]. */
    void channels(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) {
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '" + Arguments.latin1(argv[1]) + "'. Try PUBSUB HELP.");
        }
        List<byte[]> l = PubSubSession.channels(server, argv.length == 3 ? argv[2] : null);
        out.arrayHeader(l.size());
        for (byte[] c : l) out.bulk(c);
    }

    /** PUBSUB NUMSUB [channel ...]: channel/count pairs. */
    void numsub(Session s, byte[][] argv, ReplySink out) {
        out.mapHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            out.bulk(argv[i]);
            out.integer(PubSubSession.subscribers(server, argv[i]));
        }
    }

    /** PUBSUB NUMPAT: number of distinct patterns subscribed. */
    void numpat(Session s, byte[][] argv, ReplySink out) {
        out.integer(PubSubSession.patternCount(server));
    }

    /** PUBSUB SHARDCHANNELS [pattern]. */
    void shardchannels(Session s, byte[][] argv, ReplySink out) {
        if (argv.length > 3) {
            throw new CommandError("ERR unknown subcommand or wrong number of arguments for '" + Arguments.latin1(argv[1]) + "'. Try PUBSUB HELP.");
        }
        List<byte[]> l = PubSubSession.shardChannels(server, argv.length == 3 ? argv[2] : null);
        out.arrayHeader(l.size());
        for (byte[] c : l) out.bulk(c);
    }

    /** PUBSUB SHARDNUMSUB [shardchannel ...]: shard channel/count pairs. */
    void shardnumsub(Session s, byte[][] argv, ReplySink out) {
        out.mapHeader(argv.length - 2);
        for (int i = 2; i < argv.length; i++) {
            out.bulk(argv[i]);
            out.integer(PubSubSession.shardSubscribers(server, argv[i]));
        }
    }

    /** PUBSUB HELP. */
    void help(Session s, byte[][] argv, ReplySink out) {
        Help.reply(out, "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CHANNELS [<pattern>]",
                "    Return the currently active channels matching a <pattern> (default: '*').",
                "NUMPAT",
                "    Return number of subscriptions to patterns.",
                "NUMSUB [<channel> ...]",
                "    Return the number of subscribers for the specified channels, excluding",
                "    pattern subscriptions(default: no channels).",
                "SHARDCHANNELS [<pattern>]",
                "    Return the currently active shard level channels matching a <pattern> (default: '*').",
                "SHARDNUMSUB [<shardchannel> ...]",
                "    Return the number of subscribers for the specified shard level channel(s)");
    }
}
