package io.moonkey.server.persistence.rdb;

import io.moonkey.datastore.hash.HashValue;
import io.moonkey.datastore.list.ListValue;
import io.moonkey.datastore.set.SetLimits;
import io.moonkey.datastore.set.SetValue;
import io.moonkey.datastore.zset.SortedSetValue;
import io.moonkey.server.config.Config;

/**
 * Builds loaded values the way the commands build them, so the configured encoding thresholds
 * (list-max-listpack-size, set-max-intset-entries, hash- and zset-max-listpack-*) decide the
 * encoding, whatever encoding the RDB record had. Duplicates in a record are corrupt input.
 */
public final class EncodingLimits {
    private final SetLimits setLimits;
    private final long listFill, hashMaxEntries, hashMaxValue, zsetMaxEntries, zsetMaxValue;
    final long streamNodeMaxBytes, streamNodeMaxEntries;

    public EncodingLimits(Config c) {
        listFill = c.getLong("list-max-listpack-size");
        setLimits = new SetLimits(c.getLong("set-max-intset-entries"), c.getLong("set-max-listpack-entries"), c.getLong("set-max-listpack-value"));
        hashMaxEntries = c.getLong("hash-max-listpack-entries");
        hashMaxValue = c.getLong("hash-max-listpack-value");
        zsetMaxEntries = c.getLong("zset-max-listpack-entries");
        zsetMaxValue = c.getLong("zset-max-listpack-value");
        streamNodeMaxBytes = c.getLong("stream-node-max-bytes");
        streamNodeMaxEntries = c.getLong("stream-node-max-entries");
    }

    /** A list to fill whole: a quicklist, which {@link #finish} packs into a listpack when small. */
    ListValue newList() {
        return ListValue.quicklist(listFill);
    }

    ListValue finish(ListValue l) {
        l.packIfSmall(listFill);
        return l;
    }

    /** Adds a member to {@code set} (created on the first member for {@code expected} members); returns the set. */
    SetValue addMember(SetValue set, byte[] member, long expected) throws RdbFormatException {
        if (set == null) set = SetValue.create(member, expected, setLimits);
        if (!set.add(member, setLimits)) throw new RdbFormatException("duplicate set member");
        return set;
    }

    void addField(HashValue h, byte[] field, byte[] value) throws RdbFormatException {
        if (h.isListPack() && (field.length > hashMaxValue || value.length > hashMaxValue)) h.convertToTable();
        if (!h.set(field, value)) throw new RdbFormatException("duplicate hash field");
        if (h.isListPack() && h.size() > hashMaxEntries) h.convertToTable();
    }

    /** An empty sorted set for {@code expected} members: compact when they fit the listpack limit. */
    SortedSetValue newSortedSet(long expected) {
        return SortedSetValue.create(zsetMaxEntries != 0 && expected <= zsetMaxEntries);
    }

    void addMember(SortedSetValue z, byte[] member, double score) throws RdbFormatException {
        if (Double.isNaN(score)) throw new RdbFormatException("NaN score in sorted set");
        if (!Double.isNaN(z.score(member))) throw new RdbFormatException("duplicate sorted set member");
        if (z.isCompact() && (z.size() + 1 > zsetMaxEntries || member.length > zsetMaxValue)) z.toSkiplist();
        z.add(member, score);
    }
}
