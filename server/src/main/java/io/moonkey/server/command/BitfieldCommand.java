package io.moonkey.server.command;

import static io.moonkey.server.command.Arguments.NOT_INTEGER;
import static io.moonkey.server.command.Arguments.SYNTAX;
import static io.moonkey.server.command.Arguments.is;
import static io.moonkey.server.command.Arguments.parseLong;

import io.moonkey.datastore.Database;
import io.moonkey.datastore.GrowableString;
import io.moonkey.datastore.StringValue;
import io.moonkey.server.KeyspaceEvents;
import io.moonkey.server.Session;
import io.moonkey.server.resp.ReplySink;

/**
 * BITFIELD and BITFIELD_RO: integers of 1 to 64 bits (unsigned up to 63) at arbitrary bit
 * offsets of a string, read, written and incremented with WRAP, SAT or FAIL overflow handling.
 * Bits are numbered from the most significant bit of the first byte, as SETBIT numbers them.
 */
final class BitfieldCommand {
    private static final String BAD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
    private static final String BAD_OFFSET = "ERR bit offset is not an integer or out of range";

    private static final int GET = 0, SET = 1, INCRBY = 2;
    private static final int WRAP = 0, SAT = 1, FAIL = 2;

    /** One parsed operation. */
    private record Op(int code, boolean signed, int bits, long offset, long value, int overflow) {
    }

    private BitfieldCommand() {
    }

    static void register(CommandTable t) {
        t.add(new CommandSpec("bitfield", -2, "write denyoom", "bitmap", "3.2.0",
                "Performs arbitrary bitfield integer operations on strings.", (s, argv, out) -> bitfield(s, argv, out, false))
                .keys(KeySpec.range("RW ACCESS UPDATE VARIABLE_FLAGS", 1, 0, 1)));
        t.add(new CommandSpec("bitfield_ro", -2, "readonly fast", "bitmap", "6.0.0",
                "Performs arbitrary read-only bitfield integer operations on strings.", (s, argv, out) -> bitfield(s, argv, out, true))
                .keys(KeySpec.range("RO ACCESS", 1, 0, 1)));
    }

    /** BITFIELD key [GET type offset | [OVERFLOW WRAP|SAT|FAIL] SET type offset value | INCRBY type offset increment ...]. */
    static void bitfield(Session s, byte[][] argv, ReplySink out, boolean readOnlyCommand) {
        Op[] ops = new Op[argv.length / 3 + 1];
        int n = 0;
        int overflow = WRAP;
        boolean writes = false;
        long highestWriteBit = 0;
        long maxBytes = s.server().config().getLong("proto-max-bulk-len");
        for (int j = 2; j < argv.length; j++) {
            int remaining = argv.length - j - 1;
            byte[] sub = argv[j];
            int code;
            if (is(sub, "get") && remaining >= 2) {
                code = GET;
            } else if (is(sub, "set") && remaining >= 3) {
                code = SET;
            } else if (is(sub, "incrby") && remaining >= 3) {
                code = INCRBY;
            } else if (is(sub, "overflow") && remaining >= 1) {
                byte[] kind = argv[++j];
                if (is(kind, "wrap")) overflow = WRAP;
                else if (is(kind, "sat")) overflow = SAT;
                else if (is(kind, "fail")) overflow = FAIL;
                else throw new CommandError("ERR Invalid OVERFLOW type specified");
                continue;
            } else {
                throw new CommandError(SYNTAX);
            }
            byte[] type = argv[j + 1];
            boolean signed = parseSign(type);
            int bits = parseBits(type, signed);
            long offset = parseOffset(argv[j + 2], bits, maxBytes);
            long value = 0;
            if (code != GET) {
                writes = true;
                highestWriteBit = Math.max(highestWriteBit, offset + bits - 1);
                value = parseLong(argv[j + 3], NOT_INTEGER);
                j += 3;
            } else {
                j += 2;
            }
            ops[n++] = new Op(code, signed, bits, offset, value, overflow);
        }

        Database db = s.db();
        if (!writes) {
            StringValue v = StringCommands.readString(db, argv[1]);
            byte[] b = v == null ? null : v.bytes();
            int len = b == null ? 0 : b.length;
            out.arrayHeader(n);
            for (int i = 0; i < n; i++) {
                Op op = ops[i];
                out.integer(read(b, len, op.offset, op.bits, op.signed));
            }
            return;
        }
        if (readOnlyCommand) throw new CommandError("ERR BITFIELD_RO only supports the GET subcommand");

        // Like SETBIT, the string is created or zero-extended up to the highest bit written
        // before any operation runs, even one that then fails on overflow.
        int needBytes = (int) ((highestWriteBit >>> 3) + 1);
        StringValue v = StringCommands.writeString(db, argv[1]);
        GrowableString str;
        boolean grown;
        long before;
        if (v == null) {
            str = StringValue.growable(new byte[needBytes]);
            db.put(argv[1], str, false);
            grown = true;
            before = str.memoryUsage();
        } else {
            str = StringCommands.mutable(db, argv[1], v);
            before = str.memoryUsage();
            grown = str.length() < needBytes;
            str.ensureLength(needBytes);
        }
        byte[] buf = str.buffer();
        int changes = 0;
        out.arrayHeader(n);
        for (int i = 0; i < n; i++) {
            Op op = ops[i];
            int len = str.length();
            if (op.code == GET) {
                out.integer(read(buf, len, op.offset, op.bits, op.signed));
                continue;
            }
            long old = read(buf, len, op.offset, op.bits, op.signed);
            long[] result = new long[1];
            boolean overflowed;
            long newValue;
            long reply;
            if (op.code == INCRBY) {
                overflowed = op.signed ? signedOverflow(old, op.value, op.bits, op.overflow, result)
                        : unsignedOverflow(old, op.value, op.bits, op.overflow, result);
                newValue = overflowed ? result[0] : old + op.value;
                reply = newValue;
            } else {
                overflowed = op.signed ? signedOverflow(op.value, 0, op.bits, op.overflow, result)
                        : unsignedOverflow(op.value, 0, op.bits, op.overflow, result);
                newValue = overflowed ? result[0] : op.value;
                reply = old;
            }
            if (overflowed && op.overflow == FAIL) {
                out.nullBulk();
                continue;
            }
            out.integer(reply);
            write(buf, op.offset, op.bits, newValue);
            if (grown || old != newValue) changes++;
        }
        db.resized(argv[1], str.memoryUsage() - before);
        if (changes > 0) {
            s.dirty(changes);
            s.notifyKeyspace(KeyspaceEvents.STRING, "setbit", argv[1]);
        }
    }

    private static boolean parseSign(byte[] type) {
        if (type.length > 0 && type[0] == 'i') return true;
        if (type.length > 0 && type[0] == 'u') return false;
        throw new CommandError(BAD_TYPE);
    }

    private static int parseBits(byte[] type, boolean signed) {
        long bits;
        try {
            bits = Arguments.parseLong(java.util.Arrays.copyOfRange(type, 1, type.length));
        } catch (CommandError e) {
            throw new CommandError(BAD_TYPE);
        }
        if (bits < 1 || (signed && bits > 64) || (!signed && bits > 63)) throw new CommandError(BAD_TYPE);
        return (int) bits;
    }

    /** An offset in bits, or {@code #N} for the N-th field of this width; bounded by proto-max-bulk-len. */
    private static long parseOffset(byte[] arg, int bits, long maxBytes) {
        boolean fieldIndex = arg.length > 0 && arg[0] == '#';
        long offset;
        try {
            offset = Arguments.parseLong(fieldIndex ? java.util.Arrays.copyOfRange(arg, 1, arg.length) : arg);
        } catch (CommandError e) {
            throw new CommandError(BAD_OFFSET);
        }
        if (fieldIndex) offset *= bits; // wraps as the C multiplication does; then rejected below
        if (offset < 0 || (offset >> 3) >= maxBytes) throw new CommandError(BAD_OFFSET);
        return offset;
    }

    /** The field's value, most significant bit first; bits past the end of the string read as 0. */
    private static long read(byte[] b, int len, long offset, int bits, boolean signed) {
        long value = 0;
        for (int i = 0; i < bits; i++) {
            long bit = offset + i;
            long index = bit >>> 3;
            int v = index < len ? (b[(int) index] >> (7 - (int) (bit & 7))) & 1 : 0;
            value = (value << 1) | v;
        }
        if (signed && bits < 64 && (value & (1L << (bits - 1))) != 0) {
            value |= -1L << bits;
        }
        return value;
    }

    private static void write(byte[] b, long offset, int bits, long value) {
        for (int i = 0; i < bits; i++) {
            long bit = offset + i;
            int index = (int) (bit >>> 3);
            int mask = 1 << (7 - (int) (bit & 7));
            if (((value >>> (bits - 1 - i)) & 1) != 0) b[index] |= (byte) mask;
            else b[index] &= (byte) ~mask;
        }
    }

    /**
     * Whether {@code value + incr} leaves the unsigned range of {@code bits}; if so, {@code limit[0]}
     * gets the wrapped or saturated result. {@code value} is treated as unsigned (a negative SET
     * value is a huge one, hence out of range).
     */
    private static boolean unsignedOverflow(long value, long incr, int bits, int overflow, long[] limit) {
        long max = (1L << bits) - 1; // bits <= 63
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            if (overflow == WRAP) limit[0] = (value + incr) & max;
            else if (overflow == SAT) limit[0] = max;
            return true;
        }
        if (incr < 0 && incr < minIncr) {
            if (overflow == WRAP) limit[0] = (value + incr) & max;
            else if (overflow == SAT) limit[0] = 0;
            return true;
        }
        return false;
    }

    /** The signed counterpart: the range is [-2^(bits-1), 2^(bits-1)-1]. */
    private static boolean signedOverflow(long value, long incr, int bits, int overflow, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncr = max - value; // may wrap; used only once value is known in range
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            if (overflow == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (overflow == SAT) limit[0] = max;
            return true;
        }
        if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            if (overflow == WRAP) limit[0] = wrapSigned(value, incr, bits);
            else if (overflow == SAT) limit[0] = min;
            return true;
        }
        return false;
    }

    private static long wrapSigned(long value, long incr, int bits) {
        long c = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            c = (c & (1L << (bits - 1))) != 0 ? c | mask : c & ~mask;
        }
        return c;
    }
}
