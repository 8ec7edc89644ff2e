package io.moonkey.datastore.list;

/**
 * Receives one element as a slice of an array the list owns, valid only during the call: lets
 * a reply be written straight from the packed storage, with no copy.
 */
@FunctionalInterface
public interface ElementSink {
    void element(byte[] buf, int off, int len);
}
