package io.moonkey.server;

import it.unimi.dsi.fastutil.bytes.ByteArrays;
import it.unimi.dsi.fastutil.objects.ObjectLinkedOpenCustomHashSet;

/** The channels, patterns and shard channels one session is subscribed to, in subscription order. */
final class Subscriptions {
    final ObjectLinkedOpenCustomHashSet<byte[]> channels = new ObjectLinkedOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);
    final ObjectLinkedOpenCustomHashSet<byte[]> patterns = new ObjectLinkedOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);
    final ObjectLinkedOpenCustomHashSet<byte[]> shardChannels = new ObjectLinkedOpenCustomHashSet<>(ByteArrays.HASH_STRATEGY);

    /** Channels plus patterns: the count (P)SUBSCRIBE confirmations report. */
    int count() {
        return channels.size() + patterns.size();
    }

    /** Every subscription, shard channels included: what puts a RESP2 client in pub/sub mode. */
    int total() {
        return count() + shardChannels.size();
    }
}
