package io.moonkey.lua.interpreter;

/**
 * An operation that may raise an error: its line and the names of its operands, as the
 * compiler records them for a bytecode offset ("local 'x'", "global 'f'\nfield 'n'"). The
 * interpreter stores the current one in its frame just before calling the runtime helper, so
 * stack walks read the same position and names as for compiled code.
 */
final class Site {
    final int line;
    /** Newline-separated operand names, or null when none has a name. */
    final String names;
    /** A call in tail position: while its Lua callee runs, this level is a lost "(tail call)". */
    final boolean tail;

    Site(int line, String names) {
        this(line, names, false);
    }

    Site(int line, String names, boolean tail) {
        this.line = line;
        this.names = names == null || names.isEmpty() || names.equals("\n") ? null : names;
        this.tail = tail;
    }
}
