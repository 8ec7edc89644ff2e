package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Numbers;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.list.ListCursor;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The list commands that work on one list in place: pushes and pops at both ends, length,
 * ranges, access by index, insertion, removal, trimming and search. The commands that move
 * elements between lists or block are in {@link ListBlockingCommands}.
 */
public final class ListCommands {
    private final Server server;
    /** list-max-listpack-size: the fill every conversion check reads. */
    private final EncodingLimit fill;

    public ListCommands(Server server) {
        this.server = server;
        this.fill = new EncodingLimit(server, "list-max-listpack-size");
    }

    public void register(CommandTable t) {
        String g = "list";
        t.add(new CommandSpec("lpush", -3, "write denyoom fast", g, "1.0.0", "Prepends one or more elements to a list. Creates the key if it doesn't exist.", this::lpush)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("rpush", -3, "write denyoom fast", g, "1.0.0", "Appends one or more elements to a list. Creates the key if it doesn't exist.", this::rpush)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("lpushx", -3, "write denyoom fast", g, "2.2.0", "Prepends one or more elements to a list only when the list exists.", this::lpushx)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("rpushx", -3, "write denyoom fast", g, "2.2.0", "Appends an element to a list only when the list exists.", this::rpushx)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("lpop", -2, "write fast", g, "1.0.0", "Returns the first elements in a list after removing it. Deletes the list if the last element was popped.", this::lpop)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("rpop", -2, "write fast", g, "1.0.0", "Returns and removes the last elements of a list. Deletes the list if the last element was popped.", this::rpop)
                .keys(KeySpec.range("RW ACCESS DELETE", 1, 0, 1)).acl("write", "list", "fast"));
        t.add(new CommandSpec("llen", 2, "readonly fast", g, "1.0.0", "Returns the length of a list.", this::llen)
                .keys(KeySpec.range("RO", 1, 0, 1)).acl("read", "list", "fast"));
        t.add(new CommandSpec("lrange", 4, "readonly", g, "1.0.0", "Returns a range of elements from a list.", this::lrange)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "list", "slow"));
        t.add(new CommandSpec("lindex", 3, "readonly", g, "1.0.0", "Returns an element from a list by its index.", this::lindex)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "list", "slow"));
        t.add(new CommandSpec("lset", 4, "write denyoom", g, "1.0.0", "Sets the value of an element in a list by its index.", this::lset)
                .keys(KeySpec.range("RW UPDATE", 1, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("linsert", 5, "write denyoom", g, "2.2.0", "Inserts an element before or after another element in a list.", this::linsert)
                .keys(KeySpec.range("RW INSERT", 1, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("lrem", 4, "write", g, "1.0.0", "Removes elements from a list. Deletes the list if the last element was removed.", this::lrem)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("ltrim", 4, "write", g, "1.0.0", "Removes elements from both ends a list. Deletes the list if all elements were trimmed.", this::ltrim)
                .keys(KeySpec.range("RW DELETE", 1, 0, 1)).acl("write", "list", "slow"));
        t.add(new CommandSpec("lpos", -3, "readonly", g, "6.0.6", "Returns the index of matching elements in a list.", this::lpos)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "list", "slow"));
        new ListBlockingCommands(fill).register(t);
    }

    // ---- shared value access --------------------------------------------------------------------

    /** The list at {@code key} for reading, null if missing, WRONGTYPE if another type. */
    static ListValue readList(Database db, byte[] key) {
        Value v = db.lookupRead(key);
        if (v == null) return null;
        if (v instanceof ListValue l) return l;
        throw new CommandError(WRONGTYPE);
    }

    /** The list at {@code key} for writing, null if missing, WRONGTYPE if another type. */
    static ListValue writeList(Database db, byte[] key) {
        Value v = db.lookupWrite(key);
        if (v == null) return null;
        if (v instanceof ListValue l) return l;
        throw new CommandError(WRONGTYPE);
    }

    /** The sum of the lengths of {@code argv[from, to)}: what Valkey's conversion check adds for pushed arguments. */
    static long lengths(byte[][] argv, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) n += argv[i].length;
        return n;
    }

    /**
     * Accounts for the removal of elements from the list at {@code key} that was {@code before}
     * bytes: deletes the key if the list became empty (Valkey stores no empty lists), else records
     * the size change and lets a small quicklist become a listpack again (list-max-listpack-size
     * {@code fill}, the shrinking rule). Either way WATCHers of the key are told.
     */
    static void changed(Session s, byte[] key, ListValue l, long before, long fill) {
        // recorded first even for a list about to go: the delete takes off only what it is now
        s.db().resized(key, l.memoryUsage() - before);
        if (l.isEmpty()) {
            s.db().delete(key);
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", key);
        } else {
            l.shrinkIfSmall(fill); // moves no bytes
        }
    }

    /** "left" or "right" (any case), as LMOVE's wherefrom/whereto: true for left (the head). */
    static boolean parseEnd(byte[] arg) {
        if (is(arg, "left")) return true;
        if (is(arg, "right")) return false;
        throw new CommandError(SYNTAX);
    }

    /** A count argument that must be >= 0 (Valkey's getPositiveLongFromObjectOrReply). */
    static long nonNegative(byte[] arg, String error) {
        long v = Numbers.parseCanonicalLong(arg, 0, arg.length);
        if ((v == Numbers.NOT_A_LONG && !Numbers.isLongMinValue(arg)) || v < 0) throw new CommandError(error);
        return v;
    }

    // ---- pushes ---------------------------------------------------------------------------------

    /** LPUSH key element [element ...]: prepends the elements in order; replies the new length. */
    void lpush(Session s, byte[][] argv, ReplySink out) {
        push(s, argv, out, true, false);
    }

    /** RPUSH key element [element ...]: appends the elements; replies the new length. */
    void rpush(Session s, byte[][] argv, ReplySink out) {
        push(s, argv, out, false, false);
    }

    /** LPUSHX key element [element ...]: LPUSH only onto an existing list; 0 otherwise. */
    void lpushx(Session s, byte[][] argv, ReplySink out) {
        push(s, argv, out, true, true);
    }

    /** RPUSHX key element [element ...]: RPUSH only onto an existing list; 0 otherwise. */
    void rpushx(Session s, byte[][] argv, ReplySink out) {
        push(s, argv, out, false, true);
    }

    private void push(Session s, byte[][] argv, ReplySink out, boolean head, boolean onlyExisting) {
        Database db = s.db();
        byte[] key = argv[1];
        ListValue l = writeList(db, key);
        long addBytes = lengths(argv, 2, argv.length), addCount = argv.length - 2;
        if (l == null) {
            if (onlyExisting) {
                out.integer(0);
                return;
            }
            l = new ListValue();
            l.growFor(fill.get(), addBytes, addCount);
            for (int i = 2; i < argv.length; i++) l.push(argv[i], head);
            db.put(key, l, false); // a new key: also wakes clients blocked on it
        } else {
            long before = l.memoryUsage();
            l.growFor(fill.get(), addBytes, addCount);
            for (int i = 2; i < argv.length; i++) l.push(argv[i], head);
            db.resized(key, l.memoryUsage() - before);
        }
        s.dirty(argv.length - 2);
        s.notifyKeyspace(KeyspaceEvents.LIST, head ? "lpush" : "rpush", key);
        out.integer(l.size());
    }

    // ---- pops -----------------------------------------------------------------------------------

    /** LPOP key [count]: removes and replies the first element, or with a count an array of up to count. */
    void lpop(Session s, byte[][] argv, ReplySink out) {
        pop(s, argv, out, true);
    }

    /** RPOP key [count]: removes and replies the last element, or with a count an array of up to count. */
    void rpop(Session s, byte[][] argv, ReplySink out) {
        pop(s, argv, out, false);
    }

    private void pop(Session s, byte[][] argv, ReplySink out, boolean head) {
        if (argv.length > 3) {
            throw new CommandError("ERR wrong number of arguments for '" + (head ? "lpop" : "rpop") + "' command");
        }
        boolean hasCount = argv.length == 3;
        long count = hasCount ? nonNegative(argv[2], "ERR value is out of range, must be positive") : 1;
        byte[] key = argv[1];
        ListValue l = writeList(s.db(), key);
        if (l == null) {
            if (hasCount) out.nullArray();
            else out.nullBulk();
            return;
        }
        if (hasCount && count == 0) {
            out.arrayHeader(0);
            return;
        }
        long before = l.memoryUsage();
        if (hasCount) {
            int n = (int) Math.min(count, l.size());
            out.arrayHeader(n);
            for (int i = 0; i < n; i++) l.pop(head, out::bulk);
        } else {
            l.pop(head, out::bulk);
        }
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.LIST, head ? "lpop" : "rpop", key);
        changed(s, key, l, before, fill.get());
    }

    // ---- reading --------------------------------------------------------------------------------

    /** LLEN key: the length of the list, 0 if missing. */
    void llen(Session s, byte[][] argv, ReplySink out) {
        ListValue l = readList(s.db(), argv[1]);
        out.integer(l == null ? 0 : l.size());
    }

    /** LRANGE key start stop: the elements from start to stop inclusive (negative = from the end). */
    void lrange(Session s, byte[][] argv, ReplySink out) {
        long start = parseLong(argv[2]);
        long stop = parseLong(argv[3]);
        ListValue l = readList(s.db(), argv[1]);
        if (l == null) {
            out.arrayHeader(0);
            return;
        }
        int size = l.size();
        if (start < 0) start += size;
        if (stop < 0) stop += size;
        if (start < 0) start = 0;
        if (start > stop || start >= size) {
            out.arrayHeader(0);
            return;
        }
        if (stop >= size) stop = size - 1;
        int from = (int) start, n = (int) (stop - start + 1);
        out.arrayHeader(n);
        ListCursor c = l.cursor(from);
        for (int i = 0; i < n; i++) {
            out.bulk(c.array(), c.offset(), c.length());
            c.forward();
        }
    }

    /** LINDEX key index: the element at index (negative = from the end), or nil. */
    void lindex(Session s, byte[][] argv, ReplySink out) {
        ListValue l = readList(s.db(), argv[1]);
        if (l == null) {
            out.nullBulk();
            return;
        }
        long index = parseLong(argv[2]);
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) out.nullBulk();
        else {
            ListCursor c = l.cursor((int) index);
            out.bulk(c.array(), c.offset(), c.length());
        }
    }

    /**
     * LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the index of the rank-th
     * match (negative rank: searching from the tail), or with COUNT an array of up to that many
     * (0 = all) matching indexes; MAXLEN bounds how many elements are compared.
     */
    void lpos(Session s, byte[][] argv, ReplySink out) {
        long rank = 1, count = -1, maxlen = 0;
        for (int i = 3; i < argv.length; i++) {
            boolean more = i + 1 < argv.length;
            if (more && is(argv[i], "rank")) {
                rank = parseLong(argv[++i]);
                if (rank == 0) {
                    throw new CommandError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... "
                            + "or use negative to start from the end of the list");
                }
            } else if (more && is(argv[i], "count")) {
                count = nonNegative(argv[++i], "ERR COUNT can't be negative");
            } else if (more && is(argv[i], "maxlen")) {
                maxlen = nonNegative(argv[++i], "ERR MAXLEN can't be negative");
            } else {
                throw new CommandError(SYNTAX);
            }
        }
        ListValue l = readList(s.db(), argv[1]);
        if (l == null) {
            if (count != -1) out.arrayHeader(0);
            else out.nullBulk();
            return;
        }
        boolean fromTail = rank < 0;
        long skip = -rank; // Long.MIN_VALUE stays negative: 7.0 then takes the first match, so do we
        if (!fromTail) skip = rank;
        byte[] element = argv[2];
        int size = l.size();
        long limit = maxlen == 0 ? size : Math.min(maxlen, size);
        ListCursor c = l.cursor(fromTail ? size - 1 : 0);
        if (count == -1) {
            long matches = 0;
            for (int i = 0; i < limit; i++) {
                if (c.matches(element) && ++matches >= skip) {
                    out.integer(fromTail ? size - 1 - i : i);
                    return;
                }
                if (fromTail) c.backward();
                else c.forward();
            }
            out.nullBulk();
            return;
        }
        // the number of indexes is known only at the end: collect them first
        IntArrayList found = new IntArrayList();
        long matches = 0;
        for (int i = 0; i < limit; i++) {
            if (c.matches(element) && ++matches >= skip) {
                found.add(fromTail ? size - 1 - i : i);
                if (count != 0 && found.size() >= count) break;
            }
            if (fromTail) c.backward();
            else c.forward();
        }
        out.arrayHeader(found.size());
        for (int i = 0; i < found.size(); i++) out.integer(found.getInt(i));
    }

    // ---- in-place edits -------------------------------------------------------------------------

    /** LSET key index element: replaces the element at index; errors on a missing key or bad index. */
    void lset(Session s, byte[][] argv, ReplySink out) {
        byte[] key = argv[1];
        ListValue l = writeList(s.db(), key);
        if (l == null) throw new CommandError("ERR no such key");
        long index = parseLong(argv[2]);
        // as Valkey, the growth check comes before the index is known to be in range
        long fillNow = fill.get();
        l.growFor(fillNow, argv[3].length, 1);
        if (index < 0) index += l.size();
        if (index < 0 || index >= l.size()) throw new CommandError("ERR index out of range");
        long before = l.memoryUsage();
        l.set((int) index, argv[3]);
        l.shrinkIfSmall(fillNow); // a shorter element may have made the list small again
        s.db().resized(key, l.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.LIST, "lset", key);
        out.ok();
    }

    /**
     * LINSERT key BEFORE|AFTER pivot element: inserts next to the first occurrence of pivot;
     * replies the new length, -1 if pivot is absent, 0 if the key is.
     */
    void linsert(Session s, byte[][] argv, ReplySink out) {
        boolean after;
        if (is(argv[2], "after")) after = true;
        else if (is(argv[2], "before")) after = false;
        else throw new CommandError(SYNTAX);
        byte[] key = argv[1];
        ListValue l = writeList(s.db(), key);
        if (l == null) {
            out.integer(0);
            return;
        }
        // as Valkey, the growth check comes before the pivot is known to be there
        l.growFor(fill.get(), argv[4].length, 1);
        int at = l.indexOf(argv[3]);
        if (at < 0) {
            out.integer(-1);
            return;
        }
        long before = l.memoryUsage();
        l.insertAt(at, after, argv[4]);
        s.db().resized(key, l.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.LIST, "linsert", key);
        out.integer(l.size());
    }

    /**
     * LREM key count element: removes up to |count| occurrences of element, from the head when
     * count > 0, from the tail when < 0, all when 0; replies how many.
     */
    void lrem(Session s, byte[][] argv, ReplySink out) {
        long count = parseLong(argv[2]);
        byte[] key = argv[1];
        ListValue l = writeList(s.db(), key);
        if (l == null) {
            out.integer(0);
            return;
        }
        long before = l.memoryUsage();
        int removed = l.removeMatching(argv[3], count);
        if (removed > 0) {
            s.dirty(removed);
            s.notifyKeyspace(KeyspaceEvents.LIST, "lrem", key);
            changed(s, key, l, before, fill.get());
        }
        out.integer(removed);
    }

    /** LTRIM key start stop: keeps only the elements from start to stop inclusive. */
    void ltrim(Session s, byte[][] argv, ReplySink out) {
        long start = parseLong(argv[2]);
        long stop = parseLong(argv[3]);
        byte[] key = argv[1];
        ListValue l = writeList(s.db(), key);
        if (l == null) {
            out.ok();
            return;
        }
        int size = l.size();
        if (start < 0) start += size;
        if (stop < 0) stop += size;
        if (start < 0) start = 0;
        long before = l.memoryUsage();
        int dropped;
        if (start > stop || start >= size) {
            dropped = size;
            l.clear();
        } else {
            if (stop >= size) stop = size - 1;
            dropped = size - (int) (stop - start + 1);
            l.trim((int) start, (int) stop);
        }
        s.notifyKeyspace(KeyspaceEvents.LIST, "ltrim", key);
        changed(s, key, l, before, fill.get());
        s.dirty(dropped); // trimming nothing changes nothing: not propagated, as in Valkey
        out.ok();
    }
}
