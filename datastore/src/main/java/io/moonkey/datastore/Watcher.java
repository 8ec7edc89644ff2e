package io.moonkey.datastore;

/** Someone (a WATCHing client) told when a watched key is modified, deleted or expires. */
public interface Watcher {
    void keyTouched();
}
