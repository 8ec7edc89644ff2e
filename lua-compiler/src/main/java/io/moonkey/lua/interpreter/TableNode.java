package io.moonkey.lua.interpreter;

import io.moonkey.lua.runtime.LuaString;
import io.moonkey.lua.runtime.LuaTable;
import io.moonkey.lua.runtime.Varargs;

/**
 * A table constructor (manual §2.5.7) built as PUC builds it: presized with the sizes PUC's
 * NEWTABLE really requests, and, when the constructor has keyed fields, positional items
 * stored in batches of 50 after the keyed ones before them (LFIELDS_PER_FLUSH), so
 * {@code {1, [1] = 2}} keeps 1.
 */
final class TableNode extends ExprNode {
    private static final int FIELDS_PER_FLUSH = 50;

    enum Kind { POSITIONAL, NAMED, KEYED, EXPANDED }

    record Item(Kind kind, ExprNode key, LuaString name, ExprNode value, Site site, boolean vararg) {}

    private final int arraySize;
    private final int hashSize;
    private final boolean keyed;
    private final Item[] items;

    TableNode(int arraySize, int hashSize, boolean keyed, Item[] items) {
        this.arraySize = arraySize;
        this.hashSize = hashSize;
        this.keyed = keyed;
        this.items = items;
    }

    @Override
    Object eval(Frame f) {
        LuaTable t = new LuaTable(arraySize, hashSize);
        int index = 0;
        Object[] pending = keyed ? new Object[FIELDS_PER_FLUSH] : null;
        int npending = 0;
        for (Item item : items) {
            switch (item.kind) {
                case POSITIONAL -> {
                    Object v = item.value.eval(f);
                    index++;
                    if (!keyed) {
                        t.put(index, v);
                    } else {
                        pending[npending++] = v;
                        if (npending == FIELDS_PER_FLUSH) {
                            flush(t, pending, npending, index - npending);
                            npending = 0;
                        }
                    }
                }
                case NAMED -> t.put(item.name, item.value.eval(f));
                case KEYED -> {
                    Object k = item.key.eval(f);
                    Object v = item.value.eval(f);
                    f.site = item.site;
                    t.put(k, v);
                }
                case EXPANDED -> {
                    if (npending > 0) {
                        flush(t, pending, npending, index - npending);
                        npending = 0;
                    }
                    Object[] values = item.vararg ? f.varargs : f.cx.results(item.value.eval(f));
                    Varargs.setList(t, index + 1, values);
                }
            }
        }
        if (npending > 0) {
            flush(t, pending, npending, index - npending);
        }
        return t;
    }

    private static void flush(LuaTable t, Object[] pending, int n, int base) {
        for (int j = 0; j < n; j++) {
            t.put(base + j + 1, pending[j]);
            pending[j] = null;
        }
    }
}
