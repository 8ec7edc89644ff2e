package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.Elements;
import io.moonkey.datastore.HashSlot;
import io.moonkey.datastore.IntString;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.datastore.ValueType;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO over lists, sets and sorted sets (any {@link Elements} value): numeric or
 * ALPHA order, by the element itself or by external keys (BY pattern), a LIMIT window, GET
 * patterns, and for SORT a STORE into a list, with Valkey 7.0's rules for each (sort.c).
 */
public final class SortCommand {
    private final Server server;

    public SortCommand(Server server) {
        this.server = server;
    }

    /**
     * SORT's keys for COMMAND GETKEYS: the sorted key, and the STORE destination wherever it
     * stands, skipping the arguments of LIMIT, BY and GET (the last STORE wins, as in Valkey).
     */
    static void keys(byte[][] argv, CommandSpec.KeySink out) {
        if (argv.length < 2) return;
        out.key(1, "RO ACCESS");
        int store = -1;
        for (int i = 2; i < argv.length; i++) {
            String a = new String(argv[i], java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
            switch (a) {
                case "limit" -> i += 2;
                case "by", "get" -> i += 1;
                case "store" -> {
                    if (i + 1 < argv.length) store = i + 1;
                    i += 1;
                }
                default -> { }
            }
        }
        if (store > 0) out.key(store, "OW UPDATE");
    }

    public void register(CommandTable t) {
        String g = "generic";
        t.add(new CommandSpec("sort", -2, "write denyoom movablekeys", g, "1.0.0",
                "Sorts the elements in a list, a set, or a sorted set, optionally storing the result.", this::sort)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).keysBy(SortCommand::keys).acl("write", "set", "sortedset", "list", "slow", "dangerous"));
        t.add(new CommandSpec("sort_ro", -2, "readonly movablekeys", g, "7.0.0",
                "Returns the sorted elements of a list, a set, or a sorted set.", this::sortRo)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)).acl("read", "set", "sortedset", "list", "slow", "dangerous"));
    }

    /** The parsed options of one SORT. */
    private static final class Options {
        boolean desc, alpha, dontSort;
        long limitStart = 0, limitCount = -1;
        byte[] by, store;
        final List<byte[]> gets = new ArrayList<>(2);

        /**
         * Parses argv[2..] as SORT does (SORT_RO: {@code readOnly}, no STORE). A BY or GET pattern
         * must provably name keys of the sorted key's slot in cluster mode, and needs access to
         * all keys ({@code allKeys}) under ACL, checked in that order as Valkey does.
         */
        static Options parse(byte[][] argv, boolean readOnly, boolean clusterMode, boolean allKeys) {
            Options o = new Options();
            for (int j = 2; j < argv.length; j++) {
                int left = argv.length - j - 1;
                byte[] a = argv[j];
                if (is(a, "asc")) {
                    o.desc = false;
                } else if (is(a, "desc")) {
                    o.desc = true;
                } else if (is(a, "alpha")) {
                    o.alpha = true;
                } else if (is(a, "limit") && left >= 2) {
                    o.limitStart = parseLong(argv[j + 1]);
                    o.limitCount = parseLong(argv[j + 2]);
                    j += 2;
                } else if (!readOnly && is(a, "store") && left >= 1) {
                    o.store = argv[++j];
                } else if (is(a, "by") && left >= 1) {
                    o.by = argv[++j];
                    // a pattern without '*' names no per-element key: nothing to sort by (sticks
                    // even if a later BY has a '*', as in Valkey)
                    o.dontSort |= indexOf(o.by, (byte) '*', 0) < 0;
                    if (clusterMode && indexOf(o.by, (byte) '*', 0) >= 0 && HashSlot.ofPattern(o.by) != HashSlot.of(argv[1])) {
                        throw new CommandError("ERR BY option of SORT denied in Cluster mode when keys formed by the pattern may be in different slots.");
                    }
                    if (!allKeys && indexOf(o.by, (byte) '*', 0) >= 0) {
                        throw new CommandError("ERR BY option of SORT denied due to insufficient ACL permissions.");
                    }
                } else if (is(a, "get") && left >= 1) {
                    byte[] get = argv[++j];
                    if (clusterMode && !(get.length == 1 && get[0] == '#') && HashSlot.ofPattern(get) != HashSlot.of(argv[1])) {
                        throw new CommandError("ERR GET option of SORT denied in Cluster mode when keys formed by the pattern may be in different slots.");
                    }
                    if (!allKeys) throw new CommandError("ERR GET option of SORT denied due to insufficient ACL permissions.");
                    o.gets.add(get);
                } else {
                    throw new CommandError(SYNTAX);
                }
            }
            return o;
        }
    }

    /** One element being sorted with what it sorts by. */
    private static final class Item {
        final byte[] element;
        double score;
        /** The BY value for an ALPHA sort by pattern; null when the key is missing. */
        byte[] by;

        Item(byte[] element) {
            this.element = element;
        }
    }

    /**
     * SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC]
     * [ALPHA] [STORE destination]: the sorted elements (or the GET values for each), or with
     * STORE the number stored as a list at destination.
     */
    void sort(Session s, byte[][] argv, ReplySink out) {
        run(s, argv, out, false);
    }

    /** SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC | DESC] [ALPHA]: SORT without STORE. */
    void sortRo(Session s, byte[][] argv, ReplySink out) {
        run(s, argv, out, true);
    }

    private void run(Session s, byte[][] argv, ReplySink out, boolean readOnly) {
        // BY and GET read keys the key specs cannot name: only for users with access to all keys (ACL)
        boolean allKeys = s.user().unrestricted() || s.server().acl().readsAnyKey(s, argv);
        Options o = Options.parse(argv, readOnly, server.cluster().enabled(), allKeys);
        Database db = s.db();
        Value v = db.lookupRead(argv[1]);
        ValueType type = v == null ? ValueType.LIST : v.type();
        if (v != null && (!(v instanceof Elements) || (type != ValueType.LIST && type != ValueType.SET && type != ValueType.ZSET))) {
            throw new CommandError(WRONGTYPE);
        }
        if (v instanceof io.moonkey.datastore.zset.SortedSetValue z && z.isCompact()) {
            // Valkey converts a listpack sorted set to a skiplist for SORT, in place, for good
            long before = z.memoryUsage();
            z.toSkiplist();
            db.reencoded(z.memoryUsage() - before);
        }
        boolean dontSort = o.dontSort;
        boolean alpha = o.alpha;
        byte[] by = o.by;
        if (dontSort && type == ValueType.SET && (o.store != null || s.isScriptCaller())) {
            // a set's own order is arbitrary: what is stored or seen by a script must not depend on it
            dontSort = false;
            alpha = true;
            by = null;
        }
        byte[][] all = elements(v);
        long length = all.length;
        long start = o.limitStart < 0 ? 0 : o.limitStart;
        long end = o.limitCount < 0 ? length - 1 : start + o.limitCount - 1;
        if (start >= length) {
            start = length - 1;
            end = length - 2;
        }
        if (end >= length) end = length - 1;

        Item[] items;
        if (dontSort && type != ValueType.SET) {
            // lists and sorted sets keep their own order (reversed by DESC): load just the window
            int n = (int) Math.max(0, end - start + 1);
            items = new Item[n];
            for (int i = 0; i < n; i++) items[i] = new Item(all[(int) (o.desc ? length - 1 - start - i : start + i)]);
            end -= start;
            start = 0;
        } else {
            items = new Item[all.length];
            for (int i = 0; i < all.length; i++) items[i] = new Item(all[i]);
        }
        boolean badScore = false;
        if (!dontSort) {
            for (Item it : items) {
                if (by != null) {
                    StringValue sv = lookupByPattern(db, by, it.element);
                    if (sv == null) continue;
                    if (alpha) {
                        it.by = sv.bytes();
                    } else if (sv instanceof IntString i) {
                        it.score = i.value();
                    } else {
                        badScore |= !parseScore(sv.bytes(), it);
                    }
                } else if (!alpha) {
                    badScore |= !parseScore(it.element, it);
                }
            }
            Arrays.sort(items, comparator(alpha, by != null, o.store != null, o.desc)); // stable, as glibc's qsort
        }
        int getops = o.gets.size();
        long count = Math.max(0, end - start + 1);
        long outputLength = getops > 0 ? getops * count : count;
        if (badScore) throw new CommandError("ERR One or more scores can't be converted into double");
        if (o.store == null) {
            out.arrayHeader((int) outputLength);
            for (long j = start; j <= end; j++) {
                byte[] e = items[(int) j].element;
                if (getops == 0) out.bulk(e);
                for (byte[] pattern : o.gets) {
                    byte[] val = getValue(db, pattern, e);
                    if (val == null) out.nullBulk();
                    else out.bulk(val);
                }
            }
            return;
        }
        // Valkey builds the result as a quicklist, then lets it become a listpack if it fits one node
        long fill = s.server().config().getLong("list-max-listpack-size");
        ListValue stored = ListValue.quicklist(fill);
        for (long j = start; j <= end; j++) {
            byte[] e = items[(int) j].element;
            if (getops == 0) stored.pushTail(e);
            for (byte[] pattern : o.gets) {
                byte[] val = getValue(db, pattern, e);
                stored.pushTail(val == null ? new byte[0] : val);
            }
        }
        if (outputLength > 0) {
            stored.packIfSmall(fill);
            db.put(o.store, stored, false);
            s.notifyKeyspace(KeyspaceEvents.LIST, "sortstore", o.store);
            s.dirty(outputLength);
        } else if (db.delete(o.store)) {
            s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", o.store);
            s.dirty();
        }
        out.integer(outputLength);
    }

    /** Copies of the elements of {@code v} (none when missing), in its own order. */
    private static byte[][] elements(Value v) {
        if (v == null) return new byte[0][];
        if (v instanceof ListValue l) return l.toArray();
        Elements e = (Elements) v;
        List<byte[]> r = new ArrayList<>((int) Math.min(e.elementCount(), 1 << 20));
        e.forEachElement(b -> r.add(b.clone())); // other types may reuse the array they pass
        return r.toArray(new byte[0][]);
    }

    private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean storing, boolean desc) {
        Comparator<Item> c;
        if (!alpha) {
            c = (a, b) -> {
                int r = Double.compare(a.score, b.score);
                if (a.score == b.score) r = 0; // -0.0 and 0.0 are equal scores, as in C
                return r != 0 ? r : compareBinary(a.element, b.element);
            };
        } else if (byPattern) {
            c = (a, b) -> {
                if (a.by == null || b.by == null) return a.by == b.by ? 0 : a.by == null ? -1 : 1;
                return storing ? compareBinary(a.by, b.by) : collate(a.by, b.by);
            };
        } else {
            c = storing ? (a, b) -> compareBinary(a.element, b.element) : (a, b) -> collate(a.element, b.element);
        }
        return desc ? c.reversed() : c;
    }

    /** Byte-wise comparison, shorter first on a common prefix (Valkey's compareStringObjects). */
    private static int compareBinary(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * strcoll under the C.UTF-8 locale the reference runs in: byte order up to the first NUL,
     * which ends a C string.
     */
    private static int collate(byte[] a, byte[] b) {
        int la = indexOf(a, (byte) 0, 0), lb = indexOf(b, (byte) 0, 0);
        return Arrays.compareUnsigned(a, 0, la < 0 ? a.length : la, b, 0, lb < 0 ? b.length : lb);
    }

    /**
     * Reads {@code text} as SORT's strtod does into {@code it.score}; false when the whole text is
     * not a number (trailing garbage, NaN, out of range). An empty text reads as 0.
     */
    private static boolean parseScore(byte[] text, Item it) {
        int len = indexOf(text, (byte) 0, 0);
        if (len < 0) len = text.length;
        if (len == 0) {
            it.score = 0; // strtod reads nothing and stops at the end: no error
            return true;
        }
        int p = 0;
        while (p < len && isSpace(text[p])) p++;
        String t = new String(text, p, len - p, java.nio.charset.StandardCharsets.ISO_8859_1);
        double d;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            d = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            d = Double.parseDouble(lower);
            if (Double.isInfinite(d)) return false; // ERANGE
            if (d == 0 ? unsigned.matches(".*[1-9].*e.*") : Math.abs(d) < Double.MIN_NORMAL) return false; // underflow: ERANGE
        } else if (unsigned.matches("0x([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?\\d+)?")) {
            d = Double.parseDouble(lower.contains("p") ? lower : lower + "p0");
            if (Double.isInfinite(d)) return false;
        } else {
            return false; // includes nan, which SORT refuses
        }
        it.score = d;
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) if (a[i] == b) return i;
        return -1;
    }

    /** A GET pattern's value for {@code element}: the element itself for "#", else the looked-up string. */
    private static byte[] getValue(Database db, byte[] pattern, byte[] element) {
        if (pattern.length == 1 && pattern[0] == '#') return element;
        StringValue sv = lookupByPattern(db, pattern, element);
        return sv == null ? null : sv.bytes();
    }

    /**
     * The string value of the key made by replacing the first '*' of {@code pattern} with
     * {@code element} (Valkey's lookupKeyByPattern); null if the pattern has no '*', or the key
     * is missing or not a string. A non-empty "->field" after the '*' reads that field of a hash
     * instead (see {@link #hashField}).
     */
    private static StringValue lookupByPattern(Database db, byte[] pattern, byte[] element) {
        int star = indexOf(pattern, (byte) '*', 0);
        if (star < 0) return null;
        int arrow = -1;
        for (int i = star + 1; i + 1 < pattern.length; i++) {
            if (pattern[i] == '-' && pattern[i + 1] == '>') {
                arrow = i;
                break;
            }
        }
        boolean field = arrow >= 0 && arrow + 2 < pattern.length;
        int postfixEnd = field ? arrow : pattern.length;
        byte[] key = new byte[star + element.length + (postfixEnd - star - 1)];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(element, 0, key, star, element.length);
        System.arraycopy(pattern, star + 1, key, star + element.length, postfixEnd - star - 1);
        Value v = db.lookupRead(key);
        if (v == null) return null;
        if (field) return hashField(v, Arrays.copyOfRange(pattern, arrow + 2, pattern.length));
        return v instanceof StringValue sv ? sv : null;
    }

    /** The value of {@code field} in the hash {@code v}, or null when missing or {@code v} is not a hash. */
    private static StringValue hashField(Value v, byte[] field) {
        if (!(v instanceof io.moonkey.datastore.hash.HashValue h)) return null;
        int pos = h.find(field);
        return pos < 0 ? null : StringValue.raw(h.value(pos));
    }
}
