package io.moonkey.server.cluster;

import io.moonkey.datastore.HashSlot;
import io.moonkey.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.List;

/**
 * The cluster configuration file ({@code cluster-config-file}, relative to {@code dir}) in
 * Valkey's nodes.conf format: one CLUSTER NODES line per node, with the aux fields after the
 * address ({@code ip:port@cport,hostname,tls-port=0,shard-id=<id>}), then a
 * {@code vars currentEpoch N lastVoteEpoch M} line. Only this node's own line is meaningful
 * here (there is no cluster bus to reach others); lines of other nodes are ignored on load.
 */
final class NodesConfigFile {
    private final Path path;

    NodesConfigFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * Loads the file into {@code state}; false when there is no file (a new node).
     *
     * @throws ConfigException for a file that does not parse, as Valkey refuses to start then
     */
    boolean load(ClusterState state) throws ConfigException {
        if (!Files.exists(path)) return false;
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigException("Unable to read the cluster config file " + path + ": " + e.getMessage());
        }
        String id = null, shard = null;
        long current = 0, lastVote = 0, config = 0;
        BitSet slots = new BitSet(HashSlot.COUNT);
        boolean empty = true;
        for (String line : lines) {
            if (line.isBlank()) continue;
            empty = false;
            String[] f = line.trim().split(" ");
            if (f[0].equals("vars")) {
                for (int i = 1; i + 1 < f.length; i += 2) {
                    long v = parse(f[i + 1], line);
                    if (f[i].equals("currentEpoch")) current = v;
                    else if (f[i].equals("lastVoteEpoch")) lastVote = v;
                }
                continue;
            }
            if (f.length < 8 || f[0].length() != 40) throw corrupted(line);
            if (!(("," + f[2] + ",").contains(",myself,"))) continue;
            id = f[0];
            for (String aux : f[1].split(",")) {
                if (aux.startsWith("shard-id=")) shard = aux.substring("shard-id=".length());
            }
            config = parse(f[6], line);
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) continue; // a migrating/importing mark
                int dash = f[i].indexOf('-');
                int from = (int) parse(dash < 0 ? f[i] : f[i].substring(0, dash), line);
                int to = dash < 0 ? from : (int) parse(f[i].substring(dash + 1), line);
                if (from < 0 || to >= HashSlot.COUNT || from > to) throw corrupted(line);
                slots.set(from, to + 1);
            }
        }
        if (empty) return false; // Valkey treats an empty file as no configuration
        if (id == null) throw new ConfigException("Unrecoverable error: corrupted cluster config file \"" + path + "\": no myself line.");
        state.restore(id, shard != null && shard.length() == 40 ? shard : ClusterState.randomName(), current, config, lastVote);
        state.unassignAll();
        for (int s = slots.nextSetBit(0); s >= 0; s = slots.nextSetBit(s + 1)) state.assign(s);
        return true;
    }

    /** Writes the file (to a temporary file first, then renamed over it). */
    void save(ClusterState state, String nodeLineForConfig) throws IOException {
        String text = nodeLineForConfig + "vars currentEpoch " + state.currentEpoch()
                + " lastVoteEpoch " + state.lastVoteEpoch() + "\n";
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long parse(String s, String line) throws ConfigException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw corrupted(line);
        }
    }

    private static ConfigException corrupted(String line) {
        return new ConfigException("Unrecoverable error: corrupted cluster config file \"" + line + "\".");
    }
}
