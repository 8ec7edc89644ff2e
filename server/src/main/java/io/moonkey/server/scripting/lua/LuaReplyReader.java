package io.moonkey.server.scripting.lua;

import io.moonkey.lua.lib.valkey.ServerApi;
import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.server.resp.DoubleFormat;
import io.moonkey.server.resp.ReplySink;
import io.moonkey.server.resp.RespWriter;
import java.util.ArrayDeque;

/**
 * A reply sink that builds the Lua value of a command's reply (lua-api.md §4), so that
 * {@code server.call} never serialises a reply to bytes and parses it back. RESP2: integers
 * become numbers, nulls {@code false}, a status {@code {ok=...}}, an error an error table;
 * RESP3 adds {@code {map=...}}, {@code {set=...}}, {@code {double=...}}, booleans and nil.
 */
public final class LuaReplyReader implements ReplySink {
    private static final LuaString OK = LuaString.latin1("ok");
    private static final LuaString MAP = LuaString.latin1("map");
    private static final LuaString SET = LuaString.latin1("set");
    private static final LuaString DOUBLE = LuaString.latin1("double");
    private static final LuaString BIG_NUMBER = LuaString.latin1("big_number");
    private static final LuaString VERBATIM = LuaString.latin1("verbatim_string");
    private static final LuaString FORMAT = LuaString.latin1("format");
    private static final LuaString STRING = LuaString.latin1("string");

    private enum Kind { ARRAY, MAP, SET }

    /** An aggregate being filled. */
    private static final class Frame {
        final Kind kind;
        final LuaTable table;
        final Object value;
        int remaining;
        int index;
        Object key;
        boolean keyPending;

        Frame(Kind kind, LuaTable table, Object value, int remaining) {
            this.kind = kind;
            this.table = table;
            this.value = value;
            this.remaining = remaining;
        }
    }

    private final int protocol;
    private final ArrayDeque<Frame> open = new ArrayDeque<>();
    private Object result;
    private boolean done;

    /** @param protocol the script's protocol (2, or 3 after {@code server.setresp(3)}) */
    /** Where a command's error reply is counted, while the command is still the one running. */
    private RespWriter.ErrorObserver errorObserver;

    /** Counts the command's error replies in the server statistics as they arrive. */
    public LuaReplyReader observingErrors(RespWriter.ErrorObserver observer) {
        this.errorObserver = observer;
        return this;
    }

    public LuaReplyReader(int protocol) {
        this.protocol = protocol;
    }

    /** The complete reply as a Lua value. */
    public Object result() {
        return result;
    }

    /** Whether the reply was an error (the value is then an error table). */
    public boolean isError() {
        return done && result instanceof LuaTable t && t.get(LuaString.latin1("err")) instanceof LuaString;
    }

    private void value(Object v) {
        Frame f = open.peek();
        if (f == null) {
            result = v;
            done = true;
            return;
        }
        switch (f.kind) {
            case ARRAY -> {
                f.index++;
                if (v != null) {
                    f.table.put(f.index, v); // a RESP3 null leaves a hole, as in Valkey
                }
            }
            case SET -> {
                if (v != null) {
                    f.table.put(v, Boolean.TRUE);
                }
            }
            case MAP -> {
                if (!f.keyPending) {
                    f.key = v;
                    f.keyPending = true;
                    return; // the entry counts once its value arrives
                }
                f.keyPending = false;
                if (f.key != null) {
                    f.table.put(f.key, v);
                }
            }
        }
        if (--f.remaining == 0) {
            open.pop();
            value(f.value);
        }
    }

    private void aggregate(Kind kind, int n, LuaString wrapperKey) {
        LuaTable inner = new LuaTable(kind == Kind.ARRAY ? n : 0, kind == Kind.ARRAY ? 0 : n);
        Object value = inner;
        if (wrapperKey != null) {
            LuaTable outer = new LuaTable();
            outer.put(wrapperKey, inner);
            value = outer;
        }
        if (n == 0) {
            value(value);
        } else {
            open.push(new Frame(kind, inner, value, n));
        }
    }

    private static LuaTable single(LuaString key, Object v) {
        LuaTable t = new LuaTable();
        t.put(key, v);
        return t;
    }

    private Object nullValue() {
        return protocol == 3 ? null : Boolean.FALSE;
    }

    @Override
    public void simple(String s) {
        value(single(OK, LuaString.latin1(s)));
    }

    @Override
    public void error(String message) {
        if (errorObserver != null) {
            errorObserver.errorReplied(message, true);
        }
        value(ServerApi.errorTable("-" + message, true));
    }

    @Override
    public void integer(long v) {
        value((double) v);
    }

    @Override
    public void bulk(byte[] b, int off, int len) {
        value(LuaString.copyOf(b, off, off + len));
    }

    @Override
    public void nullBulk() {
        value(nullValue());
    }

    @Override
    public void nullArray() {
        value(nullValue());
    }

    @Override
    public void arrayHeader(int n) {
        aggregate(Kind.ARRAY, n, null);
    }

    @Override
    public void mapHeader(int n) {
        if (protocol == 3) {
            aggregate(Kind.MAP, n, MAP); // a MAP frame counts entries: a key waits for its value
        } else {
            aggregate(Kind.ARRAY, 2 * n, null);
        }
    }

    @Override
    public void setHeader(int n) {
        aggregate(protocol == 3 ? Kind.SET : Kind.ARRAY, n, protocol == 3 ? SET : null);
    }

    @Override
    public void pushHeader(int n) {
        aggregate(Kind.ARRAY, n, null);
    }

    @Override
    public void doubleValue(double d) {
        if (protocol == 3) {
            value(single(DOUBLE, d));
        } else {
            value(LuaString.latin1(DoubleFormat.format(d)));
        }
    }

    @Override
    public void bool(boolean b) {
        value(protocol == 3 ? (Object) b : (double) (b ? 1 : 0));
    }

    @Override
    public void verbatim(String format, byte[] text) {
        if (protocol == 3) {
            LuaTable v = new LuaTable();
            v.put(FORMAT, LuaString.latin1(format));
            v.put(STRING, LuaString.wrap(text.clone()));
            value(single(VERBATIM, v));
        } else {
            value(LuaString.wrap(text.clone()));
        }
    }

    @Override
    public void bigNumber(String decimal) {
        value(protocol == 3 ? single(BIG_NUMBER, LuaString.latin1(decimal)) : LuaString.latin1(decimal));
    }

    @Override
    public int protocol() {
        return protocol;
    }
}
