package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.WRONGTYPE;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.GrowableString;
import io.moonkey.datastore.StringValue;
import io.moonkey.datastore.Value;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Server;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/** Bitmap commands over string values: SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP (and BITFIELD, in its own class). */
public final class BitCommands {
    private static final byte[] EMPTY = new byte[0];
    private final Server server;

    public BitCommands(Server server) {
        this.server = server;
    }

    public void register(CommandTable t) {
        String g = "bitmap";
        t.add(new CommandSpec("setbit", 4, "write denyoom", g, "2.2.0",
                "Sets or clears the bit at offset of the string value. Creates the key if it doesn't exist.", this::setbit)
                .keys(KeySpec.range("RW ACCESS UPDATE", 1, 0, 1)));
        t.add(new CommandSpec("getbit", 3, "readonly fast", g, "2.2.0", "Returns a bit value by offset.", this::getbit)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("bitcount", -2, "readonly", g, "2.6.0", "Counts the number of set bits (population counting) in a string.", this::bitcount)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("bitpos", -3, "readonly", g, "2.8.7", "Finds the first set (1) or clear (0) bit in a string.", this::bitpos)
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
        t.add(new CommandSpec("bitop", -4, "write denyoom", g, "2.6.0", "Performs bitwise operations on multiple strings, and stores the result.", this::bitop)
                .keys(KeySpec.range("OW UPDATE", 2, 0, 1)).keys(KeySpec.range("RO ACCESS", 3, -1, 1)));
        BitfieldCommand.register(t);
    }

    private static byte[] content(StringValue v) {
        if (v == null) return EMPTY;
        return v.bytes();
    }

    private static long bitOffset(byte[] arg) {
        return parseLong(arg, 0, 4L * 1024 * 1024 * 1024 - 1, "ERR bit offset is not an integer or out of range");
    }

    /** SETBIT key offset value: sets or clears one bit, growing the string; replies the old bit. */
    void setbit(Session s, byte[][] argv, ReplySink out) {
        long off = bitOffset(argv[2]);
        if (!is(argv[3], "0") && !is(argv[3], "1")) throw new CommandError("ERR bit is not an integer or out of range");
        int bit = argv[3][0] - '0';
        long byteIndex = off >> 3;
        if (byteIndex + 1 > server.config().getLong("proto-max-bulk-len")) {
            throw new CommandError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        }
        Database db = s.db();
        StringValue v = StringCommands.writeString(db, argv[1]);
        GrowableString r;
        if (v == null) {
            r = StringValue.growable(new byte[(int) byteIndex + 1]);
            db.put(argv[1], r, false);
        } else {
            r = StringCommands.mutable(db, argv[1], v);
        }
        long before = r.memoryUsage();
        r.ensureLength((int) byteIndex + 1);
        byte[] buf = r.buffer();
        int mask = 1 << (7 - (int) (off & 7));
        int old = (buf[(int) byteIndex] & mask) != 0 ? 1 : 0;
        if (bit == 1) buf[(int) byteIndex] |= (byte) mask;
        else buf[(int) byteIndex] &= (byte) ~mask;
        db.resized(argv[1], r.memoryUsage() - before);
        s.dirty();
        s.notifyKeyspace(KeyspaceEvents.STRING, "setbit", argv[1]);
        out.integer(old);
    }

    /** GETBIT key offset: the bit at offset (0 beyond the end). */
    void getbit(Session s, byte[][] argv, ReplySink out) {
        long off = bitOffset(argv[2]);
        StringValue v = StringCommands.readString(s.db(), argv[1]);
        byte[] b = content(v);
        long byteIndex = off >> 3;
        if (byteIndex >= b.length) {
            out.integer(0);
            return;
        }
        out.integer((b[(int) byteIndex] >> (7 - (off & 7))) & 1);
    }

    /** BITCOUNT key [start end [BYTE | BIT]]: number of set bits in the range. */
    void bitcount(Session s, byte[][] argv, ReplySink out) {
        long start = 0, end = 0;
        boolean bitMode = false, ranged = false;
        if (argv.length == 4 || argv.length == 5) {
            start = parseLong(argv[2]);
            end = parseLong(argv[3]);
            if (argv.length == 5) {
                if (is(argv[4], "bit")) bitMode = true;
                else if (!is(argv[4], "byte")) throw new CommandError(SYNTAX);
            }
            ranged = true;
        } else if (argv.length != 2) {
            throw new CommandError(SYNTAX);
        }
        StringValue v = StringCommands.readString(s.db(), argv[1]);
        if (v == null) {
            out.integer(0);
            return;
        }
        byte[] b = v.bytes();
        long total = bitMode ? (long) b.length * 8 : b.length;
        if (!ranged) {
            start = 0;
            end = total - 1;
        } else {
            if (start < 0 && end < 0 && start > end) {
                out.integer(0);
                return;
            }
            if (start < 0) start = total + start;
            if (end < 0) end = total + end;
            if (start < 0) start = 0;
            if (end < 0) end = 0;
            if (end >= total) end = total - 1;
        }
        if (start > end || total == 0) {
            out.integer(0);
            return;
        }
        long count = 0;
        if (bitMode) {
            for (long i = start; i <= end; i++) count += (b[(int) (i >> 3)] >> (7 - (i & 7))) & 1;
        } else {
            for (long i = start; i <= end; i++) count += Integer.bitCount(b[(int) i] & 0xff);
        }
        out.integer(count);
    }

    /** BITPOS key bit [start [end [BYTE | BIT]]]: position of the first bit set to 0 or 1. */
    void bitpos(Session s, byte[][] argv, ReplySink out) {
        long bitArg = parseLong(argv[2]);
        if (bitArg != 0 && bitArg != 1) throw new CommandError("ERR The bit argument must be 1 or 0.");
        int bit = (int) bitArg;
        long start = 0, end = -1;
        boolean endGiven = false, bitMode = false;
        if (argv.length > 6) throw new CommandError(SYNTAX);
        if (argv.length >= 4) start = parseLong(argv[3]);
        if (argv.length >= 5) {
            end = parseLong(argv[4]);
            endGiven = true;
        }
        if (argv.length == 6) {
            if (is(argv[5], "bit")) bitMode = true;
            else if (!is(argv[5], "byte")) throw new CommandError(SYNTAX);
        }
        StringValue v = StringCommands.readString(s.db(), argv[1]);
        if (v == null) {
            out.integer(bit == 1 ? -1 : 0);
            return;
        }
        byte[] b = v.bytes();
        long total = bitMode ? (long) b.length * 8 : b.length;
        if (start < 0) start = total + start;
        if (end < 0) end = total + end;
        if (start < 0) start = 0;
        if (end < 0) end = 0;
        if (end >= total) end = total - 1;
        if (start > end || total == 0) {
            out.integer(-1);
            return;
        }
        long firstBit = bitMode ? start : start * 8;
        long lastBit = bitMode ? end : end * 8 + 7;
        for (long i = firstBit; i <= lastBit; i++) {
            if (((b[(int) (i >> 3)] >> (7 - (i & 7))) & 1) == bit) {
                out.integer(i);
                return;
            }
        }
        // Looking for a clear bit with no explicit end: the string is padded with zeros.
        out.integer(bit == 0 && !endGiven ? lastBit + 1 : -1);
    }

    /** BITOP AND | OR | XOR | NOT destkey key [key ...]: stores the result; replies its length. */
    void bitop(Session s, byte[][] argv, ReplySink out) {
        int op;
        if (is(argv[1], "and")) op = 0;
        else if (is(argv[1], "or")) op = 1;
        else if (is(argv[1], "xor")) op = 2;
        else if (is(argv[1], "not")) op = 3;
        else throw new CommandError(SYNTAX);
        if (op == 3 && argv.length != 4) throw new CommandError("ERR BITOP NOT must be called with a single source key.");
        Database db = s.db();
        int n = argv.length - 3;
        byte[][] src = new byte[n][];
        int max = 0;
        for (int i = 0; i < n; i++) {
            Value v = db.lookupRead(argv[3 + i]);
            if (v != null && !(v instanceof StringValue)) throw new CommandError(WRONGTYPE);
            src[i] = content((StringValue) v);
            max = Math.max(max, src[i].length);
        }
        byte[] res = new byte[max];
        for (int k = 0; k < max; k++) {
            int acc = k < src[0].length ? src[0][k] & 0xff : 0;
            if (op == 3) {
                acc = ~acc & 0xff;
            } else {
                for (int i = 1; i < n; i++) {
                    int x = k < src[i].length ? src[i][k] & 0xff : 0;
                    acc = op == 0 ? acc & x : op == 1 ? acc | x : acc ^ x;
                }
            }
            res[k] = (byte) acc;
        }
        if (max == 0) {
            if (db.delete(argv[2])) {
                s.dirty();
                s.notifyKeyspace(KeyspaceEvents.GENERIC, "del", argv[2]);
            }
        } else {
            db.put(argv[2], StringValue.raw(res), false);
            s.dirty();
            s.notifyKeyspace(KeyspaceEvents.STRING, "set", argv[2]);
        }
        out.integer(max);
    }
}
