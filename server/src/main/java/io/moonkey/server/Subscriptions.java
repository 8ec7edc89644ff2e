package io.moonkey.server;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.ObjectLinkedOpenCustomHashSet;

/** The channels and patterns one session is subscribed to, in subscription order. */
final class Subscriptions {
    final ObjectLinkedOpenCustomHashSet<byte[]> channels = new ObjectLinkedOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);
    final ObjectLinkedOpenCustomHashSet<byte[]> patterns = new ObjectLinkedOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);

    int count() {
        return channels.size() + patterns.size();
    }
}
