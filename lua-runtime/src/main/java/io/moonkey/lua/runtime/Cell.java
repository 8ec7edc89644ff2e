package io.moonkey.lua.runtime;

/**
 * A local captured by a closure and assigned after its declaration: the shared box both the
 * declaring frame and every closure read and write (design §1.5). One is allocated per
 * execution of the declaration, so each loop iteration gets a fresh variable.
 */
public final class Cell {
    public Object v;

    public Cell(Object v) {
        this.v = v;
    }
}
