package io.moonkey.datastore;

import java.util.function.Consumer;

/**
 * A collection whose elements SORT reads: a list (head to tail), a set (any order) or a sorted
 * set (members in rank order). Implemented by the collection values.
 */
public interface Elements {
    /** The number of elements. */
    long elementCount();

    /** Visits every element; the array passed may be reused after the call returns, so copy to keep it. */
    void forEachElement(Consumer<byte[]> action);
}
