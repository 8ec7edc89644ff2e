package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.ListCommands.changed;
import static io.moonkey.server.command.ListCommands.parseEnd;
import static io.moonkey.server.command.ListCommands.writeList;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.server.BlockedClients;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The list commands that take elements from one of several lists or move them between lists,
 * and their blocking forms: RPOPLPUSH, LMOVE, LMPOP, BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BLMPOP.
 *
 * <p>A blocking command that finds data serves it at once and propagates as its non-blocking
 * form, as Valkey does (BLPOP as LPOP key, BLMOVE as LMOVE...). Otherwise it blocks through
 * {@link BlockedClients}, which runs it again when one of its keys is created; run again it
 * either serves or blocks again, keeping its place in line. A caller that cannot block (inside
 * MULTI/EXEC or a script) gets the timeout reply at once.
 */
final class ListBlockingCommands {
    /** list-max-listpack-size, shared with {@link ListCommands}. */
    private final EncodingLimit fill;

    ListBlockingCommands(EncodingLimit fill) {
        this.fill = fill;
    }

    private static final byte[] LPOP = Arguments.bytes("LPOP");
    private static final byte[] RPOP = Arguments.bytes("RPOP");
    private static final byte[] LMOVE = Arguments.bytes("LMOVE");
    private static final byte[] RPOPLPUSH = Arguments.bytes("RPOPLPUSH");
    /** Every blocking list command times out with a null array, BLMOVE too (7.0's replyToBlockedClientTimedOut). */
    private static final Consumer<ReplySink> NULL_ARRAY = ReplySink::nullArray;

    void register(CommandTable t) {
        String g = "list";
        t.add(new CommandSpec("rpoplpush", 3, "write denyoom", g, "1.2.0",
                "Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped.",
                this::rpoplpush)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("RW INSERT", 2, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("lmove", 5, "write denyoom", g, "6.2.0",
                "Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved.",
                this::lmove)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("RW INSERT", 2, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("lmpop", -4, "write movablekeys", g, "7.0.0",
                "Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.", this::lmpop)
                .keys(KeySpec.keynum("RW ACCESS DELETE", 1, 0, 1, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("blpop", -3, "write blocking", g, "2.0.0",
                "Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.",
                this::blpop)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, -2, 1)).acl("write", "list", "slow", "blocking"));
        t.add(new CommandSpec("brpop", -3, "write blocking", g, "2.0.0",
                "Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.",
                this::brpop)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, -2, 1)).acl("write", "list", "slow", "blocking"));
        t.add(new CommandSpec("brpoplpush", 4, "write denyoom blocking", g, "2.2.0",
                "Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped.",
                this::brpoplpush)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("RW INSERT", 2, 0, 1))
                .acl("write", "list", "slow", "blocking"));
        t.add(new CommandSpec("blmove", 6, "write denyoom blocking", g, "6.2.0",
                "Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved.",
                this::blmove)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).keys(KeySpec.range("RW INSERT", 2, 0, 1))
                .acl("write", "list", "slow", "blocking"));
        t.add(new CommandSpec("blmpop", -5, "write blocking movablekeys", g, "7.0.0",
                "Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped.",
                this::blmpop)
                .keys(KeySpec.keynum("RW ACCESS DELETE", 2, 0, 1, 1)).acl("write", "list", "slow", "blocking"));
    }

    /**
     * Whether a command that found {@code key} holding another type should wait on instead of
     * failing: only when it runs again for a client already blocked, as Valkey 7.0 leaves such a
     * client blocked until the key holds a list.
     */
    private static boolean keepWaiting(Session s) {
        return s.server().blocked().isBlocked(s);
    }

    // ---- moving between lists -------------------------------------------------------------------

    /**
     * Pops from {@code src} (head when {@code fromHead}) and pushes onto {@code dst}, replying
     * the element; false (nothing replied) when {@code src} is missing. Checks {@code dst}'s type
     * only when there is something to move, as Valkey.
     */
    private boolean move(Session s, byte[] src, byte[] dst, boolean fromHead, boolean toHead, ListValue from, ReplySink out) {
        Database db = s.db();
        Value d = db.lookupWrite(dst);
        if (d != null && !(d instanceof ListValue)) throw new CommandError(WRONGTYPE);
        long fillNow = fill.get();
        long fromBefore = from.memoryUsage();
        boolean fromQuicklist = !from.isListPack();
        byte[] e = from.pop(fromHead);
        // Valkey hands an integer element popped from a quicklist on as a number, which its
        // growth check counts as no bytes; from a listpack it is a string of its length
        long addBytes = fromQuicklist && ListValue.storedAsInteger(e) ? 0 : e.length;
        ListValue to = (ListValue) d;
        if (to == null) {
            to = new ListValue();
            to.growFor(fillNow, addBytes, 1);
            to.push(e, toHead);
            db.put(dst, to, false); // a new key: wakes clients blocked on it
        } else if (to == from) {
            to.growFor(fillNow, addBytes, 1);
            to.push(e, toHead);
        } else {
            long toBefore = to.memoryUsage();
            to.growFor(fillNow, addBytes, 1);
            to.push(e, toHead);
            db.resized(dst, to.memoryUsage() - toBefore);
        }
        s.notifyKeyspace(KeyspaceEvents.LIST, toHead ? "lpush" : "rpush", dst);
        out.bulk(e);
        s.notifyKeyspace(KeyspaceEvents.LIST, fromHead ? "lpop" : "rpop", src);
        changed(s, src, from, fromBefore, fillNow);
        s.dirty();
        return true;
    }

    /** RPOPLPUSH source destination: moves the last element of source to the head of destination. */
    void rpoplpush(Session s, byte[][] argv, ReplySink out) {
        ListValue from = writeList(s.db(), argv[1]);
        if (from == null) out.nullBulk();
        else move(s, argv[1], argv[2], false, true, from, out);
    }

    /** LMOVE source destination LEFT|RIGHT LEFT|RIGHT: moves an element from one end of source to one end of destination. */
    void lmove(Session s, byte[][] argv, ReplySink out) {
        boolean fromHead = parseEnd(argv[3]);
        boolean toHead = parseEnd(argv[4]);
        ListValue from = writeList(s.db(), argv[1]);
        if (from == null) out.nullBulk();
        else move(s, argv[1], argv[2], fromHead, toHead, from, out);
    }

    /** BRPOPLPUSH source destination timeout: RPOPLPUSH, waiting up to timeout seconds (0 = forever) for source. */
    void brpoplpush(Session s, byte[][] argv, ReplySink out) {
        long deadline = s.server().blocked().deadline(argv[3], true);
        blockingMove(s, argv, false, true, deadline, out, RPOPLPUSH, argv[1], argv[2]);
    }

    /** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout: LMOVE, waiting up to timeout seconds for source. */
    void blmove(Session s, byte[][] argv, ReplySink out) {
        boolean fromHead = parseEnd(argv[3]);
        boolean toHead = parseEnd(argv[4]);
        long deadline = s.server().blocked().deadline(argv[5], true);
        blockingMove(s, argv, fromHead, toHead, deadline, out, LMOVE, argv[1], argv[2], argv[3], argv[4]);
    }

    private void blockingMove(Session s, byte[][] argv, boolean fromHead, boolean toHead, long deadline, ReplySink out, byte[]... asCommand) {
        byte[] src = argv[1];
        Value v = s.db().lookupWrite(src);
        if (v instanceof ListValue from) {
            move(s, src, argv[2], fromHead, toHead, from, out);
            s.propagateAs(asCommand);
        } else if (v != null && !keepWaiting(s)) {
            throw new CommandError(WRONGTYPE);
        } else if (!s.canBlock()) {
            out.nullBulk(); // unlike the timeout reply
        } else {
            s.server().blocked().block(s, new byte[][] {src}, deadline, argv, NULL_ARRAY);
        }
    }

    // ---- popping from the first non-empty of several lists --------------------------------------

    /** BLPOP key [key ...] timeout: pops the head of the first non-empty list, waiting up to timeout seconds. */
    void blpop(Session s, byte[][] argv, ReplySink out) {
        blockingPop(s, argv, out, true);
    }

    /** BRPOP key [key ...] timeout: pops the tail of the first non-empty list, waiting up to timeout seconds. */
    void brpop(Session s, byte[][] argv, ReplySink out) {
        blockingPop(s, argv, out, false);
    }

    private void blockingPop(Session s, byte[][] argv, ReplySink out, boolean head) {
        long deadline = s.server().blocked().deadline(argv[argv.length - 1], true);
        Database db = s.db();
        boolean waiting = keepWaiting(s);
        for (int i = 1; i < argv.length - 1; i++) {
            Value v = db.lookupWrite(argv[i]);
            if (v == null) continue;
            if (!(v instanceof ListValue l)) {
                if (waiting) continue;
                throw new CommandError(WRONGTYPE);
            }
            byte[] key = argv[i];
            long before = l.memoryUsage();
            out.arrayHeader(2);
            out.bulk(key);
            l.pop(head, out::bulk);
            s.notifyKeyspace(KeyspaceEvents.LIST, head ? "lpop" : "rpop", key);
            changed(s, key, l, before, fill.get());
            s.dirty();
            s.propagateAs(head ? LPOP : RPOP, key);
            return;
        }
        if (!s.canBlock()) {
            out.nullArray();
            return;
        }
        s.server().blocked().block(s, Arrays.copyOfRange(argv, 1, argv.length - 1), deadline, argv, NULL_ARRAY);
    }

    /** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count]: pops up to count elements from the first non-empty list. */
    void lmpop(Session s, byte[][] argv, ReplySink out) {
        MultiPop p = MultiPop.parse(argv, 1);
        if (!popFirstNonEmpty(s, argv, p, out)) out.nullArray();
    }

    /** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: LMPOP, waiting up to timeout seconds. */
    void blmpop(Session s, byte[][] argv, ReplySink out) {
        MultiPop p = MultiPop.parse(argv, 2);
        long deadline = s.server().blocked().deadline(argv[1], true);
        if (popFirstNonEmpty(s, argv, p, out)) return;
        if (!s.canBlock()) {
            out.nullArray();
            return;
        }
        s.server().blocked().block(s, Arrays.copyOfRange(argv, p.firstKey, p.firstKey + p.numKeys), deadline, argv, NULL_ARRAY);
    }

    /** LMPOP/BLMPOP's parsed arguments: where the keys are, which end, how many. */
    private record MultiPop(int firstKey, int numKeys, boolean head, long count) {
        /** Parses from the numkeys argument at {@code numKeysAt}, with Valkey's errors. */
        static MultiPop parse(byte[][] argv, int numKeysAt) {
            byte[] n = argv[numKeysAt];
            long numKeys = Numbers.parseCanonicalLong(n, 0, n.length);
            if ((numKeys == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(n)) || numKeys < 1) {
                throw new CommandError("ERR numkeys should be greater than 0");
            }
            int firstKey = numKeysAt + 1;
            if (numKeys >= argv.length - firstKey) throw new CommandError(SYNTAX);
            int whereAt = firstKey + (int) numKeys;
            boolean head = parseEnd(argv[whereAt]);
            long count = -1;
            for (int i = whereAt + 1; i < argv.length; i++) {
                if (count == -1 && i + 1 < argv.length && is(argv[i], "count")) {
                    byte[] c = argv[++i];
                    count = Numbers.parseCanonicalLong(c, 0, c.length);
                    if ((count == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(c)) || count < 1) {
                        throw new CommandError("ERR count should be greater than 0");
                    }
                } else {
                    throw new CommandError(SYNTAX);
                }
            }
            return new MultiPop(firstKey, (int) numKeys, head, count == -1 ? 1 : count);
        }
    }

    /**
     * Pops from the first non-empty list of {@code p}'s keys and replies [key, [elements]],
     * propagating as LPOP/RPOP key n; false (nothing replied) when all are missing.
     */
    private boolean popFirstNonEmpty(Session s, byte[][] argv, MultiPop p, ReplySink out) {
        Database db = s.db();
        boolean waiting = keepWaiting(s);
        for (int i = p.firstKey; i < p.firstKey + p.numKeys; i++) {
            Value v = db.lookupWrite(argv[i]);
            if (v == null) continue;
            if (!(v instanceof ListValue l)) {
                if (waiting) continue;
                throw new CommandError(WRONGTYPE);
            }
            byte[] key = argv[i];
            long before = l.memoryUsage();
            int n = (int) Math.min(p.count, l.size());
            out.arrayHeader(2);
            out.bulk(key);
            out.arrayHeader(n);
            for (int j = 0; j < n; j++) l.pop(p.head, out::bulk);
            s.notifyKeyspace(KeyspaceEvents.LIST, p.head ? "lpop" : "rpop", key);
            changed(s, key, l, before, fill.get());
            s.dirty();
            s.propagateAs(p.head ? LPOP : RPOP, key, Arguments.bytes(n));
            return true;
        }
        return false;
    }
}
