package io.moonkey.lua.interpreter;

/**
 * {@code function ... end}: a new closure over the running function's environment. Each
 * upvalue is taken as the compiled code takes it: the cell of a cell variable, else the current
 * value, from a local slot or from the running closure's own upvalues.
 */
final class ClosureNode extends ExprNode {
    private final FunctionProto proto;
    /** Per upvalue: a local slot (≥ 0), or {@code -1 - k} for the running closure's upvalue k. */
    private final int[] sources;

    ClosureNode(FunctionProto proto, int[] sources) {
        this.proto = proto;
        this.sources = sources;
    }

    @Override
    InterpretedFunction eval(Frame f) {
        int[] src = sources;
        Object[] ups = new Object[src.length];
        for (int j = 0; j < src.length; j++) {
            int s = src[j];
            ups[j] = s >= 0 ? f.slots[s] : f.closure.upvalues[-1 - s];
        }
        return new InterpretedFunction(proto, f.closure.env, ups);
    }
}
